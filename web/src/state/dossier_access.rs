//! Whether the signed-in user takes in this site's new dossiers, decided as the
//! server's guards decide. Which steps they may take on one dossier the server says
//! itself, in the dossier's `actions`.

use openapi::auth::{Me, Role};
use openapi::units::Site;

use crate::state::access::may_act_as;

/// Whether `me` receives the ward's new dossiers (and so its live inbox signal).
pub fn may_intake(me: &Me, site: &Site) -> bool {
    may_act_as(me, Role::IntakeOfficer, site) || may_act_as(me, Role::WardAdmin, site)
}

#[cfg(test)]
mod tests {
    use super::*;
    use openapi::auth::RoleAssignment;
    use openapi::units::{Unit, UnitContact, UnitKind};

    fn unit(slug: &str, kind: UnitKind) -> Unit {
        Unit {
            slug: slug.into(),
            code: "1".into(),
            name: slug.into(),
            kind,
            parent: None,
            host: format!("{slug}.localhost"),
            valid_from: Default::default(),
            valid_to: None,
            contact: UnitContact::default(),
        }
    }

    fn site() -> Site {
        Site {
            unit: unit("phuong-1", UnitKind::Ward),
            ancestors: vec![unit("quan-10", UnitKind::District)],
            is_portal: false,
            children: Vec::new(),
        }
    }

    fn me(roles: &[(Role, &str)]) -> Me {
        Me {
            id: 1,
            full_name: "Phạm Thị Tiếp Nhận".into(),
            email: None,
            phone: None,
            roles: roles
                .iter()
                .map(|&(role, unit)| RoleAssignment {
                    role,
                    unit: unit.into(),
                    unit_name: unit.into(),
                })
                .collect(),
        }
    }

    #[test]
    fn intake_officers_and_ward_admins_take_in_but_department_officers_do_not() {
        assert!(may_intake(
            &me(&[(Role::IntakeOfficer, "phuong-1")]),
            &site()
        ));
        assert!(may_intake(&me(&[(Role::WardAdmin, "phuong-1")]), &site()));
        assert!(!may_intake(
            &me(&[(Role::DepartmentOfficer, "phuong-1")]),
            &site()
        ));
    }

    #[test]
    fn roles_in_another_ward_offer_nothing() {
        let officer = me(&[(Role::IntakeOfficer, "phuong-2")]);
        assert!(!may_intake(&officer, &site()));
        let district = me(&[(Role::DistrictAdmin, "quan-10")]);
        assert!(may_intake(&district, &site()));
    }
}

//! What the signed-in user may do on this site's unit, decided the way the server's
//! guard decides it, so the console offers only what will be allowed.

use openapi::auth::{Me, Role};
use openapi::units::Site;

/// Holding `role` for the site's unit, or being a district admin of it or of a unit
/// above it.
pub fn may_act_as(me: &Me, role: Role, site: &Site) -> bool {
    let in_scope = |unit: &str| {
        unit == site.unit.slug || site.ancestors.iter().any(|above| above.slug == unit)
    };
    me.roles.iter().any(|assignment| {
        (assignment.role == role && assignment.unit == site.unit.slug)
            || (assignment.role == Role::DistrictAdmin && in_scope(&assignment.unit))
    })
}

/// Whether `me` takes in the ward's new dossiers (and so gets its live inbox signal).
/// Which steps they may take on one dossier the server says itself, in its `actions`.
pub fn may_intake(me: &Me, site: &Site) -> bool {
    may_act_as(me, Role::IntakeOfficer, site) || may_act_as(me, Role::WardAdmin, site)
}

/// Keeping the working-day calendar: one for the whole district, kept by a district
/// admin wherever they are signed in.
pub fn may_keep_calendar(me: &Me) -> bool {
    me.roles
        .iter()
        .any(|assignment| assignment.role == Role::DistrictAdmin)
}

#[cfg(test)]
mod tests {
    use super::*;
    use openapi::auth::RoleAssignment;
    use openapi::units::{Unit, UnitContact, UnitKind};

    fn unit(slug: &str, kind: UnitKind) -> Unit {
        Unit {
            slug: slug.into(),
            code: "0".into(),
            name: slug.into(),
            kind,
            parent: None,
            host: format!("{slug}.localhost"),
            valid_from: Default::default(),
            valid_to: None,
            contact: UnitContact::default(),
        }
    }

    fn ward_site() -> Site {
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
            full_name: "Lê Thị Duyệt".into(),
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
    fn a_role_counts_only_in_its_own_unit() {
        let site = ward_site();
        assert!(may_act_as(
            &me(&[(Role::Reviewer, "phuong-1")]),
            Role::Reviewer,
            &site
        ));
        assert!(!may_act_as(
            &me(&[(Role::Reviewer, "phuong-2")]),
            Role::Reviewer,
            &site
        ));
        assert!(!may_act_as(
            &me(&[(Role::Editor, "phuong-1")]),
            Role::Reviewer,
            &site
        ));
    }

    #[test]
    fn a_district_admin_acts_in_the_wards_below() {
        let site = ward_site();
        let admin = me(&[(Role::DistrictAdmin, "quan-10")]);
        assert!(may_act_as(&admin, Role::Reviewer, &site));
        assert!(!may_act_as(
            &me(&[(Role::DistrictAdmin, "quan-5")]),
            Role::Reviewer,
            &site
        ));
    }

    #[test]
    fn intake_officers_and_ward_admins_take_in_but_department_officers_do_not() {
        let site = ward_site();
        assert!(may_intake(&me(&[(Role::IntakeOfficer, "phuong-1")]), &site));
        assert!(may_intake(&me(&[(Role::WardAdmin, "phuong-1")]), &site));
        assert!(!may_intake(
            &me(&[(Role::DepartmentOfficer, "phuong-1")]),
            &site
        ));
    }

    #[test]
    fn intake_roles_in_another_ward_take_in_nothing_here() {
        let site = ward_site();
        assert!(!may_intake(
            &me(&[(Role::IntakeOfficer, "phuong-2")]),
            &site
        ));
        assert!(may_intake(&me(&[(Role::DistrictAdmin, "quan-10")]), &site));
    }

    #[test]
    fn only_a_district_admin_keeps_the_calendar() {
        assert!(may_keep_calendar(&me(&[(Role::DistrictAdmin, "quan-10")])));
        assert!(!may_keep_calendar(&me(&[(Role::WardAdmin, "phuong-1")])));
        assert!(!may_keep_calendar(&me(&[])));
    }
}

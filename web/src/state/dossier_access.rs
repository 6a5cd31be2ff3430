//! Which dossier steps the signed-in user may take on this site's unit, decided as
//! the server's guards decide, so the dossier page offers only what will be allowed.

use openapi::auth::{Me, Role};
use openapi::dossier_workflow::DossierAction;
use openapi::dossiers::DossierStatus;
use openapi::units::Site;

use crate::state::access::may_act_as;

/// The staff's steps, in the order a dossier meets them.
const STAFF_ACTIONS: [DossierAction; 7] = [
    DossierAction::Accept,
    DossierAction::RequestSupplement,
    DossierAction::Refuse,
    DossierAction::Assign,
    DossierAction::ResultReady,
    DossierAction::Return,
    DossierAction::Apologize,
];

/// The roles the server accepts for a staff step.
fn action_roles(action: DossierAction) -> &'static [Role] {
    match action {
        DossierAction::Assign | DossierAction::Apologize => &[Role::IntakeOfficer, Role::WardAdmin],
        DossierAction::ResultReady => &[Role::DepartmentOfficer],
        _ => &[Role::IntakeOfficer],
    }
}

/// Whether `me` receives the ward's new dossiers (and so its live inbox signal).
pub fn may_intake(me: &Me, site: &Site) -> bool {
    may_act_as(me, Role::IntakeOfficer, site) || may_act_as(me, Role::WardAdmin, site)
}

/// The steps `me` may take on a dossier in `status`. A department officer is offered
/// "result ready" on any dossier in processing they can open: the server only shows
/// them the ones assigned to them.
pub fn staff_actions(me: &Me, site: &Site, status: DossierStatus) -> Vec<DossierAction> {
    STAFF_ACTIONS
        .into_iter()
        .filter(|action| action.target(status).is_some())
        .filter(|action| {
            action_roles(*action)
                .iter()
                .any(|role| may_act_as(me, *role, site))
        })
        .collect()
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
    fn an_intake_officer_decides_on_a_new_dossier() {
        let officer = me(&[(Role::IntakeOfficer, "phuong-1")]);
        assert_eq!(
            staff_actions(&officer, &site(), DossierStatus::Submitted),
            [
                DossierAction::Accept,
                DossierAction::RequestSupplement,
                DossierAction::Refuse
            ]
        );
        assert_eq!(
            staff_actions(&officer, &site(), DossierStatus::Accepted),
            [DossierAction::Assign, DossierAction::Apologize]
        );
        assert!(staff_actions(&officer, &site(), DossierStatus::Returned).is_empty());
    }

    #[test]
    fn a_department_officer_only_reports_the_result() {
        let officer = me(&[(Role::DepartmentOfficer, "phuong-1")]);
        assert_eq!(
            staff_actions(&officer, &site(), DossierStatus::Processing),
            [DossierAction::ResultReady]
        );
        assert!(staff_actions(&officer, &site(), DossierStatus::Submitted).is_empty());
        assert!(!may_intake(&officer, &site()));
    }

    #[test]
    fn a_ward_admin_assigns_and_apologizes_but_does_not_take_in() {
        let admin = me(&[(Role::WardAdmin, "phuong-1")]);
        assert!(staff_actions(&admin, &site(), DossierStatus::Submitted).is_empty());
        assert_eq!(
            staff_actions(&admin, &site(), DossierStatus::Processing),
            [DossierAction::Apologize]
        );
        assert!(may_intake(&admin, &site()));
    }

    #[test]
    fn roles_in_another_ward_offer_nothing() {
        let officer = me(&[(Role::IntakeOfficer, "phuong-2")]);
        assert!(staff_actions(&officer, &site(), DossierStatus::Submitted).is_empty());
        assert!(!may_intake(&officer, &site()));
        let district = me(&[(Role::DistrictAdmin, "quan-10")]);
        assert!(may_intake(&district, &site()));
    }
}

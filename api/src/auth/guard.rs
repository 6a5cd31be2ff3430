//! Authorization guards, called on the first line of a handler.

use openapi::auth::Role;

use crate::auth::current_user::CurrentUser;
use crate::error::ApiError;
use crate::services::units::UnitScope;

/// Passes when the caller holds one of `roles` for `unit`, or is a district admin
/// of a unit above it. A caller with no role at all in that part of the tree gets
/// 404, as if the unit's resources did not exist; one with other roles there 403.
pub fn require_role(user: &CurrentUser, roles: &[Role], unit: &UnitScope) -> Result<(), ApiError> {
    let in_scope =
        |grant_unit: i64| grant_unit == unit.id || unit.ancestor_ids.contains(&grant_unit);
    let allowed = user.grants.iter().any(|grant| {
        (grant.unit_id == unit.id && roles.contains(&grant.role))
            || (grant.role == Role::DistrictAdmin && in_scope(grant.unit_id))
    });
    if allowed {
        return Ok(());
    }
    if user.grants.iter().any(|grant| in_scope(grant.unit_id)) {
        Err(ApiError::Forbidden)
    } else {
        Err(ApiError::NotFound)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::current_user::Grant;

    fn user(grants: &[(Role, i64)]) -> CurrentUser {
        let now = chrono::Utc::now();
        CurrentUser {
            account: entity::account::Model {
                id: 1,
                full_name: "Trần Văn Bình".into(),
                email: None,
                phone: None,
                password_hash: String::new(),
                is_active: true,
                created_at: now,
                updated_at: now,
            },
            grants: grants
                .iter()
                .map(|&(role, unit_id)| Grant { role, unit_id })
                .collect(),
            session: "s".into(),
        }
    }

    const DISTRICT: i64 = 1;
    const PHUONG_1: i64 = 2;
    const PHUONG_2: i64 = 3;

    fn ward(id: i64) -> UnitScope {
        UnitScope {
            id,
            ancestor_ids: vec![DISTRICT],
        }
    }

    #[test]
    fn ward_admin_may_act_in_own_ward() {
        assert!(
            require_role(
                &user(&[(Role::WardAdmin, PHUONG_1)]),
                &[Role::WardAdmin],
                &ward(PHUONG_1)
            )
            .is_ok()
        );
    }

    #[test]
    fn staff_of_another_ward_get_not_found() {
        let error = require_role(
            &user(&[(Role::WardAdmin, PHUONG_2)]),
            &[Role::WardAdmin],
            &ward(PHUONG_1),
        )
        .unwrap_err();
        assert!(matches!(error, ApiError::NotFound));
    }

    #[test]
    fn an_editor_lacking_the_role_in_own_ward_gets_forbidden() {
        let error = require_role(
            &user(&[(Role::Editor, PHUONG_1)]),
            &[Role::WardAdmin],
            &ward(PHUONG_1),
        )
        .unwrap_err();
        assert!(matches!(error, ApiError::Forbidden));
    }

    #[test]
    fn district_admin_may_act_in_every_ward_below() {
        assert!(
            require_role(
                &user(&[(Role::DistrictAdmin, DISTRICT)]),
                &[Role::WardAdmin],
                &ward(PHUONG_2)
            )
            .is_ok()
        );
    }
}

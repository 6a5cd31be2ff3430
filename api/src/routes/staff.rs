use openapi::FieldError;
use openapi::auth::Role;
use sea_orm::DatabaseConnection;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::services::units;

mod grant_role;
mod list;
mod revoke_role;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list)
        .service(grant_role::grant_role)
        .service(revoke_role::revoke_role);
}

/// The roles a ward admin manages; `district_admin` only a district admin grants.
pub const MANAGERS: [Role; 2] = [Role::WardAdmin, Role::DistrictAdmin];

fn parse_role(value: &str) -> Result<Role, ApiError> {
    Role::parse(value).ok_or_else(|| {
        ApiError::invalid(FieldError::new(
            "role",
            "unknown_role",
            "Vai trò không tồn tại",
        ))
    })
}

/// Who may grant or revoke `role` in the unit `slug`: its ward admins, or district
/// admins above it; `district_admin` itself only a district admin. Answers the unit's
/// id and the parsed role.
async fn authorize_role_change(
    user: &CurrentUser,
    db: &DatabaseConnection,
    slug: &str,
    role: &str,
) -> Result<(i64, Role), ApiError> {
    let (unit, scope) = units::scope(db, slug).await?;
    require_role(user, &MANAGERS, &scope)?;
    let role = parse_role(role)?;
    if role == Role::DistrictAdmin {
        require_role(user, &[Role::DistrictAdmin], &scope)?;
    }
    Ok((unit.id, role))
}

use openapi::FieldError;
use openapi::auth::Role;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::ApiError;

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

/// Granting or revoking `district_admin` needs a district admin above the unit.
fn ensure_may_manage(
    user: &crate::auth::CurrentUser,
    role: Role,
    unit: &crate::services::units::UnitScope,
) -> Result<(), ApiError> {
    if role == Role::DistrictAdmin {
        crate::auth::require_role(user, &[Role::DistrictAdmin], unit)?;
    }
    Ok(())
}

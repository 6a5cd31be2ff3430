use actix_web::{put, web};
use openapi::Problem;
use openapi::boundaries::BoundaryUpload;

use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::routes::staff::MANAGERS;
use crate::services::{boundaries, units};
use crate::state::AppState;

/// Replaces the unit's boundary with a checked GeoJSON polygon (ward admins of the
/// unit, district admins above it).
#[utoipa::path(
    tag = "units",
    operation_id = "update_boundary",
    security(("bearer" = ["ward_admin", "district_admin"])),
    params(("unit" = String, Path, description = "The unit's slug")),
    request_body = BoundaryUpload,
    responses(
        (status = 200, description = "The stored boundary as a GeoJSON Feature", body = Object),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an admin of this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit, or one the caller has no role in", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a closed polygon in Vietnam, or too large; `errors` names the problem", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/units/{unit}/boundary")]
pub async fn update(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Json<BoundaryUpload>,
) -> Result<web::Json<serde_json::Value>, ApiError> {
    let (unit, scope) = units::scope(&state.db, &path.into_inner()).await?;
    require_role(&user, &MANAGERS, &scope)?;
    Ok(web::Json(
        boundaries::save(&state.db, &unit, Some(user.account.id), &body).await?,
    ))
}

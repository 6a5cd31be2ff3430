use actix_web::{HttpResponse, post, web};
use openapi::Problem;
use openapi::api_keys::{IssuedApiKey, NewApiKey};

use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::routes::staff::MANAGERS;
use crate::services::{api_keys, units};
use crate::state::AppState;

/// Makes an API key for a third party acting for this unit (a district's key serves
/// its wards too). The answer holds the whole key: it is shown this once, and only
/// its hash is kept.
#[utoipa::path(
    tag = "api keys",
    operation_id = "create_api_key",
    security(("bearer" = ["ward_admin", "district_admin"])),
    params(("unit" = String, Path, description = "The unit's slug")),
    request_body = NewApiKey,
    responses(
        (status = 201, description = "The key, shown once", body = IssuedApiKey),
        (status = 400, description = "Malformed body, unknown field or scope", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Signed in without an admin role in this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit, or one the caller has no role in", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No label or no scope", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/units/{unit}/api-keys")]
pub async fn create(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Json<NewApiKey>,
) -> Result<HttpResponse, ApiError> {
    let (unit, scope) = units::scope(&state.db, &path.into_inner()).await?;
    require_role(&user, &MANAGERS, &scope)?;
    let checked = body.parse().map_err(ApiError::Validation)?;
    let (record, secret) = api_keys::create(&state.db, unit.id, user.account.id, checked).await?;
    Ok(HttpResponse::Created().json(IssuedApiKey {
        secret,
        key: crate::wire::api_key(&record),
    }))
}

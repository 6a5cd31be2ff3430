use actix_web::{put, web};
use openapi::Problem;
use openapi::procedures::{Procedure, ProcedureDefinition};

use super::EDITORS;
use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::services::{procedures, units};
use crate::state::AppState;

/// A ward admin's edit of a procedure and its form: saved as the next version and
/// made current, with an audit event. Earlier versions stay readable, so a dossier
/// is always read under the version it was filed under. The body's `code` must be
/// the procedure's. Every problem is named by its place, e.g. `form[3].options`.
#[utoipa::path(
    tag = "procedures",
    operation_id = "update_procedure",
    security(("bearer" = ["ward_admin", "district_admin"])),
    params(
        ("unit" = String, Path, description = "The ward's slug"),
        ("code" = String, Path, description = "The procedure's code, e.g. `HT-KS`"),
    ),
    request_body = ProcedureDefinition,
    responses(
        (status = 200, description = "The procedure in its new version", body = Procedure),
        (status = 400, description = "Malformed body", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a ward admin of this ward", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such procedure in this ward, or a ward the caller has no role in", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Someone saved another edit at the same moment (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The edit is not a procedure a citizen can file; each problem named (`validation_failed`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/units/{unit}/procedures/{code}")]
pub async fn update(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    body: web::Json<ProcedureDefinition>,
) -> Result<web::Json<Procedure>, ApiError> {
    let (slug, code) = path.into_inner();
    let (unit, scope) = units::scope(&state.db, &slug).await?;
    require_role(&user, &EDITORS, &scope)?;
    let unit = procedures::with_catalog(unit)?;
    Ok(web::Json(
        procedures::update(&state.db, &unit, &code, &body, user.account.id).await?,
    ))
}

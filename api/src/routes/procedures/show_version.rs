use actix_web::{get, web};
use openapi::Problem;
use openapi::auth::Role;
use openapi::procedures::Procedure;

use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::{procedures, units};
use crate::state::AppState;

/// A procedure as it was in an earlier (or the current) version: what a dossier
/// filed under that version is read and judged by.
#[utoipa::path(
    tag = "procedures",
    operation_id = "show_procedure_version",
    security(("bearer" = ["editor", "reviewer", "web_officer", "department_officer", "intake_officer", "ward_admin", "district_admin"])),
    params(
        ("unit" = String, Path, description = "The ward's slug"),
        ("code" = String, Path, description = "The procedure's code, e.g. `HT-KS`"),
        ("version" = i32, Path, description = "The version, 1 for the catalog as seeded"),
        NoQuery,
    ),
    responses(
        (status = 200, description = "The procedure in that version", body = Procedure),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such procedure or version in this ward, or a ward the caller has no role in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/procedures/{code}/versions/{version}")]
pub async fn show_version(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, String, i32)>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<Procedure>, ApiError> {
    let (slug, code, version) = path.into_inner();
    let (unit, scope) = units::scope(&state.db, &slug).await?;
    require_role(&user, &Role::ALL, &scope)?;
    let unit = procedures::with_catalog(unit)?;
    Ok(web::Json(
        procedures::version(&state.db, &unit, &code, version).await?,
    ))
}

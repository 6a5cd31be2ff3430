use actix_web::{get, web};
use openapi::Problem;
use openapi::dossier_workflow::{DepartmentOfficer, DossierAction};

use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::{departments, units};
use crate::state::AppState;

/// The ward's department officers, whom an accepted dossier can be assigned to,
/// each with the departments they work in; for those who assign (intake officers,
/// ward admins, a district admin of the ward's district).
#[utoipa::path(
    tag = "dossiers",
    operation_id = "list_department_officers",
    security(("bearer" = ["intake_officer", "ward_admin"])),
    params(("unit" = String, Path, description = "The ward's slug"), NoQuery),
    responses(
        (status = 200, description = "Active department officers, by name", body = Vec<DepartmentOfficer>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Staff of the ward who do not assign dossiers", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit, or one the caller has no role in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/department-officers")]
pub async fn officers(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<Vec<DepartmentOfficer>>, ApiError> {
    let (unit, scope) = units::scope(&state.db, &path.into_inner()).await?;
    require_role(&user, DossierAction::Assign.roles(), &scope)?;
    Ok(web::Json(departments::officers(&state.db, unit.id).await?))
}

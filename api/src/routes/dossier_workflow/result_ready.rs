use actix_web::{post, web};
use openapi::Problem;
use openapi::dossier_workflow::{DossierAction, ResultReady};
use openapi::dossiers::Dossier;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::dossier_workflow;
use crate::state::AppState;

/// The assigned department officer reports the result ready; the citizen is told.
#[utoipa::path(
    tag = "dossiers",
    operation_id = "dossier_result_ready",
    security(("bearer" = ["department_officer"])),
    params(("code" = String, Path, description = "The dossier code")),
    request_body = ResultReady,
    responses(
        (status = 200, description = "The dossier after the action", body = Dossier),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Staff of the ward without the role, or a department officer it is not assigned to", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such dossier, or one of a ward the caller has no role in", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not being processed, or another officer acted first (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A note too long; see `errors`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/dossiers/{code}/result-ready")]
pub async fn result_ready(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Json<ResultReady>,
) -> Result<web::Json<Dossier>, ApiError> {
    let staffed = super::staffed(&state, &user, &path, DossierAction::ResultReady).await?;
    let note = body.parse().map_err(ApiError::Validation)?;
    let after =
        dossier_workflow::result_ready(&state.db, &staffed.record, staffed.actor(), note).await?;
    super::answer_staff(&state, &after, staffed).await
}

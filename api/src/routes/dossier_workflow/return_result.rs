use actix_web::{post, web};
use openapi::Problem;
use openapi::dossier_workflow::{DossierAction, ReturnResult};
use openapi::dossiers::Dossier;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::dossier_workflow;
use crate::state::AppState;

/// The result was handed to the citizen: the dossier is finished and may be rated.
#[utoipa::path(
    tag = "dossiers",
    operation_id = "return_dossier_result",
    security(("bearer" = ["intake_officer"])),
    params(("code" = String, Path, description = "The dossier code")),
    request_body = ReturnResult,
    responses(
        (status = 200, description = "The dossier after the action", body = Dossier),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Staff of the ward without the role", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such dossier, or one of a ward the caller has no role in", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "No result ready, or another officer acted first (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A note too long; see `errors`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/dossiers/{code}/return")]
pub async fn return_result(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Json<ReturnResult>,
) -> Result<web::Json<Dossier>, ApiError> {
    let staffed = super::staffed(&state, &user, &path, DossierAction::Return).await?;
    let note = body.parse().map_err(ApiError::Validation)?;
    let after =
        dossier_workflow::return_result(&state.db, &staffed.record, staffed.actor(), note).await?;
    super::answer_staff(&state, &after, staffed).await
}

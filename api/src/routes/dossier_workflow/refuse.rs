use actix_web::{post, web};
use openapi::Problem;
use openapi::dossier_workflow::{DossierAction, RefuseDossier};
use openapi::dossiers::Dossier;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::dossier_workflow;
use crate::state::AppState;

/// Refuses the dossier at intake with the reason the citizen is e-mailed.
#[utoipa::path(
    tag = "dossiers",
    operation_id = "refuse_dossier",
    security(("bearer" = ["intake_officer"])),
    params(("code" = String, Path, description = "The dossier code")),
    request_body = RefuseDossier,
    responses(
        (status = 200, description = "The dossier after the action", body = Dossier),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Staff of the ward without the role", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such dossier, or one of a ward the caller has no role in", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not waiting for intake, or another officer acted first (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No reason; see `errors`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/dossiers/{code}/refuse")]
pub async fn refuse(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Json<RefuseDossier>,
) -> Result<web::Json<Dossier>, ApiError> {
    let staffed = super::staffed(&state, &user, &path, DossierAction::Refuse).await?;
    let reason = body.parse().map_err(ApiError::Validation)?;
    let after =
        dossier_workflow::refuse(&state.db, &staffed.record, staffed.actor(), reason).await?;
    super::answer_staff(&state, &after, staffed).await
}

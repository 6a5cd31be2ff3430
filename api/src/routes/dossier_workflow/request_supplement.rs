use actix_web::{post, web};
use openapi::Problem;
use openapi::dossier_workflow::{DossierAction, RequestSupplement};
use openapi::dossiers::Dossier;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::dossier_workflow;
use crate::state::AppState;

/// Asks the citizen for every missing document or answer at once (1 to 20 items).
/// The dossier waits for the citizen's resubmission; they are e-mailed the list.
#[utoipa::path(
    tag = "dossiers",
    operation_id = "request_dossier_supplement",
    security(("bearer" = ["intake_officer"])),
    params(("code" = String, Path, description = "The dossier code")),
    request_body = RequestSupplement,
    responses(
        (status = 200, description = "The dossier after the action", body = Dossier),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Staff of the ward without the role", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such dossier, or one of a ward the caller has no role in", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not waiting for intake, or another officer acted first (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No items, too many, or an item too long; see `errors`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/dossiers/{code}/request-supplement")]
pub async fn request_supplement(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Json<RequestSupplement>,
) -> Result<web::Json<Dossier>, ApiError> {
    let staffed = super::staffed(&state, &user, &path, DossierAction::RequestSupplement).await?;
    let request = body.parse().map_err(ApiError::Validation)?;
    let after =
        dossier_workflow::request_supplement(&state.db, &staffed.record, staffed.actor(), request)
            .await?;
    super::answer_staff(&state, &after, staffed).await
}

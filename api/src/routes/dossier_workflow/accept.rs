use actix_web::{post, web};
use chrono::Utc;
use openapi::Problem;
use openapi::dossier_workflow::{AcceptDossier, DossierAction};
use openapi::dossiers::Dossier;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::dossier_workflow;
use crate::state::AppState;

/// Accepts a complete dossier (submitted or resubmitted) and sets its appointment
/// date: the working days of the procedure version it was filed under, counted in
/// Vietnam's time from the day after acceptance (after 15:00, from the next working
/// day). `verification` takes the procedure's longer limit when it has one. The
/// citizen is e-mailed the date.
#[utoipa::path(
    tag = "dossiers",
    operation_id = "accept_dossier",
    security(("bearer" = ["intake_officer"])),
    params(("code" = String, Path, description = "The dossier code")),
    request_body = AcceptDossier,
    responses(
        (status = 200, description = "The dossier after the action", body = Dossier),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Staff of the ward without the role", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such dossier, or one of a ward the caller has no role in", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not waiting for intake, or another officer acted first (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The date would fall in a year whose calendar is not confirmed (`calendar_not_confirmed`); nothing is written", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/dossiers/{code}/accept")]
pub async fn accept(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Json<AcceptDossier>,
) -> Result<web::Json<Dossier>, ApiError> {
    let staffed = super::staffed(&state, &user, &path, DossierAction::Accept).await?;
    let after = dossier_workflow::accept(
        &state.db,
        &staffed.record,
        staffed.actor(),
        body.verification,
        Utc::now(),
    )
    .await?;
    super::answer_staff(&state, &after, staffed).await
}

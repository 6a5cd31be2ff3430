use actix_web::{post, web};
use openapi::Problem;
use openapi::dossier_workflow::{Apologize, DossierAction};
use openapi::dossiers::Dossier;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::local_time;
use crate::services::dossier_workflow;
use crate::state::AppState;

/// The apology for a missed appointment date, with a new date (a working day after
/// today). The original date stays on record and the dossier still counts as late.
#[utoipa::path(
    tag = "dossiers",
    operation_id = "apologize_for_dossier",
    security(("bearer" = ["intake_officer", "ward_admin"])),
    params(("code" = String, Path, description = "The dossier code")),
    request_body = Apologize,
    responses(
        (status = 200, description = "The dossier after the action", body = Dossier),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Staff of the ward without the role", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such dossier, or one of a ward the caller has no role in", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not awaiting a result, its date not yet missed, or another officer acted first (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No reason, or a new date not a working day after today (`errors`); a new date in an unconfirmed year (`calendar_not_confirmed`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/dossiers/{code}/apologize")]
pub async fn apologize(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Json<Apologize>,
) -> Result<web::Json<Dossier>, ApiError> {
    let staffed = super::staffed(&state, &user, &path, DossierAction::Apologize).await?;
    let apology = body.parse().map_err(ApiError::Validation)?;
    let after = dossier_workflow::apologize(
        &state.db,
        &staffed.record,
        staffed.actor(),
        apology,
        local_time::today(),
    )
    .await?;
    super::answer_staff(&state, &after, staffed).await
}

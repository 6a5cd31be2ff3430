use actix_web::{post, web};
use openapi::Problem;
use openapi::dossier_workflow::{AssignDossier, DossierAction};
use openapi::dossiers::Dossier;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::dossier_workflow;
use crate::state::AppState;

/// Gives an accepted dossier to a department officer of its ward to process.
#[utoipa::path(
    tag = "dossiers",
    operation_id = "assign_dossier",
    security(("bearer" = ["intake_officer", "ward_admin"])),
    params(("code" = String, Path, description = "The dossier code")),
    request_body = AssignDossier,
    responses(
        (status = 200, description = "The dossier after the action", body = Dossier),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Staff of the ward without the role", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such dossier, or one of a ward the caller has no role in", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not accepted, or another officer acted first (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`officer_id` is not a department officer of the ward; see `errors`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/dossiers/{code}/assign")]
pub async fn assign(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Json<AssignDossier>,
) -> Result<web::Json<Dossier>, ApiError> {
    let staffed = super::staffed(&state, &user, &path, DossierAction::Assign).await?;
    let note = body.parse().map_err(ApiError::Validation)?;
    let after = dossier_workflow::assign(
        &state.db,
        &staffed.record,
        staffed.actor(),
        body.officer_id,
        note,
    )
    .await?;
    super::answer_staff(&state, &after, staffed).await
}

use actix_web::{post, web};
use openapi::Problem;
use openapi::dossier_workflow::Resubmit;
use openapi::dossiers::Dossier;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::dossier_reads::Reader;
use crate::services::dossier_workflow;
use crate::state::AppState;

/// The citizen's answer to a supplement request: the answers that change and the new
/// upload ids of file fields, by field key. The form as it then stands is checked
/// like a filing; the dossier waits for the intake officer again.
#[utoipa::path(
    tag = "dossiers",
    operation_id = "resubmit_dossier",
    security(("bearer" = [])),
    params(("code" = String, Path, description = "The dossier code")),
    request_body = Resubmit,
    responses(
        (status = 200, description = "The dossier after the action", body = Dossier),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such dossier among the caller's", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "No supplement was asked for (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A form field or upload refused, named by its field key; see `errors`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/dossiers/{code}/resubmit")]
pub async fn resubmit(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Json<Resubmit>,
) -> Result<web::Json<Dossier>, ApiError> {
    let record = super::owned(&state, &user, &path).await?;
    let note = body.parse_note().map_err(ApiError::Validation)?;
    let after =
        dossier_workflow::resubmit(&state.db, &record, user.account.id, &body.form, note).await?;
    super::answer(&state, &after, &Reader::Owner).await
}

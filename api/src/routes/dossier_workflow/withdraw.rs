use actix_web::{post, web};
use openapi::Problem;
use openapi::dossier_workflow::WithdrawDossier;
use openapi::dossiers::Dossier;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::dossier_reads::Reader;
use crate::services::dossier_workflow;
use crate::state::AppState;

/// The citizen withdraws the dossier; possible until a result exists.
#[utoipa::path(
    tag = "dossiers",
    operation_id = "withdraw_dossier",
    security(("bearer" = [])),
    params(("code" = String, Path, description = "The dossier code")),
    request_body = WithdrawDossier,
    responses(
        (status = 200, description = "The dossier after the action", body = Dossier),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such dossier among the caller's", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A result exists already, or the dossier is finished (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A reason too long; see `errors`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/dossiers/{code}/withdraw")]
pub async fn withdraw(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Json<WithdrawDossier>,
) -> Result<web::Json<Dossier>, ApiError> {
    let record = super::owned(&state, &user, &path).await?;
    let reason = body.parse().map_err(ApiError::Validation)?;
    let after = dossier_workflow::withdraw(&state.db, &record, user.account.id, reason).await?;
    super::answer(&state, &after, &Reader::Owner).await
}

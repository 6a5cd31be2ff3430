use actix_web::{post, web};
use openapi::Problem;
use openapi::dossier_workflow::RateDossier;
use openapi::dossiers::Dossier;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::dossier_reads::Reader;
use crate::services::dossier_workflow;
use crate::state::AppState;

/// The citizen rates the service, 1 to 5, once the result was returned; once.
#[utoipa::path(
    tag = "dossiers",
    operation_id = "rate_dossier",
    security(("bearer" = [])),
    params(("code" = String, Path, description = "The dossier code")),
    request_body = RateDossier,
    responses(
        (status = 200, description = "The dossier after the action", body = Dossier),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such dossier among the caller's", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not returned yet, or rated already (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A rating outside 1 to 5 or a comment too long; see `errors`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/dossiers/{code}/rating")]
pub async fn rate(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Json<RateDossier>,
) -> Result<web::Json<Dossier>, ApiError> {
    let record = super::owned(&state, &user, &path).await?;
    let rating = body.parse().map_err(ApiError::Validation)?;
    let after = dossier_workflow::rate(&state.db, &record, user.account.id, rating).await?;
    super::answer(&state, &after, &Reader::Owner).await
}

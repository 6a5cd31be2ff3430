use actix_web::{get, web};
use openapi::Problem;
use openapi::content::ReviewQueueEntry;

use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::{content, units};
use crate::state::AppState;

/// What waits for a reviewer of the unit, oldest first, with how long it has waited.
#[utoipa::path(
    tag = "content",
    operation_id = "review_queue",
    security(("bearer" = ["reviewer"])),
    params(("unit" = String, Path, description = "The unit's slug"), NoQuery),
    responses(
        (status = 200, description = "Revisions in review", body = Vec<ReviewQueueEntry>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a reviewer of this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit, or one the caller has no role in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/review-queue")]
pub async fn review_queue(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<Vec<ReviewQueueEntry>>, ApiError> {
    let (unit, scope) = units::scope(&state.db, &path.into_inner()).await?;
    require_role(&user, &super::REVIEWERS, &scope)?;
    Ok(web::Json(content::review_queue(&state.db, unit.id).await?))
}

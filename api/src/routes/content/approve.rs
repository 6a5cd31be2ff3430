use actix_web::{post, web};
use openapi::Problem;
use openapi::content::{ApproveRequest, StaffContentItem};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::content;
use crate::state::AppState;

/// Publishes the revision in review, now or from `publish_at`. The author of a
/// revision never approves it, whatever roles they hold.
#[utoipa::path(
    tag = "content",
    operation_id = "approve_content",
    security(("bearer" = ["reviewer"])),
    params(("unit" = String, Path, description = "The unit's slug"), ("id" = i64, Path, description = "The item")),
    request_body = ApproveRequest,
    responses(
        (status = 200, description = "The item, published or scheduled", body = StaffContentItem),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a reviewer of this unit, or the author (`cannot_review_own_work`)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such item in this unit", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Nothing in review, or another reviewer acted first (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/units/{unit}/content/{id}/approve")]
pub async fn approve(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    body: web::Json<ApproveRequest>,
) -> Result<web::Json<StaffContentItem>, ApiError> {
    let (slug, id) = path.into_inner();
    let (unit, item) = super::scoped_item(&state, &user, &slug, id, &super::REVIEWERS).await?;
    let body = body.into_inner();
    let publish_at = body.publish_at.map(|at| at.with_timezone(&chrono::Utc));
    content::approve(&state.db, &item, user.account.id, publish_at, body.comment).await?;
    super::view_after(&state, &unit, item.id).await
}

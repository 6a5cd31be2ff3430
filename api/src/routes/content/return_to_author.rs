use actix_web::{post, web};
use openapi::Problem;
use openapi::content::{ReturnRequest, StaffContentItem};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::content;
use crate::state::AppState;

/// Returns the revision in review to its author with a reason (required).
#[utoipa::path(
    tag = "content",
    operation_id = "return_content",
    security(("bearer" = ["reviewer"])),
    params(("unit" = String, Path, description = "The unit's slug"), ("id" = i64, Path, description = "The item")),
    request_body = ReturnRequest,
    responses(
        (status = 200, description = "The item, returned with the reason", body = StaffContentItem),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a reviewer of this unit, or the author (`cannot_review_own_work`)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such item in this unit", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Nothing in review (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No reason given", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/units/{unit}/content/{id}/return")]
pub async fn return_to_author(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    body: web::Json<ReturnRequest>,
) -> Result<web::Json<StaffContentItem>, ApiError> {
    let (slug, id) = path.into_inner();
    let (unit, item) = super::scoped_item(&state, &user, &slug, id, &super::REVIEWERS).await?;
    content::return_to_author(&state.db, &item, user.account.id, &body.reason).await?;
    super::view_after(&state, &unit, item.id).await
}

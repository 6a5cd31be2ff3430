use actix_web::{get, web};
use openapi::Problem;
use openapi::feedback_workflow::{FeedbackQueue, StaffFeedbackPage};
use serde::Deserialize;

use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::routes::page_limit;
use crate::services::feedback_staff;
use crate::services::page_cursor::{TimeCursor, TimeList};
use crate::services::units;
use crate::state::AppState;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct QueueQuery {
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Items per page, 1 to 100 (default 20).
    pub limit: Option<u64>,
}

/// A staff queue of the ward, oldest first, with due dates, what is overdue, and
/// counts over the whole queue: `triage` (received; web officer), `department`
/// (forwarded or returned to the caller's departments; department officer),
/// `review` (answered; reviewer), `publish` (approved; web officer).
#[utoipa::path(
    tag = "feedback",
    operation_id = "feedback_queue",
    security(("bearer" = ["web_officer", "department_officer", "reviewer"])),
    params(("unit" = String, Path, description = "The ward's slug"), ("queue" = inline(FeedbackQueue), Path, description = "Which queue"), QueueQuery),
    responses(
        (status = 200, description = "One page of the queue", body = StaffFeedbackPage),
        (status = 400, description = "Unknown parameter, bad cursor or limit", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Without the queue's role in this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such queue or unit, or a unit the caller has no role in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/feedback-queue/{queue}")]
pub async fn queue(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, FeedbackQueue)>,
    query: web::Query<QueueQuery>,
) -> Result<web::Json<StaffFeedbackPage>, ApiError> {
    let (slug, queue) = path.into_inner();
    let (unit, scope) = units::scope(&state.db, &slug).await?;
    let roles = match queue {
        FeedbackQueue::Triage | FeedbackQueue::Publish => &super::WEB_OFFICERS,
        FeedbackQueue::Department => &super::DEPARTMENT_OFFICERS,
        FeedbackQueue::Review => &super::REVIEWERS,
    };
    require_role(&user, roles, &scope)?;
    let cursor = query
        .cursor
        .as_deref()
        .map(|cursor| TimeCursor::decode(cursor, TimeList::Feedback))
        .transpose()?;
    let limit = page_limit(query.limit)? as u64;
    let (actor, _) = super::caller(&user, &scope);
    Ok(web::Json(
        feedback_staff::queue(&state.db, unit.id, queue, actor, cursor, limit).await?,
    ))
}

use actix_web::{post, web};
use openapi::Problem;
use openapi::content::StaffContentItem;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::content;
use crate::state::AppState;

/// Takes a published item off the public site. To bring it back, edit it and have
/// the new revision approved.
#[utoipa::path(
    tag = "content",
    operation_id = "archive_content",
    security(("bearer" = ["reviewer"])),
    params(("unit" = String, Path, description = "The unit's slug"), ("id" = i64, Path, description = "The item"), NoQuery),
    responses(
        (status = 200, description = "The item, archived", body = StaffContentItem),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a reviewer of this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such item in this unit", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not published, or archived already (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/units/{unit}/content/{id}/archive")]
pub async fn archive(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<StaffContentItem>, ApiError> {
    let (slug, id) = path.into_inner();
    let (unit, item) = super::scoped_item(&state, &user, &slug, id, &super::REVIEWERS).await?;
    content::archive(&state.db, &item, user.account.id).await?;
    super::view_after(&state, &unit, item.id).await
}

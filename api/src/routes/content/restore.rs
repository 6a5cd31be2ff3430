use actix_web::{post, web};
use openapi::Problem;
use openapi::content::StaffContentItem;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::content;
use crate::state::AppState;

/// Makes an old revision's text the new working draft; it goes through review again.
#[utoipa::path(
    tag = "content",
    operation_id = "restore_revision",
    security(("bearer" = ["editor"])),
    params(
        ("unit" = String, Path, description = "The unit's slug"),
        ("id" = i64, Path, description = "The item"),
        ("number" = i32, Path, description = "The revision to restore"),
        NoQuery,
    ),
    responses(
        (status = 200, description = "The item with the restored text as its draft", body = StaffContentItem),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an editor of this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such item or revision", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A revision is in review (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/units/{unit}/content/{id}/revisions/{number}/restore")]
pub async fn restore(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, i64, i32)>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<StaffContentItem>, ApiError> {
    let (slug, id, number) = path.into_inner();
    let (unit, item) = super::scoped_item(&state, &user, &slug, id, &super::WRITERS).await?;
    content::restore(&state.db, &item, user.account.id, number).await?;
    super::view_after(&state, &unit, item.id).await
}

use actix_web::{get, web};
use openapi::Problem;
use openapi::content::StaffContentItem;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::state::AppState;

/// One item: its live revision, the one being worked on, and the text to edit.
#[utoipa::path(
    tag = "content",
    operation_id = "show_content",
    security(("bearer" = ["editor", "reviewer"])),
    params(("unit" = String, Path, description = "The unit's slug"), ("id" = i64, Path, description = "The item"), NoQuery),
    responses(
        (status = 200, description = "The item", body = StaffContentItem),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Neither editor nor reviewer of this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such item in this unit, or a unit the caller has no role in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/content/{id}")]
pub async fn show(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<StaffContentItem>, ApiError> {
    let (slug, id) = path.into_inner();
    let (unit, item) = super::scoped_item(&state, &user, &slug, id, &super::READERS).await?;
    super::view_after(&state, &unit, item.id).await
}

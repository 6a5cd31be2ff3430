use actix_web::{get, web};
use openapi::Problem;
use openapi::content::RevisionHistoryEntry;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::content;
use crate::state::AppState;

/// Every revision of an item, newest first, with who moved it when and why.
#[utoipa::path(
    tag = "content",
    operation_id = "content_history",
    security(("bearer" = ["editor", "reviewer"])),
    params(("unit" = String, Path, description = "The unit's slug"), ("id" = i64, Path, description = "The item"), NoQuery),
    responses(
        (status = 200, description = "The revisions with their transitions", body = Vec<RevisionHistoryEntry>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Neither editor nor reviewer of this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such item in this unit", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/content/{id}/revisions")]
pub async fn history(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<Vec<RevisionHistoryEntry>>, ApiError> {
    let (slug, id) = path.into_inner();
    let (_, item) = super::scoped_item(&state, &user, &slug, id, &super::READERS).await?;
    Ok(web::Json(content::history(&state.db, &item).await?))
}

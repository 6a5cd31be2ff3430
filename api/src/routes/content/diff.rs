use actix_web::{get, web};
use openapi::Problem;
use openapi::content::RevisionDiff;
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::content;
use crate::state::AppState;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct DiffQuery {
    /// The older revision's number.
    pub from: i32,
    /// The newer revision's number.
    pub to: i32,
}

/// Line-by-line differences between two revisions of an item.
#[utoipa::path(
    tag = "content",
    operation_id = "content_diff",
    security(("bearer" = ["editor", "reviewer"])),
    params(("unit" = String, Path, description = "The unit's slug"), ("id" = i64, Path, description = "The item"), DiffQuery),
    responses(
        (status = 200, description = "The differences", body = RevisionDiff),
        (status = 400, description = "Missing or unknown parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Neither editor nor reviewer of this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such item or revision", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/content/{id}/diff")]
pub async fn diff(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    query: web::Query<DiffQuery>,
) -> Result<web::Json<RevisionDiff>, ApiError> {
    let (slug, id) = path.into_inner();
    let (_, item) = super::scoped_item(&state, &user, &slug, id, &super::READERS).await?;
    Ok(web::Json(
        content::diff(&state.db, &item, query.from, query.to).await?,
    ))
}

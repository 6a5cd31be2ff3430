use actix_web::{get, web};
use openapi::Problem;
use openapi::content::{RevisionState, StaffContentItem};
use serde::Deserialize;

use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::services::{content, units};
use crate::state::AppState;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    /// Only items whose newest revision is in this state.
    pub state: Option<RevisionState>,
}

/// The unit's content for the staff console, newest first.
#[utoipa::path(
    tag = "content",
    operation_id = "list_content",
    security(("bearer" = ["editor", "reviewer"])),
    params(("unit" = String, Path, description = "The unit's slug"), ListQuery),
    responses(
        (status = 200, description = "Items of the unit", body = Vec<StaffContentItem>),
        (status = 400, description = "Unknown query parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Neither editor nor reviewer of this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit, or one the caller has no role in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/content")]
pub async fn list(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<ListQuery>,
) -> Result<web::Json<Vec<StaffContentItem>>, ApiError> {
    let (unit, scope) = units::scope(&state.db, &path.into_inner()).await?;
    require_role(&user, &super::READERS, &scope)?;
    Ok(web::Json(
        content::staff_list(&state.db, unit.id, &unit.slug, query.state).await?,
    ))
}

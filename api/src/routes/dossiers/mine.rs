use actix_web::{get, web};
use openapi::Problem;
use openapi::dossiers::DossierList;
use serde::Deserialize;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::page_limit;
use crate::services::dossier_reads;
use crate::services::page_cursor::{TimeCursor, TimeList};
use crate::state::AppState;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct MineQuery {
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Items per page, 1 to 100 (default 20).
    pub limit: Option<u64>,
}

/// The dossiers the signed-in citizen filed, newest first, each with its status and
/// what happens next, a page at a time.
#[utoipa::path(
    tag = "dossiers",
    operation_id = "list_my_dossiers",
    security(("bearer" = [])),
    params(MineQuery),
    responses(
        (status = 200, description = "One page of the caller's dossiers", body = DossierList),
        (status = 400, description = "Unknown parameter, bad cursor or limit", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/dossiers")]
pub async fn mine(
    user: CurrentUser,
    state: web::Data<AppState>,
    query: web::Query<MineQuery>,
) -> Result<web::Json<DossierList>, ApiError> {
    let cursor = query
        .cursor
        .as_deref()
        .map(|cursor| TimeCursor::decode(cursor, TimeList::Dossiers))
        .transpose()?;
    let limit = page_limit(query.limit)? as u64;
    Ok(web::Json(
        dossier_reads::mine(&state.db, user.account.id, cursor, limit).await?,
    ))
}

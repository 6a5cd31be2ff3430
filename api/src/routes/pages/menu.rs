use actix_web::{get, web};
use openapi::Problem;
use openapi::content::MenuPage;

use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::{pages, units};
use crate::state::AppState;

/// The unit's menu: its published pages that have a menu position, in order.
#[utoipa::path(
    tag = "articles",
    operation_id = "list_menu_pages",
    params(("unit" = String, Path, description = "The unit's slug"), NoQuery),
    responses(
        (status = 200, description = "The menu, first entry first", body = Vec<MenuPage>),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/pages")]
pub async fn menu(
    state: web::Data<AppState>,
    path: web::Path<String>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<Vec<MenuPage>>, ApiError> {
    let unit = units::by_slug(&state.db, &path.into_inner()).await?;
    Ok(web::Json(pages::menu(&state.db, &unit).await?))
}

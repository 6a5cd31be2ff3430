use actix_web::{get, web};
use openapi::Problem;
use openapi::procedures::ProcedureList;
use serde::Deserialize;

use crate::error::ApiError;
use crate::services::{procedures, units};
use crate::state::AppState;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ProcedureListQuery {
    /// Words that must all appear in the code, name or field; case and diacritics
    /// do not matter (`khai sinh` finds `Đăng ký khai sinh`).
    pub q: Option<String>,
    /// Only the procedures of this field (lĩnh vực), as in `fields`, e.g. `Hộ tịch`.
    pub field: Option<String>,
}

/// The ward's procedure catalog (thủ tục hành chính), in the national catalog's
/// order, with every field it has for the filter. Only wards have procedures: a
/// citizen files with their ward and each ward may have edited its own catalog, so
/// a district (or city) answers 404 rather than a merged catalog no one files
/// under; its portal links to its wards' catalogs.
#[utoipa::path(
    tag = "procedures",
    operation_id = "list_procedures",
    params(("unit" = String, Path, description = "The ward's slug"), ProcedureListQuery),
    responses(
        (status = 200, description = "The matching procedures", body = ProcedureList),
        (status = 400, description = "Unknown parameter", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such ward (a district has no catalog of its own)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/procedures")]
pub async fn list(
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<ProcedureListQuery>,
) -> Result<web::Json<ProcedureList>, ApiError> {
    let unit = procedures::with_catalog(units::by_slug(&state.db, &path.into_inner()).await?)?;
    Ok(web::Json(
        procedures::list(&state.db, &unit, query.q.as_deref(), query.field.as_deref()).await?,
    ))
}

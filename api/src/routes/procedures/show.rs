use actix_web::{get, web};
use openapi::Problem;
use openapi::procedures::Procedure;

use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::{procedures, units};
use crate::state::AppState;

/// One procedure of the ward in its current version: documents to prepare, time
/// limit, fee, legal basis, online level and the form a dossier fills.
#[utoipa::path(
    tag = "procedures",
    operation_id = "show_procedure",
    params(
        ("unit" = String, Path, description = "The ward's slug"),
        ("code" = String, Path, description = "The procedure's code, as in the national catalog, e.g. `HT-KS`"),
        NoQuery,
    ),
    responses(
        (status = 200, description = "The procedure", body = Procedure),
        (status = 404, description = "No such ward, or no such procedure in it", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/procedures/{code}")]
pub async fn show(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<Procedure>, ApiError> {
    let (slug, code) = path.into_inner();
    let unit = procedures::with_catalog(units::by_slug(&state.db, &slug).await?)?;
    Ok(web::Json(procedures::show(&state.db, &unit, &code).await?))
}

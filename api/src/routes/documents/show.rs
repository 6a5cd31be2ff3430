use actix_web::{get, web};
use openapi::Problem;
use openapi::legal_documents::LegalDocument;

use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::{legal_documents, units};
use crate::state::AppState;

/// One published legal document with its register fields and text.
#[utoipa::path(
    tag = "articles",
    operation_id = "show_document",
    params(("unit" = String, Path, description = "The unit's slug"), ("slug" = String, Path, description = "The document's slug"), NoQuery),
    responses(
        (status = 200, description = "The document", body = LegalDocument),
        (status = 404, description = "No such unit, or no published document with this slug", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/documents/{slug}")]
pub async fn show(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<LegalDocument>, ApiError> {
    let (unit_slug, slug) = path.into_inner();
    let unit = units::by_slug(&state.db, &unit_slug).await?;
    Ok(web::Json(
        legal_documents::show(&state.db, &unit, &slug).await?,
    ))
}

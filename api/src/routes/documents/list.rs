use actix_web::{get, web};
use openapi::Problem;
use openapi::legal_documents::{DocumentType, LegalDocumentPage, Validity};
use serde::Deserialize;

use crate::error::ApiError;
use crate::routes::page_limit;
use crate::services::legal_documents::{self, DocumentFilter};
use crate::services::published::OffsetCursor;
use crate::services::units;
use crate::state::AppState;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct DocumentQuery {
    /// Only this type, e.g. `quyet_dinh`.
    #[serde(rename = "type")]
    #[param(rename = "type", inline)]
    pub document_type: Option<DocumentType>,
    /// Only documents in this state, e.g. `in_force`.
    #[param(inline)]
    pub validity: Option<Validity>,
    /// Only documents issued in this year.
    pub year: Option<i32>,
    /// Words of the number, title, issuer or text; case and diacritics do not
    /// matter ("qd ubnd" finds "QĐ-UBND").
    pub q: Option<String>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Items per page, 1 to 100 (default 20).
    pub limit: Option<u64>,
}

/// Published legal documents, newest issue date first. For a district, its own and
/// all its wards', each naming its unit.
#[utoipa::path(
    tag = "articles",
    operation_id = "list_documents",
    params(("unit" = String, Path, description = "The unit's slug"), DocumentQuery),
    responses(
        (status = 200, description = "One page of documents", body = LegalDocumentPage),
        (status = 400, description = "Unknown parameter or value, bad cursor or limit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/documents")]
pub async fn list(
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<DocumentQuery>,
) -> Result<web::Json<LegalDocumentPage>, ApiError> {
    let unit = units::by_slug(&state.db, &path.into_inner()).await?;
    let query = query.into_inner();
    let cursor = query
        .cursor
        .as_deref()
        .map(OffsetCursor::decode)
        .transpose()?;
    let limit = page_limit(query.limit)?;
    let filter = DocumentFilter {
        document_type: query.document_type,
        validity: query.validity,
        year: query.year,
        text: query.q,
    };
    Ok(web::Json(
        legal_documents::list(&state.db, &unit, &filter, cursor, limit).await?,
    ))
}

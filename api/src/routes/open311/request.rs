use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use openapi::api_keys::ApiKeyScope;
use openapi::open311::{Open311Error, ServiceRequest};

use super::reply::{Failure, Format, render};
use super::services::JurisdictionQuery;
use crate::error::ApiError;
use crate::services::open311;
use crate::state::AppState;

/// Finds the feedback `code` as anyone may see it, checking the jurisdiction and
/// the key when they are sent.
pub(super) async fn find(
    state: &AppState,
    format: Format,
    code: &str,
    query: &JurisdictionQuery,
) -> Result<ServiceRequest, Failure> {
    let unit = match query.jurisdiction_id.as_deref() {
        Some(_) => Some(
            super::jurisdiction(&state.db, format, query.jurisdiction_id.as_deref())
                .await?
                .0,
        ),
        None => None,
    };
    let (found, unit_id) = open311::request(&state.db, code, unit.as_ref())
        .await
        .map_err(|error| match error {
            ApiError::NotFound => Failure::new(
                format,
                StatusCode::NOT_FOUND,
                "Không có phản ánh với mã này",
            ),
            other => Failure::api(format, other),
        })?;
    if query.api_key.is_some() {
        let scope = super::scope_of(&state.db, format, unit_id).await?;
        open311::check_key(
            &state.db,
            query.api_key.as_deref(),
            ApiKeyScope::FeedbackRead,
            &scope,
            false,
        )
        .await
        .map_err(|refusal| Failure::refused(format, refusal))?;
    }
    Ok(found)
}

/// One feedback by its tracking code, as anyone may see it (a list of one, as the
/// specification has it).
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_show_request",
    security((), ("open311_key" = ["feedback:read"])),
    params(
        ("service_request_id" = String, Path, description = "The tracking code, e.g. `PA-7K3MQ-9QXD2`"),
        ("format" = inline(Format), Path, description = "`json` or `xml`"),
        JurisdictionQuery,
    ),
    responses(
        (status = 200, description = "The request", content((Vec<ServiceRequest> = "application/json"), (Vec<ServiceRequest> = "text/xml"))),
        (status = 400, description = "An unknown parameter", content((Vec<Open311Error> = "application/json"), (Vec<Open311Error> = "text/xml"))),
        (status = 403, description = "The key sent is not a live key of the feedback's ward", content((Vec<Open311Error> = "application/json"), (Vec<Open311Error> = "text/xml"))),
        (status = 404, description = "No feedback with this code (in this jurisdiction)", content((Vec<Open311Error> = "application/json"), (Vec<Open311Error> = "text/xml"))),
    )
)]
#[get("/requests/{service_request_id}.{format}")]
pub async fn request(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    query: web::Query<JurisdictionQuery>,
) -> Result<HttpResponse, Failure> {
    let (code, format) = path.into_inner();
    let format = Format::parse(&format)?;
    let found = find(&state, format, &code, &query).await?;
    Ok(render(format, StatusCode::OK, &vec![found]))
}

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use chrono::{DateTime, Utc};
use openapi::open311::{Open311Error, RequestStatus, ServiceRequest};
use serde::Deserialize;

use super::reply::{Failure, Format, render};
use crate::services::open311::{self, RequestFilter};
use crate::state::AppState;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct RequestsQuery {
    /// The ward's slug, e.g. `phuong-1`.
    pub jurisdiction_id: Option<String>,
    /// Comma-separated tracking codes; when given, the other filters do not apply.
    pub service_request_id: Option<String>,
    pub service_code: Option<String>,
    /// Earliest time received (RFC 3339); 90 days before `end_date` by default.
    pub start_date: Option<String>,
    /// Latest time received (RFC 3339); now by default.
    pub end_date: Option<String>,
    /// `open`, `closed`, or both comma-separated; all by default.
    pub status: Option<String>,
    /// Optional on reads; when sent it must be a live key of this ward.
    pub api_key: Option<String>,
}

fn instant(
    format: Format,
    name: &str,
    value: Option<&str>,
) -> Result<Option<DateTime<Utc>>, Failure> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| {
            DateTime::parse_from_rfc3339(v)
                .map(|at| at.with_timezone(&Utc))
                .map_err(|_| {
                    Failure::new(
                        format,
                        StatusCode::BAD_REQUEST,
                        &format!("{name}: cần thời điểm theo W3C, ví dụ 2026-11-01T00:00:00+07:00"),
                    )
                })
        })
        .transpose()
}

impl RequestsQuery {
    fn filter(&self, format: Format) -> Result<RequestFilter, Failure> {
        let list = |value: &Option<String>| -> Option<Vec<String>> {
            value.as_deref().map(|v| {
                v.split(',')
                    .map(str::trim)
                    .filter(|part| !part.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
        };
        let statuses = list(&self.status)
            .unwrap_or_default()
            .iter()
            .map(|status| match status.as_str() {
                "open" => Ok(RequestStatus::Open),
                "closed" => Ok(RequestStatus::Closed),
                _ => Err(Failure::new(
                    format,
                    StatusCode::BAD_REQUEST,
                    "status: chỉ nhận open hoặc closed",
                )),
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(RequestFilter {
            codes: list(&self.service_request_id).filter(|codes| !codes.is_empty()),
            service_code: self
                .service_code
                .as_deref()
                .map(str::trim)
                .filter(|code| !code.is_empty())
                .map(str::to_owned),
            start: instant(format, "start_date", self.start_date.as_deref())?,
            end: instant(format, "end_date", self.end_date.as_deref())?,
            statuses,
        })
    }
}

/// The ward's feedback that may be public, newest first, at most 1,000: by codes,
/// or by service, time received (the last 90 days by default) and status. No
/// contact data and no text the ward has not published.
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_list_requests",
    security((), ("open311_key" = ["feedback:read"])),
    params(("format" = inline(Format), Path, description = "`json` or `xml`"), RequestsQuery),
    responses(
        (status = 200, description = "The requests", content((Vec<ServiceRequest> = "application/json"), (Vec<ServiceRequest> = "text/xml"))),
        (status = 400, description = "No `jurisdiction_id`, a malformed date or status, or an unknown parameter", content((Vec<Open311Error> = "application/json"), (Vec<Open311Error> = "text/xml"))),
        (status = 403, description = "The key sent is not a live key of this ward", content((Vec<Open311Error> = "application/json"), (Vec<Open311Error> = "text/xml"))),
        (status = 404, description = "No such jurisdiction, or neither `json` nor `xml`", content((Vec<Open311Error> = "application/json"), (Vec<Open311Error> = "text/xml"))),
    )
)]
#[get("/requests.{format}")]
pub async fn requests(
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<RequestsQuery>,
) -> Result<HttpResponse, Failure> {
    let format = Format::parse(&path.into_inner())?;
    let filter = query.filter(format)?;
    let unit = super::readable_jurisdiction(
        &state.db,
        format,
        query.jurisdiction_id.as_deref(),
        query.api_key.as_deref(),
    )
    .await?;
    let requests = open311::requests(&state.db, &unit, filter)
        .await
        .map_err(|error| Failure::api(format, error))?;
    Ok(render(format, StatusCode::OK, &requests))
}

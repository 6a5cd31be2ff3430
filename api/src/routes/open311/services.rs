use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use openapi::open311::{Open311Error, Service};
use serde::Deserialize;

use super::reply::{Failure, Format, render};
use crate::services::open311;
use crate::state::AppState;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct JurisdictionQuery {
    /// The ward's slug, e.g. `phuong-1`.
    pub jurisdiction_id: Option<String>,
    /// Optional on reads; when sent it must be a live key of this ward.
    pub api_key: Option<String>,
}

/// The ward's services: its feedback categories.
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_services",
    security((), ("open311_key" = ["feedback:read"])),
    params(("format" = inline(Format), Path, description = "`json` or `xml`"), JurisdictionQuery),
    responses(
        (status = 200, description = "The ward's feedback categories as services", content((Vec<Service> = "application/json"), (Vec<Service> = "text/xml"))),
        (status = 400, description = "No `jurisdiction_id`, or an unknown parameter", content((Vec<Open311Error> = "application/json"), (Vec<Open311Error> = "text/xml"))),
        (status = 403, description = "The key sent is not a live key of this ward", content((Vec<Open311Error> = "application/json"), (Vec<Open311Error> = "text/xml"))),
        (status = 404, description = "No such jurisdiction, or neither `json` nor `xml`", content((Vec<Open311Error> = "application/json"), (Vec<Open311Error> = "text/xml"))),
    )
)]
#[get("/services.{format}")]
pub async fn services(
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<JurisdictionQuery>,
) -> Result<HttpResponse, Failure> {
    let format = Format::parse(&path.into_inner())?;
    let unit = super::readable_jurisdiction(
        &state.db,
        format,
        query.jurisdiction_id.as_deref(),
        query.api_key.as_deref(),
    )
    .await?;
    let services = open311::services(&state.db, &unit)
        .await
        .map_err(|error| Failure::api(format, error))?;
    Ok(render(format, StatusCode::OK, &services))
}

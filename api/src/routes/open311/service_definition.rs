use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use openapi::open311::{Open311Error, ServiceDefinition};

use super::reply::{Failure, Format, render};
use super::services::JurisdictionQuery;
use crate::error::ApiError;
use crate::services::open311;
use crate::state::AppState;

/// A service's definition: none asks for extra attributes, so `attributes` is empty.
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_service_definition",
    security((), ("open311_key" = ["feedback:read"])),
    params(
        ("service_code" = String, Path, description = "A service code from `services`"),
        ("format" = inline(Format), Path, description = "`json` or `xml`"),
        JurisdictionQuery,
    ),
    responses(
        (status = 200, description = "The definition", content((ServiceDefinition = "application/json"), (ServiceDefinition = "text/xml"))),
        (status = 400, description = "No `jurisdiction_id`, or an unknown parameter", content((Vec<Open311Error> = "application/json"), (Vec<Open311Error> = "text/xml"))),
        (status = 403, description = "The key sent is not a live key of this ward", content((Vec<Open311Error> = "application/json"), (Vec<Open311Error> = "text/xml"))),
        (status = 404, description = "No such jurisdiction or service", content((Vec<Open311Error> = "application/json"), (Vec<Open311Error> = "text/xml"))),
    )
)]
#[get("/services/{service_code}.{format}")]
pub async fn service_definition(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    query: web::Query<JurisdictionQuery>,
) -> Result<HttpResponse, Failure> {
    let (code, format) = path.into_inner();
    let format = Format::parse(&format)?;
    let unit = super::readable_jurisdiction(
        &state.db,
        format,
        query.jurisdiction_id.as_deref(),
        query.api_key.as_deref(),
    )
    .await?;
    let definition =
        open311::service(&state.db, &unit, &code)
            .await
            .map_err(|error| match error {
                ApiError::NotFound => Failure::new(
                    format,
                    StatusCode::NOT_FOUND,
                    "Phường không có dịch vụ (lĩnh vực phản ánh) này",
                ),
                other => Failure::api(format, other),
            })?;
    Ok(render(format, StatusCode::OK, &definition))
}

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, post, web};
use openapi::open311::{NewServiceRequest, Open311Error, ServiceRequestCreated};
use serde::Deserialize;

use super::reply::{Failure, Format, render};
use crate::services::open311;
use crate::state::AppState;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct KeyQuery {
    /// The key, when not sent as a form field.
    pub api_key: Option<String>,
}

/// Sends feedback to the ward on a citizen's behalf, exactly as the ward's own form
/// does: same checks, tracking code, due date and receipt e-mail. The key's holder
/// attests that the citizen consented to the processing of their personal data;
/// the consent is recorded with the key. Contact data is never published.
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_create_request",
    security(("open311_key" = ["feedback:write"])),
    params(("format" = inline(Format), Path, description = "`json` or `xml`"), KeyQuery),
    request_body(content = NewServiceRequest, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 201, description = "Received: the tracking code is the service request id", content((Vec<ServiceRequestCreated> = "application/json"), (Vec<ServiceRequestCreated> = "text/xml"))),
        (status = 400, description = "A parameter is missing or invalid (unknown `service_code`, no contact, description too short, a point outside the ward…); one error per parameter", content((Vec<Open311Error> = "application/json"), (Vec<Open311Error> = "text/xml"))),
        (status = 403, description = "No key, or a key that is unknown, revoked, of another unit or without `feedback:write`", content((Vec<Open311Error> = "application/json"), (Vec<Open311Error> = "text/xml"))),
        (status = 404, description = "No such jurisdiction, or neither `json` nor `xml`", content((Vec<Open311Error> = "application/json"), (Vec<Open311Error> = "text/xml"))),
        (status = 413, description = "The form is larger than 64 KiB", content((Vec<Open311Error> = "application/json"), (Vec<Open311Error> = "text/xml"))),
    )
)]
#[post("/requests.{format}")]
pub async fn create_request(
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<KeyQuery>,
    form: web::Form<NewServiceRequest>,
) -> Result<HttpResponse, Failure> {
    let format = Format::parse(&path.into_inner())?;
    let request = form.into_inner();
    let (unit, scope) =
        super::jurisdiction(&state.db, format, request.jurisdiction_id.as_deref()).await?;
    let key = request.api_key.as_deref().or(query.api_key.as_deref());
    let created = open311::submit(&state.db, &unit, &scope, key, &request)
        .await
        .map_err(|refusal| Failure::refused(format, refusal))?;
    Ok(render(format, StatusCode::CREATED, &vec![created]))
}

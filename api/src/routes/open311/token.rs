use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, web};
use openapi::open311::{Open311Error, ServiceRequestToken};

use super::reply::{Failure, Format, render};
use super::services::JurisdictionQuery;
use crate::state::AppState;

/// The service request id of a token. The id is known as soon as a request is
/// received, so a token is the tracking code itself; this serves clients written
/// for servers that answer tokens first.
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_show_token",
    security((), ("open311_key" = ["feedback:read"])),
    params(
        ("token" = String, Path, description = "The token from `POST requests`"),
        ("format" = inline(Format), Path, description = "`json` or `xml`"),
        JurisdictionQuery,
    ),
    responses(
        (status = 200, description = "The request's id", content((Vec<ServiceRequestToken> = "application/json"), (Vec<ServiceRequestToken> = "text/xml"))),
        (status = 400, description = "An unknown parameter", content((Vec<Open311Error> = "application/json"), (Vec<Open311Error> = "text/xml"))),
        (status = 403, description = "The key sent is not a live key of the feedback's ward", content((Vec<Open311Error> = "application/json"), (Vec<Open311Error> = "text/xml"))),
        (status = 404, description = "No such token (in this jurisdiction)", content((Vec<Open311Error> = "application/json"), (Vec<Open311Error> = "text/xml"))),
    )
)]
#[get("/tokens/{token}.{format}")]
pub async fn token(
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    query: web::Query<JurisdictionQuery>,
) -> Result<HttpResponse, Failure> {
    let (token, format) = path.into_inner();
    let format = Format::parse(&format)?;
    let found = super::request::find(&state, format, &token, &query).await?;
    let answer = ServiceRequestToken {
        service_request_id: found.service_request_id,
        token: token.trim().to_uppercase(),
    };
    Ok(render(format, StatusCode::OK, &vec![answer]))
}

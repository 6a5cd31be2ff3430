use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, web};
use openapi::open311::{Discovery, DiscoveryEndpoint, Open311Error, SPECIFICATION};

use super::reply::{Failure, Format, render};
use crate::routes::NoQuery;

/// When these endpoints last changed, for clients that cache the discovery.
const CHANGESET: &str = "2026-11-29T00:00:00+07:00";

/// Where the Open311 endpoint is, what it speaks, and how to get a key.
#[utoipa::path(
    tag = "open311",
    operation_id = "open311_discovery",
    params(("format" = inline(Format), Path, description = "`json` or `xml`"), NoQuery),
    responses(
        (status = 200, description = "The endpoint", content((Discovery = "application/json"), (Discovery = "text/xml"))),
        (status = 404, description = "Neither `json` nor `xml`", content((Vec<Open311Error> = "application/json"), (Vec<Open311Error> = "text/xml"))),
    )
)]
#[get("/discovery.{format}")]
pub async fn discovery(
    req: HttpRequest,
    path: web::Path<String>,
    _: web::Query<NoQuery>,
) -> Result<HttpResponse, Failure> {
    let format = Format::parse(&path.into_inner())?;
    let info = req.connection_info();
    let discovery = Discovery {
        changeset: CHANGESET.to_owned(),
        contact: "Văn phòng HĐND và UBND của phường (jurisdiction_id), địa chỉ và điện thoại trên trang thông tin điện tử của phường".to_owned(),
        key_service: "Khóa API do quản trị viên của phường cấp theo đề nghị gửi văn phòng UBND phường".to_owned(),
        endpoints: vec![DiscoveryEndpoint {
            specification: SPECIFICATION.to_owned(),
            url: format!("{}://{}/open311/v2", info.scheme(), info.host()),
            changeset: CHANGESET.to_owned(),
            kind: "production".to_owned(),
            formats: vec!["application/json".to_owned(), "text/xml".to_owned()],
        }],
    };
    Ok(render(format, StatusCode::OK, &discovery))
}

//! Answers in the format the path asks for (`.json` or `.xml`), and failures in
//! the specification's error shape: a list of `{code, description}`.

use std::fmt;

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use openapi::open311::Open311Error;
use serde::Serialize;

use super::xml::XmlBody;
use crate::error::ApiError;
use crate::services::open311::Refusal;

/// The path's extension: `json` or `xml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Json,
    Xml,
}

impl Format {
    /// The format named by the path's extension; anything else is not found.
    pub fn parse(extension: &str) -> Result<Format, Failure> {
        match extension {
            "json" => Ok(Format::Json),
            "xml" => Ok(Format::Xml),
            _ => Err(Failure::new(
                Format::Json,
                StatusCode::NOT_FOUND,
                "Định dạng không được hỗ trợ: dùng .json hoặc .xml",
            )),
        }
    }

    /// The format of the request being answered, from its `{format}` segment.
    pub fn of(req: &HttpRequest) -> Format {
        match req.match_info().get("format") {
            Some("xml") => Format::Xml,
            _ => Format::Json,
        }
    }
}

pub fn render<T: Serialize + XmlBody>(
    format: Format,
    status: StatusCode,
    body: &T,
) -> HttpResponse {
    match format {
        Format::Json => HttpResponse::build(status).json(body),
        Format::Xml => HttpResponse::build(status)
            .content_type("text/xml; charset=utf-8")
            .body(body.to_xml()),
    }
}

/// A failed Open311 call, answered in the caller's format.
#[derive(Debug)]
pub struct Failure {
    format: Format,
    status: StatusCode,
    errors: Vec<Open311Error>,
}

impl Failure {
    pub fn new(format: Format, status: StatusCode, description: &str) -> Failure {
        Failure {
            format,
            status,
            errors: vec![Open311Error {
                code: status.as_u16(),
                description: description.to_owned(),
            }],
        }
    }

    /// The same failure the JSON API would answer, in Open311's words: invalid
    /// input is 400 (one error per parameter), the rest keeps its status.
    pub fn api(format: Format, error: ApiError) -> Failure {
        if let ApiError::Internal(cause) = &error {
            tracing::error!(error = ?cause, "open311 request failed");
        }
        let problem = error.problem();
        match error {
            ApiError::Validation(fields) => Failure {
                format,
                status: StatusCode::BAD_REQUEST,
                errors: fields
                    .into_iter()
                    .map(|field| Open311Error {
                        code: 400,
                        description: format!("{}: {}", field.field, field.message),
                    })
                    .collect(),
            },
            other => Failure::new(
                format,
                other.status_code(),
                problem.detail.as_deref().unwrap_or(&problem.title),
            ),
        }
    }

    pub fn refused(format: Format, refusal: Refusal) -> Failure {
        match refusal {
            Refusal::Key(key) => Failure::new(format, StatusCode::FORBIDDEN, &key.description()),
            Refusal::Api(error) => Failure::api(format, error),
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "open311 {}: {:?}", self.status, self.errors)
    }
}

impl ResponseError for Failure {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        render(self.format, self.status, &self.errors)
    }
}

/// serde's English about a parameter, in Vietnamese where it names one.
fn parameter_error(message: &str) -> String {
    let named = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(str::to_owned)
    };
    if let Some(name) = named("unknown field `") {
        format!("{name}: tham số không được hỗ trợ")
    } else if let Some(name) = named("missing field `") {
        format!("{name}: thiếu tham số bắt buộc")
    } else {
        format!("Tham số không hợp lệ: {message}")
    }
}

/// Unknown or malformed query parameters, in Open311's shape.
pub fn query_error(
    error: actix_web::error::QueryPayloadError,
    req: &HttpRequest,
) -> actix_web::Error {
    let description = match &error {
        actix_web::error::QueryPayloadError::Deserialize(cause) => {
            parameter_error(&cause.to_string())
        }
        other => parameter_error(&other.to_string()),
    };
    Failure::new(Format::of(req), StatusCode::BAD_REQUEST, &description).into()
}

/// A form body that is not the request's form, in Open311's shape.
pub fn form_error(error: actix_web::error::UrlencodedError, req: &HttpRequest) -> actix_web::Error {
    use actix_web::error::UrlencodedError;
    let (status, description) = match &error {
        UrlencodedError::Overflow { .. } => (
            StatusCode::PAYLOAD_TOO_LARGE,
            "Nội dung gửi quá lớn".to_owned(),
        ),
        UrlencodedError::ContentType => (
            StatusCode::BAD_REQUEST,
            "Cần gửi dạng application/x-www-form-urlencoded".to_owned(),
        ),
        UrlencodedError::Parse(cause) => {
            (StatusCode::BAD_REQUEST, parameter_error(&cause.to_string()))
        }
        other => (StatusCode::BAD_REQUEST, parameter_error(&other.to_string())),
    };
    Failure::new(Format::of(req), status, &description).into()
}

/// Any other path under `/open311/v2/`.
pub async fn not_found(req: HttpRequest) -> Result<HttpResponse, Failure> {
    let format = if req.path().ends_with(".xml") {
        Format::Xml
    } else {
        Format::Json
    };
    Err(Failure::new(
        format,
        StatusCode::NOT_FOUND,
        "Không có tài nguyên Open311 này",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_parameter_is_named_in_vietnamese() {
        assert_eq!(
            parameter_error("unknown field `page`, expected one of `jurisdiction_id`, `api_key`"),
            "page: tham số không được hỗ trợ"
        );
    }
}

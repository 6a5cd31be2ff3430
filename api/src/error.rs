//! The one error type at the HTTP edge. Each variant says its status; every
//! response is an RFC 9457 problem with a stable code and a request id.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use openapi::{ErrorCode, FieldError, Problem};

use crate::middleware::request_id;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 422: one or more fields failed validation.
    #[error("validation failed: {0:?}")]
    Validation(Vec<FieldError>),
    /// 400: the body is not JSON of the expected shape.
    #[error("malformed body: {detail}")]
    MalformedBody {
        detail: String,
        errors: Vec<FieldError>,
    },
    /// 400: an unknown or malformed query parameter.
    #[error("invalid query: {0}")]
    InvalidQuery(String),
    /// 401: no valid credentials; the code says which (`unauthenticated`,
    /// `token_expired`, `invalid_credentials`, `refresh_token_invalid`,
    /// `refresh_token_reused`).
    #[error("unauthorized: {0:?}")]
    Unauthorized(ErrorCode),
    /// 403: signed in, but without the role this needs in this unit.
    #[error("forbidden")]
    Forbidden,
    /// 403: a reviewer acting on their own revision.
    #[error("cannot review own work")]
    OwnWork,
    /// 409: the action does not fit the resource's state; `detail` says why.
    #[error("invalid transition: {0}")]
    InvalidTransition(String),
    /// 404: no such resource, or one of a unit the caller cannot see.
    #[error("not found")]
    NotFound,
    /// 404: no site for this host name.
    #[error("unknown site {0}")]
    UnknownSite(String),
    /// 409: the value of `field` is already taken.
    #[error("conflict on {field}: {code:?}")]
    Conflict {
        code: ErrorCode,
        field: &'static str,
    },
    /// 413: the body is larger than allowed.
    #[error("payload too large")]
    PayloadTooLarge,
    /// 415: the file's content is of a type not accepted here; `detail` says which are.
    #[error("unsupported media type")]
    UnsupportedMediaType(String),
    /// 422: the `Idempotency-Key` was already used with a different request.
    #[error("idempotency key reused")]
    IdempotencyKeyReused,
    /// 422: a deadline would fall in a year whose calendar is not confirmed.
    #[error("calendar of {0} not confirmed")]
    CalendarNotConfirmed(i32),
    /// 429: try again after `retry_after` seconds.
    #[error("too many requests: {code:?}")]
    TooManyRequests { code: ErrorCode, retry_after: u64 },
    /// 503: a dependency (the database) does not answer.
    #[error("service unavailable")]
    Unavailable,
    /// 500: a bug or an outage; logged with context, answered with the request id only.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<sea_orm::DbErr> for ApiError {
    fn from(error: sea_orm::DbErr) -> Self {
        match error {
            // No pooled connection came free in time: overloaded, not broken; the
            // client may retry (503) rather than report a bug (500).
            sea_orm::DbErr::ConnectionAcquire(reason) => {
                tracing::warn!(%reason, "no database connection available");
                ApiError::Unavailable
            }
            other => ApiError::Internal(other.into()),
        }
    }
}

impl From<crate::working_days::CalendarError> for ApiError {
    fn from(error: crate::working_days::CalendarError) -> Self {
        match error {
            crate::working_days::CalendarError::Unconfirmed(year) => {
                ApiError::CalendarNotConfirmed(year)
            }
        }
    }
}

impl From<sea_orm::TransactionError<ApiError>> for ApiError {
    fn from(error: sea_orm::TransactionError<ApiError>) -> Self {
        match error {
            sea_orm::TransactionError::Connection(db) => db.into(),
            sea_orm::TransactionError::Transaction(api) => api,
        }
    }
}

impl ApiError {
    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::Validation(_) => ErrorCode::ValidationFailed,
            ApiError::MalformedBody { .. } => ErrorCode::MalformedBody,
            ApiError::InvalidQuery(_) => ErrorCode::InvalidQuery,
            ApiError::Unauthorized(code) => *code,
            ApiError::Forbidden => ErrorCode::Forbidden,
            ApiError::OwnWork => ErrorCode::CannotReviewOwnWork,
            ApiError::InvalidTransition(_) => ErrorCode::InvalidTransition,
            ApiError::NotFound => ErrorCode::NotFound,
            ApiError::UnknownSite(_) => ErrorCode::UnknownSite,
            ApiError::Conflict { code, .. } => *code,
            ApiError::PayloadTooLarge => ErrorCode::PayloadTooLarge,
            ApiError::UnsupportedMediaType(_) => ErrorCode::UnsupportedMediaType,
            ApiError::IdempotencyKeyReused => ErrorCode::IdempotencyKeyReused,
            ApiError::CalendarNotConfirmed(_) => ErrorCode::CalendarNotConfirmed,
            ApiError::TooManyRequests { code, .. } => *code,
            ApiError::Unavailable => ErrorCode::ServiceUnavailable,
            ApiError::Internal(_) => ErrorCode::InternalError,
        }
    }

    /// A single-field validation failure.
    pub fn invalid(error: FieldError) -> Self {
        ApiError::Validation(vec![error])
    }

    pub fn problem(&self) -> Problem {
        let mut problem = Problem::new(self.code(), self.status_code().as_u16());
        problem.request_id = request_id::current();
        match self {
            ApiError::Validation(errors) => problem.errors = errors.clone(),
            ApiError::MalformedBody { detail, errors } => {
                problem.detail = Some(detail.clone());
                problem.errors = errors.clone();
            }
            ApiError::InvalidQuery(detail)
            | ApiError::InvalidTransition(detail)
            | ApiError::UnsupportedMediaType(detail) => problem.detail = Some(detail.clone()),
            ApiError::IdempotencyKeyReused => {
                problem.detail = Some(
                    "Khóa này đã được dùng cho một nội dung gửi khác; \
                     hãy dùng khóa mới cho mỗi lần gửi mới"
                        .to_owned(),
                )
            }
            ApiError::CalendarNotConfirmed(year) => {
                problem.detail = Some(format!(
                    "Lịch làm việc năm {year} chưa được quản trị viên xác nhận nên chưa thể tính ngày hẹn"
                ))
            }
            ApiError::UnknownSite(host) => {
                problem.detail = Some(format!("Tên miền {host} không thuộc đơn vị nào"))
            }
            ApiError::Conflict { code, field } => {
                problem.errors = vec![FieldError::new(field, code.as_str(), code.title())]
            }
            ApiError::TooManyRequests { retry_after, .. } => {
                problem.detail = Some(format!("Vui lòng thử lại sau {retry_after} giây"))
            }
            ApiError::Internal(_) => {
                problem.detail = Some(format!(
                    "Vui lòng thử lại sau. Nếu lỗi lặp lại, hãy báo mã yêu cầu {}",
                    problem.request_id.as_deref().unwrap_or("-")
                ))
            }
            _ => {}
        }
        problem
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::MalformedBody { .. } | ApiError::InvalidQuery(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden | ApiError::OwnWork => StatusCode::FORBIDDEN,
            ApiError::NotFound | ApiError::UnknownSite(_) => StatusCode::NOT_FOUND,
            ApiError::Conflict { .. } | ApiError::InvalidTransition(_) => StatusCode::CONFLICT,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Validation(_)
            | ApiError::IdempotencyKeyReused
            | ApiError::CalendarNotConfirmed(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let ApiError::Internal(error) = self {
            tracing::error!(error = ?error, "request failed");
        }
        let mut response = HttpResponse::build(self.status_code());
        response.insert_header((
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        ));
        if let ApiError::Unauthorized(_) = self {
            response.insert_header((header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer")));
        }
        if let ApiError::TooManyRequests { retry_after, .. } = self {
            response.insert_header((header::RETRY_AFTER, retry_after.to_string()));
        }
        response.json(self.problem())
    }
}

/// Turns serde's message about a JSON body into field errors where it names one
/// (`unknown field `x``, `missing field `x``).
pub fn body_error(message: &str) -> ApiError {
    let named = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(str::to_owned)
    };
    let errors = if let Some(field) = named("unknown field `") {
        vec![FieldError::new(
            &field,
            "unknown_field",
            "Trường này không được hỗ trợ",
        )]
    } else if let Some(field) = named("missing field `") {
        vec![FieldError::new(&field, "required", "Thiếu trường bắt buộc")]
    } else {
        Vec::new()
    };
    ApiError::MalformedBody {
        detail: message.to_owned(),
        errors,
    }
}

pub fn json_error_handler(
    error: actix_web::error::JsonPayloadError,
    _: &actix_web::HttpRequest,
) -> actix_web::Error {
    use actix_web::error::JsonPayloadError;
    let api_error = match &error {
        JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
            ApiError::PayloadTooLarge
        }
        JsonPayloadError::ContentType => ApiError::MalformedBody {
            detail: "Content-Type phải là application/json".to_owned(),
            errors: Vec::new(),
        },
        JsonPayloadError::Deserialize(serde_error) => body_error(&serde_error.to_string()),
        other => ApiError::MalformedBody {
            detail: other.to_string(),
            errors: Vec::new(),
        },
    };
    api_error.into()
}

pub fn query_error_handler(
    error: actix_web::error::QueryPayloadError,
    _: &actix_web::HttpRequest,
) -> actix_web::Error {
    ApiError::InvalidQuery(error.to_string()).into()
}

pub fn path_error_handler(
    _: actix_web::error::PathError,
    _: &actix_web::HttpRequest,
) -> actix_web::Error {
    ApiError::NotFound.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_message_names_the_field() {
        let ApiError::MalformedBody { errors, .. } = body_error(
            "unknown field `admin`, expected one of `login`, `password` at line 1 column 8",
        ) else {
            panic!("expected a malformed body");
        };
        assert_eq!(errors[0].field, "admin");
        assert_eq!(errors[0].code, "unknown_field");
    }

    #[test]
    fn internal_errors_never_show_their_cause() {
        let error = ApiError::Internal(anyhow::anyhow!("password_hash column missing"));
        let problem = error.problem();
        assert_eq!(problem.code, ErrorCode::InternalError);
        assert!(!problem.detail.unwrap_or_default().contains("password_hash"));
    }
}

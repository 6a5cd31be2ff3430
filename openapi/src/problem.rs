//! The error body of every failed request: RFC 9457 `application/problem+json`.

use serde::{Deserialize, Serialize};

/// Stable, machine-readable reason of a failure. Clients switch on this, never on
/// the human text. The list is closed: adding a code is a change of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The body is not valid JSON for this operation, or has an unknown field.
    MalformedBody,
    /// A query parameter is unknown or has a wrong value.
    InvalidQuery,
    /// One or more fields failed validation; see `errors`.
    ValidationFailed,
    /// No valid access token was sent.
    Unauthenticated,
    /// The access token has expired: refresh it.
    TokenExpired,
    /// Login and password do not match an active account.
    InvalidCredentials,
    /// Too many failed sign-ins for this login; try again later.
    TooManyLoginAttempts,
    /// The refresh token is missing, unknown or expired.
    RefreshTokenInvalid,
    /// A refresh token was used twice; every session of its family is ended.
    RefreshTokenReused,
    /// Signed in, but the role needed for this action is missing.
    Forbidden,
    /// No such resource (or it belongs to a unit the caller cannot see).
    NotFound,
    /// The request's host name is not the site of any unit.
    UnknownSite,
    /// The e-mail address already belongs to an account.
    EmailTaken,
    /// The phone number already belongs to an account.
    PhoneTaken,
    /// The slug is already used by another item of the same kind in this unit.
    SlugTaken,
    /// The action does not fit the current state (e.g. approving a draft).
    InvalidTransition,
    /// Nobody reviews their own work, whatever roles they hold.
    CannotReviewOwnWork,
    /// The request body is larger than allowed.
    PayloadTooLarge,
    /// Too many requests; wait and retry.
    TooManyRequests,
    /// The file's content is not of a type accepted here.
    UnsupportedMediaType,
    /// The `Idempotency-Key` was already used for a different request.
    IdempotencyKeyReused,
    /// A date would fall in a year whose working-day calendar an administrator has
    /// not confirmed yet; it is refused rather than guessed.
    CalendarNotConfirmed,
    /// The service cannot reach its database right now.
    ServiceUnavailable,
    /// An unexpected failure; quote the request id when reporting it.
    InternalError,
}

impl ErrorCode {
    /// The code as it appears on the wire, e.g. `validation_failed`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::MalformedBody => "malformed_body",
            ErrorCode::InvalidQuery => "invalid_query",
            ErrorCode::ValidationFailed => "validation_failed",
            ErrorCode::Unauthenticated => "unauthenticated",
            ErrorCode::TokenExpired => "token_expired",
            ErrorCode::InvalidCredentials => "invalid_credentials",
            ErrorCode::TooManyLoginAttempts => "too_many_login_attempts",
            ErrorCode::RefreshTokenInvalid => "refresh_token_invalid",
            ErrorCode::RefreshTokenReused => "refresh_token_reused",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::NotFound => "not_found",
            ErrorCode::UnknownSite => "unknown_site",
            ErrorCode::EmailTaken => "email_taken",
            ErrorCode::PhoneTaken => "phone_taken",
            ErrorCode::SlugTaken => "slug_taken",
            ErrorCode::InvalidTransition => "invalid_transition",
            ErrorCode::CannotReviewOwnWork => "cannot_review_own_work",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::TooManyRequests => "too_many_requests",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::IdempotencyKeyReused => "idempotency_key_reused",
            ErrorCode::CalendarNotConfirmed => "calendar_not_confirmed",
            ErrorCode::ServiceUnavailable => "service_unavailable",
            ErrorCode::InternalError => "internal_error",
        }
    }

    /// The Vietnamese title shown to people; the web app uses the same text.
    pub fn title(self) -> &'static str {
        match self {
            ErrorCode::MalformedBody => "Dữ liệu gửi lên không đúng định dạng",
            ErrorCode::InvalidQuery => "Tham số truy vấn không hợp lệ",
            ErrorCode::ValidationFailed => "Thông tin chưa hợp lệ",
            ErrorCode::Unauthenticated => "Vui lòng đăng nhập",
            ErrorCode::TokenExpired => "Phiên đăng nhập đã hết hạn",
            ErrorCode::InvalidCredentials => "Tên đăng nhập hoặc mật khẩu không đúng",
            ErrorCode::TooManyLoginAttempts => "Đăng nhập sai quá nhiều lần, vui lòng thử lại sau",
            ErrorCode::RefreshTokenInvalid => "Phiên đăng nhập không còn hiệu lực",
            ErrorCode::RefreshTokenReused => {
                "Phiên đăng nhập bị sử dụng lại; mọi phiên liên quan đã bị đóng"
            }
            ErrorCode::Forbidden => "Bạn không có quyền thực hiện thao tác này",
            ErrorCode::NotFound => "Không tìm thấy",
            ErrorCode::UnknownSite => "Không có cổng thông tin cho tên miền này",
            ErrorCode::EmailTaken => "Địa chỉ thư điện tử đã được sử dụng",
            ErrorCode::PhoneTaken => "Số điện thoại đã được sử dụng",
            ErrorCode::SlugTaken => "Đường dẫn này đã được dùng cho nội dung khác",
            ErrorCode::InvalidTransition => "Thao tác không phù hợp với trạng thái hiện tại",
            ErrorCode::CannotReviewOwnWork => "Không được tự kiểm duyệt nội dung do mình soạn",
            ErrorCode::PayloadTooLarge => "Dữ liệu gửi lên quá lớn",
            ErrorCode::TooManyRequests => "Quá nhiều yêu cầu, vui lòng thử lại sau",
            ErrorCode::UnsupportedMediaType => "Loại tệp này không được chấp nhận",
            ErrorCode::IdempotencyKeyReused => {
                "Khóa Idempotency-Key đã được dùng cho một yêu cầu khác"
            }
            ErrorCode::CalendarNotConfirmed => "Lịch làm việc của năm này chưa được xác nhận",
            ErrorCode::ServiceUnavailable => "Hệ thống tạm thời gián đoạn",
            ErrorCode::InternalError => "Đã xảy ra lỗi hệ thống",
        }
    }
}

/// One field that failed validation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The field's name as in the request body, e.g. `email`.
    pub field: String,
    /// Machine code of the problem, e.g. `required`, `too_long`, `invalid_format`.
    pub code: String,
    /// Vietnamese explanation for people.
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, code: &str, message: &str) -> Self {
        FieldError {
            field: field.to_owned(),
            code: code.to_owned(),
            message: message.to_owned(),
        }
    }
}

/// RFC 9457 problem details, extended with `code`, `request_id` and `errors`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Problem {
    /// A URI naming the problem type: `urn:ward-portal:problem:{code}`.
    #[serde(rename = "type")]
    pub problem_type: String,
    /// Short Vietnamese summary.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// Vietnamese explanation of this occurrence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    pub code: ErrorCode,
    /// The id of the request, also in the `X-Request-Id` header and the server's logs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// Per-field errors of a `validation_failed` problem.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

impl Problem {
    pub fn new(code: ErrorCode, status: u16) -> Self {
        Problem {
            problem_type: format!("urn:ward-portal:problem:{}", code.as_str()),
            title: code.title().to_owned(),
            status,
            detail: None,
            code,
            request_id: None,
            errors: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_serialize_as_their_wire_names() {
        for code in [
            ErrorCode::MalformedBody,
            ErrorCode::TooManyLoginAttempts,
            ErrorCode::RefreshTokenReused,
            ErrorCode::InternalError,
        ] {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
    }

    #[test]
    fn problem_type_names_its_code() {
        let problem = Problem::new(ErrorCode::NotFound, 404);
        assert_eq!(problem.problem_type, "urn:ward-portal:problem:not_found");
        assert_eq!(problem.title, "Không tìm thấy");
    }
}

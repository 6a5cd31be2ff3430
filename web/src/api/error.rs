use std::fmt;

use openapi::{ErrorCode, FieldError, Problem};

/// Why an API call failed, in terms the interface can show.
///
/// Its `Display` is the Vietnamese title people read, so an `ErrorBoundary` that only
/// sees a type-erased error still shows the right text and never a Rust message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The server answered with a problem. Failures that came without a problem body
    /// (a proxy's HTML error page, an unexpected body) are turned into one by status.
    Problem(Box<Problem>),
    /// No answer: offline, connection refused or reset.
    Network,
}

const NETWORK_TITLE: &str =
    "Không kết nối được với máy chủ, vui lòng kiểm tra kết nối mạng và thử lại";

impl ApiError {
    /// A problem for a failure that carried no problem body.
    pub fn from_status(status: u16) -> Self {
        ApiError::Problem(Box::new(Problem::new(code_for_status(status), status)))
    }

    /// A validation failure found in the browser, shown exactly like one from the server.
    pub fn invalid_fields(errors: Vec<FieldError>) -> Self {
        let mut problem = Problem::new(ErrorCode::ValidationFailed, 422);
        problem.errors = errors;
        ApiError::Problem(Box::new(problem))
    }

    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ApiError::Problem(problem) => Some(problem.code),
            ApiError::Network => None,
        }
    }

    /// The Vietnamese title, chosen by code: the server's own text may one day come in
    /// another language, the code never changes.
    pub fn title(&self) -> &'static str {
        match self {
            ApiError::Problem(problem) => problem.code.title(),
            ApiError::Network => NETWORK_TITLE,
        }
    }

    pub fn detail(&self) -> Option<&str> {
        match self {
            ApiError::Problem(problem) => problem.detail.as_deref(),
            ApiError::Network => None,
        }
    }

    /// Quoted by people who report an internal error.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            ApiError::Problem(problem) => problem.request_id.as_deref(),
            ApiError::Network => None,
        }
    }

    /// The message for one field of the request, if the server named it.
    pub fn field_message(&self, field: &str) -> Option<String> {
        match self {
            ApiError::Problem(problem) => problem
                .errors
                .iter()
                .find(|error| error.field == field)
                .map(|error| error.message.clone()),
            ApiError::Network => None,
        }
    }

    /// The message for a field or anything inside it: `details.planning.zones` also
    /// answers for `details.planning.zones.features[2]`, where a file's problem is
    /// named but only the file has an input.
    pub fn message_under(&self, field: &str) -> Option<String> {
        match self {
            ApiError::Problem(problem) => problem
                .errors
                .iter()
                .find(|error| {
                    error.field.strip_prefix(field).is_some_and(|rest| {
                        rest.is_empty() || rest.starts_with('.') || rest.starts_with('[')
                    })
                })
                .map(|error| error.message.clone()),
            ApiError::Network => None,
        }
    }

    /// The caller has no valid session (any 401), as opposed to a failure worth retrying.
    pub fn is_unauthenticated(&self) -> bool {
        matches!(self, ApiError::Problem(problem) if problem.status == 401)
    }

    /// The failure may pass by itself: no answer, or the server failed (5xx).
    pub fn is_worth_retrying(&self) -> bool {
        match self {
            ApiError::Problem(problem) => problem.status >= 500,
            ApiError::Network => true,
        }
    }
}

fn code_for_status(status: u16) -> ErrorCode {
    match status {
        400 => ErrorCode::MalformedBody,
        401 => ErrorCode::Unauthenticated,
        403 => ErrorCode::Forbidden,
        404 => ErrorCode::NotFound,
        413 => ErrorCode::PayloadTooLarge,
        422 => ErrorCode::ValidationFailed,
        429 => ErrorCode::TooManyRequests,
        502..=504 => ErrorCode::ServiceUnavailable,
        _ => ErrorCode::InternalError,
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.title())
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_status_becomes_a_problem_with_a_vietnamese_title() {
        let error = ApiError::from_status(503);
        assert_eq!(error.code(), Some(ErrorCode::ServiceUnavailable));
        assert_eq!(error.to_string(), "Hệ thống tạm thời gián đoạn");
    }

    #[test]
    fn field_messages_are_found_by_field_name() {
        let error =
            ApiError::invalid_fields(vec![FieldError::new("login", "required", "Bắt buộc")]);
        assert_eq!(error.field_message("login").as_deref(), Some("Bắt buộc"));
        assert_eq!(error.field_message("password"), None);
    }

    #[test]
    fn a_message_inside_a_field_is_found_under_it() {
        let error = ApiError::invalid_fields(vec![FieldError::new(
            "details.planning.zones.features[0]",
            "unnamed_zone",
            "Mỗi khu cần thuộc tính name",
        )]);
        assert!(error.message_under("details.planning.zones").is_some());
        assert!(error.message_under("details.planning.zone").is_none());
        assert!(
            error
                .message_under("details.planning.zones.features[0]")
                .is_some()
        );
    }

    #[test]
    fn any_401_means_signed_out() {
        assert!(ApiError::from_status(401).is_unauthenticated());
        assert!(!ApiError::Network.is_unauthenticated());
    }

    #[test]
    fn server_failures_and_lost_connections_are_worth_retrying() {
        assert!(ApiError::from_status(500).is_worth_retrying());
        assert!(ApiError::from_status(503).is_worth_retrying());
        assert!(ApiError::Network.is_worth_retrying());
        assert!(!ApiError::from_status(401).is_worth_retrying());
        assert!(!ApiError::from_status(422).is_worth_retrying());
    }
}

//! Cross-cutting HTTP behaviour applied to every response.

pub mod etag;
pub mod metrics;
pub mod request_id;
pub mod response_headers;

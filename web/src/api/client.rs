//! Sending a request and turning the answer into `Result<T, ApiError>`.

use gloo_net::http::{Request, RequestBuilder, Response};
use leptos::logging::warn;
use openapi::Problem;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, RequestCredentials};

use super::ApiError;

/// A request to the API of the site the page came from. Credentials stay same-origin:
/// the refresh cookie is sent to this server and nowhere else.
pub fn request(builder: RequestBuilder) -> RequestBuilder {
    builder
        .header("Accept", "application/json")
        .credentials(RequestCredentials::SameOrigin)
}

/// `value` as one path segment or query value: every byte but the unreserved ones
/// (RFC 3986: letters, digits, `-._~`) percent-encoded, so a `/`, `&`, `#` or
/// Vietnamese letter in it cannot change which resource the URL names.
pub fn encode_component(value: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push('%');
            encoded.push(char::from(HEX[usize::from(byte >> 4)]));
            encoded.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
    }
    encoded
}

pub fn with_bearer(builder: RequestBuilder, token: &str) -> RequestBuilder {
    builder.header("Authorization", &format!("Bearer {token}"))
}

/// Sends the request and decodes a JSON body from a 2xx answer.
pub async fn fetch_json<T: DeserializeOwned>(
    request: Result<Request, gloo_net::Error>,
) -> Result<T, ApiError> {
    let response = send(request).await?;
    response.json::<T>().await.map_err(|error| {
        warn!("unexpected response body from {}: {error}", response.url());
        ApiError::from_status(500)
    })
}

/// Sends the request and expects an answer without a body (204).
pub async fn fetch_empty(request: Result<Request, gloo_net::Error>) -> Result<(), ApiError> {
    send(request).await.map(drop)
}

/// Sends the request and answers the body of a 2xx answer as a `Blob` (a PDF, a
/// scanned document), keeping the type the server gave it.
pub async fn fetch_blob(request: Result<Request, gloo_net::Error>) -> Result<Blob, ApiError> {
    let response: web_sys::Response = send(request).await?.into();
    let url = response.url();
    let unreadable = || {
        warn!("unreadable file body from {url}");
        ApiError::from_status(500)
    };
    let promise = response.blob().map_err(|_| unreadable())?;
    JsFuture::from(promise)
        .await
        .map_err(|_| unreadable())?
        .dyn_into::<Blob>()
        .map_err(|_| unreadable())
}

/// Sends the request; a non-2xx answer becomes its problem.
pub async fn send(request: Result<Request, gloo_net::Error>) -> Result<Response, ApiError> {
    let response = request
        .map_err(|error| {
            warn!("could not build request: {error}");
            ApiError::Network
        })?
        .send()
        .await
        .map_err(|error| {
            warn!("request failed: {error}");
            ApiError::Network
        })?;
    if response.ok() {
        Ok(response)
    } else {
        Err(problem_of(response).await)
    }
}

async fn problem_of(response: Response) -> ApiError {
    let status = response.status();
    let is_json = response
        .headers()
        .get("content-type")
        .is_some_and(|content_type| content_type.contains("json"));
    if is_json && let Ok(problem) = response.json::<Problem>().await {
        return ApiError::Problem(Box::new(problem));
    }
    ApiError::from_status(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreserved_characters_stay_as_they_are() {
        assert_eq!(encode_component("phuong-1_a.b~c"), "phuong-1_a.b~c");
    }

    #[test]
    fn separators_spaces_and_vietnamese_letters_are_percent_encoded() {
        assert_eq!(encode_component("a/b?c&d=e#f"), "a%2Fb%3Fc%26d%3De%23f");
        assert_eq!(encode_component("tin tức+"), "tin%20t%E1%BB%A9c%2B");
    }
}

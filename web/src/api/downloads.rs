//! Files only an account may read (a dossier's documents and attached files): the
//! bearer token must go with the request, so a plain link cannot fetch them.

use gloo_net::http::Request;
use web_sys::Blob;

use super::ApiError;
use super::client::{fetch_blob, with_bearer};

/// `GET <path>` with the access token; the body as a `Blob`. `path` is an API path
/// built by the caller (e.g. `/api/v1/dossiers/{code}/documents/receipt.pdf`).
pub async fn protected_file(path: &str, token: &str) -> Result<Blob, ApiError> {
    let builder = with_bearer(Request::get(path), token)
        .header(
            "Accept",
            "application/pdf, image/*, application/problem+json",
        )
        .credentials(web_sys::RequestCredentials::SameOrigin);
    fetch_blob(builder.build()).await
}

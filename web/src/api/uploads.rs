//! `POST /api/v1/uploads`: one file (a feedback photo, a dossier document) as the multipart part `file`,
//! with or without an account; forms then refer to it by its id.

use gloo_net::http::Request;
use openapi::uploads::Upload;
use web_sys::{File, FormData};

use super::ApiError;
use super::client::{fetch_json, request, with_bearer};

pub async fn upload(file: &File) -> Result<Upload, ApiError> {
    let form = FormData::new().map_err(|_| ApiError::from_status(500))?;
    form.append_with_blob_and_filename("file", file, &file.name())
        .map_err(|_| ApiError::from_status(500))?;
    fetch_json(request(Request::post("/api/v1/uploads")).body(form)).await
}

/// The same, signed in: the upload is recorded as the account's (a dossier's files).
pub async fn upload_as(token: &str, file: &File) -> Result<Upload, ApiError> {
    let form = FormData::new().map_err(|_| ApiError::from_status(500))?;
    form.append_with_blob_and_filename("file", file, &file.name())
        .map_err(|_| ApiError::from_status(500))?;
    let builder = with_bearer(request(Request::post("/api/v1/uploads")), token);
    fetch_json(builder.body(form)).await
}

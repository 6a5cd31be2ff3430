//! A citizen's saved, unfinished dossier forms.

use gloo_net::http::Request;
use openapi::dossiers::{DossierDraft, DossierDraftList, NewDossierDraft, UpdateDossierDraft};

use super::ApiError;
use super::client::{encode_component, fetch_empty, fetch_json, request, with_bearer};

fn draft_url(id: i64) -> String {
    format!("/api/v1/dossier-drafts/{id}")
}

/// `POST /api/v1/units/{unit}/dossier-drafts` (201).
pub async fn create(
    token: &str,
    unit: &str,
    body: &NewDossierDraft,
) -> Result<DossierDraft, ApiError> {
    let url = format!("/api/v1/units/{}/dossier-drafts", encode_component(unit));
    fetch_json(with_bearer(request(Request::post(&url)), token).json(body)).await
}

/// `PUT /api/v1/dossier-drafts/{id}`: the answers replaced.
pub async fn update(
    token: &str,
    id: i64,
    body: &UpdateDossierDraft,
) -> Result<DossierDraft, ApiError> {
    fetch_json(with_bearer(request(Request::put(&draft_url(id))), token).json(body)).await
}

/// `GET /api/v1/dossier-drafts/{id}`.
pub async fn show(token: &str, id: i64) -> Result<DossierDraft, ApiError> {
    fetch_json(with_bearer(request(Request::get(&draft_url(id))), token).build()).await
}

/// `GET /api/v1/me/dossier-drafts`: last changed first.
pub async fn mine(token: &str) -> Result<DossierDraftList, ApiError> {
    let builder = request(Request::get("/api/v1/me/dossier-drafts"));
    fetch_json(with_bearer(builder, token).build()).await
}

/// `DELETE /api/v1/dossier-drafts/{id}` (204).
pub async fn delete(token: &str, id: i64) -> Result<(), ApiError> {
    fetch_empty(with_bearer(request(Request::delete(&draft_url(id))), token).build()).await
}

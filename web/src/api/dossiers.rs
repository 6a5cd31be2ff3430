//! Dossiers as the citizen reaches them: filing, one's own dossiers, and the public
//! lookup by code and phone.

use gloo_net::http::Request;
use openapi::dossiers::{Dossier, DossierList, DossierLookup, SubmitDossier};

use super::ApiError;
use super::client::{encode_component, fetch_json, request, with_bearer};
use super::query::push_param;

fn dossier_url(code: &str) -> String {
    format!("/api/v1/dossiers/{}", encode_component(code))
}

/// `POST /api/v1/units/{unit}/dossiers` (201). `idempotency_key` is the same for every
/// retry of one form content, so a double tap or a lost answer files one dossier.
pub async fn submit(
    token: &str,
    unit: &str,
    idempotency_key: &str,
    body: &SubmitDossier,
) -> Result<Dossier, ApiError> {
    let url = format!("/api/v1/units/{}/dossiers", encode_component(unit));
    let builder =
        with_bearer(request(Request::post(&url)), token).header("Idempotency-Key", idempotency_key);
    fetch_json(builder.json(body)).await
}

/// `GET /api/v1/dossiers/{code}`: the whole dossier, for its owner.
pub async fn show(token: &str, code: &str) -> Result<Dossier, ApiError> {
    fetch_json(with_bearer(request(Request::get(&dossier_url(code))), token).build()).await
}

/// `GET /api/v1/dossiers/{code}?contact=`: anyone with the code and the phone; a wrong
/// phone answers 404, like an unknown code.
pub async fn lookup(code: &str, phone: &str) -> Result<DossierLookup, ApiError> {
    fetch_json(request(Request::get(&lookup_url(code, phone))).build()).await
}

fn lookup_url(code: &str, phone: &str) -> String {
    format!("{}?contact={}", dossier_url(code), encode_component(phone))
}

/// `GET /api/v1/me/dossiers?cursor=`: a page of the caller's dossiers, newest first.
pub async fn mine(token: &str, cursor: Option<&str>) -> Result<DossierList, ApiError> {
    let mut url = "/api/v1/me/dossiers".to_owned();
    push_param(&mut url, "cursor", cursor);
    fetch_json(with_bearer(request(Request::get(&url)), token).build()).await
}

/// Where the owner downloads one of the dossier's PDF documents (`kind`: `receipt`,
/// `supplement-request`, `refusal`, `apology`).
pub fn document_path(code: &str, kind: &str) -> String {
    format!("{}/documents/{kind}.pdf", dossier_url(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_phone_is_encoded_so_spaces_and_a_plus_survive() {
        assert_eq!(
            lookup_url("P01-261129-0001", "+84 903 123 456"),
            "/api/v1/dossiers/P01-261129-0001?contact=%2B84%20903%20123%20456"
        );
    }

    #[test]
    fn a_document_is_downloaded_under_its_dossier() {
        assert_eq!(
            document_path("P01-261129-0001", "supplement-request"),
            "/api/v1/dossiers/P01-261129-0001/documents/supplement-request.pdf"
        );
    }
}

//! The citizen's own actions on a dossier: answer a supplement request, withdraw it,
//! rate the service; and the one way every action, staff's too, is posted. Each
//! answers the dossier as it then stands.

use gloo_net::http::Request;
use openapi::dossier_workflow::{RateDossier, Resubmit, WithdrawDossier};
use openapi::dossiers::Dossier;
use serde::Serialize;

use super::ApiError;
use super::client::{encode_component, fetch_json, request, with_bearer};

fn action_url(code: &str, action: &str) -> String {
    format!("/api/v1/dossiers/{}/{action}", encode_component(code))
}

/// `POST /api/v1/dossiers/{code}/{action}` with `body`.
pub(super) async fn act<B: Serialize>(
    token: &str,
    code: &str,
    action: &str,
    body: &B,
) -> Result<Dossier, ApiError> {
    let builder = with_bearer(request(Request::post(&action_url(code, action))), token);
    fetch_json(builder.json(body)).await
}

/// `POST /api/v1/dossiers/{code}/resubmit`: the changed answers and new files.
pub async fn resubmit(token: &str, code: &str, body: &Resubmit) -> Result<Dossier, ApiError> {
    act(token, code, "resubmit", body).await
}

/// `POST /api/v1/dossiers/{code}/withdraw`.
pub async fn withdraw(
    token: &str,
    code: &str,
    body: &WithdrawDossier,
) -> Result<Dossier, ApiError> {
    act(token, code, "withdraw", body).await
}

/// `POST /api/v1/dossiers/{code}/rating`: 1 (very dissatisfied) to 5.
pub async fn rate(token: &str, code: &str, body: &RateDossier) -> Result<Dossier, ApiError> {
    act(token, code, "rating", body).await
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_action_is_posted_under_its_dossier() {
        assert_eq!(
            action_url("P01-261129-0001", "resubmit"),
            "/api/v1/dossiers/P01-261129-0001/resubmit"
        );
    }
}

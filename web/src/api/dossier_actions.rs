//! The citizen's own actions on a dossier: answer a supplement request, withdraw it,
//! rate the service. Each answers the dossier as it then stands.
//!
//! The bodies follow `openapi::dossier_workflow` (`Resubmit`, `WithdrawDossier`,
//! `RateDossier`) field for field; they are written as JSON here because that
//! contract lives on the `dossier-workflow` branch, not yet merged with this one.

use std::collections::BTreeMap;

use gloo_net::http::Request;
use openapi::dossiers::Dossier;
use serde_json::{Value, json};

use super::ApiError;
use super::client::{encode_component, fetch_json, request, with_bearer};

fn action_url(code: &str, action: &str) -> String {
    format!("/api/v1/dossiers/{}/{action}", encode_component(code))
}

async fn act(token: &str, code: &str, action: &str, body: &Value) -> Result<Dossier, ApiError> {
    let builder = with_bearer(request(Request::post(&action_url(code, action))), token);
    fetch_json(builder.json(body)).await
}

/// `POST /api/v1/dossiers/{code}/resubmit`: the changed answers and new files.
pub async fn resubmit(
    token: &str,
    code: &str,
    form: &BTreeMap<String, Value>,
    note: Option<&str>,
) -> Result<Dossier, ApiError> {
    act(
        token,
        code,
        "resubmit",
        &json!({ "form": form, "note": note }),
    )
    .await
}

/// `POST /api/v1/dossiers/{code}/withdraw`.
pub async fn withdraw(token: &str, code: &str, reason: Option<&str>) -> Result<Dossier, ApiError> {
    act(token, code, "withdraw", &json!({ "reason": reason })).await
}

/// `POST /api/v1/dossiers/{code}/rating`: 1 (very dissatisfied) to 5.
pub async fn rate(
    token: &str,
    code: &str,
    rating: u8,
    comment: Option<&str>,
) -> Result<Dossier, ApiError> {
    act(
        token,
        code,
        "rating",
        &json!({ "rating": rating, "comment": comment }),
    )
    .await
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

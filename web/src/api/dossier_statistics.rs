//! Dossier statistics for staff.

use chrono::NaiveDate;
use gloo_net::http::Request;
use openapi::dossier_statistics::DossierStatistics;

use super::ApiError;
use super::client::{encode_component, fetch_json, request, with_bearer};
use super::query::push_param;

/// `GET /api/v1/units/{unit}/dossiers/statistics?from=&to=`; without dates, the
/// twelve months up to today.
pub async fn for_period(
    token: &str,
    unit: &str,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<DossierStatistics, ApiError> {
    let mut url = format!(
        "/api/v1/units/{}/dossiers/statistics",
        encode_component(unit)
    );
    push_param(&mut url, "from", from.map(|day| day.to_string()).as_deref());
    push_param(&mut url, "to", to.map(|day| day.to_string()).as_deref());
    fetch_json(with_bearer(request(Request::get(&url)), token).build()).await
}

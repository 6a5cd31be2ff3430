//! The ward's handling of online dossiers (staff): the inbox, one dossier, each step
//! of the workflow, and the dossier's files. Every step answers the dossier as it
//! stands after it.

use gloo_net::http::Request;
use openapi::dossier_workflow::{
    AcceptDossier, Apologize, AssignDossier, DepartmentOfficer, DossierInbox, RefuseDossier,
    RequestSupplement, ResultReady, ReturnResult,
};
use openapi::dossiers::Dossier;

use super::ApiError;
use super::client::{encode_component, fetch_json, request, with_bearer};
use super::dossier_actions::act;
use super::query::push_param;
use crate::text::dossiers::InboxFilter;

/// How many dossiers one page of the inbox shows.
const PAGE_SIZE: &str = "50";

fn dossier_url(code: &str, rest: &str) -> String {
    let base = format!("/api/v1/dossiers/{}", encode_component(code));
    if rest.is_empty() {
        base
    } else {
        format!("{base}/{rest}")
    }
}

fn inbox_url(unit: &str, filter: &InboxFilter, cursor: Option<&str>) -> String {
    let mut url = format!("/api/v1/units/{}/dossiers", encode_component(unit));
    push_param(
        &mut url,
        "status",
        filter.status.map(|status| status.as_str()),
    );
    push_param(
        &mut url,
        "due",
        filter.due.map(|due| match due {
            openapi::dossier_workflow::DueFilter::Overdue => "overdue",
            openapi::dossier_workflow::DueFilter::AtRisk => "at_risk",
            openapi::dossier_workflow::DueFilter::Today => "today",
        }),
    );
    push_param(&mut url, "procedure", filter.procedure.as_deref());
    push_param(&mut url, "q", filter.q.as_deref());
    push_param(&mut url, "cursor", cursor);
    push_param(&mut url, "limit", Some(PAGE_SIZE));
    url
}

/// `GET /api/v1/units/{unit}/dossiers?status=&due=&procedure=&q=&cursor=&limit=`:
/// newest first, with the counts per status.
pub async fn inbox(
    token: &str,
    unit: &str,
    filter: &InboxFilter,
    cursor: Option<&str>,
) -> Result<DossierInbox, ApiError> {
    let url = inbox_url(unit, filter, cursor);
    fetch_json(with_bearer(request(Request::get(&url)), token).build()).await
}

/// `GET /api/v1/units/{unit}/department-officers`: whom a dossier can be assigned to.
pub async fn department_officers(
    token: &str,
    unit: &str,
) -> Result<Vec<DepartmentOfficer>, ApiError> {
    let url = format!(
        "/api/v1/units/{}/department-officers",
        encode_component(unit)
    );
    fetch_json(with_bearer(request(Request::get(&url)), token).build()).await
}

/// `GET /api/v1/dossiers/{code}`.
pub async fn get(token: &str, code: &str) -> Result<Dossier, ApiError> {
    let url = dossier_url(code, "");
    fetch_json(with_bearer(request(Request::get(&url)), token).build()).await
}

pub async fn accept(token: &str, code: &str, body: &AcceptDossier) -> Result<Dossier, ApiError> {
    act(token, code, "accept", body).await
}

pub async fn request_supplement(
    token: &str,
    code: &str,
    body: &RequestSupplement,
) -> Result<Dossier, ApiError> {
    act(token, code, "request-supplement", body).await
}

pub async fn refuse(token: &str, code: &str, body: &RefuseDossier) -> Result<Dossier, ApiError> {
    act(token, code, "refuse", body).await
}

pub async fn assign(token: &str, code: &str, body: &AssignDossier) -> Result<Dossier, ApiError> {
    act(token, code, "assign", body).await
}

pub async fn result_ready(
    token: &str,
    code: &str,
    body: &ResultReady,
) -> Result<Dossier, ApiError> {
    act(token, code, "result-ready", body).await
}

pub async fn return_result(
    token: &str,
    code: &str,
    body: &ReturnResult,
) -> Result<Dossier, ApiError> {
    act(token, code, "return", body).await
}

pub async fn apologize(token: &str, code: &str, body: &Apologize) -> Result<Dossier, ApiError> {
    act(token, code, "apologize", body).await
}

#[cfg(test)]
mod tests {
    use openapi::dossier_workflow::DueFilter;
    use openapi::dossiers::DossierStatus;

    use super::*;

    #[test]
    fn the_filters_go_to_the_server_by_their_wire_names() {
        let filter = InboxFilter {
            status: Some(DossierStatus::NeedsSupplement),
            due: Some(DueFilter::AtRisk),
            procedure: Some("HT-KS".into()),
            q: Some("An".into()),
        };
        assert_eq!(
            inbox_url("phuong-1", &filter, Some("c1")),
            "/api/v1/units/phuong-1/dossiers?status=needs_supplement&due=at_risk&procedure=HT-KS&q=An&cursor=c1&limit=50"
        );
        assert_eq!(
            inbox_url("phuong-1", &InboxFilter::default(), None),
            "/api/v1/units/phuong-1/dossiers?limit=50"
        );
    }

    #[test]
    fn an_action_is_named_after_the_encoded_code() {
        assert_eq!(
            dossier_url("P01-261129-0001", "request-supplement"),
            "/api/v1/dossiers/P01-261129-0001/request-supplement"
        );
        assert_eq!(dossier_url("a/b", ""), "/api/v1/dossiers/a%2Fb");
    }
}

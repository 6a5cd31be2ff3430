//! The ward's handling of feedback (staff): queues, one feedback with its history,
//! the redaction preview, and each step of the workflow. Every step answers the
//! feedback as it stands after it.

use gloo_net::http::Request;
use openapi::feedback_statistics::FeedbackStatistics;
use openapi::feedback_thread::{NewStaffMessage, ThreadMessage};
use openapi::feedback_workflow::{
    AnswerRequest, ApproveFeedbackRequest, CloseRequest, Department, FeedbackQueue, ForwardRequest,
    RedactionPreview, RejectRequest, ReturnRequest, StaffFeedback, StaffFeedbackPage,
};
use serde::Serialize;

use super::ApiError;
use super::client::{encode_component, fetch_json, request, with_bearer};
use super::query::push_param;

fn feedback_url(unit: &str, code: &str, rest: &str) -> String {
    format!(
        "/api/v1/units/{}/feedback/{}/{rest}",
        encode_component(unit),
        encode_component(code)
    )
}

/// `GET …/feedback-queue/{queue}?cursor=&limit=`: oldest first, with the queue's
/// total and overdue counts.
pub async fn queue(
    token: &str,
    unit: &str,
    queue: FeedbackQueue,
    cursor: Option<&str>,
) -> Result<StaffFeedbackPage, ApiError> {
    let url = queue_url(unit, queue, cursor);
    fetch_json(with_bearer(request(Request::get(&url)), token).build()).await
}

fn queue_url(unit: &str, queue: FeedbackQueue, cursor: Option<&str>) -> String {
    let mut url = format!(
        "/api/v1/units/{}/feedback-queue/{}?limit=50",
        encode_component(unit),
        queue.as_str()
    );
    push_param(&mut url, "cursor", cursor);
    url
}

/// `GET …/feedback/{code}/staff`.
pub async fn get(token: &str, unit: &str, code: &str) -> Result<StaffFeedback, ApiError> {
    let url = feedback_url(unit, code, "staff");
    fetch_json(with_bearer(request(Request::get(&url)), token).build()).await
}

/// `GET …/feedback/{code}/redaction`: the texts as they would be published.
pub async fn redaction(token: &str, unit: &str, code: &str) -> Result<RedactionPreview, ApiError> {
    let url = feedback_url(unit, code, "redaction");
    fetch_json(with_bearer(request(Request::get(&url)), token).build()).await
}

/// `GET …/departments`, each with its officers.
pub async fn departments(token: &str, unit: &str) -> Result<Vec<Department>, ApiError> {
    let url = format!("/api/v1/units/{}/departments", encode_component(unit));
    fetch_json(with_bearer(request(Request::get(&url)), token).build()).await
}

/// `GET …/feedback/{code}/messages`: public messages and internal notes, oldest first.
pub async fn messages(token: &str, unit: &str, code: &str) -> Result<Vec<ThreadMessage>, ApiError> {
    let url = feedback_url(unit, code, "messages");
    fetch_json(with_bearer(request(Request::get(&url)), token).build()).await
}

/// `POST …/feedback/{code}/messages`: to the citizen, or an internal note.
pub async fn post_message(
    token: &str,
    unit: &str,
    code: &str,
    body: &NewStaffMessage,
) -> Result<ThreadMessage, ApiError> {
    let url = feedback_url(unit, code, "messages");
    fetch_json(with_bearer(request(Request::post(&url)), token).json(body)).await
}

/// `GET /api/v1/units/{unit}/feedback/statistics`: the last twelve months.
pub async fn statistics(token: &str, unit: &str) -> Result<FeedbackStatistics, ApiError> {
    let url = format!(
        "/api/v1/units/{}/feedback/statistics",
        encode_component(unit)
    );
    fetch_json(with_bearer(request(Request::get(&url)), token).build()).await
}

async fn act<B: Serialize>(
    token: &str,
    unit: &str,
    code: &str,
    action: &str,
    body: Option<&B>,
) -> Result<StaffFeedback, ApiError> {
    let builder = with_bearer(
        request(Request::post(&feedback_url(unit, code, action))),
        token,
    );
    match body {
        Some(body) => fetch_json(builder.json(body)).await,
        None => fetch_json(builder.build()).await,
    }
}

pub async fn forward(
    token: &str,
    unit: &str,
    code: &str,
    body: &ForwardRequest,
) -> Result<StaffFeedback, ApiError> {
    act(token, unit, code, "forward", Some(body)).await
}

pub async fn answer(
    token: &str,
    unit: &str,
    code: &str,
    body: &AnswerRequest,
) -> Result<StaffFeedback, ApiError> {
    act(token, unit, code, "answer", Some(body)).await
}

pub async fn return_to_department(
    token: &str,
    unit: &str,
    code: &str,
    body: &ReturnRequest,
) -> Result<StaffFeedback, ApiError> {
    act(token, unit, code, "return", Some(body)).await
}

pub async fn approve(
    token: &str,
    unit: &str,
    code: &str,
    body: &ApproveFeedbackRequest,
) -> Result<StaffFeedback, ApiError> {
    act(token, unit, code, "approve", Some(body)).await
}

pub async fn publish(token: &str, unit: &str, code: &str) -> Result<StaffFeedback, ApiError> {
    act::<()>(token, unit, code, "publish", None).await
}

pub async fn reject(
    token: &str,
    unit: &str,
    code: &str,
    body: &RejectRequest,
) -> Result<StaffFeedback, ApiError> {
    act(token, unit, code, "reject", Some(body)).await
}

pub async fn close(
    token: &str,
    unit: &str,
    code: &str,
    body: &CloseRequest,
) -> Result<StaffFeedback, ApiError> {
    act(token, unit, code, "close", Some(body)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_queue_is_named_in_the_path_and_the_code_encoded() {
        assert_eq!(
            queue_url("phuong-1", FeedbackQueue::Triage, None),
            "/api/v1/units/phuong-1/feedback-queue/triage?limit=50"
        );
        assert_eq!(
            feedback_url("phuong-1", "PA-1/2", "staff"),
            "/api/v1/units/phuong-1/feedback/PA-1%2F2/staff"
        );
    }
}

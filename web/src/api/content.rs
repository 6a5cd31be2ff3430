//! Staff endpoints of content with editorial review: editors write and submit,
//! reviewers approve or return, everyone with a role reads history and diffs.

use gloo_net::http::Request;
use openapi::content::{
    ApproveRequest, ContentDraft, CreateContentRequest, ReturnRequest, ReviewQueueEntry,
    RevisionDiff, RevisionHistoryEntry, RevisionState, StaffContentItem,
};

use super::ApiError;
use super::client::{encode_component, fetch_json, request, with_bearer};

fn items_url(unit: &str) -> String {
    format!("/api/v1/units/{}/content", encode_component(unit))
}

fn item_url(unit: &str, id: i64) -> String {
    format!("{}/{id}", items_url(unit))
}

/// `GET /api/v1/units/{unit}/content?state=`: the unit's items, newest first.
pub async fn list(
    token: &str,
    unit: &str,
    state: Option<RevisionState>,
) -> Result<Vec<StaffContentItem>, ApiError> {
    let url = list_url(unit, state);
    fetch_json(with_bearer(request(Request::get(&url)), token).build()).await
}

fn list_url(unit: &str, state: Option<RevisionState>) -> String {
    match state {
        Some(state) => format!("{}?state={}", items_url(unit), state.as_str()),
        None => items_url(unit),
    }
}

/// `GET …/content/{id}`.
pub async fn get(token: &str, unit: &str, id: i64) -> Result<StaffContentItem, ApiError> {
    fetch_json(with_bearer(request(Request::get(&item_url(unit, id))), token).build()).await
}

/// `POST …/content`: a new item with its first draft (201).
pub async fn create(
    token: &str,
    unit: &str,
    body: &CreateContentRequest,
) -> Result<StaffContentItem, ApiError> {
    fetch_json(with_bearer(request(Request::post(&items_url(unit))), token).json(body)).await
}

/// `PUT …/content/{id}/draft`.
pub async fn save_draft(
    token: &str,
    unit: &str,
    id: i64,
    draft: &ContentDraft,
) -> Result<StaffContentItem, ApiError> {
    let url = format!("{}/draft", item_url(unit, id));
    fetch_json(with_bearer(request(Request::put(&url)), token).json(draft)).await
}

/// `POST …/content/{id}/submit`: the draft goes to the reviewers.
pub async fn submit(token: &str, unit: &str, id: i64) -> Result<StaffContentItem, ApiError> {
    let url = format!("{}/submit", item_url(unit, id));
    fetch_json(with_bearer(request(Request::post(&url)), token).build()).await
}

/// `POST …/content/{id}/approve`: published now or from `publish_at`.
pub async fn approve(
    token: &str,
    unit: &str,
    id: i64,
    body: &ApproveRequest,
) -> Result<StaffContentItem, ApiError> {
    let url = format!("{}/approve", item_url(unit, id));
    fetch_json(with_bearer(request(Request::post(&url)), token).json(body)).await
}

/// `POST …/content/{id}/return`: back to the author with a reason.
pub async fn return_to_author(
    token: &str,
    unit: &str,
    id: i64,
    body: &ReturnRequest,
) -> Result<StaffContentItem, ApiError> {
    let url = format!("{}/return", item_url(unit, id));
    fetch_json(with_bearer(request(Request::post(&url)), token).json(body)).await
}

/// `GET …/content/{id}/revisions`: every revision, newest first, with its steps.
pub async fn history(
    token: &str,
    unit: &str,
    id: i64,
) -> Result<Vec<RevisionHistoryEntry>, ApiError> {
    let url = format!("{}/revisions", item_url(unit, id));
    fetch_json(with_bearer(request(Request::get(&url)), token).build()).await
}

/// `GET …/content/{id}/diff?from=&to=`.
pub async fn diff(
    token: &str,
    unit: &str,
    id: i64,
    from: i32,
    to: i32,
) -> Result<RevisionDiff, ApiError> {
    let url = format!("{}/diff?from={from}&to={to}", item_url(unit, id));
    fetch_json(with_bearer(request(Request::get(&url)), token).build()).await
}

/// `POST …/content/{id}/revisions/{number}/restore`: an old text as the new draft.
pub async fn restore(
    token: &str,
    unit: &str,
    id: i64,
    number: i32,
) -> Result<StaffContentItem, ApiError> {
    let url = format!("{}/revisions/{number}/restore", item_url(unit, id));
    fetch_json(with_bearer(request(Request::post(&url)), token).build()).await
}

/// `GET /api/v1/units/{unit}/review-queue`: what waits for a reviewer, oldest first.
pub async fn review_queue(token: &str, unit: &str) -> Result<Vec<ReviewQueueEntry>, ApiError> {
    let url = format!("/api/v1/units/{}/review-queue", encode_component(unit));
    fetch_json(with_bearer(request(Request::get(&url)), token).build()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_asks_for_a_state_only_when_one_is_chosen() {
        assert_eq!(list_url("phuong-1", None), "/api/v1/units/phuong-1/content");
        assert_eq!(
            list_url("phuong-1", Some(RevisionState::InReview)),
            "/api/v1/units/phuong-1/content?state=in_review"
        );
    }
}

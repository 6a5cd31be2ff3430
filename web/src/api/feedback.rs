//! Citizen feedback as the public reaches it: the ward's categories, sending, and
//! looking one's own feedback up by code and contact.

use gloo_net::http::Request;
use openapi::feedback::{FeedbackCategory, FeedbackReceipt, FeedbackStatus, NewFeedback};
use openapi::feedback_thread::{NewCitizenMessage, PublicMessage};
use openapi::feedback_workflow::{PublishedFeedback, PublishedFeedbackPage};

use super::ApiError;
use super::client::{encode_component, fetch_json, request};
use super::query::push_param;

fn unit_url(unit: &str, rest: &str) -> String {
    format!("/api/v1/units/{}/{rest}", encode_component(unit))
}

/// `GET /api/v1/units/{unit}/feedback-categories`, in the ward's order.
pub async fn categories(unit: &str) -> Result<Vec<FeedbackCategory>, ApiError> {
    fetch_json(request(Request::get(&unit_url(unit, "feedback-categories"))).build()).await
}

/// `POST /api/v1/units/{unit}/feedback` (201). `idempotency_key` is the same for
/// every retry of one form fill, so a double tap or a lost answer makes one feedback.
pub async fn submit(
    unit: &str,
    idempotency_key: &str,
    body: &NewFeedback,
) -> Result<FeedbackReceipt, ApiError> {
    let builder = request(Request::post(&unit_url(unit, "feedback")))
        .header("Idempotency-Key", idempotency_key);
    fetch_json(builder.json(body)).await
}

/// `GET /api/v1/feedback/{code}?contact=`: a wrong contact answers 404, like an
/// unknown code.
pub async fn lookup(code: &str, contact: &str) -> Result<FeedbackStatus, ApiError> {
    fetch_json(request(Request::get(&lookup_url(code, contact))).build()).await
}

fn lookup_url(code: &str, contact: &str) -> String {
    format!(
        "/api/v1/feedback/{}?contact={}",
        encode_component(code),
        encode_component(contact)
    )
}

/// `POST /api/v1/feedback/{code}/messages`: the sender adds information or replies,
/// proving who they are with the contact they gave.
pub async fn reply(code: &str, body: &NewCitizenMessage) -> Result<PublicMessage, ApiError> {
    let url = format!("/api/v1/feedback/{}/messages", encode_component(code));
    fetch_json(request(Request::post(&url)).json(body)).await
}

/// `GET /api/v1/units/{unit}/feedback?q=&cursor=&limit=`: what the ward published,
/// newest first; a district lists its wards'. `q` is matched without diacritics.
pub async fn published(
    unit: &str,
    query: Option<&str>,
    cursor: Option<&str>,
    limit: u8,
) -> Result<PublishedFeedbackPage, ApiError> {
    fetch_json(request(Request::get(&published_url(unit, query, cursor, limit))).build()).await
}

fn published_url(unit: &str, query: Option<&str>, cursor: Option<&str>, limit: u8) -> String {
    let mut url = format!("{}?limit={limit}", unit_url(unit, "feedback"));
    push_param(&mut url, "q", query);
    push_param(&mut url, "cursor", cursor);
    url
}

/// `GET /api/v1/units/{unit}/feedback/{code}`: one published feedback, redacted.
pub async fn published_one(unit: &str, code: &str) -> Result<PublishedFeedback, ApiError> {
    let url = format!("{}/{}", unit_url(unit, "feedback"), encode_component(code));
    fetch_json(request(Request::get(&url)).build()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contact_is_encoded_so_a_plus_or_space_survives() {
        assert_eq!(
            lookup_url("PA-7K3MQ-9QXD2", "an+1@example.com"),
            "/api/v1/feedback/PA-7K3MQ-9QXD2?contact=an%2B1%40example.com"
        );
        assert_eq!(
            lookup_url("PA-1", "0903 123 456"),
            "/api/v1/feedback/PA-1?contact=0903%20123%20456"
        );
    }

    #[test]
    fn the_public_list_sends_only_the_words_and_cursor_it_has() {
        assert_eq!(
            published_url("phuong-1", None, None, 10),
            "/api/v1/units/phuong-1/feedback?limit=10"
        );
        assert_eq!(
            published_url("quan-10", Some("via he"), Some("abc="), 10),
            "/api/v1/units/quan-10/feedback?limit=10&q=via%20he&cursor=abc%3D"
        );
    }
}

//! The thread of a feedback: staff read it whole and write messages or internal
//! notes; the citizen writes while it is open and sees public messages only, with
//! the ward speaking under its own name.

use entity::outbox_message;
use openapi::auth::Role;
use openapi::feedback::{FeedbackState, FeedbackStatus};
use openapi::feedback_thread::{MessageSender, MessageVisibility, ThreadMessage};
use reqwest::{Response, StatusCode};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::feedback_arrange::{desk, path_to, pothole, prepared, send_to};
use crate::helpers::{TestApp, problem};

async fn staff_post(app: &TestApp, token: &str, unit: &str, code: &str, body: Value) -> Response {
    app.post(&format!("/api/v1/units/{unit}/feedback/{code}/messages"))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn staff_thread(app: &TestApp, token: &str, unit: &str, code: &str) -> Response {
    app.get(&format!("/api/v1/units/{unit}/feedback/{code}/messages"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

async fn citizen_post(app: &TestApp, code: &str, body: Value) -> Response {
    app.post(&format!("/api/v1/feedback/{code}/messages"))
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn emails_about(app: &TestApp, topic: &str) -> Vec<outbox_message::Model> {
    outbox_message::Entity::find()
        .filter(outbox_message::Column::Topic.eq(topic))
        .all(&app.db)
        .await
        .unwrap()
}

on_both_databases! {
    async fn staff_see_the_whole_thread_and_the_citizen_only_public_messages_under_the_wards_name(app) {
        prepared(&app).await;
        let receipt = send_to(&app, "phuong-1", &pothole()).await;
        let officer = app.login_as(Role::WebOfficer, "phuong-1").await;
        let token = &officer.access_token;

        let note = staff_post(&app, token, "phuong-1", &receipt.code,
            json!({"visibility": "internal", "body": "Giao bộ phận hạ tầng kiểm tra, ưu tiên trước thứ Sáu."})).await;
        assert_eq!(note.status(), StatusCode::CREATED);
        let public = staff_post(&app, token, "phuong-1", &receipt.code,
            json!({"visibility": "public", "body": "Phường đã cử cán bộ đến kiểm tra hiện trường."})).await;
        assert_eq!(public.status(), StatusCode::CREATED);
        let reply = citizen_post(&app, &receipt.code,
            json!({"contact": "0912345678", "body": "Cảm ơn phường, ổ gà nằm ngay cổng số 2."})).await;
        assert_eq!(reply.status(), StatusCode::CREATED);

        let thread: Vec<ThreadMessage> = staff_thread(&app, token, "phuong-1", &receipt.code).await.json().await.unwrap();
        let seen: Vec<(MessageVisibility, bool, &str)> = thread.iter()
            .map(|m| (m.visibility, m.by_citizen, m.author_name.as_str())).collect();
        assert_eq!(seen, [
            (MessageVisibility::Internal, false, "Nguyễn Văn Kiểm Thử"),
            (MessageVisibility::Public, false, "Nguyễn Văn Kiểm Thử"),
            (MessageVisibility::Public, true, "Phạm Văn Dũng"),
        ]);

        let lookup = app.get(&format!("/api/v1/feedback/{}?contact=dung.pham@example.com", receipt.code)).send().await.unwrap();
        let raw = lookup.text().await.unwrap();
        assert!(!raw.contains("Giao bộ phận") && !raw.contains("Kiểm Thử"), "{raw}");
        let status: FeedbackStatus = serde_json::from_str(&raw).unwrap();
        let public: Vec<(MessageSender, &str)> = status.messages.iter().map(|m| (m.from, m.from_label.as_str())).collect();
        assert_eq!(public, [(MessageSender::Unit, "Phường 1"), (MessageSender::Citizen, "Người phản ánh")]);
        assert_eq!(app.audit_events("feedback_message_posted").await, 3);

        // The public message went out by mail too, signed by the ward, not the officer.
        let emails = emails_about(&app, "feedback_message").await;
        assert_eq!(emails.len(), 1);
        assert_eq!(emails[0].recipient, "dung.pham@example.com");
        assert!(emails[0].body.contains("Phường đã cử cán bộ") && !emails[0].body.contains("Kiểm Thử"));
    }

    async fn a_citizen_with_a_wrong_contact_gets_the_same_404_as_for_an_unknown_code(app) {
        prepared(&app).await;
        let receipt = send_to(&app, "phuong-1", &pothole()).await;
        let body = |contact: &str| json!({"contact": contact, "body": "Tôi bổ sung thêm ảnh chụp buổi sáng."});
        let wrong = citizen_post(&app, &receipt.code, body("0909999999")).await;
        let unknown = citizen_post(&app, "PA-00000-00000", body("0912345678")).await;
        let without = citizen_post(&app, &receipt.code, json!({"body": "Không có liên hệ."})).await;
        for response in [wrong, unknown, without] {
            assert_eq!(response.status(), StatusCode::NOT_FOUND);
            assert_eq!(problem(response).await.code, openapi::ErrorCode::NotFound);
        }
        assert_eq!(app.audit_events("feedback_message_posted").await, 0);
    }

    async fn the_signed_in_sender_writes_without_giving_the_contact_and_no_one_else_does(app) {
        prepared(&app).await;
        let sender = app.sign_in(&app.register_citizen().await).await;
        let response = app.post("/api/v1/units/phuong-1/feedback").bearer_auth(&sender.access_token)
            .json(&pothole()).send().await.unwrap();
        let code = response.json::<Value>().await.unwrap()["code"].as_str().unwrap().to_owned();
        let stranger = app.sign_in(&app.register_citizen().await).await;
        let body = json!({"body": "Ổ gà đã rộng thêm sau cơn mưa tối qua."});

        let by_stranger = app.post(&format!("/api/v1/feedback/{code}/messages")).bearer_auth(&stranger.access_token)
            .json(&body).send().await.unwrap();
        assert_eq!(by_stranger.status(), StatusCode::NOT_FOUND);
        let by_sender = app.post(&format!("/api/v1/feedback/{code}/messages")).bearer_auth(&sender.access_token)
            .json(&body).send().await.unwrap();
        assert_eq!(by_sender.status(), StatusCode::CREATED);
    }

    async fn the_citizen_cannot_write_once_the_feedback_is_published_rejected_or_closed(app) {
        prepared(&app).await;
        let desk = desk(&app, "phuong-1").await;
        for end in [FeedbackState::Published, FeedbackState::Rejected, FeedbackState::Closed] {
            let receipt = send_to(&app, "phuong-1", &pothole()).await;
            desk.walk(&app, &receipt.code, path_to(end)).await;
            let response = citizen_post(&app, &receipt.code,
                json!({"contact": "0912345678", "body": "Vẫn chưa sửa xong."})).await;
            assert_eq!(response.status(), StatusCode::CONFLICT, "{end:?}");
            assert_eq!(problem(response).await.code, openapi::ErrorCode::InvalidTransition);
        }
    }

    async fn only_staff_of_the_ward_and_of_the_assigned_department_see_the_thread(app) {
        prepared(&app).await;
        let receipt = send_to(&app, "phuong-1", &pothole()).await;
        let code = &receipt.code;
        let desk = desk(&app, "phuong-1").await;
        desk.take_to(&app, code, FeedbackState::Forwarded).await;
        let assigned = desk.officer;

        let cases = [
            (app.login_as(Role::Reviewer, "phuong-1").await, StatusCode::OK),
            (app.login_as(Role::WardAdmin, "phuong-1").await, StatusCode::OK),
            (app.login_as(Role::DistrictAdmin, "quan-10").await, StatusCode::OK),
            (assigned, StatusCode::OK),
            (app.login_as(Role::DepartmentOfficer, "phuong-1").await, StatusCode::NOT_FOUND),
            (app.login_as(Role::WebOfficer, "phuong-2").await, StatusCode::NOT_FOUND),
            (app.login_as(Role::Editor, "phuong-1").await, StatusCode::FORBIDDEN),
        ];
        for (n, (session, expected)) in cases.iter().enumerate() {
            let read = staff_thread(&app, &session.access_token, "phuong-1", code).await;
            assert_eq!(read.status(), *expected, "case {n}");
            let write = staff_post(&app, &session.access_token, "phuong-1", code,
                json!({"visibility": "internal", "body": "Ghi chú"})).await;
            let expected_write = if *expected == StatusCode::OK { StatusCode::CREATED } else { *expected };
            assert_eq!(write.status(), expected_write, "case {n}");
        }
        // Asked through another ward's address, the feedback does not exist.
        let admin = app.login_as(Role::DistrictAdmin, "quan-10").await;
        let elsewhere = staff_thread(&app, &admin.access_token, "phuong-2", code).await;
        assert_eq!(elsewhere.status(), StatusCode::NOT_FOUND);
        let anonymous = app.get(&format!("/api/v1/units/phuong-1/feedback/{code}/messages")).send().await.unwrap();
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    }

    async fn an_empty_or_overlong_message_is_refused_on_its_body(app) {
        prepared(&app).await;
        let receipt = send_to(&app, "phuong-1", &pothole()).await;
        let officer = app.login_as(Role::WebOfficer, "phuong-1").await;
        let overlong = "x".repeat(openapi::feedback_thread::MAX_MESSAGE_CHARS + 1);
        for response in [
            staff_post(&app, &officer.access_token, "phuong-1", &receipt.code, json!({"visibility": "public", "body": overlong})).await,
            citizen_post(&app, &receipt.code, json!({"contact": "0912345678", "body": "  "})).await,
        ] {
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
            assert_eq!(problem(response).await.errors[0].field, "body");
        }
        let unknown_visibility = staff_post(&app, &officer.access_token, "phuong-1", &receipt.code,
            json!({"visibility": "secret", "body": "Ghi chú"})).await;
        assert_eq!(unknown_visibility.status(), StatusCode::BAD_REQUEST);
    }
}

on_both_databases! {
    async fn replies_with_guessed_contacts_count_against_the_lookup_limit(app) configured |config: &mut api::config::Config| {
        config.lookup_rate_limits = vec!["3/10m".parse().unwrap()];
    }; {
        prepared(&app).await;
        let receipt = send_to(&app, "phuong-1", &pothole()).await;
        for guess in ["0909000001", "0909000002", "0909000003"] {
            let body = json!({"contact": guess, "body": "Tôi bổ sung thông tin."});
            assert_eq!(citizen_post(&app, &receipt.code, body).await.status(), StatusCode::NOT_FOUND);
        }
        let body = json!({"contact": "0912345678", "body": "Tôi bổ sung thông tin."});
        let stopped = citizen_post(&app, &receipt.code, body).await;
        assert_eq!(stopped.status(), StatusCode::TOO_MANY_REQUESTS);
        assert!(stopped.headers().contains_key(reqwest::header::RETRY_AFTER));
    }
}

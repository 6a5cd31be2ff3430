//! Citizen feedback: sending it with or without an account, and looking it up by
//! code and contact.

use openapi::auth::Role;
use openapi::feedback::{FeedbackCategory, FeedbackReceipt, FeedbackState, FeedbackStatus};
use reqwest::StatusCode;
use sea_orm::EntityTrait;
use serde_json::{Value, json};

use crate::feedback_arrange::prepared;
use crate::helpers::{TestApp, problem};

fn sidewalk() -> Value {
    json!({
        "category": "trat-tu-do-thi",
        "title": "Quán ăn lấn chiếm vỉa hè",
        "content": "Quán ăn trước nhà số 12 hẻm 285 bày bàn ghế kín vỉa hè mỗi tối, người đi bộ phải xuống lòng đường.",
        "location": {"address": "12 hẻm 285 Cách Mạng Tháng Tám"},
        "contact_name": "Nguyễn Văn An",
        "contact_phone": "0903 123 456",
        "consent": true
    })
}

async fn send(app: &TestApp, body: &Value) -> reqwest::Response {
    app.post("/api/v1/units/phuong-1/feedback")
        .json(body)
        .send()
        .await
        .unwrap()
}

on_both_databases! {
    async fn a_citizen_without_an_account_gets_a_code_and_a_due_date(app) {
        prepared(&app).await;
        let categories: Vec<FeedbackCategory> = app.get("/api/v1/units/phuong-1/feedback-categories").send().await.unwrap().json().await.unwrap();
        assert_eq!(categories[0].code, "trat-tu-do-thi");

        let response = send(&app, &sidewalk()).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let receipt: FeedbackReceipt = response.json().await.unwrap();
        assert!(receipt.code.starts_with("PA-") && receipt.code.len() == 14, "{}", receipt.code);
        let calendar = api::services::calendar::load(&app.db).await.unwrap();
        let expected = calendar.add_working_days(api::local_time::today(), 10).ok();
        assert_eq!(receipt.due_date, expected);
        assert_eq!(app.audit_events("feedback_received").await, 1);

        // Looked up with the phone written another way, or with the code in lower case.
        let status: FeedbackStatus = app
            .get(&format!("/api/v1/feedback/{}?contact=%2B84903123456", receipt.code.to_lowercase()))
            .send().await.unwrap().json().await.unwrap();
        assert_eq!(status.state, FeedbackState::Received);
        assert_eq!(status.state_label, "Đã tiếp nhận");
        assert_eq!(status.steps.len(), 1);
        assert!(status.reply.is_none());
    }

    async fn a_wrong_contact_answers_like_an_unknown_code(app) {
        prepared(&app).await;
        let receipt: FeedbackReceipt = send(&app, &sidewalk()).await.json().await.unwrap();
        let wrong_phone = app.get(&format!("/api/v1/feedback/{}?contact=0909999999", receipt.code)).send().await.unwrap();
        let unknown_code = app.get("/api/v1/feedback/PA-00000-00000?contact=0903123456").send().await.unwrap();
        assert_eq!(wrong_phone.status(), StatusCode::NOT_FOUND);
        assert_eq!(unknown_code.status(), StatusCode::NOT_FOUND);
        let (a, b) = (problem(wrong_phone).await, problem(unknown_code).await);
        assert_eq!((a.code, a.title), (b.code, b.title));
        let no_contact = app.get(&format!("/api/v1/feedback/{}", receipt.code)).send().await.unwrap();
        assert_eq!(no_contact.status(), StatusCode::BAD_REQUEST);
    }

    async fn feedback_without_consent_contact_or_a_known_category_is_refused_by_field(app) {
        prepared(&app).await;
        let mut careless = sidewalk();
        careless["consent"] = json!(false);
        careless["contact_phone"] = Value::Null;
        careless["content"] = json!("Ngắn quá");
        let response = send(&app, &careless).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let fields: Vec<String> = problem(response).await.errors.into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["content", "contact_phone", "consent"]);

        let mut unknown = sidewalk();
        unknown["category"] = json!("thue-nha-dat");
        assert_eq!(problem(send(&app, &unknown).await).await.errors[0].code, "unknown_category");
        assert_eq!(app.audit_events("feedback_received").await, 0);
    }

    async fn a_location_outside_the_ward_is_refused(app) {
        prepared(&app).await;
        let admin = app.login_as(Role::WardAdmin, "phuong-1").await;
        let square = json!({"type": "Polygon", "coordinates": [[[106.660, 10.770], [106.670, 10.770], [106.670, 10.780], [106.660, 10.780], [106.660, 10.770]]]});
        let stored = app.client.put(app.url("/api/v1/units/phuong-1/boundary")).bearer_auth(&admin.access_token)
            .json(&json!({"boundary": square})).send().await.unwrap();
        assert_eq!(stored.status(), StatusCode::OK);

        let mut outside = sidewalk();
        outside["location"] = json!({"latitude": 10.790, "longitude": 106.665});
        let refused = send(&app, &outside).await;
        assert_eq!(problem(refused).await.errors[0].code, "outside_unit");
        let mut inside = sidewalk();
        inside["location"] = json!({"latitude": 10.775, "longitude": 106.665});
        assert_eq!(send(&app, &inside).await.status(), StatusCode::CREATED);
    }

    async fn a_signed_in_citizen_is_recorded_as_the_sender(app) {
        prepared(&app).await;
        let citizen = app.register_citizen().await;
        let session = app.sign_in(&citizen).await;
        let response = app.post("/api/v1/units/phuong-1/feedback").bearer_auth(&session.access_token)
            .json(&sidewalk()).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        let senders: Vec<Option<i64>> = entity::feedback::Entity::find().all(&app.db).await.unwrap()
            .into_iter().map(|f| f.submitted_by).collect();
        assert!(senders[0].is_some());
    }
}

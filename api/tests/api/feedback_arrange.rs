//! Arranging feedback for the thread and statistics tests: sending goes through the
//! API; later states, dates and department assignments are written straight into
//! the database, because the workflow endpoints (forward, answer, approve, publish,
//! reject) are being written beside these tests. Once they exist, these helpers
//! should call them instead.

use chrono::{DateTime, NaiveDate, Utc};
use entity::{account, department, department_member, feedback, feedback_event};
use openapi::feedback::{FeedbackReceipt, FeedbackState};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use serde_json::{Value, json};

use crate::helpers::{Credentials, TestApp};

pub async fn prepared(app: &TestApp) {
    api::seed::seed_calendar(&app.db).await.unwrap();
    api::seed::seed_feedback_setup(&app.db).await.unwrap();
}

/// Feedback with both a phone number and an e-mail address.
pub fn pothole() -> Value {
    json!({
        "category": "trat-tu-do-thi",
        "title": "Ổ gà trước chợ",
        "content": "Ổ gà sâu trước cổng chợ Nguyễn Tri Phương, xe máy đã ngã hai lần trong tuần.",
        "contact_name": "Phạm Văn Dũng",
        "contact_phone": "0912 345 678",
        "contact_email": "dung.pham@example.com",
        "consent": true
    })
}

pub async fn send_to(app: &TestApp, unit: &str, body: &Value) -> FeedbackReceipt {
    let response = app
        .post(&format!("/api/v1/units/{unit}/feedback"))
        .json(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.unwrap()
}

pub async fn record(app: &TestApp, code: &str) -> feedback::Model {
    feedback::Entity::find()
        .filter(feedback::Column::Code.eq(code))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

/// Moves feedback `code` to `state` at `at`, with the step recorded as the
/// workflow would.
pub async fn move_to(app: &TestApp, code: &str, state: FeedbackState, at: DateTime<Utc>) {
    let current = record(app, code).await;
    feedback_event::ActiveModel {
        feedback_id: Set(current.id),
        from_state: Set(Some(current.state.clone())),
        to_state: Set(state.as_str().to_owned()),
        actor_id: Set(None),
        occurred_at: Set(at),
        note: Set(None),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let mut active = current.into_active_model();
    active.state = Set(state.as_str().to_owned());
    active.update(&app.db).await.unwrap();
}

/// Sets when feedback `code` was received and when it is due, as if sent earlier.
pub async fn backdate(app: &TestApp, code: &str, received_at: DateTime<Utc>, due_on: NaiveDate) {
    let current = record(app, code).await;
    let received = feedback_event::Entity::find()
        .filter(feedback_event::Column::FeedbackId.eq(current.id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut event = received.into_active_model();
    event.occurred_at = Set(received_at);
    event.update(&app.db).await.unwrap();
    let mut active = current.into_active_model();
    active.received_at = Set(received_at);
    active.due_on = Set(Some(due_on));
    active.update(&app.db).await.unwrap();
}

/// Assigns feedback `code` to the department `slug` of its ward; the department's id.
pub async fn assign(app: &TestApp, code: &str, slug: &str) -> i64 {
    let current = record(app, code).await;
    let department = department::Entity::find()
        .filter(department::Column::UnitId.eq(current.unit_id))
        .filter(department::Column::Slug.eq(slug))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut active = current.into_active_model();
    active.department_id = Set(Some(department.id));
    active.update(&app.db).await.unwrap();
    department.id
}

/// Makes the staff account of `credentials` a member of department `department_id`.
pub async fn join_department(app: &TestApp, credentials: &Credentials, department_id: i64) {
    let account = account::Entity::find()
        .filter(account::Column::Email.eq(credentials.login.as_str()))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    department_member::ActiveModel {
        department_id: Set(department_id),
        account_id: Set(account.id),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
}

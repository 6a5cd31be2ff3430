//! Arranging feedback for the feedback tests: sent, forwarded, answered, approved,
//! published, rejected or closed through the API by the staff whose work each step
//! is, as a ward would. Only the dates are written straight into the database, for
//! the statistics and overdue cases: no endpoint lets anyone say when something
//! happened, and those tests need feedback that arrived weeks or months ago.

use chrono::{DateTime, NaiveDate, Utc};
use entity::{feedback, feedback_event};
use openapi::auth::Role;
use openapi::feedback::{FeedbackReceipt, FeedbackState};
use openapi::feedback_workflow::StaffFeedback;
use reqwest::{Response, StatusCode};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::helpers::{Session, TestApp};

/// The department that handles urban order, where most feedback goes.
pub const DEPARTMENT: &str = "kinh-te-ha-tang-do-thi";

/// The reply the department gives when a test does not care what it says.
pub const REPLY: &str = "Phường đã nhắc nhở chủ quán và sẽ kiểm tra định kỳ.";

/// The working calendar and the feedback categories and departments.
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

/// The staff of a ward who handle feedback; the department officer works in
/// [`DEPARTMENT`], made a member of it by the ward admin.
pub struct Desk {
    pub unit: String,
    pub web: Session,
    pub officer: Session,
    pub reviewer: Session,
    pub admin: Session,
}

/// The feedback desk of `unit`, on a [`prepared`] database.
pub async fn desk(app: &TestApp, unit: &str) -> Desk {
    let admin = app.login_as(Role::WardAdmin, unit).await;
    Desk {
        unit: unit.to_owned(),
        web: app.login_as(Role::WebOfficer, unit).await,
        officer: app.department_officer(&admin, unit, DEPARTMENT).await,
        reviewer: app.login_as(Role::Reviewer, unit).await,
        admin,
    }
}

/// The instruction that forwards feedback to [`DEPARTMENT`].
pub fn forwarding() -> Value {
    json!({"department": DEPARTMENT, "instruction": "Kiểm tra, xử lý và báo cáo"})
}

impl Desk {
    /// `action` (forward, answer, return, approve, publish, reject, close) on
    /// feedback `code` of this ward, as `who`.
    pub async fn act(
        &self,
        app: &TestApp,
        who: &Session,
        code: &str,
        action: &str,
        body: Value,
    ) -> Response {
        let unit = &self.unit;
        app.post(&format!("/api/v1/units/{unit}/feedback/{code}/{action}"))
            .bearer_auth(&who.access_token)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    /// `action` in this ward as `who`, which must succeed; the feedback after it.
    pub async fn step(
        &self,
        app: &TestApp,
        who: &Session,
        code: &str,
        action: &str,
        body: Value,
    ) -> StaffFeedback {
        let response = self.act(app, who, code, action, body).await;
        assert_eq!(response.status(), StatusCode::OK, "{action} {code}");
        response.json().await.unwrap()
    }

    /// Takes feedback `code` one step, to `state`, as the staff whose work that
    /// step is: forwarded to [`DEPARTMENT`], answered with [`REPLY`], rejected as spam.
    pub async fn take_to(&self, app: &TestApp, code: &str, state: FeedbackState) -> StaffFeedback {
        use FeedbackState::*;
        let (who, action, body) = match state {
            Forwarded => (&self.web, "forward", forwarding()),
            Answered => (&self.officer, "answer", json!({"reply": REPLY})),
            ReturnedToDepartment => (&self.reviewer, "return", json!({"reason": "Bổ sung"})),
            Approved => (&self.reviewer, "approve", json!({})),
            Published => (&self.web, "publish", Value::Null),
            Rejected => (
                &self.web,
                "reject",
                json!({"kind": "spam", "reason": "Quảng cáo"}),
            ),
            Closed => (&self.web, "close", json!({})),
            Received => panic!("feedback is received by sending it"),
        };
        self.step(app, who, code, action, body).await
    }

    /// Takes feedback `code` through `states`, one step each.
    pub async fn walk(&self, app: &TestApp, code: &str, states: &[FeedbackState]) {
        for state in states {
            self.take_to(app, code, *state).await;
        }
    }
}

/// The steps from received to `end`, the way a ward would go.
pub fn path_to(end: FeedbackState) -> &'static [FeedbackState] {
    use FeedbackState::*;
    match end {
        Received => &[],
        Forwarded => &[Forwarded],
        Answered => &[Forwarded, Answered],
        ReturnedToDepartment => &[Forwarded, Answered, ReturnedToDepartment],
        Approved => &[Forwarded, Answered, Approved],
        Published => &[Forwarded, Answered, Approved, Published],
        Rejected => &[Rejected],
        Closed => &[Forwarded, Answered, Approved, Closed],
    }
}

async fn id_of(app: &TestApp, code: &str) -> i64 {
    feedback::Entity::find()
        .filter(feedback::Column::Code.eq(code))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// Makes feedback `code` due on `due_on`, as if it had been sent long before.
/// Written into the database: the due date follows from when the feedback was
/// received, which no endpoint lets anyone set.
pub async fn backdate_due_date(app: &TestApp, code: &str, due_on: NaiveDate) {
    feedback::Entity::update_many()
        .col_expr(feedback::Column::DueOn, Expr::value(due_on))
        .filter(feedback::Column::Code.eq(code))
        .exec(&app.db)
        .await
        .unwrap();
}

/// Makes feedback `code` received at `received_at` and due on `due_on`, as if sent
/// then. Written into the database: the API receives feedback now, and the
/// statistics count it in the month it was received.
pub async fn backdate_receipt(
    app: &TestApp,
    code: &str,
    received_at: DateTime<Utc>,
    due_on: NaiveDate,
) {
    feedback::Entity::update_many()
        .col_expr(feedback::Column::ReceivedAt, Expr::value(received_at))
        .filter(feedback::Column::Code.eq(code))
        .exec(&app.db)
        .await
        .unwrap();
    backdate_due_date(app, code, due_on).await;
    backdate_step(app, code, FeedbackState::Received, received_at).await;
}

/// Makes the step of feedback `code` to `state` happen at `at`. Written into the
/// database: the workflow records each step when it is taken, and the statistics
/// count answers and rejections in the month of their step.
pub async fn backdate_step(app: &TestApp, code: &str, state: FeedbackState, at: DateTime<Utc>) {
    let id = id_of(app, code).await;
    let moved = feedback_event::Entity::update_many()
        .col_expr(feedback_event::Column::OccurredAt, Expr::value(at))
        .filter(feedback_event::Column::FeedbackId.eq(id))
        .filter(feedback_event::Column::ToState.eq(state.as_str()))
        .exec(&app.db)
        .await
        .unwrap();
    assert_eq!(moved.rows_affected, 1, "{code} reached {state:?} once");
}

//! How a ward handles feedback: forwarded to a department, answered, returned,
//! approved with personal data hidden, published or closed, rejected; the queues
//! with what is overdue; and what the public and the citizen then read.

use openapi::ErrorCode;
use openapi::auth::Role;
use openapi::feedback::{FeedbackState, FeedbackStatus};
use openapi::feedback_workflow::{
    Department, FeedbackAction, HiddenKind, PublishedFeedback, PublishedFeedbackPage,
    RedactionPreview, RejectionKind, StaffFeedback, StaffFeedbackPage,
};
use reqwest::{Response, StatusCode};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::feedback_arrange::{
    DEPARTMENT, Desk, REPLY, backdate_due_date, desk, forwarding, path_to, prepared, send_to,
};
use crate::helpers::{Session, TestApp, problem};

const PHONE: &str = "0903 123 456";
const EMAIL: &str = "an.nguyen@example.com";

/// A sidewalk complaint whose text gives away the sender's name, ID number, phone
/// and e-mail, as citizens' texts often do.
fn sidewalk() -> Value {
    json!({
        "category": "trat-tu-do-thi",
        "title": "Quán ăn lấn chiếm vỉa hè hẻm 285",
        "content": "Tôi là Nguyễn Văn An, CCCD 079201001234, điện thoại 0903 123 456, thư an.nguyen@example.com. Quán ăn trước nhà số 12 bày bàn ghế kín vỉa hè mỗi tối.",
        "contact_name": "Nguyễn Văn An",
        "contact_phone": PHONE,
        "contact_email": EMAIL,
        "consent": true
    })
}

const WARD: &str = "phuong-1";

/// Phường 1's feedback desk, on a prepared database.
async fn ready(app: &TestApp) -> Desk {
    prepared(app).await;
    desk(app, WARD).await
}

async fn send(app: &TestApp, body: &Value) -> String {
    send_to(app, WARD, body).await.code
}

/// Forwarded, answered by the department, approved: ready to publish.
async fn approved_feedback(app: &TestApp, desk: &Desk, body: &Value) -> String {
    let code = send(app, body).await;
    desk.walk(app, &code, path_to(FeedbackState::Approved))
        .await;
    code
}

async fn queue(app: &TestApp, who: &Session, name: &str) -> StaffFeedbackPage {
    let response = app
        .get(&format!("/api/v1/units/phuong-1/feedback-queue/{name}"))
        .bearer_auth(&who.access_token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{name}");
    response.json().await.unwrap()
}

fn codes(page: &StaffFeedbackPage) -> Vec<&str> {
    page.items.iter().map(|item| item.code.as_str()).collect()
}

async fn lookup(app: &TestApp, code: &str) -> FeedbackStatus {
    app.get_json(&format!("/api/v1/feedback/{code}?contact=0903123456"))
        .await
}

async fn staff_view(app: &TestApp, who: &Session, code: &str) -> Response {
    app.get(&format!("/api/v1/units/phuong-1/feedback/{code}/staff"))
        .bearer_auth(&who.access_token)
        .send()
        .await
        .unwrap()
}

/// Outbox e-mails of `topic`, as (recipient, body).
async fn emails(app: &TestApp, topic: &str) -> Vec<(String, String)> {
    entity::outbox_message::Entity::find()
        .filter(entity::outbox_message::Column::Topic.eq(topic))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| (m.recipient, m.body))
        .collect()
}

fn assert_nothing_personal(public_json: &str) {
    for personal in [
        "079201001234",
        "0903 123 456",
        "0903123456",
        EMAIL,
        "Nguyễn Văn An",
    ] {
        assert!(
            !public_json.contains(personal),
            "{personal} in {public_json}"
        );
    }
}

on_both_databases! {
    async fn feedback_goes_from_received_to_published_and_is_found_without_diacritics(app) {
        let desk = ready(&app).await;
        let code = send(&app, &sidewalk()).await;
        assert_eq!(codes(&queue(&app, &desk.web, "triage").await), [code.as_str()]);
        let triaged: StaffFeedback = staff_view(&app, &desk.web, &code).await.json().await.unwrap();
        assert_eq!(triaged.suggested_department.unwrap().slug, DEPARTMENT);
        assert_eq!(triaged.actions, [FeedbackAction::Forward, FeedbackAction::Reject]);

        let forwarded = desk.step(&app, &desk.web, &code, "forward", json!({"department": DEPARTMENT, "instruction": "Kiểm tra thực tế", "multi_agency": true})).await;
        assert_eq!(forwarded.state, FeedbackState::Forwarded);
        let calendar = api::services::calendar::load(&app.db).await.unwrap();
        let received_on = api::local_time::date_of(forwarded.received_at.to_utc());
        assert_eq!(forwarded.due_date, calendar.add_working_days(received_on, 15).ok());
        assert!(queue(&app, &desk.web, "triage").await.items.is_empty());
        let inbox = queue(&app, &desk.officer, "department").await;
        assert_eq!(codes(&inbox), [code.as_str()]);
        assert!(inbox.items[0].multi_agency);

        let mine = staff_view(&app, &desk.officer, &code).await.json::<StaffFeedback>().await.unwrap();
        assert_eq!(mine.contact.phone.as_deref(), Some("0903123456"));
        assert_eq!(mine.actions, [FeedbackAction::Answer]);
        desk.step(&app, &desk.officer, &code, "answer", json!({"reply": "Phường đã làm việc với chủ quán. Ông Nguyễn Văn An có thể gọi 0903123456 nếu tái diễn."})).await;
        assert_eq!(codes(&queue(&app, &desk.reviewer, "review").await), [code.as_str()]);

        let preview: RedactionPreview = app.get(&format!("/api/v1/units/phuong-1/feedback/{code}/redaction"))
            .bearer_auth(&desk.reviewer.access_token).send().await.unwrap().json().await.unwrap();
        let kinds: Vec<HiddenKind> = preview.hidden.iter().map(|h| h.kind).collect();
        for kind in [HiddenKind::Name, HiddenKind::IdNumber, HiddenKind::Phone, HiddenKind::Email] {
            assert!(kinds.contains(&kind), "{kind:?} hidden");
        }
        let approved = desk.step(&app, &desk.reviewer, &code, "approve", json!({})).await;
        assert_eq!(approved.public_content.as_deref(), Some(preview.public_content.as_str()));
        assert_eq!(codes(&queue(&app, &desk.web, "publish").await), [code.as_str()]);

        let published = desk.step(&app, &desk.web, &code, "publish", Value::Null).await;
        assert_eq!(published.state, FeedbackState::Published);
        assert_eq!(app.audit_events("feedback_transition").await, 4);
        let sent = emails(&app, "feedback_published").await;
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].0, EMAIL);
        assert!(sent[0].1.contains(&code));

        let list = app.get("/api/v1/units/phuong-1/feedback?q=LAN%20CHIEM%20via%20he").send().await.unwrap().text().await.unwrap();
        assert_nothing_personal(&list);
        let list: PublishedFeedbackPage = serde_json::from_str(&list).unwrap();
        assert_eq!(list.items.len(), 1);
        assert_eq!(list.items[0].code, code);
        let unrelated: PublishedFeedbackPage = app.get_json("/api/v1/units/phuong-1/feedback?q=chieu%20sang").await;
        assert!(unrelated.items.is_empty());
        let district: PublishedFeedbackPage = app.get_json("/api/v1/units/quan-10/feedback").await;
        assert_eq!(district.items[0].unit.slug, "phuong-1");

        let detail = app.get(&format!("/api/v1/units/phuong-1/feedback/{code}")).send().await.unwrap().text().await.unwrap();
        assert_nothing_personal(&detail);
        let detail: PublishedFeedback = serde_json::from_str(&detail).unwrap();
        assert!(detail.content.contains("[đã ẩn]") && detail.reply.contains("[đã ẩn]"));
        assert!(detail.content.contains("bày bàn ghế kín vỉa hè"));

        // The citizen reads their own text, the reply as approved and the public steps only.
        let status = lookup(&app, &code).await;
        assert!(status.content.contains("079201001234"));
        assert_eq!(status.reply, published.public_reply);
        let steps: Vec<FeedbackState> = status.steps.iter().map(|s| s.state).collect();
        assert_eq!(steps, [FeedbackState::Received, FeedbackState::Forwarded, FeedbackState::Published]);
    }

    async fn the_reviewer_returns_a_reply_with_a_reason_and_the_department_answers_again(app) {
        let desk = ready(&app).await;
        let code = send(&app, &sidewalk()).await;
        desk.take_to(&app, &code, FeedbackState::Forwarded).await;
        desk.step(&app, &desk.officer, &code, "answer", json!({"reply": "Đã xử lý."})).await;

        let no_reason = desk.act(&app, &desk.reviewer, &code, "return", json!({"reason": "  "})).await;
        assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem(no_reason).await.errors[0].field, "reason");
        let returned = desk.step(&app, &desk.reviewer, &code, "return", json!({"reason": "Nêu rõ biện pháp và thời hạn"})).await;
        assert_eq!(returned.state, FeedbackState::ReturnedToDepartment);
        assert_eq!(returned.return_reason.as_deref(), Some("Nêu rõ biện pháp và thời hạn"));
        assert_eq!(returned.events.last().unwrap().note.as_deref(), Some("Nêu rõ biện pháp và thời hạn"));
        assert_eq!(codes(&queue(&app, &desk.officer, "department").await), [code.as_str()]);

        let again = desk.step(&app, &desk.officer, &code, "answer", json!({"reply": "Đã lập biên bản; kiểm tra lại sau 7 ngày."})).await;
        assert_eq!(again.state, FeedbackState::Answered);
        // The returns are the ward's own work: the citizen does not see them.
        let steps: Vec<FeedbackState> = lookup(&app, &code).await.steps.iter().map(|s| s.state).collect();
        assert_eq!(steps, [FeedbackState::Received, FeedbackState::Forwarded]);
    }

    async fn whoever_answered_cannot_approve(app) {
        let desk = ready(&app).await;
        let district_admin = app.login_as(Role::DistrictAdmin, "quan-10").await;
        let code = send(&app, &sidewalk()).await;
        desk.take_to(&app, &code, FeedbackState::Forwarded).await;
        desk.step(&app, &district_admin, &code, "answer", json!({"reply": "Quận đã chỉ đạo xử lý."})).await;

        let own = desk.act(&app, &district_admin, &code, "approve", json!({})).await;
        assert_eq!(own.status(), StatusCode::FORBIDDEN);
        assert_eq!(problem(own).await.code, ErrorCode::CannotReviewOwnWork);
        let view: StaffFeedback = staff_view(&app, &district_admin, &code).await.json().await.unwrap();
        assert!(!view.actions.contains(&FeedbackAction::Approve));
        desk.step(&app, &desk.reviewer, &code, "approve", json!({})).await;
    }

    async fn of_two_reviewers_approving_at_once_one_wins(app) {
        let desk = ready(&app).await;
        let second_reviewer = app.login_as(Role::Reviewer, "phuong-1").await;
        let code = send(&app, &sidewalk()).await;
        desk.take_to(&app, &code, FeedbackState::Forwarded).await;
        desk.step(&app, &desk.officer, &code, "answer", json!({"reply": "Đã xử lý."})).await;

        let (a, b) = tokio::join!(
            desk.act(&app, &desk.reviewer, &code, "approve", json!({})),
            desk.act(&app, &second_reviewer, &code, "approve", json!({"public_title": "Vỉa hè"})),
        );
        let mut statuses = [a.status(), b.status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
        assert_eq!(app.audit_events("feedback_transition").await, 3);
    }

    async fn a_reviewer_may_adjust_the_public_texts(app) {
        let desk = ready(&app).await;
        let code = send(&app, &sidewalk()).await;
        desk.take_to(&app, &code, FeedbackState::Forwarded).await;
        desk.step(&app, &desk.officer, &code, "answer", json!({"reply": "Đã xử lý."})).await;
        let approved = desk.step(&app, &desk.reviewer, &code, "approve", json!({"public_title": "Lấn chiếm vỉa hè", "public_content": "Quán ăn bày bàn ghế kín vỉa hè mỗi tối."})).await;
        assert_eq!(approved.public_title.as_deref(), Some("Lấn chiếm vỉa hè"));
        assert_eq!(approved.public_reply.as_deref(), Some("Đã xử lý."));
        desk.step(&app, &desk.web, &code, "publish", Value::Null).await;
        let detail: PublishedFeedback = app.get_json(&format!("/api/v1/units/phuong-1/feedback/{code}")).await;
        assert_eq!(detail.content, "Quán ăn bày bàn ghế kín vỉa hè mỗi tối.");

        // Newest first, a page at a time.
        let newer = approved_feedback(&app, &desk, &sidewalk()).await;
        desk.step(&app, &desk.web, &newer, "publish", Value::Null).await;
        let first: PublishedFeedbackPage = app.get_json("/api/v1/units/phuong-1/feedback?limit=1").await;
        assert_eq!(first.items[0].code, newer);
        let cursor = first.next_cursor.unwrap();
        let second: PublishedFeedbackPage = app.get_json(&format!("/api/v1/units/phuong-1/feedback?limit=1&cursor={cursor}")).await;
        assert_eq!(second.items.iter().map(|i| i.code.as_str()).collect::<Vec<_>>(), [code.as_str()]);
        assert!(second.next_cursor.is_none());
    }

    async fn rejections_need_their_reason_and_details(app) {
        let desk = ready(&app).await;
        let first = send(&app, &sidewalk()).await;
        let spam = send(&app, &sidewalk()).await;
        let rejected = desk.step(&app, &desk.web, &spam, "reject", json!({"kind": "spam", "reason": "Nội dung quảng cáo"})).await;
        assert_eq!(rejected.rejection.unwrap().kind, RejectionKind::Spam);

        let duplicate = send(&app, &sidewalk()).await;
        let unknown = desk.act(&app, &desk.web, &duplicate, "reject", json!({"kind": "duplicate", "reason": "Trùng", "duplicate_of": "PA-00000-00000"})).await;
        assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let error = &problem(unknown).await.errors[0];
        assert_eq!((error.field.as_str(), error.code.as_str()), ("duplicate_of", "unknown_code"));
        let itself = desk.act(&app, &desk.web, &duplicate, "reject", json!({"kind": "duplicate", "reason": "Trùng", "duplicate_of": duplicate})).await;
        assert_eq!(itself.status(), StatusCode::UNPROCESSABLE_ENTITY);
        desk.step(&app, &desk.web, &duplicate, "reject", json!({"kind": "duplicate", "reason": "Trùng", "duplicate_of": first.to_lowercase()})).await;

        let outside = send(&app, &sidewalk()).await;
        desk.take_to(&app, &outside, FeedbackState::Forwarded).await;
        let no_body = desk.act(&app, &desk.web, &outside, "reject", json!({"kind": "outside_competence", "reason": "Thuộc quận"})).await;
        assert_eq!(no_body.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem(no_body).await.errors[0].field, "competent_body");
        desk.step(&app, &desk.web, &outside, "reject", json!({"kind": "outside_competence", "reason": "Tuyến đường do quận quản lý", "competent_body": "UBND Quận 10"})).await;

        let status = lookup(&app, &outside).await;
        assert_eq!(status.state, FeedbackState::Rejected);
        assert_eq!(status.rejection.unwrap().competent_body.as_deref(), Some("UBND Quận 10"));
        assert_eq!(emails(&app, "feedback_rejected").await.len(), 3);
        let again = desk.act(&app, &desk.web, &outside, "reject", json!({"kind": "spam", "reason": "x"})).await;
        assert_eq!(again.status(), StatusCode::CONFLICT);
    }

    async fn illegal_transitions_and_wrong_roles_are_refused(app) {
        let desk = ready(&app).await;
        let code = send(&app, &sidewalk()).await;
        let early = desk.act(&app, &desk.reviewer, &code, "approve", json!({})).await;
        assert_eq!(early.status(), StatusCode::CONFLICT);
        assert_eq!(problem(early).await.code, ErrorCode::InvalidTransition);
        assert_eq!(desk.act(&app, &desk.reviewer, &code, "forward", forwarding()).await.status(), StatusCode::FORBIDDEN);
        let unknown = desk.act(&app, &desk.web, &code, "forward", json!({"department": "thue", "instruction": "Xử lý"})).await;
        assert_eq!(problem(unknown).await.errors[0].code, "unknown_department");

        desk.take_to(&app, &code, FeedbackState::Forwarded).await;
        assert_eq!(desk.act(&app, &desk.web, &code, "publish", Value::Null).await.status(), StatusCode::CONFLICT);
        // A department officer of another department neither reads nor answers it.
        let police = app.department_officer(&desk.admin, "phuong-1", "cong-an").await;
        assert!(queue(&app, &police, "department").await.items.is_empty());
        assert_eq!(staff_view(&app, &police, &code).await.status(), StatusCode::FORBIDDEN);
        assert_eq!(desk.act(&app, &police, &code, "answer", json!({"reply": "Đã xử lý."})).await.status(), StatusCode::FORBIDDEN);

        // Staff of another ward are told it does not exist.
        let elsewhere = app.login_as(Role::WebOfficer, "phuong-2").await;
        assert_eq!(staff_view(&app, &elsewhere, &code).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(desk.act(&app, &elsewhere, &code, "reject", json!({"kind": "spam", "reason": "x"})).await.status(), StatusCode::NOT_FOUND);
        let other_ward = app.post(&format!("/api/v1/units/phuong-2/feedback/{code}/reject")).bearer_auth(&elsewhere.access_token)
            .json(&json!({"kind": "spam", "reason": "x"})).send().await.unwrap();
        assert_eq!(other_ward.status(), StatusCode::NOT_FOUND);
        // The public never sees unpublished feedback.
        assert_eq!(app.get(&format!("/api/v1/units/phuong-1/feedback/{code}")).send().await.unwrap().status(), StatusCode::NOT_FOUND);
    }

    async fn private_feedback_is_closed_with_its_reply_never_published(app) {
        let desk = ready(&app).await;
        let mut private = sidewalk();
        private["public"] = json!(false);
        let code = approved_feedback(&app, &desk, &private).await;
        let view: StaffFeedback = staff_view(&app, &desk.web, &code).await.json().await.unwrap();
        assert_eq!(view.actions, [FeedbackAction::Close]);
        let publish = desk.act(&app, &desk.web, &code, "publish", Value::Null).await;
        assert_eq!(publish.status(), StatusCode::CONFLICT);

        let closed = desk.step(&app, &desk.web, &code, "close", json!({})).await;
        assert_eq!(closed.state, FeedbackState::Closed);
        let list: PublishedFeedbackPage = app.get_json("/api/v1/units/phuong-1/feedback").await;
        assert!(list.items.is_empty());
        assert_eq!(app.get(&format!("/api/v1/units/phuong-1/feedback/{code}")).send().await.unwrap().status(), StatusCode::NOT_FOUND);
        let status = lookup(&app, &code).await;
        assert_eq!(status.reply.as_deref(), Some(REPLY));
        assert_eq!(emails(&app, "feedback_answered").await.len(), 1);
        assert!(emails(&app, "feedback_published").await.is_empty());
    }

    async fn overdue_feedback_is_flagged_and_counted(app) {
        let desk = ready(&app).await;
        let late = send(&app, &sidewalk()).await;
        let fresh = send(&app, &sidewalk()).await;
        backdate_due_date(&app, &late, chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()).await;

        let triage = queue(&app, &desk.web, "triage").await;
        assert_eq!((triage.total, triage.overdue), (2, 1));
        let flagged: Vec<(&str, bool)> = triage.items.iter().map(|i| (i.code.as_str(), i.overdue)).collect();
        assert_eq!(flagged, [(late.as_str(), true), (fresh.as_str(), false)]);

        let first = app.get("/api/v1/units/phuong-1/feedback-queue/triage?limit=1").bearer_auth(&desk.web.access_token)
            .send().await.unwrap().json::<StaffFeedbackPage>().await.unwrap();
        assert_eq!((first.items.len(), first.total, first.overdue), (1, 2, 1));
        let next = app.get(&format!("/api/v1/units/phuong-1/feedback-queue/triage?limit=1&cursor={}", first.next_cursor.unwrap()))
            .bearer_auth(&desk.web.access_token).send().await.unwrap().json::<StaffFeedbackPage>().await.unwrap();
        assert_eq!(codes(&next), [fresh.as_str()]);
        assert!(next.next_cursor.is_none());
    }

    async fn a_ward_admin_manages_who_works_in_each_department(app) {
        let desk = ready(&app).await;
        let departments: Vec<Department> = app.get("/api/v1/units/phuong-1/departments").bearer_auth(&desk.admin.access_token)
            .send().await.unwrap().json().await.unwrap();
        let urban = departments.iter().find(|d| d.slug == DEPARTMENT).unwrap();
        let officer_id = app.account_id(&desk.officer).await;
        assert_eq!(urban.members.iter().map(|m| m.account_id).collect::<Vec<_>>(), [officer_id]);

        let reviewer_id = app.account_id(&desk.reviewer).await;
        let not_an_officer = app.client.put(app.url(&format!("/api/v1/units/phuong-1/departments/{DEPARTMENT}/members/{reviewer_id}")))
            .bearer_auth(&desk.admin.access_token).send().await.unwrap();
        assert_eq!(problem(not_an_officer).await.errors[0].code, "not_department_officer");
        let by_web_officer = app.client.delete(app.url(&format!("/api/v1/units/phuong-1/departments/{DEPARTMENT}/members/{officer_id}")))
            .bearer_auth(&desk.web.access_token).send().await.unwrap();
        assert_eq!(by_web_officer.status(), StatusCode::FORBIDDEN);

        let removed = app.client.delete(app.url(&format!("/api/v1/units/phuong-1/departments/{DEPARTMENT}/members/{officer_id}")))
            .bearer_auth(&desk.admin.access_token).send().await.unwrap();
        assert_eq!(removed.status(), StatusCode::OK);
        assert!(removed.json::<Department>().await.unwrap().members.is_empty());
        assert_eq!(app.audit_events("department_member_removed").await, 1);
        let code = send(&app, &sidewalk()).await;
        desk.take_to(&app, &code, FeedbackState::Forwarded).await;
        assert!(queue(&app, &desk.officer, "department").await.items.is_empty());
    }
}

on_both_databases! {
    async fn the_demo_gives_every_ward_feedback_in_each_state_once(app) {
        prepared(&app).await;
        api::seed::seed_demo_accounts(&app.db).await.unwrap();
        assert_eq!(api::seed::seed_demo_feedback(&app.db).await.unwrap(), 15 * 12);
        assert_eq!(api::seed::seed_demo_feedback(&app.db).await.unwrap(), 0);

        let ward: PublishedFeedbackPage = app.get_json("/api/v1/units/phuong-7/feedback").await;
        assert_eq!(ward.items.len(), 3);
        let page = app.get("/api/v1/units/quan-10/feedback?limit=100").send().await.unwrap().text().await.unwrap();
        assert_nothing_personal(&page);
        let district: PublishedFeedbackPage = serde_json::from_str(&page).unwrap();
        assert_eq!(district.items.len(), 45);

        let unit = api::services::units::by_slug(&app.db, "phuong-1").await.unwrap();
        let anyone = api::services::actor::Actor { account_id: 0, district_wide: true };
        for (queue, total, overdue) in [
            (openapi::feedback_workflow::FeedbackQueue::Triage, 2, 1),
            (openapi::feedback_workflow::FeedbackQueue::Department, 3, 1),
            (openapi::feedback_workflow::FeedbackQueue::Review, 1, 0),
            (openapi::feedback_workflow::FeedbackQueue::Publish, 1, 0),
        ] {
            let page = api::services::feedback_staff::queue(&app.db, unit.id, queue, anyone, None, 100).await.unwrap();
            assert_eq!((page.total, page.overdue), (total, overdue), "{queue:?}");
        }
        // The demo department officer's inbox holds what was forwarded to the ward.
        let login = api::seed::demo_email(Role::DepartmentOfficer, "phuong-1");
        let officer = api::services::accounts::find_by_login_input(&app.db, &login).await.unwrap();
        let mine = api::services::actor::Actor { account_id: officer.id, district_wide: false };
        let inbox = api::services::feedback_staff::queue(&app.db, unit.id, openapi::feedback_workflow::FeedbackQueue::Department, mine, None, 100).await.unwrap();
        assert_eq!(inbox.total, 3);
    }
}

on_both_databases! {
    async fn each_staff_endpoint_answers_only_its_roles_and_only_in_its_ward(app) {
        let desk = ready(&app).await;
        let code = send(&app, &sidewalk()).await;
        desk.take_to(&app, &code, FeedbackState::Forwarded).await;
        let officer_id = app.account_id(&desk.officer).await;
        let base = "/api/v1/units/phuong-1";
        use Role::*;
        let endpoints: Vec<(reqwest::Method, String, Vec<Role>, Value)> = vec![
            (reqwest::Method::GET, format!("{base}/feedback-queue/triage"), vec![WebOfficer], Value::Null),
            (reqwest::Method::GET, format!("{base}/feedback-queue/department"), vec![DepartmentOfficer], Value::Null),
            (reqwest::Method::GET, format!("{base}/feedback-queue/review"), vec![Reviewer], Value::Null),
            (reqwest::Method::GET, format!("{base}/feedback-queue/publish"), vec![WebOfficer], Value::Null),
            (reqwest::Method::GET, format!("{base}/feedback/{code}/staff"), vec![WebOfficer, Reviewer, DepartmentOfficer], Value::Null),
            (reqwest::Method::GET, format!("{base}/feedback/{code}/redaction"), vec![WebOfficer, Reviewer], Value::Null),
            (reqwest::Method::GET, format!("{base}/departments"), vec![WardAdmin, WebOfficer, Reviewer, DepartmentOfficer], Value::Null),
            (reqwest::Method::PUT, format!("{base}/departments/{DEPARTMENT}/members/{officer_id}"), vec![WardAdmin], Value::Null),
            (reqwest::Method::POST, format!("{base}/feedback/{code}/forward"), vec![WebOfficer], forwarding()),
            (reqwest::Method::POST, format!("{base}/feedback/{code}/answer"), vec![DepartmentOfficer], json!({"reply": "Đã xử lý."})),
            (reqwest::Method::POST, format!("{base}/feedback/{code}/return"), vec![Reviewer], json!({"reason": "Bổ sung"})),
            (reqwest::Method::POST, format!("{base}/feedback/{code}/approve"), vec![Reviewer], json!({})),
            (reqwest::Method::POST, format!("{base}/feedback/{code}/publish"), vec![WebOfficer], Value::Null),
            (reqwest::Method::POST, format!("{base}/feedback/{code}/reject"), vec![WebOfficer], json!({"kind": "spam", "reason": "Quảng cáo"})),
            (reqwest::Method::POST, format!("{base}/feedback/{code}/close"), vec![WebOfficer], json!({})),
        ];
        let staff = [
            (Editor, app.login_as(Editor, "phuong-1").await),
            (IntakeOfficer, app.login_as(IntakeOfficer, "phuong-1").await),
            (WardAdmin, desk.admin.clone()),
            (WebOfficer, desk.web.clone()),
            (Reviewer, desk.reviewer.clone()),
            (DepartmentOfficer, desk.officer.clone()),
        ];
        let elsewhere = app.login_as(WebOfficer, "phuong-2").await;
        for (method, path, allowed, body) in &endpoints {
            let call = |token: Option<&str>| {
                let mut request = app.client.request(method.clone(), app.url(path)).json(body);
                if let Some(token) = token {
                    request = request.bearer_auth(token);
                }
                request.send()
            };
            assert_eq!(call(None).await.unwrap().status(), StatusCode::UNAUTHORIZED, "anonymous {method} {path}");
            assert_eq!(call(Some(&elsewhere.access_token)).await.unwrap().status(), StatusCode::NOT_FOUND, "other ward {method} {path}");
            for (role, session) in &staff {
                let status = call(Some(&session.access_token)).await.unwrap().status();
                if allowed.contains(role) {
                    assert!(![StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN, StatusCode::NOT_FOUND].contains(&status), "{role:?} {method} {path}: {status}");
                } else {
                    assert_eq!(status, StatusCode::FORBIDDEN, "{role:?} {method} {path}");
                }
            }
        }
    }
}

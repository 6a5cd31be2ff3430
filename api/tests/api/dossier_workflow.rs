//! What happens to a dossier after filing: a supplement asked for and given,
//! acceptance with the appointment date, processing, the result returned and rated;
//! refusal, withdrawal; what is refused (409, 403, 404); two officers at once; the
//! apology for a missed date; the staff inbox.

use chrono::{Datelike, Duration, NaiveDate, Utc};
use entity::{calendar_year, dossier, dossier_event, outbox_message};
use openapi::ErrorCode;
use openapi::auth::Role;
use openapi::dossier_workflow::{DepartmentOfficer, DossierAction, DossierInbox, StatusCount};
use openapi::dossiers::{Dossier, DossierStatus, DossierStep};
use reqwest::{Response, StatusCode};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use serde_json::{Value, json};

use crate::dossier_arrange::*;
use crate::helpers::{Session, TestApp, problem};

/// The staff of [`WARD`] who handle dossiers.
struct Desk {
    intake: Session,
    admin: Session,
    officer: Session,
    officer_id: i64,
}

/// The catalog and calendar, with this year and the next confirmed so that a date
/// counted from today never runs into an unconfirmed year, whenever the tests run.
/// Written into the database: no endpoint confirms a year yet.
async fn ready(app: &TestApp) -> Desk {
    prepared(app).await;
    let this_year = api::local_time::today().year();
    for year in [this_year, this_year + 1] {
        if calendar_year::Entity::find_by_id(year)
            .one(&app.db)
            .await
            .unwrap()
            .is_none()
        {
            calendar_year::ActiveModel {
                year: Set(year),
                confirmed_at: Set(Utc::now()),
                confirmed_by: Set(None),
            }
            .insert(&app.db)
            .await
            .unwrap();
        }
    }
    let officer = app.login_as(Role::DepartmentOfficer, WARD).await;
    Desk {
        intake: app.login_as(Role::IntakeOfficer, WARD).await,
        admin: app.login_as(Role::WardAdmin, WARD).await,
        officer_id: app.account_id(&officer).await,
        officer,
    }
}

/// `POST /api/v1/dossiers/{code}/{action}` as `who`.
async fn act(app: &TestApp, who: &Session, code: &str, action: &str, body: Value) -> Response {
    app.post(&format!("/api/v1/dossiers/{code}/{action}"))
        .bearer_auth(&who.access_token)
        .json(&body)
        .send()
        .await
        .unwrap()
}

/// `action` as `who`, which must succeed; the dossier after it.
async fn step(app: &TestApp, who: &Session, code: &str, action: &str, body: Value) -> Dossier {
    let response = act(app, who, code, action, body).await;
    let status = response.status();
    let text = response.text().await.unwrap();
    assert_eq!(status, StatusCode::OK, "{action} {code}: {text}");
    serde_json::from_str(&text).unwrap()
}

/// The answer must be 409 `invalid_transition`; its detail.
async fn refused_as_invalid(response: Response) -> String {
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let problem = problem(response).await;
    assert_eq!(problem.code, ErrorCode::InvalidTransition);
    problem.detail.unwrap_or_default()
}

/// Accepted and assigned to the desk's department officer.
async fn in_processing(app: &TestApp, desk: &Desk, code: &str) -> Dossier {
    step(app, &desk.intake, code, "accept", json!({})).await;
    step(
        app,
        &desk.admin,
        code,
        "assign",
        json!({"officer_id": desk.officer_id}),
    )
    .await
}

/// The outbox e-mails about dossier `code`, oldest first, as (topic, subject, body).
async fn emails_about(app: &TestApp, code: &str) -> Vec<(String, String, String)> {
    outbox_message::Entity::find()
        .filter(outbox_message::Column::Body.contains(code))
        .order_by_asc(outbox_message::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| (m.topic, m.subject, m.body))
        .collect()
}

async fn record_of(app: &TestApp, code: &str) -> dossier::Model {
    api::services::dossier_reads::by_code(&app.db, code)
        .await
        .unwrap()
}

async fn steps_recorded(app: &TestApp, code: &str) -> u64 {
    let record = record_of(app, code).await;
    dossier_event::Entity::find()
        .filter(dossier_event::Column::DossierId.eq(record.id))
        .count(&app.db)
        .await
        .unwrap()
}

fn dd_mm_yyyy(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

on_both_databases! {
    async fn a_birth_registration_goes_from_supplement_to_rating_with_every_step_recorded(app) {
        let desk = ready(&app).await;
        let citizen = citizen(&app).await;
        let code = file_birth_registration(&app, &citizen).await;

        let no_items = act(&app, &desk.intake, &code, "request-supplement", json!({"items": []})).await;
        assert_eq!(no_items.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem(no_items).await.errors[0].field, "items");
        let unknown_field = act(&app, &desk.intake, &code, "request-supplement", json!({
            "items": [
                {"field_key": "birth_certificate", "description": "Giấy chứng sinh bản rõ nét"},
                {"field_key": "household_book", "description": "Sổ hộ khẩu"}
            ]
        })).await;
        assert_eq!(unknown_field.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem(unknown_field).await.errors[0].field, "items[1].field_key");
        assert_eq!(record_of(&app, &code).await.status, "submitted", "nothing written");
        let asked = step(&app, &desk.intake, &code, "request-supplement", json!({
            "items": [
                {"field_key": "birth_certificate", "description": "Giấy chứng sinh bản rõ nét"},
                {"field_key": "child_name", "description": "Tên của trẻ ghi đúng như giấy chứng sinh"}
            ],
            "note": "Ảnh chụp bị mờ"
        })).await;
        assert_eq!(asked.status, DossierStatus::NeedsSupplement);
        let items: Vec<(Option<&str>, &str)> = asked
            .supplement_items
            .iter()
            .map(|item| (item.field_key.as_deref(), item.description.as_str()))
            .collect();
        assert_eq!(items, [
            (Some("birth_certificate"), "Giấy chứng sinh bản rõ nét"),
            (Some("child_name"), "Tên của trẻ ghi đúng như giấy chứng sinh"),
        ]);
        // The intake officer cannot decide while the citizen owes the items, and is
        // not offered to; the citizen is offered the answer or withdrawal.
        assert!(asked.actions.is_empty());
        refused_as_invalid(act(&app, &desk.intake, &code, "accept", json!({})).await).await;
        let owed: Dossier = read(&app, &citizen, &code).await.json().await.unwrap();
        assert_eq!(owed.actions, [DossierAction::Resubmit, DossierAction::Withdraw]);

        let clearer = uploaded_pdf(&app, &citizen).await;
        let wrong = act(&app, &citizen, &code, "resubmit", json!({"form": {"child_sex": "Khác"}})).await;
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem(wrong).await.errors[0].field, "child_sex");
        let resubmitted = step(&app, &citizen, &code, "resubmit", json!({
            "form": {"birth_certificate": [clearer], "child_name": "Nguyễn Minh Anh"}
        })).await;
        assert_eq!(resubmitted.status, DossierStatus::Resubmitted);
        assert_eq!(
            serde_json::to_value(&resubmitted.form["child_name"]).unwrap(),
            json!("Nguyễn Minh Anh")
        );
        let rounds: Vec<i32> = resubmitted.files["birth_certificate"].iter().map(|file| file.round).collect();
        assert_eq!(rounds, [0, 1]);

        assert_eq!(
            resubmitted.actions,
            [DossierAction::Withdraw],
            "the citizen waits for the ward again"
        );
        let accepted = step(&app, &desk.intake, &code, "accept", json!({})).await;
        assert_eq!(accepted.status, DossierStatus::Accepted);
        assert_eq!(accepted.actions, [DossierAction::Assign]);
        // A same-day procedure: due the day it counts as accepted (after 15:00 or on
        // a day off, the next working day).
        let calendar = api::services::calendar::load(&app.db).await.unwrap();
        let expected = api::appointment::appointment(
            &calendar,
            accepted.accepted_at.unwrap().to_utc(),
            api::appointment::ProcessingTime::SameDay,
        )
        .unwrap();
        assert_eq!(accepted.due_on, Some(expected.due_date));
        let not_yet = act(&app, &citizen, &code, "rating", json!({"rating": 5})).await;
        refused_as_invalid(not_yet).await;

        let other_officer = app.login_as(Role::DepartmentOfficer, WARD).await;
        let processing = step(&app, &desk.admin, &code, "assign", json!({"officer_id": desk.officer_id})).await;
        assert_eq!(processing.status, DossierStatus::Processing);
        assert_eq!(processing.assigned_to.as_ref().map(|officer| officer.account_id), Some(desk.officer_id));
        assert!(processing.actions.is_empty(), "only the assigned officer reports the result");
        let not_theirs = act(&app, &other_officer, &code, "result-ready", json!({})).await;
        assert_eq!(not_theirs.status(), StatusCode::FORBIDDEN);
        let ready = step(&app, &desk.officer, &code, "result-ready", json!({"note": "Đã ký giấy khai sinh"})).await;
        assert_eq!(ready.status, DossierStatus::ResultReady);
        let returned = step(&app, &desk.intake, &code, "return", json!({})).await;
        assert_eq!(returned.status, DossierStatus::Returned);
        assert!(!returned.late && !returned.at_risk);

        let offered: Dossier = read(&app, &citizen, &code).await.json().await.unwrap();
        assert_eq!(offered.actions, [DossierAction::Rate]);
        assert_eq!(offered.assigned_to, None, "the citizen reads no staff names");
        let rated = step(&app, &citizen, &code, "rating", json!({"rating": 5, "comment": "Nhanh, chu đáo"})).await;
        assert!(rated.actions.is_empty(), "a rating is given once");
        let rating = rated.rating.clone().unwrap();
        assert_eq!((rating.score, rating.comment.as_deref()), (5, Some("Nhanh, chu đáo")));
        refused_as_invalid(act(&app, &citizen, &code, "rating", json!({"rating": 1})).await).await;
        let detail = refused_as_invalid(act(&app, &desk.intake, &code, "accept", json!({})).await).await;
        assert!(detail.contains("returned"), "{detail}");

        // The process record: every step with its states; on time once there is a date.
        let record: Vec<(DossierStep, Option<DossierStatus>, DossierStatus, Option<bool>)> = rated
            .steps
            .iter()
            .map(|s| (s.step, s.from_status, s.to_status, s.on_time))
            .collect();
        use DossierStatus as S;
        assert_eq!(record, [
            (DossierStep::Submitted, None, S::Submitted, None),
            (DossierStep::SupplementRequested, Some(S::Submitted), S::NeedsSupplement, None),
            (DossierStep::Resubmitted, Some(S::NeedsSupplement), S::Resubmitted, None),
            (DossierStep::Accepted, Some(S::Resubmitted), S::Accepted, Some(true)),
            (DossierStep::Assigned, Some(S::Accepted), S::Processing, Some(true)),
            (DossierStep::ResultReady, Some(S::Processing), S::ResultReady, Some(true)),
            (DossierStep::Returned, Some(S::ResultReady), S::Returned, Some(true)),
        ]);
        // The citizen reads no staff names; the staff read who took each step.
        assert!(rated.steps.iter().all(|s| s.actor.is_none()));
        assert!(returned.steps[3].actor.is_some());
        assert_eq!(returned.steps[1].note.as_deref(), Some("Ảnh chụp bị mờ"));

        // One e-mail per change, the rating aside; the acceptance gives the date.
        let sent = emails_about(&app, &code).await;
        let topics: Vec<&str> = sent.iter().map(|(topic, _, _)| topic.as_str()).collect();
        assert_eq!(topics, [
            "dossier_submitted",
            "dossier_needs_supplement",
            "dossier_resubmitted",
            "dossier_accepted",
            "dossier_processing",
            "dossier_result_ready",
            "dossier_returned",
        ]);
        assert!(sent[1].2.contains("- Giấy chứng sinh bản rõ nét"), "{}", sent[1].2);
        assert!(sent[3].2.contains(&dd_mm_yyyy(expected.due_date)), "{}", sent[3].2);
        assert!(sent[3].1.contains(&code));
        assert_eq!(app.audit_events("dossier_transition").await, 7);
    }

    async fn a_refusal_needs_a_reason_and_ends_the_dossier(app) {
        let desk = ready(&app).await;
        let citizen = citizen(&app).await;
        let code = file_birth_registration(&app, &citizen).await;
        let no_reason = act(&app, &desk.intake, &code, "refuse", json!({"reason": " "})).await;
        assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem(no_reason).await.errors[0].field, "reason");

        let refused = step(&app, &desk.intake, &code, "refuse", json!({"reason": "Trẻ không sinh ra trên địa bàn phường"})).await;
        assert_eq!(refused.status, DossierStatus::Refused);
        assert_eq!(refused.refusal_reason.as_deref(), Some("Trẻ không sinh ra trên địa bàn phường"));
        let detail = refused_as_invalid(act(&app, &desk.intake, &code, "accept", json!({})).await).await;
        assert!(detail.contains("Từ chối tiếp nhận"), "{detail}");
        refused_as_invalid(act(&app, &citizen, &code, "withdraw", json!({})).await).await;
        refused_as_invalid(act(&app, &citizen, &code, "resubmit", json!({"form": {"child_name": "An"}})).await).await;
        let sent = emails_about(&app, &code).await;
        assert_eq!(sent.last().unwrap().0, "dossier_refused");
        assert!(sent.last().unwrap().2.contains("Lý do: Trẻ không sinh ra trên địa bàn phường"));
    }

    async fn a_withdrawn_dossier_cannot_be_accepted(app) {
        let desk = ready(&app).await;
        let citizen = citizen(&app).await;
        let code = file_birth_registration(&app, &citizen).await;
        in_processing(&app, &desk, &code).await;
        let withdrawn = step(&app, &citizen, &code, "withdraw", json!({"reason": "Đã làm thủ tục ở nơi khác"})).await;
        assert_eq!(withdrawn.status, DossierStatus::Withdrawn);
        assert_eq!(withdrawn.steps.last().unwrap().from_status, Some(DossierStatus::Processing));
        refused_as_invalid(act(&app, &desk.intake, &code, "accept", json!({})).await).await;
        refused_as_invalid(act(&app, &desk.officer, &code, "result-ready", json!({})).await).await;
        assert_eq!(emails_about(&app, &code).await.last().unwrap().0, "dossier_withdrawn");
    }

    async fn steps_out_of_order_answer_409_and_change_nothing(app) {
        let desk = ready(&app).await;
        let citizen = citizen(&app).await;
        let code = file_birth_registration(&app, &citizen).await;
        for (who, action, body) in [
            (&desk.admin, "assign", json!({"officer_id": desk.officer_id})),
            (&desk.officer, "result-ready", json!({})),
            (&desk.intake, "return", json!({})),
            (&citizen, "resubmit", json!({"form": {"child_name": "An"}})),
            (&citizen, "rating", json!({"rating": 4})),
        ] {
            let detail = refused_as_invalid(act(&app, who, &code, action, body).await).await;
            assert!(detail.contains("submitted"), "{action}: {detail}");
        }
        let record = record_of(&app, &code).await;
        assert_eq!((record.status.as_str(), record.revision), ("submitted", 1));
        assert_eq!(steps_recorded(&app, &code).await, 1);
    }

    async fn only_staff_of_the_ward_with_the_role_act_and_only_the_owner_answers(app) {
        let desk = ready(&app).await;
        let citizen = citizen(&app).await;
        let code = file_birth_registration(&app, &citizen).await;
        let other_ward = app.login_as(Role::IntakeOfficer, "phuong-2").await;
        assert_eq!(act(&app, &other_ward, &code, "accept", json!({})).await.status(), StatusCode::NOT_FOUND);
        let editor = app.login_as(Role::Editor, WARD).await;
        assert_eq!(act(&app, &editor, &code, "accept", json!({})).await.status(), StatusCode::FORBIDDEN);
        // Only the intake officer decides at intake; the ward admin assigns.
        assert_eq!(act(&app, &desk.admin, &code, "accept", json!({})).await.status(), StatusCode::FORBIDDEN);
        let stranger = crate::dossier_arrange::citizen(&app).await;
        for action in ["withdraw", "accept"] {
            let response = act(&app, &stranger, &code, action, json!({})).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{action}");
        }
        let anonymous = app.post(&format!("/api/v1/dossiers/{code}/withdraw")).json(&json!({})).send().await.unwrap();
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(act(&app, &desk.intake, "P01-000101-9999", "accept", json!({})).await.status(), StatusCode::NOT_FOUND);

        // A district admin acts in every ward of the district.
        let district = app.login_as(Role::DistrictAdmin, "quan-10").await;
        step(&app, &district, &code, "accept", json!({})).await;
        let not_an_officer = act(&app, &desk.admin, &code, "assign", json!({"officer_id": app.account_id(&editor).await})).await;
        assert_eq!(not_an_officer.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem(not_an_officer).await.errors[0].field, "officer_id");
        let wrong_ward_officer = app.login_as(Role::DepartmentOfficer, "phuong-2").await;
        let far_away = act(&app, &desk.admin, &code, "assign", json!({"officer_id": app.account_id(&wrong_ward_officer).await})).await;
        assert_eq!(far_away.status(), StatusCode::UNPROCESSABLE_ENTITY);
        step(&app, &desk.intake, &code, "assign", json!({"officer_id": desk.officer_id})).await;
        assert_eq!(act(&app, &wrong_ward_officer, &code, "result-ready", json!({})).await.status(), StatusCode::NOT_FOUND);
    }

    async fn two_officers_deciding_at_once_one_wins_and_the_other_gets_409(app) {
        let desk = ready(&app).await;
        let second = app.login_as(Role::IntakeOfficer, WARD).await;
        let citizen = citizen(&app).await;
        let code = file_birth_registration(&app, &citizen).await;
        let (accept, refuse) = tokio::join!(
            act(&app, &desk.intake, &code, "accept", json!({})),
            act(&app, &second, &code, "refuse", json!({"reason": "Thiếu giấy tờ"})),
        );
        let mut statuses = [accept.status(), refuse.status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
        assert_eq!(steps_recorded(&app, &code).await, 2, "the submission and one decision");
        assert_eq!(app.audit_events("dossier_transition").await, 1);
        assert_eq!(emails_about(&app, &code).await.len(), 2);
        assert_eq!(record_of(&app, &code).await.revision, 2);
    }

    async fn a_same_day_procedure_accepted_after_15_00_is_due_the_next_working_day(app) {
        let desk = ready(&app).await;
        let citizen = citizen(&app).await;
        let intake = api::services::actor::Actor {
            account_id: app.account_id(&desk.intake).await,
            district_wide: false,
        };
        // Accepted at a chosen time through the service: the API accepts at the
        // moment of the request. Wednesday 29/4/2026; 30/4 and 1/5 are holidays.
        let at = |time: &str| {
            let local = chrono::NaiveDateTime::parse_from_str(&format!("2026-04-29 {time}"), "%Y-%m-%d %H:%M").unwrap();
            api::local_time::instant(local.date(), local.time())
        };
        let late_in_the_day = file_birth_registration(&app, &citizen).await;
        let record = record_of(&app, &late_in_the_day).await;
        let accepted = api::services::dossier_workflow::accept(&app.db, &record, intake, false, at("15:30")).await.unwrap();
        assert_eq!(accepted.due_on, "2026-05-04".parse().ok());
        let before_cutoff = file_birth_registration(&app, &citizen).await;
        let record = record_of(&app, &before_cutoff).await;
        let accepted = api::services::dossier_workflow::accept(&app.db, &record, intake, false, at("14:59")).await.unwrap();
        assert_eq!(accepted.due_on, "2026-04-29".parse().ok());
    }

    async fn acceptance_into_an_unconfirmed_year_is_refused_and_writes_nothing(app) {
        let desk = ready(&app).await;
        let citizen = citizen(&app).await;
        let code = file_birth_registration(&app, &citizen).await;
        calendar_year::Entity::delete_many().exec(&app.db).await.unwrap();
        let response = act(&app, &desk.intake, &code, "accept", json!({})).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem(response).await.code, ErrorCode::CalendarNotConfirmed);
        let record = record_of(&app, &code).await;
        assert_eq!((record.status.as_str(), record.revision, record.due_on), ("submitted", 1, None));
        assert_eq!(steps_recorded(&app, &code).await, 1);
        assert_eq!(emails_about(&app, &code).await.len(), 1, "the receipt only");
        assert_eq!(app.audit_events("dossier_transition").await, 0);
    }

    async fn an_apology_keeps_the_original_date_and_the_dossier_counts_late(app) {
        let desk = ready(&app).await;
        let citizen = citizen(&app).await;
        let code = file_birth_registration(&app, &citizen).await;
        in_processing(&app, &desk, &code).await;
        let apology = |new_due_on: NaiveDate| json!({"reason": "Cần xác minh thêm nơi sinh", "new_due_on": new_due_on});
        let today = api::local_time::today();
        let calendar = api::services::calendar::load(&app.db).await.unwrap();
        let new_date = calendar.add_working_days(today, 2).unwrap();
        refused_as_invalid(act(&app, &desk.intake, &code, "apologize", apology(new_date)).await).await;

        // Accepted days ago and due three days ago. Written into the database: the
        // API accepts at the moment of the request.
        let missed = today - Duration::days(3);
        dossier::Entity::update_many()
            .col_expr(dossier::Column::DueOn, Expr::value(missed))
            .filter(dossier::Column::Code.eq(code.as_str()))
            .exec(&app.db)
            .await
            .unwrap();
        let overdue = inbox(&app, &desk.intake, "?due=overdue").await;
        assert_eq!(codes(&overdue), [code.as_str()]);
        assert!(overdue.items[0].late);

        let today_again = act(&app, &desk.intake, &code, "apologize", apology(today)).await;
        assert_eq!(today_again.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem(today_again).await.errors[0].field, "new_due_on");
        let apologized = step(&app, &desk.admin, &code, "apologize", apology(new_date)).await;
        assert_eq!(apologized.status, DossierStatus::Processing);
        assert_eq!(apologized.due_on, Some(missed));
        assert_eq!(apologized.rescheduled_due_on, Some(new_date));
        assert!(apologized.late);
        let recorded = apologized.steps.last().unwrap();
        assert_eq!((recorded.step, recorded.due_on, recorded.on_time), (DossierStep::Apologized, Some(new_date), Some(false)));
        assert!(inbox(&app, &desk.intake, "?due=overdue").await.items.is_empty());
        let (topic, _, body) = emails_about(&app, &code).await.pop().unwrap();
        assert_eq!(topic, "dossier_apology");
        assert!(body.contains(&dd_mm_yyyy(missed)) && body.contains(&dd_mm_yyyy(new_date)), "{body}");

        // The result comes by the new date, yet after the original one: late.
        let ready = step(&app, &desk.officer, &code, "result-ready", json!({})).await;
        assert!(ready.late);
        assert_eq!(ready.steps.last().unwrap().on_time, Some(false));
    }

    async fn the_inbox_lists_the_wards_dossiers_newest_first_with_filters_and_counts(app) {
        let desk = ready(&app).await;
        let citizen = citizen(&app).await;
        let first = file_birth_registration(&app, &citizen).await;
        let file = uploaded_pdf(&app, &citizen).await;
        let mut form = birth_registration(&file);
        form["applicant_name"] = json!("Lê Văn Tám");
        let response = submit(&app, Some(&citizen), WARD, &filing("HT-KS", form)).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let second = response.json::<Dossier>().await.unwrap().code;
        let response = submit(&app, Some(&citizen), WARD, &filing("CT-BS", copy_request())).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let third = response.json::<Dossier>().await.unwrap().code;
        in_processing(&app, &desk, &first).await;

        let all = inbox(&app, &desk.intake, "").await;
        assert_eq!(codes(&all), [third.as_str(), second.as_str(), first.as_str()]);
        assert_eq!(all.counts, [
            StatusCount { status: DossierStatus::Submitted, count: 2 },
            StatusCount { status: DossierStatus::Processing, count: 1 },
        ]);
        let unit = api::services::units::by_slug(&app.db, WARD).await.unwrap();
        assert_eq!(api::services::dossier_inbox::counts(&app.db, unit.id).await.unwrap(), all.counts);
        let item = &all.items[2];
        assert_eq!((item.procedure_code.as_str(), item.applicant_name.as_str()), ("HT-KS", "Trần Thị Mai"));
        assert!(item.due_on.is_some() && !item.assigned_to_me);

        assert_eq!(codes(&inbox(&app, &desk.intake, "?status=submitted").await), [third.as_str(), second.as_str()]);
        assert_eq!(codes(&inbox(&app, &desk.intake, "?procedure=ct-bs").await), [third.as_str()]);
        assert_eq!(codes(&inbox(&app, &desk.intake, "?q=LE%20van%20tam").await), [second.as_str()]);
        assert_eq!(codes(&inbox(&app, &desk.admin, &format!("?q={}", &first[first.len() - 4..])).await), [first.as_str()]);
        assert!(inbox(&app, &desk.intake, "?due=overdue").await.items.is_empty());

        let page = inbox(&app, &desk.intake, "?limit=2").await;
        assert_eq!(codes(&page), [third.as_str(), second.as_str()]);
        let rest = inbox(&app, &desk.intake, &format!("?limit=2&cursor={}", page.next_cursor.unwrap())).await;
        assert_eq!(codes(&rest), [first.as_str()]);
        assert_eq!(rest.next_cursor, None);

        // A department officer sees what is assigned to them, and the counts of that.
        let mine = inbox(&app, &desk.officer, "").await;
        assert_eq!(codes(&mine), [first.as_str()]);
        assert!(mine.items[0].assigned_to_me);
        assert_eq!(mine.counts, [StatusCount { status: DossierStatus::Processing, count: 1 }]);
        let district = app.login_as(Role::DistrictAdmin, "quan-10").await;
        assert_eq!(inbox(&app, &district, "").await.items.len(), 3);

        let other_ward = app.login_as(Role::IntakeOfficer, "phuong-2").await;
        for who in [&other_ward, &citizen] {
            let response = app.get(&format!("/api/v1/units/{WARD}/dossiers")).bearer_auth(&who.access_token).send().await.unwrap();
            assert_eq!(response.status(), StatusCode::NOT_FOUND);
        }
        let unknown = app.get(&format!("/api/v1/units/{WARD}/dossiers?sort=old")).bearer_auth(&desk.intake.access_token).send().await.unwrap();
        assert_eq!(unknown.status(), StatusCode::BAD_REQUEST);
    }

    async fn a_corrected_phone_in_a_supplement_answer_is_where_the_lookup_and_mail_go(app) {
        let desk = ready(&app).await;
        let citizen = citizen(&app).await;
        let code = file_birth_registration(&app, &citizen).await;
        step(&app, &desk.intake, &code, "request-supplement", json!({
            "items": [{"field_key": "applicant_phone", "description": "Số điện thoại không liên lạc được"}]
        })).await;
        step(&app, &citizen, &code, "resubmit", json!({
            "form": {"applicant_phone": "0987 654 321", "applicant_email": "mai.moi@example.com"}
        })).await;
        assert_eq!(look_up(&app, &code, "0987654321").await.status(), StatusCode::OK);
        assert_eq!(look_up(&app, &code, PHONE).await.status(), StatusCode::NOT_FOUND);
        let accepted = step(&app, &desk.intake, &code, "accept", json!({})).await;
        assert_eq!(accepted.contact_email.as_deref(), Some("mai.moi@example.com"));
        let last_mail = outbox_message::Entity::find()
            .filter(outbox_message::Column::Body.contains(&code))
            .order_by_desc(outbox_message::Column::Id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(last_mail.recipient, "mai.moi@example.com");
    }

    async fn those_who_assign_read_the_department_officers_and_no_one_else(app) {
        let desk = ready(&app).await;
        api::seed::seed_feedback_setup(&app.db).await.unwrap();
        let placed = app.department_officer(&desk.admin, WARD, "cong-an").await;
        let placed_id = app.account_id(&placed).await;
        let path = format!("/api/v1/units/{WARD}/department-officers");
        let listed = app.get(&path).bearer_auth(&desk.intake.access_token).send().await.unwrap();
        assert_eq!(listed.status(), StatusCode::OK);
        let officers: Vec<DepartmentOfficer> = listed.json().await.unwrap();
        let ids: Vec<i64> = officers.iter().map(|officer| officer.account_id).collect();
        assert!(ids.contains(&desk.officer_id) && ids.contains(&placed_id), "{ids:?}");
        let placed_row = officers.iter().find(|officer| officer.account_id == placed_id).unwrap();
        assert_eq!(placed_row.departments.len(), 1);
        let unplaced = officers.iter().find(|officer| officer.account_id == desk.officer_id).unwrap();
        assert!(unplaced.departments.is_empty());
        let by_admin = app.get(&path).bearer_auth(&desk.admin.access_token).send().await.unwrap();
        assert_eq!(by_admin.status(), StatusCode::OK);

        let citizen = citizen(&app).await;
        let other_ward = app.login_as(Role::IntakeOfficer, "phuong-2").await;
        for (who, expected) in [
            (&desk.officer, StatusCode::FORBIDDEN),
            (&citizen, StatusCode::NOT_FOUND),
            (&other_ward, StatusCode::NOT_FOUND),
        ] {
            let response = app.get(&path).bearer_auth(&who.access_token).send().await.unwrap();
            assert_eq!(response.status(), expected);
        }
    }
}

/// `GET /api/v1/units/{WARD}/dossiers{query}` as `who`, which must succeed.
async fn inbox(app: &TestApp, who: &Session, query: &str) -> DossierInbox {
    let response = app
        .get(&format!("/api/v1/units/{WARD}/dossiers{query}"))
        .bearer_auth(&who.access_token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{query}");
    response.json().await.unwrap()
}

fn codes(inbox: &DossierInbox) -> Vec<&str> {
    inbox.items.iter().map(|item| item.code.as_str()).collect()
}

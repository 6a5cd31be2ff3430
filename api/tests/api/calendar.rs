//! The working-day calendar: seeded from the national calendar, proposed and
//! confirmed per year by a district admin.

use api::appointment::{ProcessingTime, appointment};
use api::working_days::CalendarError;
use chrono::{DateTime, Utc};
use openapi::ErrorCode;
use openapi::auth::Role;
use openapi::calendar::{CalendarDay, CalendarYear, DayKind, DayStatus};
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, problem};

fn day<'a>(year: &'a CalendarYear, date: &str) -> Option<&'a CalendarDay> {
    year.days.iter().find(|day| day.date.to_string() == date)
}

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

/// The due date of a 1-working-day procedure accepted at `accepted_at`, on the
/// calendar as stored now.
async fn one_day_due(app: &TestApp, accepted_at: &str) -> Result<String, CalendarError> {
    let calendar = api::services::calendar::load(&app.db).await.unwrap();
    appointment(&calendar, at(accepted_at), ProcessingTime::WorkingDays(1))
        .map(|appointment| appointment.due_date.to_string())
}

/// The detail of the newest audit event named `event`.
async fn last_audit_detail(app: &TestApp, event: &str) -> serde_json::Value {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let row = entity::audit_event::Entity::find()
        .filter(entity::audit_event::Column::Event.eq(event))
        .order_by_desc(entity::audit_event::Column::Id)
        .one(&app.db)
        .await
        .unwrap()
        .expect("an audit event");
    serde_json::from_str(&row.detail).unwrap()
}

/// Sends `method path` (with `body` as JSON when given) as the holder of `token`.
async fn send(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    token: &str,
    body: Option<serde_json::Value>,
) -> reqwest::Response {
    let mut request = app.client.request(method, app.url(path)).bearer_auth(token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.unwrap()
}

on_both_databases! {
    async fn the_published_year_is_confirmed_and_the_proposed_one_is_not(app) {
        let added = api::seed::seed_calendar(&app.db).await.unwrap();
        assert!(added > 30);
        assert_eq!(api::seed::seed_calendar(&app.db).await.unwrap(), 0);

        let year: CalendarYear = app.get("/api/v1/calendar/2026").send().await.unwrap().json().await.unwrap();
        assert!(year.confirmed);
        assert!(year.days.iter().any(|d| d.kind == DayKind::Working && d.date.to_string() == "2026-08-22"));
        let next: CalendarYear = app.get("/api/v1/calendar/2027").send().await.unwrap().json().await.unwrap();
        assert!(!next.confirmed);
        assert!(next.days.iter().all(|d| d.status == DayStatus::Proposed));

        // Deadlines are counted on the stored calendar and stop at an unconfirmed year.
        let calendar = api::services::calendar::load(&app.db).await.unwrap();
        let after_national_day = calendar.add_working_days("2026-08-31".parse().unwrap(), 1).unwrap();
        assert_eq!(after_national_day.to_string(), "2026-09-03");
        assert!(calendar.add_working_days("2026-12-28".parse().unwrap(), 10).is_err());

        // A path that is not a year names no resource.
        assert_eq!(app.get("/api/v1/calendar/hai-nghin").send().await.unwrap().status(), StatusCode::NOT_FOUND);
    }

    async fn a_proposal_for_2028_holds_tet_and_hung_kings_day_as_proposed(app) {
        let admin = app.login_as(Role::DistrictAdmin, "quan-10").await;
        let response = send(&app, reqwest::Method::POST, "/api/v1/calendar/2028/proposal", &admin.access_token, None).await;
        assert_eq!(response.status(), StatusCode::OK);
        let year: CalendarYear = response.json().await.unwrap();
        assert_eq!(year.year, 2028);
        assert!(!year.confirmed);

        // Mùng 1 Tết Mậu Thân is Wednesday 26/1/2028; Giỗ Tổ (10/3 âm) Tuesday 4/4.
        let tet = day(&year, "2028-01-26").expect("Tết");
        assert_eq!((tet.kind, tet.status), (DayKind::Holiday, DayStatus::Proposed));
        assert!(tet.name.starts_with("Tết Nguyên Đán"));
        assert_eq!(tet.source.as_deref(), Some("Đề xuất tự động (âm lịch)"));
        for date in ["2028-01-25", "2028-01-27", "2028-01-28", "2028-01-29"] {
            assert!(day(&year, date).is_some_and(|d| d.name.starts_with("Tết Nguyên Đán")), "{date}");
        }
        let hung_kings = day(&year, "2028-04-04").expect("Giỗ Tổ");
        assert_eq!(hung_kings.name, "Giỗ Tổ Hùng Vương (10/3 âm lịch)");
        assert!(year.days.iter().all(|d| d.status == DayStatus::Proposed));

        // The public reading says the same.
        let public: CalendarYear = app.get_json("/api/v1/calendar/2028").await;
        assert_eq!(public, year);
        assert_eq!(app.audit_events("calendar_proposed").await, 1);
    }

    async fn a_proposal_never_overwrites_a_day_already_there(app) {
        let admin = app.login_as(Role::DistrictAdmin, "quan-10").await;
        let token = &admin.access_token;
        // The government's notice came first: Tết 2028 from Saturday 22/1.
        let change = json!({"kind": "holiday", "name": "Tết Nguyên Đán (theo thông báo)", "source": "Thông báo số 1/TB-BNV"});
        let response = send(&app, reqwest::Method::PUT, "/api/v1/calendar/2028/days/2028-01-25", token, Some(change)).await;
        assert_eq!(response.status(), StatusCode::OK);

        let proposed: CalendarYear = send(&app, reqwest::Method::POST, "/api/v1/calendar/2028/proposal", token, None)
            .await.json().await.unwrap();
        let kept = day(&proposed, "2028-01-25").unwrap();
        assert_eq!(kept.name, "Tết Nguyên Đán (theo thông báo)");
        assert_eq!(kept.status, DayStatus::Confirmed);

        // Proposing again adds nothing new.
        let again: CalendarYear = send(&app, reqwest::Method::POST, "/api/v1/calendar/2028/proposal", token, None)
            .await.json().await.unwrap();
        assert_eq!(again, proposed);
    }

    async fn deadlines_into_2028_are_refused_until_the_district_admin_confirms_it(app) {
        api::seed::seed_calendar(&app.db).await.unwrap();
        let admin = app.login_as(Role::DistrictAdmin, "quan-10").await;
        let token = &admin.access_token;
        // 2027 is proposed in the seed: confirm it as it stands.
        let confirmed: CalendarYear = send(&app, reqwest::Method::POST, "/api/v1/calendar/2027/confirm", token, None)
            .await.json().await.unwrap();
        assert!(confirmed.confirmed);
        assert!(confirmed.days.iter().all(|d| d.status == DayStatus::Confirmed));

        // Accepted Friday 31/12/2027 at 09:00 in Hà Nội: the next working day is in 2028.
        let accepted = "2027-12-31T02:00:00Z";
        assert_eq!(one_day_due(&app, accepted).await, Err(CalendarError::Unconfirmed(2028)));
        send(&app, reqwest::Method::POST, "/api/v1/calendar/2028/proposal", token, None).await;
        assert_eq!(one_day_due(&app, accepted).await, Err(CalendarError::Unconfirmed(2028)));

        let response = send(&app, reqwest::Method::POST, "/api/v1/calendar/2028/confirm", token, None).await;
        assert_eq!(response.status(), StatusCode::OK);
        let year: CalendarYear = app.get_json("/api/v1/calendar/2028").await;
        assert!(year.confirmed);
        assert!(year.days.iter().all(|d| d.status == DayStatus::Confirmed));
        // 1/1/2028 is a Saturday: its compensating day Monday 3/1 is off as well.
        assert_eq!(one_day_due(&app, accepted).await, Ok("2028-01-04".to_owned()));
        assert_eq!(app.audit_events("calendar_year_confirmed").await, 2);

        // A confirmed year takes no proposal: its days already count.
        let response = send(&app, reqwest::Method::POST, "/api/v1/calendar/2028/proposal", token, None).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
    }

    async fn a_declared_working_saturday_counts_in_a_deadline(app) {
        let admin = app.login_as(Role::DistrictAdmin, "quan-10").await;
        let token = &admin.access_token;
        send(&app, reqwest::Method::POST, "/api/v1/calendar/2028/proposal", token, None).await;
        send(&app, reqwest::Method::POST, "/api/v1/calendar/2028/confirm", token, None).await;
        // Accepted Friday 3/3/2028 at 10:00: one working day is Monday 6/3.
        let accepted = "2028-03-03T03:00:00Z";
        assert_eq!(one_day_due(&app, accepted).await, Ok("2028-03-06".to_owned()));

        // The government moves a day off and makes Saturday 4/3 a working day.
        let change = json!({"kind": "working", "name": "Làm bù"});
        let response = send(&app, reqwest::Method::PUT, "/api/v1/calendar/2028/days/2028-03-04", token, Some(change)).await;
        assert_eq!(response.status(), StatusCode::OK);
        let year: CalendarYear = response.json().await.unwrap();
        let saturday = day(&year, "2028-03-04").unwrap();
        assert_eq!((saturday.kind, saturday.status), (DayKind::Working, DayStatus::Confirmed));
        assert_eq!(one_day_due(&app, accepted).await, Ok("2028-03-04".to_owned()));
        // The change to a confirmed year is in the audit trail, flagged as such.
        let recorded = last_audit_detail(&app, "calendar_day_set").await;
        assert_eq!(recorded["date"], "2028-03-04");
        assert_eq!(recorded["kind"], "working");
        assert_eq!(recorded["year_confirmed"], true);

        // Removed again, Saturday is a day off as before.
        let response = send(&app, reqwest::Method::DELETE, "/api/v1/calendar/2028/days/2028-03-04", token, None).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(one_day_due(&app, accepted).await, Ok("2028-03-06".to_owned()));
        assert_eq!(app.audit_events("calendar_day_removed").await, 1);
        let response = send(&app, reqwest::Method::DELETE, "/api/v1/calendar/2028/days/2028-03-04", token, None).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }

    async fn a_day_outside_the_year_or_a_weekday_made_working_is_refused_by_field(app) {
        let admin = app.login_as(Role::DistrictAdmin, "quan-10").await;
        let token = &admin.access_token;
        let change = json!({"kind": "holiday", "name": "Tết Dương lịch"});
        let response = send(&app, reqwest::Method::PUT, "/api/v1/calendar/2028/days/2029-01-01", token, Some(change)).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem(response).await.errors[0].field, "date");

        let response = send(&app, reqwest::Method::DELETE, "/api/v1/calendar/2028/days/2029-01-01", token, None).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem(response).await.errors[0].field, "date");

        // Wednesday 1/3/2028 is a working day already.
        let change = json!({"kind": "working", "name": "Làm bù"});
        let response = send(&app, reqwest::Method::PUT, "/api/v1/calendar/2028/days/2028-03-01", token, Some(change)).await;
        assert_eq!(problem(response).await.errors[0].field, "kind");

        let response = send(&app, reqwest::Method::POST, "/api/v1/calendar/1800/proposal", token, None).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem(response).await.errors[0].field, "year");

        let year: CalendarYear = app.get_json("/api/v1/calendar/2028").await;
        assert!(year.days.is_empty());
    }

    async fn only_a_district_admin_keeps_the_calendar(app) {
        let anonymous = app.post("/api/v1/calendar/2028/proposal").send().await.unwrap();
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);

        let citizen = app.register_citizen().await;
        let citizen = app.sign_in(&citizen).await;
        let ward_admin = app.login_as(Role::WardAdmin, "phuong-1").await;
        let intake = app.login_as(Role::IntakeOfficer, "phuong-1").await;
        let change = json!({"kind": "holiday", "name": "Nghỉ"});
        for token in [&citizen.access_token, &ward_admin.access_token, &intake.access_token] {
            let requests = [
                (reqwest::Method::POST, "/api/v1/calendar/2028/proposal", None),
                (reqwest::Method::POST, "/api/v1/calendar/2028/confirm", None),
                (reqwest::Method::PUT, "/api/v1/calendar/2028/days/2028-03-06", Some(change.clone())),
                (reqwest::Method::DELETE, "/api/v1/calendar/2028/days/2028-03-06", None),
            ];
            for (method, path, body) in requests {
                let response = send(&app, method.clone(), path, token, body).await;
                assert_eq!(response.status(), StatusCode::FORBIDDEN, "{method} {path}");
                assert_eq!(problem(response).await.code, ErrorCode::Forbidden);
            }
        }
        let year: CalendarYear = app.get_json("/api/v1/calendar/2028").await;
        assert!(!year.confirmed);
        assert!(year.days.is_empty());
    }
}

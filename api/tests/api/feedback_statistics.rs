//! Feedback statistics per month: received, answered, rejected and overdue, for a
//! ward and for the district with its wards side by side.

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use openapi::auth::Role;
use openapi::feedback::FeedbackState;
use openapi::feedback_statistics::{Counts, FeedbackStatistics, UnitStatistics, month_label};
use reqwest::StatusCode;

use crate::feedback_arrange::{
    Desk, backdate_receipt, backdate_step, desk, pothole, prepared, send_to,
};
use crate::helpers::TestApp;

/// Noon in Vietnam on `day`.
fn noon(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(5, 0, 0).unwrap().and_utc()
}

fn counts(received: u32, answered: u32, rejected: u32, overdue: u32) -> Counts {
    Counts {
        received,
        answered,
        rejected,
        overdue,
    }
}

fn months(row: &UnitStatistics) -> Vec<Counts> {
    row.months.iter().map(|m| m.counts).collect()
}

/// The first days of the month before last, last month and this month.
fn three_months() -> [NaiveDate; 3] {
    let this = api::local_time::today().with_day(1).unwrap();
    [this - Months::new(2), this - Months::new(1), this]
}

fn on(month: NaiveDate, day: u32) -> NaiveDate {
    month.with_day(day).unwrap()
}

/// Feedback of the ward of `desk` taken through `steps` by its staff, then dated
/// as if received on `received`, due on `due` and each step taken on its day.
async fn history(
    app: &TestApp,
    desk: &Desk,
    received: NaiveDate,
    due: NaiveDate,
    steps: &[(FeedbackState, NaiveDate)],
) {
    let code = send_to(app, &desk.unit, &pothole()).await.code;
    for (state, _) in steps {
        desk.take_to(app, &code, *state).await;
    }
    backdate_receipt(app, &code, noon(received), due).await;
    for (state, day) in steps {
        backdate_step(app, &code, *state, noon(*day)).await;
    }
}

async fn statistics(app: &TestApp, token: &str, unit: &str, query: &str) -> reqwest::Response {
    app.get(&format!("/api/v1/units/{unit}/feedback/statistics{query}"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

on_both_databases! {
    async fn a_ward_and_its_district_count_received_answered_rejected_and_overdue_per_month(app) {
        prepared(&app).await;
        let [m0, m1, m2] = three_months();
        let before = m0 - Months::new(1);
        let (ward, neighbour) = (desk(&app, "phuong-1").await, desk(&app, "phuong-2").await);
        use FeedbackState::*;
        // Received before the period, answered in its first month.
        history(&app, &ward, on(before, 25), on(m0, 8), &[(Forwarded, on(before, 26)), (Answered, on(m0, 3)), (Approved, on(m0, 4)), (Published, on(m0, 5))]).await;
        // Answered in time.
        history(&app, &ward, on(m0, 3), on(m0, 17), &[(Forwarded, on(m0, 4)), (Answered, on(m0, 8)), (Approved, on(m0, 9)), (Published, on(m0, 10))]).await;
        // Answered after its due date: overdue in the month it was due, answered once.
        history(&app, &ward, on(m0, 20), on(m1, 3), &[(Forwarded, on(m0, 21)), (Answered, on(m1, 7)), (Approved, on(m1, 8)), (Published, on(m1, 9))]).await;
        // Rejected in time.
        history(&app, &ward, on(m1, 1), on(m1, 15), &[(Rejected, on(m1, 2))]).await;
        // Still with the department past its due date.
        history(&app, &ward, on(m1, 5), on(m1, 19), &[(Forwarded, on(m1, 6))]).await;
        // Just received, due in the future.
        send_to(&app, "phuong-1", &pothole()).await;
        history(&app, &neighbour, on(m1, 10), on(m1, 24), &[(Forwarded, on(m1, 10)), (Answered, on(m1, 11)), (Approved, on(m1, 12)), (Published, on(m1, 12))]).await;

        let officer = app.login_as(Role::WebOfficer, "phuong-1").await;
        let query = format!("?from={}&to={}", month_label(m0), month_label(m2));
        let response = statistics(&app, &officer.access_token, "phuong-1", &query).await;
        assert_eq!(response.status(), StatusCode::OK);
        let ward: FeedbackStatistics = response.json().await.unwrap();
        let labels: Vec<&str> = ward.total.months.iter().map(|m| m.month.as_str()).collect();
        assert_eq!(labels, [month_label(m0), month_label(m1), month_label(m2)]);
        assert_eq!(ward.units.len(), 1);
        assert_eq!(months(&ward.total), [counts(2, 2, 0, 0), counts(2, 1, 1, 2), counts(1, 0, 0, 0)]);
        assert_eq!(ward.total.period, counts(5, 3, 1, 2));

        let admin = app.login_as(Role::DistrictAdmin, "quan-10").await;
        let district: FeedbackStatistics = statistics(&app, &admin.access_token, "quan-10", &query).await.json().await.unwrap();
        assert_eq!(district.total.unit.slug, "quan-10");
        let row = |slug: &str| district.units.iter().find(|row| row.unit.slug == slug).unwrap();
        assert_eq!(months(row("phuong-1")), months(&ward.total));
        assert_eq!(months(row("phuong-2")), [counts(0, 0, 0, 0), counts(1, 1, 0, 0), counts(0, 0, 0, 0)]);
        assert_eq!(row("phuong-3").period, Counts::default());
        assert_eq!(district.total.period, counts(6, 4, 1, 2));
    }

    async fn statistics_are_for_the_units_staff_over_a_well_formed_period(app) {
        prepared(&app).await;
        let officer = app.login_as(Role::WebOfficer, "phuong-1").await;
        let token = &officer.access_token;
        let default_period: FeedbackStatistics = statistics(&app, token, "phuong-1", "").await.json().await.unwrap();
        assert_eq!(default_period.total.months.len(), 12);
        for query in ["?from=2026-13", "?from=2026-11&to=2026-10", "?from=2020-01&to=2026-01", "?month=2026-11"] {
            assert_eq!(statistics(&app, token, "phuong-1", query).await.status(), StatusCode::BAD_REQUEST, "{query}");
        }
        assert_eq!(statistics(&app, token, "quan-10", "").await.status(), StatusCode::NOT_FOUND);
        assert_eq!(statistics(&app, token, "phuong-2", "").await.status(), StatusCode::NOT_FOUND);
        let editor = app.login_as(Role::Editor, "phuong-1").await;
        assert_eq!(statistics(&app, &editor.access_token, "phuong-1", "").await.status(), StatusCode::FORBIDDEN);
        let anonymous = app.get("/api/v1/units/phuong-1/feedback/statistics").send().await.unwrap();
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    }
}

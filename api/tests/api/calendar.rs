//! The working-day calendar: seeded from the national calendar, confirmed per year.

use openapi::calendar::{CalendarYear, DayKind, DayStatus};
use reqwest::StatusCode;

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
}

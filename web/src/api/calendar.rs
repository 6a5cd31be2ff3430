//! The working-day calendar: `GET /api/v1/calendar/{year}` (anyone), and the
//! district admin's `POST …/proposal`, `PUT`/`DELETE …/days/{date}`, `POST …/confirm`.
//! Every change answers the whole year after it.

use chrono::NaiveDate;
use gloo_net::http::Request;
use openapi::calendar::{CalendarDayChange, CalendarYear};

use super::ApiError;
use super::client::{fetch_json, request, with_bearer};

fn year_url(year: i32) -> String {
    format!("/api/v1/calendar/{year}")
}

fn day_url(date: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}/days/{date}", year_url(date.year()))
}

/// The year's days off and working weekend days, and whether it is confirmed.
pub async fn year(year: i32) -> Result<CalendarYear, ApiError> {
    fetch_json(request(Request::get(&year_url(year))).build()).await
}

/// Adds the proposed holidays (fixed and lunar) the year does not have yet.
pub async fn propose(token: &str, year: i32) -> Result<CalendarYear, ApiError> {
    let url = format!("{}/proposal", year_url(year));
    fetch_json(with_bearer(request(Request::post(&url)), token).build()).await
}

/// Adds or changes one day, confirmed at once.
pub async fn set_day(
    token: &str,
    date: NaiveDate,
    change: &CalendarDayChange,
) -> Result<CalendarYear, ApiError> {
    fetch_json(with_bearer(request(Request::put(&day_url(date))), token).json(change)).await
}

/// Removes one day: a plain weekday or weekend day again.
pub async fn remove_day(token: &str, date: NaiveDate) -> Result<CalendarYear, ApiError> {
    fetch_json(with_bearer(request(Request::delete(&day_url(date))), token).build()).await
}

/// Confirms the year: deadlines may fall in it from now on.
pub async fn confirm(token: &str, year: i32) -> Result<CalendarYear, ApiError> {
    let url = format!("{}/confirm", year_url(year));
    fetch_json(with_bearer(request(Request::post(&url)), token).build()).await
}

//! Words of the working-day calendar page: kinds, statuses, months, and the days of
//! a year grouped by month.

use chrono::{Datelike, NaiveDate};
use openapi::calendar::{CalendarDay, DayKind, DayStatus};

pub fn kind_label(kind: DayKind) -> &'static str {
    match kind {
        DayKind::Holiday => "Ngày nghỉ",
        DayKind::Working => "Ngày làm việc (làm bù)",
    }
}

pub fn status_label(status: DayStatus) -> &'static str {
    match status {
        DayStatus::Confirmed => "Đã xác nhận",
        DayStatus::Proposed => "Đề xuất",
    }
}

/// The year's days, in date order, in the months that have any: (month, days).
pub fn days_by_month(days: &[CalendarDay]) -> Vec<(u32, Vec<CalendarDay>)> {
    let mut sorted = days.to_vec();
    sorted.sort_by_key(|day| day.date);
    let mut months: Vec<(u32, Vec<CalendarDay>)> = Vec::new();
    for day in sorted {
        match months.last_mut() {
            Some((month, list)) if *month == day.date.month() => list.push(day),
            _ => months.push((day.date.month(), vec![day])),
        }
    }
    months
}

/// How many days still wait for the year's confirmation.
pub fn proposed_count(days: &[CalendarDay]) -> usize {
    days.iter()
        .filter(|day| day.status == DayStatus::Proposed)
        .count()
}

/// The year a page opens on: `?nam=` when it is a year, else `today`'s.
pub fn chosen_year(query: Option<&str>, today: NaiveDate) -> i32 {
    query
        .and_then(|text| text.trim().parse::<i32>().ok())
        .filter(|year| openapi::calendar::EDITABLE_YEARS.contains(year))
        .unwrap_or_else(|| today.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(date: &str, status: DayStatus) -> CalendarDay {
        CalendarDay {
            date: date.parse().unwrap(),
            kind: DayKind::Holiday,
            name: "Nghỉ".into(),
            status,
            source: None,
        }
    }

    #[test]
    fn days_are_grouped_by_month_in_date_order() {
        let days = [
            day("2028-04-04", DayStatus::Proposed),
            day("2028-01-26", DayStatus::Proposed),
            day("2028-01-01", DayStatus::Confirmed),
        ];
        let months = days_by_month(&days);
        let shape: Vec<(u32, Vec<String>)> = months
            .into_iter()
            .map(|(month, days)| (month, days.iter().map(|d| d.date.to_string()).collect()))
            .collect();
        assert_eq!(
            shape,
            [
                (1, vec!["2028-01-01".to_owned(), "2028-01-26".to_owned()]),
                (4, vec!["2028-04-04".to_owned()]),
            ]
        );
        assert_eq!(proposed_count(&days), 2);
    }

    #[test]
    fn the_page_opens_on_the_asked_year_or_this_one() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        assert_eq!(chosen_year(Some("2028"), today), 2028);
        assert_eq!(chosen_year(Some("năm sau"), today), 2026);
        assert_eq!(chosen_year(Some("1200"), today), 2026);
        assert_eq!(chosen_year(None, today), 2026);
    }
}

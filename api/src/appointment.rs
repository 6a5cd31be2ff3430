//! The appointment date (ngày hẹn trả kết quả) of an accepted dossier. One
//! calculator for the workflow and for `GET …/procedures/{code}/appointment`, so the
//! date a citizen is shown in advance is the date the officer gives.
//!
//! Working days are counted in Vietnam's civil time from the day after acceptance.
//! A dossier accepted at or after 15:00, or on a day off, counts as accepted on the
//! next working day; a same-day procedure is then returned that next working day.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use crate::local_time;
use crate::working_days::{CalendarError, WorkingCalendar};

/// From this hour on, a dossier counts as accepted on the next working day.
pub fn cutoff() -> NaiveTime {
    NaiveTime::from_hms_opt(15, 0, 0).unwrap_or(NaiveTime::MIN)
}

/// How long a procedure takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProcessingTime {
    /// Returned the working day it is accepted.
    SameDay,
    /// Returned this many working days after the day of acceptance.
    WorkingDays(u32),
}

/// The appointment date and what it was counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appointment {
    /// The working day the acceptance counts on (after the 15:00 rule).
    pub counted_from: NaiveDate,
    pub due_date: NaiveDate,
}

pub fn appointment(
    calendar: &WorkingCalendar,
    accepted_at: DateTime<Utc>,
    time: ProcessingTime,
) -> Result<Appointment, CalendarError> {
    let local = accepted_at.with_timezone(&local_time::vietnam());
    let day = local.date_naive();
    let counted_from = if local.time() < cutoff() && calendar.is_working_day(day)? {
        day
    } else {
        calendar.add_working_days(day, 1)?
    };
    let due_date = match time {
        ProcessingTime::SameDay => counted_from,
        ProcessingTime::WorkingDays(days) => calendar.add_working_days(counted_from, days)?,
    };
    Ok(Appointment {
        counted_from,
        due_date,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use openapi::calendar::{DayKind, DayStatus};

    /// The calendar seeded from `api/data/holidays.json`, with its confirmed years.
    fn seeded_calendar() -> WorkingCalendar {
        #[derive(serde::Deserialize)]
        struct File {
            days: Vec<Day>,
        }
        #[derive(serde::Deserialize)]
        struct Day {
            date: NaiveDate,
            kind: DayKind,
            status: DayStatus,
        }
        let file: File = serde_json::from_str(include_str!("../data/holidays.json")).unwrap();
        let confirmed_years = file
            .days
            .iter()
            .filter(|day| day.status == DayStatus::Confirmed)
            .map(|day| chrono::Datelike::year(&day.date));
        WorkingCalendar::new(
            file.days.iter().map(|day| (day.date, day.kind)),
            confirmed_years.collect::<Vec<_>>(),
        )
    }

    /// `text` is Vietnam's local time, e.g. `2026-02-13 09:00`.
    fn accepted(text: &str) -> DateTime<Utc> {
        let local = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap();
        local_time::instant(local.date(), local.time())
    }

    fn due(text: &str, time: ProcessingTime) -> Result<NaiveDate, CalendarError> {
        appointment(&seeded_calendar(), accepted(text), time).map(|found| found.due_date)
    }

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    const THREE_DAYS: ProcessingTime = ProcessingTime::WorkingDays(3);

    #[test]
    fn three_working_days_from_the_friday_before_tet_end_the_wednesday_after() {
        assert_eq!(due("2026-02-13 09:00", THREE_DAYS), Ok(date("2026-02-25")));
    }

    #[test]
    fn three_working_days_from_friday_24_april_skip_gio_to_and_the_may_holidays() {
        assert_eq!(due("2026-04-24 09:00", THREE_DAYS), Ok(date("2026-05-04")));
    }

    #[test]
    fn a_declared_working_saturday_counts_as_a_working_day() {
        // Saturday 22/8/2026 is a make-up working day.
        assert_eq!(due("2026-08-21 09:00", THREE_DAYS), Ok(date("2026-08-25")));
    }

    #[test]
    fn a_same_day_procedure_requested_after_15_00_is_returned_the_next_working_day() {
        // Wednesday 29/4 at 15:30: 30/4 and 1/5 are holidays, then a weekend.
        assert_eq!(
            due("2026-04-29 15:30", ProcessingTime::SameDay),
            Ok(date("2026-05-04"))
        );
    }

    #[test]
    fn a_same_day_procedure_requested_before_15_00_is_returned_that_day() {
        assert_eq!(
            due("2026-04-29 14:59", ProcessingTime::SameDay),
            Ok(date("2026-04-29"))
        );
    }

    #[test]
    fn acceptance_after_15_00_counts_from_the_next_working_day() {
        // Friday 27/11 at 16:00 counts as Monday 30/11; three days later is Thursday.
        assert_eq!(due("2026-11-27 16:00", THREE_DAYS), Ok(date("2026-12-03")));
        assert_eq!(due("2026-11-27 10:00", THREE_DAYS), Ok(date("2026-12-02")));
    }

    #[test]
    fn acceptance_on_a_sunday_counts_from_monday() {
        assert_eq!(
            due("2026-11-29 10:00", ProcessingTime::SameDay),
            Ok(date("2026-11-30"))
        );
    }

    #[test]
    fn a_deadline_running_into_an_unconfirmed_year_is_refused() {
        assert_eq!(
            due("2026-12-29 09:00", ProcessingTime::WorkingDays(5)),
            Err(CalendarError::Unconfirmed(2027))
        );
    }
}

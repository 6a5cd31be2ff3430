//! Counting working days for deadlines: Monday to Friday, minus holidays, plus the
//! weekend days declared working days. A year nobody confirmed is refused: a
//! deadline computed on a guessed calendar could promise a citizen a holiday.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use openapi::calendar::DayKind;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("Lịch làm việc năm {0} chưa được quản trị viên xác nhận")]
    Unconfirmed(i32),
}

#[derive(Debug, Clone, Default)]
pub struct WorkingCalendar {
    overrides: HashMap<NaiveDate, DayKind>,
    confirmed_years: BTreeSet<i32>,
}

impl WorkingCalendar {
    pub fn new(
        days: impl IntoIterator<Item = (NaiveDate, DayKind)>,
        confirmed_years: impl IntoIterator<Item = i32>,
    ) -> WorkingCalendar {
        WorkingCalendar {
            overrides: days.into_iter().collect(),
            confirmed_years: confirmed_years.into_iter().collect(),
        }
    }

    pub fn is_working_day(&self, day: NaiveDate) -> Result<bool, CalendarError> {
        if !self.confirmed_years.contains(&day.year()) {
            return Err(CalendarError::Unconfirmed(day.year()));
        }
        Ok(match self.overrides.get(&day) {
            Some(DayKind::Holiday) => false,
            Some(DayKind::Working) => true,
            None => !matches!(day.weekday(), Weekday::Sat | Weekday::Sun),
        })
    }

    /// The `count`th working day after `start` (`start` itself does not count).
    pub fn add_working_days(
        &self,
        start: NaiveDate,
        count: u32,
    ) -> Result<NaiveDate, CalendarError> {
        let mut day = start;
        let mut left = count;
        while left > 0 {
            day += Duration::days(1);
            if self.is_working_day(day)? {
                left -= 1;
            }
        }
        Ok(day)
    }

    /// `day` itself when it is a working day, else the next one.
    pub fn next_working_day_from(&self, day: NaiveDate) -> Result<NaiveDate, CalendarError> {
        if self.is_working_day(day)? {
            Ok(day)
        } else {
            self.add_working_days(day, 1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn calendar() -> WorkingCalendar {
        WorkingCalendar::new(
            [
                (date("2026-09-01"), DayKind::Holiday),
                (date("2026-09-02"), DayKind::Holiday),
                (date("2026-08-22"), DayKind::Working),
            ],
            [2026],
        )
    }

    #[test]
    fn a_weekend_does_not_count() {
        // Friday 27/11/2026 + 1 working day = Monday 30/11.
        assert_eq!(
            calendar().add_working_days(date("2026-11-27"), 1),
            Ok(date("2026-11-30"))
        );
    }

    #[test]
    fn holidays_are_skipped() {
        // Monday 31/8 + 1 = Thursday 3/9: the 1st and 2nd are National Day.
        assert_eq!(
            calendar().add_working_days(date("2026-08-31"), 1),
            Ok(date("2026-09-03"))
        );
    }

    #[test]
    fn a_declared_working_saturday_counts() {
        // Friday 21/8 + 1 = Saturday 22/8, a make-up working day.
        assert_eq!(
            calendar().add_working_days(date("2026-08-21"), 1),
            Ok(date("2026-08-22"))
        );
    }

    #[test]
    fn a_deadline_in_an_unconfirmed_year_is_refused() {
        assert_eq!(
            calendar().add_working_days(date("2026-12-30"), 5),
            Err(CalendarError::Unconfirmed(2027))
        );
    }

    #[test]
    fn the_next_working_day_from_a_sunday_is_monday() {
        assert_eq!(
            calendar().next_working_day_from(date("2026-11-29")),
            Ok(date("2026-11-30"))
        );
    }
}

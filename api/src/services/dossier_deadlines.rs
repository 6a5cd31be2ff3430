//! Late handling of dossiers, pure: whether a dossier is at risk of missing its
//! date, late, or overdue for an apology. The appointment date (`due_on`) is the
//! promise made at acceptance and never moves; an apology adds a new date
//! (`rescheduled_due_on`) that is in force from then on, but the original promise
//! was still broken, so the dossier counts as late for good.

use chrono::{Duration, NaiveDate};
use entity::dossier;
use openapi::dossiers::DossierStatus;

use crate::local_time;
use crate::working_days::WorkingCalendar;

/// What the deadline rules need to know of a dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    pub status: DossierStatus,
    /// The appointment date set at acceptance.
    pub due_on: Option<NaiveDate>,
    /// The date of the latest apology.
    pub rescheduled_due_on: Option<NaiveDate>,
    /// The Vietnam date the result was ready, if it is.
    pub result_on: Option<NaiveDate>,
}

impl Deadline {
    pub fn of(record: &dossier::Model, status: DossierStatus) -> Deadline {
        Deadline {
            status,
            due_on: record.due_on,
            rescheduled_due_on: record.rescheduled_due_on,
            result_on: record.result_ready_at.map(local_time::date_of),
        }
    }

    /// The date the ward must now keep: the later of the appointment date and the
    /// apology's date.
    pub fn in_force(&self) -> Option<NaiveDate> {
        match (self.due_on, self.rescheduled_due_on) {
            (Some(due), Some(rescheduled)) => Some(due.max(rescheduled)),
            (due, rescheduled) => rescheduled.or(due),
        }
    }

    /// Accepted and still without a result: the ward owes one by the date in force.
    pub fn awaits_result(&self) -> bool {
        matches!(
            self.status,
            DossierStatus::Accepted | DossierStatus::Processing
        )
    }
}

/// Where a dossier stands against its dates on a given day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Standing {
    /// Without a result, and the date in force is today or the next working day.
    pub at_risk: bool,
    /// The original appointment date was missed: the result came after it, or it
    /// has passed without one. An apology does not undo it.
    pub late: bool,
    /// Without a result past the date in force: an apology with a new date is due.
    pub overdue: bool,
}

/// The last date that is at most one working day away from `today`: a dossier due
/// by then is at risk. Should the calendar not reach that far (an unconfirmed
/// year), the next calendar day stands in, which errs on the side of warning.
pub fn risk_horizon(calendar: &WorkingCalendar, today: NaiveDate) -> NaiveDate {
    calendar
        .add_working_days(today, 1)
        .unwrap_or(today + Duration::days(1))
}

pub fn standing(calendar: &WorkingCalendar, today: NaiveDate, deadline: &Deadline) -> Standing {
    let Some(due_on) = deadline.due_on else {
        return Standing::default();
    };
    let late = match deadline.result_on {
        Some(result_on) => result_on > due_on,
        None => deadline.awaits_result() && today > due_on,
    };
    if !deadline.awaits_result() {
        return Standing {
            late,
            ..Standing::default()
        };
    }
    let in_force = deadline.in_force().unwrap_or(due_on);
    Standing {
        at_risk: today <= in_force && in_force <= risk_horizon(calendar, today),
        late,
        overdue: today > in_force,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use openapi::calendar::DayKind;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// December 2026 with one holiday on Tuesday 8/12 and a working Saturday 12/12.
    fn calendar() -> WorkingCalendar {
        WorkingCalendar::new(
            [
                (date("2026-12-08"), DayKind::Holiday),
                (date("2026-12-12"), DayKind::Working),
            ],
            [2026],
        )
    }

    fn processing(due_on: &str) -> Deadline {
        Deadline {
            status: DossierStatus::Processing,
            due_on: Some(date(due_on)),
            rescheduled_due_on: None,
            result_on: None,
        }
    }

    fn on(today: &str, deadline: &Deadline) -> Standing {
        standing(&calendar(), date(today), deadline)
    }

    #[test]
    fn a_dossier_is_at_risk_from_one_working_day_before_its_date() {
        // Due Friday 4/12: at risk from Thursday 3/12, not on Wednesday 2/12.
        let due_friday = processing("2026-12-04");
        assert!(!on("2026-12-02", &due_friday).at_risk);
        assert!(on("2026-12-03", &due_friday).at_risk);
        assert!(on("2026-12-04", &due_friday).at_risk);
        assert!(!on("2026-12-04", &due_friday).late);
    }

    #[test]
    fn the_working_day_before_skips_holidays_and_weekends() {
        // Due Wednesday 9/12; Tuesday 8/12 is a holiday, so Monday 7/12 is the
        // working day before.
        let due = processing("2026-12-09");
        assert!(!on("2026-12-04", &due).at_risk);
        assert!(!on("2026-12-06", &due).at_risk);
        assert!(on("2026-12-07", &due).at_risk);
        // Due Monday 14/12: Saturday 12/12 is a working day, so Friday 11/12 is not
        // yet at risk.
        let due_monday = processing("2026-12-14");
        assert!(!on("2026-12-11", &due_monday).at_risk);
        assert!(on("2026-12-12", &due_monday).at_risk);
    }

    #[test]
    fn a_dossier_without_a_result_is_late_and_overdue_the_day_after_its_date() {
        let standing = on("2026-12-05", &processing("2026-12-04"));
        assert_eq!(
            standing,
            Standing {
                at_risk: false,
                late: true,
                overdue: true
            }
        );
    }

    #[test]
    fn an_apology_sets_a_new_date_in_force_but_the_dossier_stays_late() {
        let apologized = Deadline {
            rescheduled_due_on: Some(date("2026-12-18")),
            ..processing("2026-12-04")
        };
        let standing = on("2026-12-10", &apologized);
        assert!(standing.late);
        assert!(!standing.overdue);
        assert!(!standing.at_risk);
        assert!(on("2026-12-17", &apologized).at_risk);
        assert!(on("2026-12-19", &apologized).overdue);
    }

    #[test]
    fn a_result_after_the_original_date_is_late_even_when_the_new_date_was_kept() {
        let result_after_apology = Deadline {
            status: DossierStatus::Returned,
            due_on: Some(date("2026-12-04")),
            rescheduled_due_on: Some(date("2026-12-18")),
            result_on: Some(date("2026-12-15")),
        };
        let standing = on("2026-12-20", &result_after_apology);
        assert!(standing.late);
        assert!(!standing.at_risk && !standing.overdue);
    }

    #[test]
    fn a_result_by_the_date_is_never_late_nor_at_risk() {
        let on_time = Deadline {
            status: DossierStatus::ResultReady,
            result_on: Some(date("2026-12-04")),
            ..processing("2026-12-04")
        };
        assert_eq!(on("2026-12-30", &on_time), Standing::default());
    }

    #[test]
    fn dossiers_without_a_date_or_ended_without_a_result_are_neither() {
        let waiting = Deadline {
            status: DossierStatus::Submitted,
            due_on: None,
            rescheduled_due_on: None,
            result_on: None,
        };
        assert_eq!(on("2026-12-30", &waiting), Standing::default());
        let withdrawn = Deadline {
            status: DossierStatus::Withdrawn,
            ..processing("2026-12-04")
        };
        assert_eq!(on("2026-12-30", &withdrawn), Standing::default());
    }

    #[test]
    fn past_a_confirmed_year_the_next_calendar_day_stands_in_for_the_next_working_day() {
        assert_eq!(
            risk_horizon(&calendar(), date("2026-12-31")),
            date("2027-01-01")
        );
        assert_eq!(
            risk_horizon(&calendar(), date("2026-12-04")),
            date("2026-12-07")
        );
    }
}

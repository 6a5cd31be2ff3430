//! Feedback statistics per month: received, answered, rejected, overdue; for a ward,
//! or for a district with its wards side by side.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::content::UnitLabel;

/// Longest period one request may cover.
pub const MAX_MONTHS: usize = 60;

/// The first day of a `YYYY-MM` month, in Vietnam's calendar.
pub fn parse_month(value: &str) -> Option<NaiveDate> {
    let (year, month) = value.trim().split_once('-')?;
    if year.len() != 4 || month.len() != 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, 1)
}

/// `YYYY-MM` of `day`'s month.
pub fn month_label(day: NaiveDate) -> String {
    format!("{:04}-{:02}", day.year(), day.month())
}

/// Counts of a period or of one month.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Counts {
    /// Feedback received.
    pub received: u32,
    /// Feedback whose reply was approved or published (counted once, when first).
    pub answered: u32,
    /// Feedback rejected (spam, duplicate, outside the ward's competence).
    pub rejected: u32,
    /// Feedback due then, not answered by its due date (answered late, or still
    /// unanswered once the day has passed).
    pub overdue: u32,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.received += other.received;
        self.answered += other.answered;
        self.rejected += other.rejected;
        self.overdue += other.overdue;
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct MonthCounts {
    #[cfg_attr(feature = "server", schema(example = "2026-11"))]
    pub month: String,
    pub counts: Counts,
}

/// One unit's months, and the sums over the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct UnitStatistics {
    pub unit: UnitLabel,
    pub months: Vec<MonthCounts>,
    pub period: Counts,
}

/// `GET /api/v1/units/{unit}/feedback/statistics`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct FeedbackStatistics {
    pub from: String,
    pub to: String,
    /// For a district, each ward; for a ward, the ward itself.
    pub units: Vec<UnitStatistics>,
    /// The requested unit: the sums of `units`.
    pub total: UnitStatistics,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_is_four_digits_a_dash_and_two_digits() {
        assert_eq!(parse_month("2026-11"), NaiveDate::from_ymd_opt(2026, 11, 1));
        for wrong in ["2026-13", "2026-1", "26-11", "2026/11", "tháng 11"] {
            assert_eq!(parse_month(wrong), None, "{wrong}");
        }
        assert_eq!(
            month_label(NaiveDate::from_ymd_opt(2026, 3, 9).unwrap()),
            "2026-03"
        );
    }
}

//! The working-day calendar (lịch làm việc) deadlines are counted on: weekends off,
//! public holidays off, some Saturdays declared working days. A year counts only once
//! an administrator has confirmed it; a deadline in an unconfirmed year is refused,
//! never guessed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// A public holiday or official day off.
    Holiday,
    /// A Saturday or Sunday declared a working day (làm bù).
    Working,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DayStatus {
    /// From the government's published calendar.
    Confirmed,
    /// Computed (e.g. lunar holidays of a coming year); to be confirmed.
    Proposed,
}

/// One day that differs from the plain Monday-to-Friday week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CalendarDay {
    pub date: NaiveDate,
    pub kind: DayKind,
    #[cfg_attr(feature = "server", schema(example = "Tết Nguyên Đán"))]
    pub name: String,
    pub status: DayStatus,
    /// Where it was published, e.g. "Thông báo 9441/TB-BNV (16/10/2025)".
    pub source: Option<String>,
}

/// `GET /api/v1/calendar/{year}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct CalendarYear {
    pub year: i32,
    /// Whether deadlines may fall in this year.
    pub confirmed: bool,
    pub days: Vec<CalendarDay>,
}

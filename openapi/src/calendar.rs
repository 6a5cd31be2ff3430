//! The working-day calendar (lịch làm việc) deadlines are counted on: weekends off,
//! public holidays off, some Saturdays declared working days. A year counts only once
//! an administrator has confirmed it; a deadline in an unconfirmed year is refused,
//! never guessed.

use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::FieldError;
use crate::values::bounded_text;

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

impl DayKind {
    pub const ALL: [DayKind; 2] = [DayKind::Holiday, DayKind::Working];

    /// The wire name, also stored in `calendar_day.kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            DayKind::Holiday => "holiday",
            DayKind::Working => "working",
        }
    }

    pub fn parse(value: &str) -> Option<DayKind> {
        DayKind::ALL.into_iter().find(|kind| kind.as_str() == value)
    }
}

impl DayStatus {
    /// The wire name, also stored in `calendar_day.status`.
    pub fn as_str(self) -> &'static str {
        match self {
            DayStatus::Confirmed => "confirmed",
            DayStatus::Proposed => "proposed",
        }
    }
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

/// The years an administrator may edit: the lunar conversion behind proposals is
/// accurate over them, and nothing outside them is a plausible deadline.
pub const EDITABLE_YEARS: RangeInclusive<i32> = 2000..=2199;

/// `year` when an administrator may edit it.
pub fn editable_year(year: i32) -> Result<i32, FieldError> {
    if EDITABLE_YEARS.contains(&year) {
        Ok(year)
    } else {
        Err(FieldError::new(
            "year",
            "out_of_range",
            &format!(
                "Chỉ quản lý lịch các năm từ {} đến {}",
                EDITABLE_YEARS.start(),
                EDITABLE_YEARS.end()
            ),
        ))
    }
}

/// A day of `year` written `YYYY-MM-DD` (the path of `…/days/{date}`).
pub fn day_of_year(year: i32, date: &str) -> Result<NaiveDate, FieldError> {
    let day: NaiveDate = date.trim().parse().map_err(|_| {
        FieldError::new(
            "date",
            "invalid_format",
            "Ngày không hợp lệ (định dạng YYYY-MM-DD)",
        )
    })?;
    if day.year() == year {
        Ok(day)
    } else {
        Err(FieldError::new(
            "date",
            "outside_year",
            &format!("Ngày này không thuộc năm {year}"),
        ))
    }
}

/// `PUT /api/v1/calendar/{year}/days/{date}`: a day off, or a Saturday or Sunday
/// declared a working day, as the government published it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CalendarDayChange {
    pub kind: DayKind,
    #[cfg_attr(feature = "server", schema(example = "Làm bù cho ngày nghỉ 31/8"))]
    pub name: String,
    /// Where it was published; optional.
    #[serde(default)]
    #[cfg_attr(
        feature = "server",
        schema(example = "Thông báo 9441/TB-BNV (16/10/2025)")
    )]
    pub source: Option<String>,
}

/// A day change whose date, kind and texts were checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedDayChange {
    pub date: NaiveDate,
    pub kind: DayKind,
    pub name: String,
    pub source: Option<String>,
}

impl CalendarDayChange {
    /// Checks the change of the day `date` (as written in the path) of `year`.
    pub fn parse(&self, year: i32, date: &str) -> Result<CheckedDayChange, Vec<FieldError>> {
        let mut errors = Vec::new();
        let date = match editable_year(year).and_then(|year| day_of_year(year, date)) {
            Ok(date) => Some(date),
            Err(error) => {
                errors.push(error);
                None
            }
        };
        // A weekday is a working day already: declaring it one would change nothing
        // and hide a mistyped date.
        if let Some(day) = date
            && self.kind == DayKind::Working
            && !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
        {
            errors.push(FieldError::new(
                "kind",
                "not_a_weekend",
                "Chỉ thứ Bảy hoặc Chủ nhật mới khai báo là ngày làm việc (làm bù)",
            ));
        }
        let name = bounded_text("name", &self.name, 1, 120, &mut errors);
        let source = self.source.as_deref().map(str::trim).unwrap_or_default();
        let source = if source.is_empty() {
            None
        } else {
            Some(bounded_text("source", source, 1, 200, &mut errors))
        };
        match date {
            Some(date) if errors.is_empty() => Ok(CheckedDayChange {
                date,
                kind: self.kind,
                name,
                source,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(kind: DayKind, name: &str) -> CalendarDayChange {
        CalendarDayChange {
            kind,
            name: name.into(),
            source: None,
        }
    }

    fn fields(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|error| error.field).collect()
    }

    #[test]
    fn a_working_saturday_with_its_name_is_accepted() {
        let checked = change(DayKind::Working, " Làm bù cho ngày nghỉ 31/8 ")
            .parse(2026, "2026-08-22")
            .unwrap();
        assert_eq!(checked.date.to_string(), "2026-08-22");
        assert_eq!(checked.name, "Làm bù cho ngày nghỉ 31/8");
        assert_eq!(checked.source, None);
    }

    #[test]
    fn a_date_of_another_year_names_the_date() {
        let errors = change(DayKind::Holiday, "Tết Dương lịch")
            .parse(2026, "2027-01-01")
            .unwrap_err();
        assert_eq!(fields(errors), ["date"]);
        let errors = change(DayKind::Holiday, "Tết")
            .parse(2026, "01/01/2026")
            .unwrap_err();
        assert_eq!(errors[0].code, "invalid_format");
    }

    #[test]
    fn only_a_weekend_day_is_declared_a_working_day() {
        // 21/8/2026 is a Friday.
        let errors = change(DayKind::Working, "Làm bù")
            .parse(2026, "2026-08-21")
            .unwrap_err();
        assert_eq!(fields(errors), ["kind"]);
    }

    #[test]
    fn a_day_needs_a_name_and_a_year_in_range() {
        let errors = change(DayKind::Holiday, "  ")
            .parse(2026, "2026-05-04")
            .unwrap_err();
        assert_eq!(fields(errors), ["name"]);
        let errors = change(DayKind::Holiday, "Lễ")
            .parse(1890, "1890-05-04")
            .unwrap_err();
        assert_eq!(fields(errors), ["year"]);
    }

    #[test]
    fn kinds_read_back_from_their_wire_names() {
        for kind in DayKind::ALL {
            assert_eq!(DayKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(DayKind::parse("weekend"), None);
    }
}

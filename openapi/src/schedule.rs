//! The weekly work schedule (lịch công tác tuần) of the ward's leaders: one reviewed
//! item per ISO week. An entry changed after the week was first published is
//! flagged, with what changed, so nobody misses a moved meeting.

use std::fmt;

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use crate::FieldError;
use crate::content::UnitLabel;
use crate::values::bounded_text;

/// An ISO week such as `2026-W48` (Monday to Sunday).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Week {
    monday: NaiveDate,
}

impl Week {
    pub fn containing(day: NaiveDate) -> Week {
        let week = day.iso_week();
        Week {
            monday: NaiveDate::from_isoywd_opt(week.year(), week.week(), Weekday::Mon)
                .unwrap_or(day),
        }
    }

    /// `2026-W48` (also `2026-w48`); anything else is `None`.
    pub fn parse(value: &str) -> Option<Week> {
        let (year, week) = value.trim().split_once(['W', 'w'])?;
        let year: i32 = year.strip_suffix('-')?.parse().ok()?;
        let week: u32 = week.parse().ok()?;
        let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
        Some(Week { monday })
    }

    pub fn monday(self) -> NaiveDate {
        self.monday
    }

    pub fn sunday(self) -> NaiveDate {
        self.monday + Duration::days(6)
    }

    pub fn previous(self) -> Week {
        Week {
            monday: self.monday - Duration::days(7),
        }
    }

    pub fn next(self) -> Week {
        Week {
            monday: self.monday + Duration::days(7),
        }
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        self.monday <= day && day <= self.sunday()
    }

    /// The slug of the week's schedule item, e.g. `lich-2026-w48`.
    pub fn slug(self) -> String {
        let week = self.monday.iso_week();
        format!("lich-{}-w{:02}", week.year(), week.week())
    }
}

impl fmt::Display for Week {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let week = self.monday.iso_week();
        write!(f, "{}-W{:02}", week.year(), week.week())
    }
}

impl Serialize for Week {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Week {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Week, D::Error> {
        let value = String::deserialize(deserializer)?;
        Week::parse(&value).ok_or_else(|| {
            serde::de::Error::custom(format!("{value} is not an ISO week such as 2026-W48"))
        })
    }
}

#[cfg(feature = "server")]
impl utoipa::PartialSchema for Week {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(r"^\d{4}-W\d{2}$"))
            .description(Some("An ISO week, Monday to Sunday"))
            .into()
    }
}

#[cfg(feature = "server")]
impl utoipa::ToSchema for Week {}

/// One appointment of the week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ScheduleEntry {
    /// Keeps the entry recognisable across revisions; given by the server when
    /// absent.
    #[serde(default)]
    pub id: String,
    pub date: NaiveDate,
    #[cfg_attr(feature = "server", schema(value_type = String, example = "08:00"))]
    pub start: NaiveTime,
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(value_type = Option<String>, example = "10:30"))]
    pub end: Option<NaiveTime>,
    /// Nội dung.
    pub content: String,
    /// Lãnh đạo chủ trì.
    pub chair: String,
    /// Thành phần tham dự.
    #[serde(default)]
    pub participants: String,
    /// Địa điểm.
    pub location: String,
    /// Đơn vị chuẩn bị.
    #[serde(default)]
    pub preparing_unit: String,
}

/// A week's schedule as the editor writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct WeekSchedule {
    pub week: Week,
    pub entries: Vec<ScheduleEntry>,
}

pub const MAX_ENTRIES: usize = 200;

impl WeekSchedule {
    pub fn parse(&self) -> Result<WeekSchedule, Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.entries.len() > MAX_ENTRIES {
            errors.push(FieldError::new(
                "details.schedule.entries",
                "too_many",
                &format!("Tối đa {MAX_ENTRIES} mục mỗi tuần"),
            ));
        }
        let mut entries = Vec::new();
        for (i, entry) in self.entries.iter().enumerate() {
            let at = |name: &str| format!("details.schedule.entries[{i}].{name}");
            let mut text = |name: &str, value: &str, required: bool, max: usize| {
                bounded_text(&at(name), value, usize::from(required), max, &mut errors)
            };
            let checked = ScheduleEntry {
                id: entry.id.trim().to_owned(),
                date: entry.date,
                start: entry.start,
                end: entry.end,
                content: text("content", &entry.content, true, 1_000),
                chair: text("chair", &entry.chair, true, 200),
                participants: text("participants", &entry.participants, false, 1_000),
                location: text("location", &entry.location, true, 300),
                preparing_unit: text("preparing_unit", &entry.preparing_unit, false, 200),
            };
            if !self.week.contains(entry.date) {
                errors.push(FieldError::new(
                    &at("date"),
                    "outside_week",
                    &format!("Ngày phải trong tuần {}", self.week),
                ));
            }
            if entry.end.is_some_and(|end| end <= entry.start) {
                errors.push(FieldError::new(
                    &at("end"),
                    "before_start",
                    "Giờ kết thúc phải sau giờ bắt đầu",
                ));
            }
            entries.push(checked);
        }
        entries.sort_by_key(|entry| (entry.date, entry.start));
        if errors.is_empty() {
            Ok(WeekSchedule {
                week: self.week,
                entries,
            })
        } else {
            Err(errors)
        }
    }
}

/// How an entry differs from the week's first publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Changed,
    Cancelled,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct EntryChange {
    pub kind: ChangeKind,
    /// For `changed`: the fields that differ, e.g. `["start", "location"]`.
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PublicScheduleEntry {
    #[serde(flatten)]
    pub entry: ScheduleEntry,
    /// Present when the entry changed after the week was first published.
    pub change: Option<EntryChange>,
}

/// `GET /api/v1/units/{unit}/schedule?week=`: the published week, in time order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PublishedWeek {
    pub unit: UnitLabel,
    pub week: Week,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub previous_week: Week,
    pub next_week: Week,
    /// `null` when nothing is published for this week yet.
    pub published_at: Option<chrono::DateTime<chrono::FixedOffset>>,
    pub entries: Vec<PublicScheduleEntry>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_iso_week_reads_and_writes_the_same() {
        let week = Week::parse("2026-W48").unwrap();
        assert_eq!(
            week.monday(),
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
        );
        assert_eq!(week.to_string(), "2026-W48");
        assert_eq!(week.slug(), "lich-2026-w48");
        assert_eq!(week.next().to_string(), "2026-W49");
        assert_eq!(
            Week::parse("2026-W01").unwrap().previous().to_string(),
            "2025-W52"
        );
    }

    #[test]
    fn a_week_that_does_not_exist_is_refused() {
        assert!(Week::parse("2026-W54").is_none());
        assert!(Week::parse("2026-48").is_none());
    }

    #[test]
    fn an_entry_outside_its_week_is_named() {
        let schedule = WeekSchedule {
            week: Week::parse("2026-W48").unwrap(),
            entries: vec![ScheduleEntry {
                id: String::new(),
                date: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
                start: NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
                end: Some(NaiveTime::from_hms_opt(7, 0, 0).unwrap()),
                content: "Họp giao ban".into(),
                chair: "Chủ tịch".into(),
                participants: String::new(),
                location: "Hội trường".into(),
                preparing_unit: String::new(),
            }],
        };
        let codes: Vec<String> = schedule
            .parse()
            .unwrap_err()
            .into_iter()
            .map(|e| e.code)
            .collect();
        assert_eq!(codes, ["outside_week", "before_start"]);
    }
}

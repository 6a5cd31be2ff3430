//! The published weekly schedule of a unit: one reviewed item per ISO week. Entries
//! are compared with the week's first publication, so a moved or cancelled meeting
//! is flagged with what changed. Also as an iCalendar file.

use chrono::Utc;
use entity::unit;
use icalendar::{Calendar, Component, EventLike, EventStatus};
use openapi::content::{ContentKind, UnitLabel};
use openapi::schedule::{
    ChangeKind, EntryChange, PublicScheduleEntry, PublishedWeek, ScheduleEntry, Week,
};
use sea_orm::ConnectionTrait;

use crate::error::ApiError;
use crate::local_time;
use crate::services::content::details_of;
use crate::services::published::published;

/// The fields of `now` that differ from `before`, by their wire names.
fn changed_fields(before: &ScheduleEntry, now: &ScheduleEntry) -> Vec<String> {
    let pairs = [
        ("date", before.date != now.date),
        ("start", before.start != now.start),
        ("end", before.end != now.end),
        ("content", before.content != now.content),
        ("chair", before.chair != now.chair),
        ("participants", before.participants != now.participants),
        ("location", before.location != now.location),
        (
            "preparing_unit",
            before.preparing_unit != now.preparing_unit,
        ),
    ];
    pairs
        .into_iter()
        .filter(|(_, differs)| *differs)
        .map(|(name, _)| name.to_owned())
        .collect()
}

/// The live entries with their changes since `first`, plus the cancelled ones.
fn compare(first: &[ScheduleEntry], live: &[ScheduleEntry]) -> Vec<PublicScheduleEntry> {
    let mut entries: Vec<PublicScheduleEntry> = live
        .iter()
        .map(|entry| {
            let change = match first.iter().find(|old| old.id == entry.id) {
                None => Some(EntryChange {
                    kind: ChangeKind::Added,
                    fields: Vec::new(),
                }),
                Some(old) => {
                    let fields = changed_fields(old, entry);
                    (!fields.is_empty()).then_some(EntryChange {
                        kind: ChangeKind::Changed,
                        fields,
                    })
                }
            };
            PublicScheduleEntry {
                entry: entry.clone(),
                change,
            }
        })
        .collect();
    for old in first {
        if !live.iter().any(|entry| entry.id == old.id) {
            entries.push(PublicScheduleEntry {
                entry: old.clone(),
                change: Some(EntryChange {
                    kind: ChangeKind::Cancelled,
                    fields: Vec::new(),
                }),
            });
        }
    }
    entries.sort_by_key(|e| (e.entry.date, e.entry.start));
    entries
}

/// The week as published; no entries when nothing is published for it.
pub async fn week<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    week: Option<Week>,
) -> Result<PublishedWeek, ApiError> {
    let week = week.unwrap_or_else(|| Week::containing(local_time::today()));
    let mut answer = PublishedWeek {
        unit: UnitLabel {
            slug: unit.slug.clone(),
            name: unit.name.clone(),
        },
        week,
        starts_on: week.monday(),
        ends_on: week.sunday(),
        previous_week: week.previous(),
        next_week: week.next(),
        published_at: None,
        entries: Vec::new(),
    };
    let revisions = match published(db, unit, ContentKind::WeeklySchedule, &week.slug()).await {
        Ok((_, revisions)) => revisions,
        Err(ApiError::NotFound) => return Ok(answer),
        Err(error) => return Err(error),
    };
    let entries_of = |revision| -> Result<Vec<ScheduleEntry>, ApiError> {
        Ok(details_of(revision)?
            .schedule
            .map(|schedule| schedule.entries)
            .unwrap_or_default())
    };
    let (Some(live), Some(first)) = (revisions.first(), revisions.last()) else {
        return Ok(answer);
    };
    answer.published_at = live.publish_at.map(|at| at.fixed_offset());
    answer.entries = compare(&entries_of(first)?, &entries_of(live)?);
    Ok(answer)
}

/// The week as an iCalendar file; cancelled entries stay in it as cancelled, so a
/// calendar that subscribed removes them.
pub fn ics(week: &PublishedWeek) -> String {
    let mut calendar = Calendar::new();
    calendar.name(&format!(
        "Lịch công tác {} — tuần {}",
        week.unit.name, week.week
    ));
    for item in &week.entries {
        let entry = &item.entry;
        let starts = local_time::instant(entry.date, entry.start);
        let ends = entry
            .end
            .map(|end| local_time::instant(entry.date, end))
            .unwrap_or(starts + chrono::Duration::hours(1));
        let mut description = format!("Chủ trì: {}", entry.chair);
        for (label, value) in [
            ("Thành phần", &entry.participants),
            ("Chuẩn bị", &entry.preparing_unit),
        ] {
            if !value.is_empty() {
                description.push_str(&format!("\n{label}: {value}"));
            }
        }
        let mut event = icalendar::Event::new();
        event
            .uid(&format!("{}@{}.wardportal.vn", entry.id, week.unit.slug))
            .summary(&entry.content)
            .description(&description)
            .location(&entry.location)
            .starts(starts)
            .ends(ends)
            .timestamp(Utc::now());
        if item
            .change
            .as_ref()
            .is_some_and(|change| change.kind == ChangeKind::Cancelled)
        {
            event.status(EventStatus::Cancelled);
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, NaiveTime};

    fn entry(id: &str, hour: u32, location: &str) -> ScheduleEntry {
        ScheduleEntry {
            id: id.into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            start: NaiveTime::from_hms_opt(hour, 0, 0).unwrap(),
            end: None,
            content: "Họp giao ban".into(),
            chair: "Chủ tịch UBND".into(),
            participants: String::new(),
            location: location.into(),
            preparing_unit: String::new(),
        }
    }

    #[test]
    fn a_moved_meeting_is_flagged_with_what_moved() {
        let first = [entry("a", 8, "Hội trường"), entry("b", 14, "Phòng họp")];
        let live = [entry("a", 9, "Phòng họp 2"), entry("c", 15, "Hội trường")];
        let compared = compare(&first, &live);
        let flags: Vec<(&str, Option<ChangeKind>)> = compared
            .iter()
            .map(|e| (e.entry.id.as_str(), e.change.as_ref().map(|c| c.kind)))
            .collect();
        assert_eq!(
            flags,
            [
                ("a", Some(ChangeKind::Changed)),
                ("b", Some(ChangeKind::Cancelled)),
                ("c", Some(ChangeKind::Added)),
            ]
        );
        assert_eq!(
            compared[0].change.as_ref().unwrap().fields,
            ["start", "location"]
        );
    }

    #[test]
    fn an_unchanged_week_has_no_flags() {
        let entries = [entry("a", 8, "Hội trường")];
        assert!(compare(&entries, &entries)[0].change.is_none());
    }
}

//! The working-day calendar from `api/data/holidays.json` (copied from the national
//! calendar). A year whose every day there is confirmed is recorded as confirmed;
//! a year with proposed days waits for an administrator.

use std::collections::BTreeMap;

use chrono::{NaiveDate, Utc};
use entity::{calendar_day, calendar_year};
use openapi::calendar::{DayKind, DayStatus};
use sea_orm::prelude::*;
use sea_orm::{DatabaseConnection, Set};
use serde::Deserialize;

const HOLIDAYS: &str = include_str!("../../data/holidays.json");

#[derive(Deserialize)]
struct HolidayFile {
    days: Vec<DayRecord>,
}

#[derive(Deserialize)]
struct DayRecord {
    date: NaiveDate,
    kind: DayKind,
    name: String,
    status: DayStatus,
    source: Option<String>,
}

/// Adds the days and confirmed years that are missing; returns how many days.
pub async fn seed_calendar(db: &DatabaseConnection) -> anyhow::Result<usize> {
    let file: HolidayFile = serde_json::from_str(HOLIDAYS)?;
    let mut all_confirmed: BTreeMap<i32, bool> = BTreeMap::new();
    let mut added = 0;
    for day in &file.days {
        let confirmed = day.status == DayStatus::Confirmed;
        let year = chrono::Datelike::year(&day.date);
        *all_confirmed.entry(year).or_insert(true) &= confirmed;
        if calendar_day::Entity::find_by_id(day.date)
            .one(db)
            .await?
            .is_some()
        {
            continue;
        }
        calendar_day::ActiveModel {
            date: Set(day.date),
            kind: Set(match day.kind {
                DayKind::Holiday => "holiday",
                DayKind::Working => "working",
            }
            .to_owned()),
            name: Set(day.name.clone()),
            status: Set(if confirmed { "confirmed" } else { "proposed" }.to_owned()),
            source: Set(day.source.clone()),
        }
        .insert(db)
        .await?;
        added += 1;
    }
    for (year, confirmed) in all_confirmed {
        if confirmed
            && calendar_year::Entity::find_by_id(year)
                .one(db)
                .await?
                .is_none()
        {
            calendar_year::ActiveModel {
                year: Set(year),
                confirmed_at: Set(Utc::now()),
                confirmed_by: Set(None),
            }
            .insert(db)
            .await?;
        }
    }
    Ok(added)
}

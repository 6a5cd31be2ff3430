//! The working-day calendar in the database: loaded whole (a few dozen rows a year)
//! for deadline counting, and shown per year.

use entity::{calendar_day, calendar_year};
use openapi::calendar::{CalendarDay, CalendarYear, DayKind, DayStatus};
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, QueryFilter, QueryOrder};

use crate::error::ApiError;
use crate::working_days::WorkingCalendar;

fn kind_of(day: &calendar_day::Model) -> Result<DayKind, ApiError> {
    match day.kind.as_str() {
        "holiday" => Ok(DayKind::Holiday),
        "working" => Ok(DayKind::Working),
        other => Err(anyhow::anyhow!("calendar day {} has unknown kind {other}", day.date).into()),
    }
}

pub async fn load<C: ConnectionTrait>(db: &C) -> Result<WorkingCalendar, ApiError> {
    let days = calendar_day::Entity::find().all(db).await?;
    let years = calendar_year::Entity::find().all(db).await?;
    let days = days
        .iter()
        .map(|day| Ok((day.date, kind_of(day)?)))
        .collect::<Result<Vec<_>, ApiError>>()?;
    Ok(WorkingCalendar::new(
        days,
        years.into_iter().map(|y| y.year),
    ))
}

pub async fn year<C: ConnectionTrait>(db: &C, year: i32) -> Result<CalendarYear, ApiError> {
    let first = chrono::NaiveDate::from_ymd_opt(year, 1, 1)
        .ok_or_else(|| ApiError::InvalidQuery(format!("năm {year} không hợp lệ")))?;
    let last = chrono::NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(first);
    let days = calendar_day::Entity::find()
        .filter(calendar_day::COLUMN.date.between(first, last))
        .order_by_asc(calendar_day::COLUMN.date)
        .all(db)
        .await?;
    let confirmed = calendar_year::Entity::find_by_id(year)
        .one(db)
        .await?
        .is_some();
    let days = days
        .iter()
        .map(|day| {
            Ok(CalendarDay {
                date: day.date,
                kind: kind_of(day)?,
                name: day.name.clone(),
                status: if day.status == "proposed" {
                    DayStatus::Proposed
                } else {
                    DayStatus::Confirmed
                },
                source: day.source.clone(),
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    Ok(CalendarYear {
        year,
        confirmed,
        days,
    })
}

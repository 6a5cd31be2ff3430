//! Keeping the working-day calendar: a district admin has the holidays of a coming
//! year proposed (fixed dates and the lunar ones, by the lunar conversion), adds,
//! changes or removes days as the government publishes them, and confirms the year,
//! after which deadlines may fall in it. Every change is one transaction with its
//! audit event; a change to an already confirmed year stays allowed (the government
//! moves days) and its event says so.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, Utc, Weekday};
use entity::{calendar_day, calendar_year};
use openapi::calendar::{CalendarYear, CheckedDayChange, DayKind, DayStatus};
use sea_orm::prelude::*;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ConnectionTrait, QueryFilter, Set, TransactionSession, TransactionTrait};

use crate::db::begin_write;
use crate::error::ApiError;
use crate::lunar::{self, LunarDate};
use crate::services::audit::{self, AuditEvent};
use crate::services::calendar;

/// The `source` of every proposed day: computed here, not yet published.
pub const PROPOSAL_SOURCE: &str = "Đề xuất tự động (âm lịch)";

/// Who changes the calendar: a district admin, acting for their district.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarAdmin {
    pub account_id: i64,
    pub unit_id: i64,
}

/// A day off the proposal holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposedDay {
    pub date: NaiveDate,
    pub name: String,
}

fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The day next to National Day (2/9) the Labour Code 2019 art. 112 adds, "1/9 or
/// 3/9": a weekday, and of two weekdays the one next to a weekend (a Monday 1/9 or
/// a Friday 3/9) so the break runs into it, else 1/9 as in 2026. This is the choice
/// the government made in 2024-2026; it decides each year, the admin confirms.
fn national_day_companion(year: i32) -> Option<NaiveDate> {
    let before = NaiveDate::from_ymd_opt(year, 9, 1)?;
    let after = NaiveDate::from_ymd_opt(year, 9, 3)?;
    Some(match (is_weekend(before), is_weekend(after)) {
        (true, false) => after,
        (false, true) => before,
        _ if after.weekday() == Weekday::Fri => after,
        _ => before,
    })
}

/// The public holidays of `year` (Labour Code 2019 art. 112), before compensation:
/// (day, occasion, name). `None` when the lunar conversion has no answer.
fn holidays(year: i32) -> Option<Vec<(NaiveDate, &'static str, String)>> {
    let day = |month, day| NaiveDate::from_ymd_opt(year, month, day);
    let mut days = vec![(day(1, 1)?, "Tết Dương lịch", "Tết Dương lịch".to_owned())];
    // Tết: the law gives 5 days and the government picks them each year. The
    // proposal is the pattern of its own notices: the last day of the old lunar year
    // (whether the 29th or the 30th of tháng Chạp) and mùng 1 to mùng 4. The
    // government often shifts the block a day or swaps a Saturday to join weekends;
    // that is the admin's edit before confirming.
    let first = lunar::tet(year)?;
    let tet = "Tết Nguyên Đán";
    days.push((
        first - Duration::days(1),
        tet,
        format!("{tet} (ngày cuối năm âm lịch)"),
    ));
    for n in 1..=4 {
        days.push((
            first + Duration::days(n - 1),
            tet,
            format!("{tet} (mùng {n})"),
        ));
    }
    let hung_kings = lunar::to_solar(LunarDate::new(year, 3, 10))?;
    days.push((
        hung_kings,
        "Giỗ Tổ Hùng Vương",
        "Giỗ Tổ Hùng Vương (10/3 âm lịch)".to_owned(),
    ));
    days.push((
        day(4, 30)?,
        "Ngày Chiến thắng",
        "Ngày Chiến thắng 30/4".to_owned(),
    ));
    days.push((
        day(5, 1)?,
        "Ngày Quốc tế Lao động",
        "Ngày Quốc tế Lao động 1/5".to_owned(),
    ));
    days.push((day(9, 2)?, "Quốc khánh", "Quốc khánh 2/9".to_owned()));
    days.push((
        national_day_companion(year)?,
        "Quốc khánh",
        "Quốc khánh (ngày liền kề)".to_owned(),
    ));
    // Ngày Văn hóa Việt Nam is a day off from 2026 on, as `holidays.json` records.
    if year >= 2026 {
        days.push((
            day(11, 24)?,
            "Ngày Văn hóa Việt Nam",
            "Ngày Văn hóa Việt Nam 24/11".to_owned(),
        ));
    }
    Some(days)
}

/// The days off the calendar of `year` should hold, by date: the holidays, and for
/// each one on a Saturday or Sunday a compensating day off (nghỉ bù, art. 112(3)) on
/// the next day that is neither a weekend nor already off. Two holidays on one day
/// (Giỗ Tổ can meet 30/4) share it under both names.
pub fn proposal(year: i32) -> Option<Vec<ProposedDay>> {
    let mut off: BTreeMap<NaiveDate, String> = BTreeMap::new();
    let mut weekend_occasions = Vec::new();
    for (date, occasion, name) in holidays(year)? {
        match off.get_mut(&date) {
            Some(existing) => {
                existing.push_str(" và ");
                existing.push_str(&name);
            }
            None => {
                off.insert(date, name);
            }
        }
        if is_weekend(date) {
            weekend_occasions.push((date, occasion));
        }
    }
    weekend_occasions.sort();
    weekend_occasions.dedup();
    for (date, occasion) in weekend_occasions {
        let mut day = date + Duration::days(1);
        while is_weekend(day) || off.contains_key(&day) {
            day += Duration::days(1);
        }
        off.insert(
            day,
            format!("Nghỉ bù {occasion} ({})", date.format("%d/%m")),
        );
    }
    Some(
        off.into_iter()
            .filter(|(date, _)| date.year() == year)
            .map(|(date, name)| ProposedDay { date, name })
            .collect(),
    )
}

async fn is_confirmed<C: ConnectionTrait>(db: &C, year: i32) -> Result<bool, ApiError> {
    Ok(calendar_year::Entity::find_by_id(year)
        .one(db)
        .await?
        .is_some())
}

fn days_of(year: i32) -> Result<(NaiveDate, NaiveDate), ApiError> {
    let first = NaiveDate::from_ymd_opt(year, 1, 1);
    let last = NaiveDate::from_ymd_opt(year, 12, 31);
    first
        .zip(last)
        .ok_or_else(|| anyhow::anyhow!("year {year} has no calendar").into())
}

/// Adds the proposal's days that are missing as proposed days; days already there,
/// whoever put them, stay as they are. A confirmed year gets no proposal: its days
/// count for deadlines at once, so each change there is made by hand.
pub async fn propose<C: TransactionTrait>(
    db: &C,
    admin: CalendarAdmin,
    year: i32,
) -> Result<CalendarYear, ApiError> {
    let days =
        proposal(year).ok_or_else(|| anyhow::anyhow!("no lunar conversion for the year {year}"))?;
    let txn = begin_write(db).await?;
    if is_confirmed(&txn, year).await? {
        return Err(ApiError::InvalidTransition(format!(
            "Lịch năm {year} đã được xác nhận; hãy thêm hoặc sửa từng ngày"
        )));
    }
    let mut added = 0;
    for day in days {
        let row = calendar_day::ActiveModel {
            date: Set(day.date),
            kind: Set(DayKind::Holiday.as_str().to_owned()),
            name: Set(day.name),
            status: Set(DayStatus::Proposed.as_str().to_owned()),
            source: Set(Some(PROPOSAL_SOURCE.to_owned())),
        };
        // Never overwrites: a day an admin or the seed put there wins.
        if let sea_orm::TryInsertResult::Inserted(rows) = calendar_day::Entity::insert(row)
            .on_conflict_do_nothing()
            .exec_without_returning(&txn)
            .await?
        {
            added += rows;
        }
    }
    let event = AuditEvent::CalendarProposed { year, added };
    audit::record(&txn, Some(admin.account_id), Some(admin.unit_id), event).await?;
    let answer = calendar::year(&txn, year).await?;
    txn.commit().await?;
    Ok(answer)
}

/// Adds or changes one day as published (confirmed at once: the admin read it in
/// the government's notice).
pub async fn set_day<C: TransactionTrait>(
    db: &C,
    admin: CalendarAdmin,
    change: CheckedDayChange,
) -> Result<CalendarYear, ApiError> {
    let year = change.date.year();
    let txn = begin_write(db).await?;
    let previous = calendar_day::Entity::find_by_id(change.date)
        .one(&txn)
        .await?;
    let row = calendar_day::ActiveModel {
        date: Set(change.date),
        kind: Set(change.kind.as_str().to_owned()),
        name: Set(change.name.clone()),
        status: Set(DayStatus::Confirmed.as_str().to_owned()),
        source: Set(change.source),
    };
    calendar_day::Entity::insert(row)
        .on_conflict(
            OnConflict::column(calendar_day::Column::Date)
                .update_columns([
                    calendar_day::Column::Kind,
                    calendar_day::Column::Name,
                    calendar_day::Column::Status,
                    calendar_day::Column::Source,
                ])
                .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
    let event = AuditEvent::CalendarDaySet {
        date: change.date,
        kind: change.kind.as_str(),
        name: change.name,
        previous: previous.map(|day| format!("{}: {}", day.kind, day.name)),
        year_confirmed: is_confirmed(&txn, year).await?,
    };
    audit::record(&txn, Some(admin.account_id), Some(admin.unit_id), event).await?;
    let answer = calendar::year(&txn, year).await?;
    txn.commit().await?;
    Ok(answer)
}

/// Removes one day: it becomes a plain weekday or weekend day again. 404 when the
/// calendar has no such day.
pub async fn remove_day<C: TransactionTrait>(
    db: &C,
    admin: CalendarAdmin,
    date: NaiveDate,
) -> Result<CalendarYear, ApiError> {
    let year = date.year();
    let txn = begin_write(db).await?;
    let day = calendar_day::Entity::find_by_id(date)
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound)?;
    let removed = calendar_day::Entity::delete_by_id(date).exec(&txn).await?;
    if removed.rows_affected == 0 {
        return Err(ApiError::NotFound);
    }
    let event = AuditEvent::CalendarDayRemoved {
        date,
        kind: day.kind,
        name: day.name,
        year_confirmed: is_confirmed(&txn, year).await?,
    };
    audit::record(&txn, Some(admin.account_id), Some(admin.unit_id), event).await?;
    let answer = calendar::year(&txn, year).await?;
    txn.commit().await?;
    Ok(answer)
}

/// Confirms the year: its proposed days become confirmed and deadlines may fall in
/// it from now on. Confirming it again changes nothing but is recorded.
pub async fn confirm<C: TransactionTrait>(
    db: &C,
    admin: CalendarAdmin,
    year: i32,
) -> Result<CalendarYear, ApiError> {
    let (first, last) = days_of(year)?;
    let txn = begin_write(db).await?;
    let confirmed = calendar_day::Entity::update_many()
        .col_expr(
            calendar_day::Column::Status,
            Expr::value(DayStatus::Confirmed.as_str()),
        )
        .filter(calendar_day::COLUMN.date.between(first, last))
        .filter(calendar_day::COLUMN.status.eq(DayStatus::Proposed.as_str()))
        .exec(&txn)
        .await?;
    let row = calendar_year::ActiveModel {
        year: Set(year),
        confirmed_at: Set(Utc::now()),
        confirmed_by: Set(Some(admin.account_id)),
    };
    // Two admins confirming at once: the first confirmation stands.
    calendar_year::Entity::insert(row)
        .on_conflict_do_nothing()
        .exec_without_returning(&txn)
        .await?;
    let event = AuditEvent::CalendarYearConfirmed {
        year,
        days_confirmed: confirmed.rows_affected,
    };
    audit::record(&txn, Some(admin.account_id), Some(admin.unit_id), event).await?;
    let answer = calendar::year(&txn, year).await?;
    txn.commit().await?;
    Ok(answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn days(year: i32) -> BTreeMap<String, String> {
        proposal(year)
            .unwrap()
            .into_iter()
            .map(|day| (day.date.to_string(), day.name))
            .collect()
    }

    #[test]
    fn tet_2028_is_the_eve_and_four_days_with_the_saturday_made_up_on_monday() {
        // Mùng 1 = Wednesday 26/1/2028; the block ends on Saturday 29/1.
        let days = days(2028);
        for tet in [
            "2028-01-25",
            "2028-01-26",
            "2028-01-27",
            "2028-01-28",
            "2028-01-29",
        ] {
            assert!(days[tet].starts_with("Tết Nguyên Đán"), "{tet}");
        }
        assert_eq!(days["2028-01-31"], "Nghỉ bù Tết Nguyên Đán (29/01)");
        assert!(!days.contains_key("2028-01-30"));
        assert_eq!(days["2028-04-04"], "Giỗ Tổ Hùng Vương (10/3 âm lịch)");
    }

    #[test]
    fn tet_2027_starting_on_a_saturday_gives_two_compensating_days() {
        // Friday 5/2 to Tuesday 9/2/2027 holds a Saturday and a Sunday.
        let days = days(2027);
        assert!(days["2027-02-05"].contains("ngày cuối năm"));
        assert!(days["2027-02-06"].contains("mùng 1"));
        assert_eq!(days["2027-02-10"], "Nghỉ bù Tết Nguyên Đán (06/02)");
        assert_eq!(days["2027-02-11"], "Nghỉ bù Tết Nguyên Đán (07/02)");
        assert_eq!(days["2027-04-16"], "Giỗ Tổ Hùng Vương (10/3 âm lịch)");
        // 1/5/2027 is a Saturday: Monday 3/5 off.
        assert_eq!(days["2027-05-03"], "Nghỉ bù Ngày Quốc tế Lao động (01/05)");
        // 2/9/2027 is a Thursday: Friday 3/9 joins the weekend.
        assert_eq!(days["2027-09-03"], "Quốc khánh (ngày liền kề)");
        assert!(!days.contains_key("2027-09-01"));
    }

    #[test]
    fn the_national_day_companion_joins_a_weekend_when_it_can() {
        // 2024: Monday 2/9 → Tuesday 3/9; 2025: Tuesday → Monday 1/9;
        // 2026: Wednesday → Tuesday 1/9 (as the published 2026 calendar has it).
        assert_eq!(national_day_companion(2024), Some(date("2024-09-03")));
        assert_eq!(national_day_companion(2025), Some(date("2025-09-01")));
        assert_eq!(national_day_companion(2026), Some(date("2026-09-01")));
        // 2028: Saturday 2/9 → Friday 1/9, and Monday 4/9 makes up the Saturday.
        let days = days(2028);
        assert!(days.contains_key("2028-09-01"));
        assert_eq!(days["2028-09-04"], "Nghỉ bù Quốc khánh (02/09)");
    }

    #[test]
    fn the_culture_day_is_off_from_2026() {
        assert!(days(2026).contains_key("2026-11-24"));
        assert!(!days(2025).contains_key("2025-11-24"));
    }

    #[test]
    fn the_proposal_stays_inside_its_year() {
        for year in 2024..=2040 {
            assert!(
                proposal(year)
                    .unwrap()
                    .iter()
                    .all(|day| day.date.year() == year)
            );
        }
    }
}

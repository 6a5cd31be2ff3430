//! The staff inbox of a ward's dossiers: newest first, filtered by status, due
//! date, procedure and text, with counts per status for the badges. A department
//! officer who is not also an intake officer sees only what is assigned to them.

use std::collections::HashMap;

use chrono::NaiveDate;
use entity::{dossier, procedure};
use openapi::dossier_workflow::{DossierInbox, DueFilter, InboxDossier, StatusCount};
use openapi::dossiers::DossierStatus;
use sea_orm::prelude::*;
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{Condition, ConnectionTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::error::ApiError;
use crate::services::dossier_deadlines::{self, Deadline};
use crate::services::dossier_reads::status_of;
use crate::services::page_cursor::{TimeCursor, TimeList};
use crate::text::fold::fold;
use crate::working_days::WorkingCalendar;

/// Which of the unit's dossiers the caller sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// Every dossier of the unit: intake officers, ward and district admins.
    Unit,
    /// Those assigned to this department officer.
    AssignedTo(i64),
}

/// The inbox filters; `None` lets everything through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub status: Option<DossierStatus>,
    pub due: Option<DueFilter>,
    /// A procedure code of the unit's catalog, e.g. `HT-KS`.
    pub procedure: Option<String>,
    /// Words found in the code or the applicant's name, case and diacritics aside.
    pub q: Option<String>,
}

/// Where a page of dossiers (the staff inbox and the citizen's own list, both
/// newest first) ends.
pub fn cursor_of(record: &dossier::Model) -> TimeCursor {
    TimeCursor {
        at: record.submitted_at,
        id: record.id,
    }
}

/// The dossiers after `cursor` in that order.
pub fn after(cursor: &TimeCursor) -> Condition {
    cursor.older(dossier::Column::SubmittedAt, dossier::Column::Id)
}

fn visible(unit_id: i64, visibility: Visibility) -> Condition {
    let condition = Condition::all().add(dossier::COLUMN.unit_id.eq(unit_id));
    match visibility {
        Visibility::Unit => condition,
        Visibility::AssignedTo(account_id) => {
            condition.add(dossier::COLUMN.assigned_to.eq(account_id))
        }
    }
}

/// The date in force: an apology's date is always later than the appointment date.
fn in_force() -> Expr {
    Func::coalesce([
        Expr::col(dossier::Column::RescheduledDueOn),
        Expr::col(dossier::Column::DueOn),
    ])
    .into()
}

/// Accepted and still without a result.
fn awaiting_result() -> Condition {
    Condition::all().add(
        dossier::COLUMN
            .status
            .is_in([DossierStatus::Accepted, DossierStatus::Processing].map(DossierStatus::as_str)),
    )
}

fn due_condition(due: DueFilter, today: NaiveDate, horizon: NaiveDate) -> Condition {
    let date = match due {
        DueFilter::Overdue => in_force().lt(today),
        DueFilter::AtRisk => in_force().gte(today).and(in_force().lte(horizon)),
        DueFilter::Today => in_force().eq(today),
    };
    awaiting_result().add(date)
}

/// Dossiers per status among those `visibility` lets through; statuses without any
/// are left out.
async fn counts_where<C: ConnectionTrait>(
    db: &C,
    condition: Condition,
) -> Result<Vec<StatusCount>, ApiError> {
    let rows: Vec<(String, i64)> = dossier::Entity::find()
        .select_only()
        .column(dossier::Column::Status)
        .expr_as(Func::count(Expr::col(dossier::Column::Id)), "count")
        .filter(condition)
        .group_by(dossier::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    let mut counts: Vec<StatusCount> = rows
        .into_iter()
        .filter_map(|(status, count)| {
            Some(StatusCount {
                status: DossierStatus::parse(&status)?,
                count: u64::try_from(count).unwrap_or_default(),
            })
        })
        .collect();
    counts.sort_by_key(|count| DossierStatus::ALL.iter().position(|s| *s == count.status));
    Ok(counts)
}

/// The unit's dossiers per status, in one grouped query: what a badge shows, cheap
/// enough to send on every change.
pub async fn counts<C: ConnectionTrait>(
    db: &C,
    unit_id: i64,
) -> Result<Vec<StatusCount>, ApiError> {
    counts_where(db, visible(unit_id, Visibility::Unit)).await
}

/// Rows read at a time while a text filter sifts them.
const SIFT_BATCH: u64 = 200;

/// Whether every word of the folded query is in the dossier's code or name.
fn matches(record: &dossier::Model, words: &[String]) -> bool {
    let haystack = fold(&format!("{} {}", record.code, record.applicant_name));
    words.iter().all(|word| haystack.contains(word.as_str()))
}

/// One page of the inbox and the counts of everything the caller sees. `me` is the
/// caller, `today` and `calendar` judge the due dates.
#[allow(clippy::too_many_arguments)]
pub async fn page<C: ConnectionTrait>(
    db: &C,
    unit_id: i64,
    visibility: Visibility,
    me: i64,
    filter: &Filter,
    cursor: Option<TimeCursor>,
    limit: u64,
    today: NaiveDate,
    calendar: &WorkingCalendar,
) -> Result<DossierInbox, ApiError> {
    let counts = counts_where(db, visible(unit_id, visibility)).await?;
    let mut condition = visible(unit_id, visibility);
    if let Some(status) = filter.status {
        condition = condition.add(dossier::COLUMN.status.eq(status.as_str()));
    }
    if let Some(due) = filter.due {
        let horizon = dossier_deadlines::risk_horizon(calendar, today);
        condition = condition.add(due_condition(due, today, horizon));
    }
    if let Some(code) = &filter.procedure {
        let procedure_ids: Vec<i64> = procedure::Entity::find()
            .select_only()
            .column(procedure::Column::Id)
            .filter(procedure::COLUMN.unit_id.eq(unit_id))
            .filter(procedure::COLUMN.code.eq(code.trim().to_uppercase()))
            .into_tuple()
            .all(db)
            .await?;
        condition = condition.add(dossier::COLUMN.procedure_id.is_in(procedure_ids));
    }
    let words: Vec<String> = filter
        .q
        .as_deref()
        .map(fold)
        .unwrap_or_default()
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    // Names are folded in Rust (case and diacritics alike on both databases), so a
    // text filter reads batches in order until the page is full.
    let mut rows = Vec::new();
    let mut from = cursor;
    loop {
        let mut query = dossier::Entity::find().filter(condition.clone());
        if let Some(from) = from {
            query = query.filter(after(&from));
        }
        let batch_size = if words.is_empty() {
            limit + 1
        } else {
            SIFT_BATCH
        };
        let batch = query
            .order_by_desc(dossier::COLUMN.submitted_at)
            .order_by_desc(dossier::COLUMN.id)
            .limit(batch_size)
            .all(db)
            .await?;
        let exhausted = (batch.len() as u64) < batch_size;
        from = batch.last().map(cursor_of);
        rows.extend(batch.into_iter().filter(|row| matches(row, &words)));
        if exhausted || rows.len() as u64 > limit {
            break;
        }
    }
    let has_more = rows.len() as u64 > limit;
    rows.truncate(limit as usize);
    let next_cursor = has_more
        .then(|| {
            rows.last()
                .map(|last| cursor_of(last).encode(TimeList::Dossiers))
        })
        .flatten();
    let procedures: HashMap<i64, procedure::Model> = procedure::Entity::find()
        .filter(
            procedure::COLUMN
                .id
                .is_in(rows.iter().map(|row| row.procedure_id)),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|procedure| (procedure.id, procedure))
        .collect();
    let items = rows
        .into_iter()
        .map(|record| {
            let status = status_of(&record)?;
            let standing =
                dossier_deadlines::standing(calendar, today, &Deadline::of(&record, status));
            let procedure = procedures
                .get(&record.procedure_id)
                .ok_or_else(|| anyhow::anyhow!("dossier {} without procedure", record.id))?;
            Ok(InboxDossier {
                procedure_code: procedure.code.clone(),
                procedure_name: procedure.name.clone(),
                status,
                status_label: status.label().to_owned(),
                submitted_at: record.submitted_at.fixed_offset(),
                due_on: record.due_on,
                rescheduled_due_on: record.rescheduled_due_on,
                at_risk: standing.at_risk,
                late: standing.late,
                assigned_to_me: record.assigned_to == Some(me),
                applicant_name: record.applicant_name,
                code: record.code,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    Ok(DossierInbox {
        items,
        next_cursor,
        counts,
    })
}

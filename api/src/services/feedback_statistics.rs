//! Feedback per month: received, answered (reply approved or published), rejected,
//! overdue. Read in three queries whatever the number of wards and feedback: the
//! units, their feedback, and the first time each feedback reached each closing state.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Months, NaiveDate, NaiveTime, Utc};
use entity::{feedback, feedback_event, unit};
use openapi::content::UnitLabel;
use openapi::feedback::FeedbackState;
use openapi::feedback_statistics::{
    Counts, FeedbackStatistics, MonthCounts, UnitStatistics, month_label,
};
use sea_orm::prelude::*;
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{ConnectionTrait, QueryFilter, QuerySelect, QueryTrait};

use crate::error::ApiError;
use crate::local_time;
use crate::services::units;

/// The months `from..=to` (first days), numbered from 0.
struct Period {
    from: NaiveDate,
    months: usize,
}

/// Months since year 0, so that two months subtract.
fn month_number(day: NaiveDate) -> i64 {
    day.year() as i64 * 12 + day.month0() as i64
}

impl Period {
    fn new(from: NaiveDate, to: NaiveDate) -> Period {
        let months = usize::try_from(month_number(to) - month_number(from) + 1).unwrap_or(0);
        Period { from, months }
    }

    fn index(&self, day: NaiveDate) -> Option<usize> {
        let offset = month_number(day) - month_number(self.from);
        usize::try_from(offset).ok().filter(|&i| i < self.months)
    }

    fn first_days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        (0..self.months).filter_map(|i| self.from.checked_add_months(Months::new(i as u32)))
    }
}

/// When one feedback reached the states that end its clock.
#[derive(Default)]
struct Milestones {
    answered: Option<DateTime<Utc>>,
    rejected: Option<DateTime<Utc>>,
    closed: Option<DateTime<Utc>>,
}

fn earliest(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    match (a, b) {
        (Some(a), Some(b)) => Some(Ord::min(a, b)),
        (a, b) => a.or(b),
    }
}

/// The statistics of `unit` for the months `from..=to` (first days of months); a
/// unit with wards below it answers per ward. `today` decides what is overdue yet.
pub async fn monthly<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<FeedbackStatistics, ApiError> {
    let period = Period::new(from, to);
    let mut rows = units::children(db, unit.id).await?;
    if rows.is_empty() {
        rows.push(unit.clone());
    }
    let unit_ids: Vec<i64> = rows.iter().map(|u| u.id).collect();
    let end = to
        .checked_add_months(Months::new(1))
        .map(|next| local_time::instant(next, NaiveTime::MIN))
        .ok_or_else(|| anyhow::anyhow!("month after {to} out of range"))?;

    let received: Vec<(i64, i64, DateTimeUtc, Option<NaiveDate>)> = feedback::Entity::find()
        .select_only()
        .column(feedback::Column::Id)
        .column(feedback::Column::UnitId)
        .column(feedback::Column::ReceivedAt)
        .column(feedback::Column::DueOn)
        .filter(feedback::COLUMN.unit_id.is_in(unit_ids.clone()))
        .filter(feedback::COLUMN.received_at.lt(end))
        .into_tuple()
        .all(db)
        .await?;

    let of_these_units = feedback::Entity::find()
        .select_only()
        .column(feedback::Column::Id)
        .filter(feedback::COLUMN.unit_id.is_in(unit_ids))
        .into_query();
    let closing = [
        FeedbackState::Approved,
        FeedbackState::Published,
        FeedbackState::Rejected,
        FeedbackState::Closed,
    ]
    .map(FeedbackState::as_str);
    let firsts: Vec<(i64, String, DateTimeUtc)> = feedback_event::Entity::find()
        .select_only()
        .column(feedback_event::Column::FeedbackId)
        .column(feedback_event::Column::ToState)
        .expr_as(
            Func::min(Expr::col(feedback_event::Column::OccurredAt)),
            "first_at",
        )
        .filter(feedback_event::COLUMN.to_state.is_in(closing))
        .filter(Expr::col(feedback_event::Column::FeedbackId).in_subquery(of_these_units))
        .group_by(feedback_event::Column::FeedbackId)
        .group_by(feedback_event::Column::ToState)
        .into_tuple()
        .all(db)
        .await?;
    let mut milestones: HashMap<i64, Milestones> = HashMap::new();
    for (feedback_id, state, at) in firsts {
        let entry = milestones.entry(feedback_id).or_default();
        match FeedbackState::parse(&state) {
            Some(FeedbackState::Approved | FeedbackState::Published) => {
                entry.answered = earliest(entry.answered, Some(at))
            }
            Some(FeedbackState::Rejected) => entry.rejected = Some(at),
            _ => entry.closed = Some(at),
        }
    }

    let row_of: HashMap<i64, usize> = rows.iter().enumerate().map(|(i, u)| (u.id, i)).collect();
    let mut counts = vec![vec![Counts::default(); period.months]; rows.len()];
    let none = Milestones::default();
    for (feedback_id, unit_id, received_at, due_on) in received {
        let Some(&row) = row_of.get(&unit_id) else {
            continue;
        };
        let mut count = |day: NaiveDate, add: fn(&mut Counts)| {
            if let Some(month) = period.index(day) {
                add(&mut counts[row][month]);
            }
        };
        let reached = milestones.get(&feedback_id).unwrap_or(&none);
        count(local_time::date_of(received_at), |c| c.received += 1);
        if let Some(at) = reached.answered {
            count(local_time::date_of(at), |c| c.answered += 1);
        }
        if let Some(at) = reached.rejected {
            count(local_time::date_of(at), |c| c.rejected += 1);
        }
        // The clock stops at the first answer, rejection or closing.
        let ended = earliest(earliest(reached.answered, reached.rejected), reached.closed)
            .map(local_time::date_of);
        if let Some(due) = due_on {
            let late = match ended {
                Some(day) => day > due,
                None => today > due,
            };
            if late {
                count(due, |c| c.overdue += 1);
            }
        }
    }

    let labels: Vec<String> = period.first_days().map(month_label).collect();
    let statistics = |label: UnitLabel, counts: &[Counts]| UnitStatistics {
        unit: label,
        months: labels
            .iter()
            .zip(counts)
            .map(|(month, counts)| MonthCounts {
                month: month.clone(),
                counts: *counts,
            })
            .collect(),
        period: counts.iter().fold(Counts::default(), |mut sum, month| {
            sum += *month;
            sum
        }),
    };
    let mut total = vec![Counts::default(); period.months];
    for unit_counts in &counts {
        for (sum, month) in total.iter_mut().zip(unit_counts) {
            *sum += *month;
        }
    }
    let label = |u: &unit::Model| UnitLabel {
        slug: u.slug.clone(),
        name: u.name.clone(),
    };
    Ok(FeedbackStatistics {
        from: month_label(from),
        to: month_label(to),
        units: rows
            .iter()
            .zip(&counts)
            .map(|(u, counts)| statistics(label(u), counts))
            .collect(),
        total: statistics(label(unit), &total),
    })
}

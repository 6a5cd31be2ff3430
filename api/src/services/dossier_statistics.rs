//! Dossier statistics for a period, per ward and procedure. Read in four queries
//! whatever the number of wards and dossiers: the units, their procedures, their
//! dossiers filed by the end of the period, and when refused ones were refused; then
//! each dossier is counted by [`counts_of`], which holds every rule.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use entity::{dossier, dossier_event, procedure, unit};
use openapi::content::UnitLabel;
use openapi::dossier_statistics::{
    DossierCounts, DossierStatistics, ProcedureCounts, UnitDossierStatistics,
};
use openapi::dossiers::{DossierStatus, DossierStep};
use sea_orm::prelude::*;
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{ConnectionTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait};

use crate::error::ApiError;
use crate::local_time;
use crate::services::units;

/// What counting needs to know of one dossier, as Vietnam dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DossierFacts {
    pub status: DossierStatus,
    pub submitted_on: NaiveDate,
    pub accepted_on: Option<NaiveDate>,
    pub refused_on: Option<NaiveDate>,
    /// The original appointment date; an apology's new date does not move it.
    pub due_on: Option<NaiveDate>,
    pub result_on: Option<NaiveDate>,
    pub returned_on: Option<NaiveDate>,
}

/// What one dossier adds to the counts of the period `from..=to`, as seen `today`.
pub fn counts_of(
    facts: &DossierFacts,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> DossierCounts {
    let in_period = |day: Option<NaiveDate>| day.is_some_and(|day| from <= day && day <= to);
    let mut counts = DossierCounts::default();
    if in_period(Some(facts.submitted_on)) {
        counts.received = 1;
    }
    if in_period(facts.accepted_on) {
        counts.accepted = 1;
    }
    if in_period(facts.refused_on) {
        counts.refused = 1;
    }
    if in_period(facts.returned_on) {
        // Timeliness is the result's date against the appointment; a citizen who
        // collects it later does not make the ward late.
        let result_on = facts.result_on.or(facts.returned_on);
        match (result_on, facts.due_on) {
            (Some(result), Some(due)) if result < due => counts.returned_early = 1,
            (Some(result), Some(due)) if result > due => counts.returned_late = 1,
            _ => counts.returned_on_time = 1,
        }
    }
    let unfinished = !facts.status.is_final();
    if unfinished && facts.submitted_on <= to {
        counts.in_progress = 1;
        let waiting_for_result = matches!(
            facts.status,
            DossierStatus::Accepted | DossierStatus::Processing
        );
        if waiting_for_result && facts.due_on.is_some_and(|due| today > due) {
            counts.overdue = 1;
        }
    }
    counts
}

/// The statistics of `unit` for `from..=to`; a unit with wards below it answers per
/// ward. `today` decides what is overdue.
pub async fn for_period<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<DossierStatistics, ApiError> {
    let mut wards = units::children(db, unit.id).await?;
    if wards.is_empty() {
        wards.push(unit.clone());
    }
    let unit_ids: Vec<i64> = wards.iter().map(|ward| ward.id).collect();
    let end = to
        .checked_add_days(Days::new(1))
        .map(|next| local_time::instant(next, NaiveTime::MIN))
        .ok_or_else(|| anyhow::anyhow!("day after {to} out of range"))?;

    let procedures: HashMap<i64, procedure::Model> = procedure::Entity::find()
        .filter(procedure::COLUMN.unit_id.is_in(unit_ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|procedure| (procedure.id, procedure))
        .collect();
    let dossiers = dossier::Entity::find()
        .filter(dossier::COLUMN.unit_id.is_in(unit_ids.clone()))
        .filter(dossier::COLUMN.submitted_at.lt(end))
        .order_by_asc(dossier::COLUMN.id)
        .all(db)
        .await?;
    let of_these_units = dossier::Entity::find()
        .select_only()
        .column(dossier::Column::Id)
        .filter(dossier::COLUMN.unit_id.is_in(unit_ids))
        .into_query();
    let refusals: HashMap<i64, DateTime<Utc>> = dossier_event::Entity::find()
        .select_only()
        .column(dossier_event::Column::DossierId)
        .expr_as(
            Func::min(Expr::col(dossier_event::Column::CreatedAt)),
            "refused_at",
        )
        .filter(dossier_event::COLUMN.kind.eq(DossierStep::Refused.as_str()))
        .filter(Expr::col(dossier_event::Column::DossierId).in_subquery(of_these_units))
        .group_by(dossier_event::Column::DossierId)
        .into_tuple::<(i64, DateTime<Utc>)>()
        .all(db)
        .await?
        .into_iter()
        .collect();

    // Per ward, per procedure code (sorted, so the answer reads the same each time).
    let mut counted: HashMap<i64, BTreeMap<String, (String, DossierCounts)>> = HashMap::new();
    for row in &dossiers {
        let Some(status) = DossierStatus::parse(&row.status) else {
            return Err(
                anyhow::anyhow!("dossier {} has unknown status {}", row.code, row.status).into(),
            );
        };
        let date = |at: Option<DateTime<Utc>>| at.map(local_time::date_of);
        let facts = DossierFacts {
            status,
            submitted_on: local_time::date_of(row.submitted_at),
            accepted_on: date(row.accepted_at),
            refused_on: date(refusals.get(&row.id).copied()),
            due_on: row.due_on,
            result_on: date(row.result_ready_at),
            returned_on: date(row.returned_at),
        };
        let counts = counts_of(&facts, from, to, today);
        if counts == DossierCounts::default() {
            continue;
        }
        let (code, name) = procedures
            .get(&row.procedure_id)
            .map(|procedure| (procedure.code.clone(), procedure.name.clone()))
            .unwrap_or_else(|| (String::new(), String::new()));
        let entry = counted
            .entry(row.unit_id)
            .or_default()
            .entry(code)
            .or_insert_with(|| (name, DossierCounts::default()));
        entry.1 += counts;
    }

    let mut total = DossierCounts::default();
    let units = wards
        .iter()
        .map(|ward| {
            let procedures: Vec<ProcedureCounts> = counted
                .remove(&ward.id)
                .unwrap_or_default()
                .into_iter()
                .map(
                    |(procedure_code, (procedure_name, counts))| ProcedureCounts {
                        procedure_code,
                        procedure_name,
                        counts,
                    },
                )
                .collect();
            let mut ward_total = DossierCounts::default();
            for procedure in &procedures {
                ward_total += procedure.counts;
            }
            total += ward_total;
            UnitDossierStatistics {
                unit: UnitLabel {
                    slug: ward.slug.clone(),
                    name: ward.name.clone(),
                },
                procedures,
                total: ward_total,
            }
        })
        .collect();
    Ok(DossierStatistics {
        from,
        to,
        units,
        total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    const FROM: &str = "2026-11-01";
    const TO: &str = "2026-11-30";

    fn filed(on: &str, status: DossierStatus) -> DossierFacts {
        DossierFacts {
            status,
            submitted_on: date(on),
            accepted_on: None,
            refused_on: None,
            due_on: None,
            result_on: None,
            returned_on: None,
        }
    }

    fn returned(result_on: &str, due_on: &str) -> DossierFacts {
        DossierFacts {
            accepted_on: Some(date("2026-11-02")),
            due_on: Some(date(due_on)),
            result_on: Some(date(result_on)),
            returned_on: Some(date("2026-11-20")),
            ..filed("2026-11-02", DossierStatus::Returned)
        }
    }

    fn count(facts: DossierFacts) -> DossierCounts {
        counts_of(&facts, date(FROM), date(TO), date("2026-12-10"))
    }

    #[test]
    fn a_result_is_early_on_time_or_late_against_the_original_appointment() {
        assert_eq!(
            count(returned("2026-11-04", "2026-11-05")).returned_early,
            1
        );
        assert_eq!(
            count(returned("2026-11-05", "2026-11-05")).returned_on_time,
            1
        );
        assert_eq!(count(returned("2026-11-06", "2026-11-05")).returned_late, 1);
    }

    #[test]
    fn a_dossier_counts_as_received_and_accepted_only_in_the_period_it_happened() {
        let before = DossierFacts {
            accepted_on: Some(date("2026-11-02")),
            ..filed("2026-10-30", DossierStatus::Processing)
        };
        let counts = count(before);
        assert_eq!((counts.received, counts.accepted), (0, 1));
        assert_eq!(counts.in_progress, 1);
    }

    #[test]
    fn an_accepted_dossier_past_its_date_without_a_result_is_overdue() {
        let waiting = DossierFacts {
            accepted_on: Some(date("2026-11-02")),
            due_on: Some(date("2026-11-05")),
            ..filed("2026-11-02", DossierStatus::Processing)
        };
        assert_eq!(count(waiting).overdue, 1);
        let ready = DossierFacts {
            status: DossierStatus::ResultReady,
            ..waiting
        };
        assert_eq!(count(ready).overdue, 0);
        assert_eq!(count(ready).in_progress, 1);
    }

    #[test]
    fn refused_and_withdrawn_dossiers_are_not_in_progress() {
        let refused = DossierFacts {
            refused_on: Some(date("2026-11-03")),
            ..filed("2026-11-02", DossierStatus::Refused)
        };
        let counts = count(refused);
        assert_eq!((counts.refused, counts.in_progress), (1, 0));
        assert_eq!(
            count(filed("2026-11-02", DossierStatus::Withdrawn)).in_progress,
            0
        );
    }

    #[test]
    fn a_dossier_filed_after_the_period_is_not_counted_in_it() {
        assert_eq!(
            count(filed("2026-12-02", DossierStatus::Submitted)),
            DossierCounts::default()
        );
    }
}

//! The process record (phiếu kiểm soát quá trình giải quyết hồ sơ): one
//! `dossier_event` row per step of a dossier, written in the step's transaction.
//! Every step goes through [`record`], so each one says who, when, between which
//! states, under which due date and whether it came on time.

use chrono::{DateTime, NaiveDate, Utc};
use entity::{dossier, dossier_event};
use openapi::dossiers::{DossierStatus, DossierStep};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

use crate::error::ApiError;
use crate::local_time;

/// One step as it is taken.
#[derive(Debug, Clone)]
pub struct StepTaken {
    pub step: DossierStep,
    /// Empty for the submission, which the dossier starts with.
    pub from: Option<DossierStatus>,
    pub to: DossierStatus,
    /// The account that took it: the citizen for their own steps, else the officer.
    pub actor_id: Option<i64>,
    /// Whether the citizen took it (their name never shows as a staff actor).
    pub by_citizen: bool,
    pub note: Option<String>,
    /// The step's own data, e.g. `SupplementRequestDetails` or an apology's date.
    pub details: Option<serde_json::Value>,
    pub at: DateTime<Utc>,
}

/// The due date in force for `dossier`: the apology's new date, else the
/// appointment date.
pub fn due_in_force(dossier: &dossier::Model) -> Option<NaiveDate> {
    dossier.rescheduled_due_on.or(dossier.due_on)
}

/// Whether a step taken `at` came by `due_on` (Vietnam dates); empty without a date.
pub fn on_time(at: DateTime<Utc>, due_on: Option<NaiveDate>) -> Option<bool> {
    due_on.map(|due| local_time::date_of(at) <= due)
}

/// Writes `step` into `dossier`'s process record. Pass the dossier as it is after
/// the step (so an acceptance records the appointment date it set).
pub async fn record<C: ConnectionTrait>(
    txn: &C,
    dossier: &dossier::Model,
    step: StepTaken,
) -> Result<dossier_event::Model, ApiError> {
    let due_on = due_in_force(dossier);
    let details = step
        .details
        .map(|details| details.to_string())
        .filter(|details| details != "null");
    Ok(dossier_event::ActiveModel {
        dossier_id: Set(dossier.id),
        kind: Set(step.step.as_str().to_owned()),
        from_status: Set(step.from.map(|status| status.as_str().to_owned())),
        to_status: Set(step.to.as_str().to_owned()),
        actor_id: Set(step.actor_id),
        by_citizen: Set(step.by_citizen),
        note: Set(step.note),
        details: Set(details),
        due_on: Set(due_on),
        on_time: Set(on_time(step.at, due_on)),
        created_at: Set(step.at),
        ..Default::default()
    }
    .insert(txn)
    .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_step_without_a_due_date_is_neither_on_time_nor_late() {
        assert_eq!(on_time(Utc::now(), None), None);
    }

    #[test]
    fn a_step_late_in_the_evening_of_the_due_date_in_vietnam_is_still_on_time() {
        // 16:30 UTC is 23:30 in Hanoi, still the 25th there.
        let at = "2026-02-25T16:30:00Z".parse().unwrap();
        assert_eq!(on_time(at, Some(day(2026, 2, 25))), Some(true));
        // 17:30 UTC is already the 26th in Hanoi.
        let at = "2026-02-25T17:30:00Z".parse().unwrap();
        assert_eq!(on_time(at, Some(day(2026, 2, 25))), Some(false));
    }
}

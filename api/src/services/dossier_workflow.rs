//! What happens to a dossier after filing: the intake officer accepts it (setting
//! the appointment date), asks for a supplement or refuses it; the citizen answers a
//! supplement request, or withdraws; a department officer processes it and reports
//! the result, which the intake officer returns; a late dossier gets an apology
//! with a new date; the citizen rates the service.
//!
//! Each command is one transaction with one conditional update (`… where id = ? and
//! revision = ?`, so of two officers acting at once one wins and the other gets
//! 409), one step of the process record, one audit event, and the citizen's e-mail.
//! Which action applies in which status is `DossierAction::target`, in the contract.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use entity::{account, dossier, dossier_event, dossier_file, role_assignment};
use openapi::FieldError;
use openapi::auth::Role;
use openapi::dossier_workflow::{
    CheckedApology, CheckedRating, CheckedSupplementRequest, DossierAction,
};
use openapi::dossiers::{DossierStatus, DossierStep, SupplementRequestDetails};
use openapi::procedures::{Completeness, FormValue, ProcedureDefinition, check_form};
use sea_orm::prelude::*;
use sea_orm::{
    ConnectionTrait, PaginatorTrait, QueryFilter, Set, TransactionSession, TransactionTrait,
};
use serde_json::{Value, json};

use crate::appointment::{self, ProcessingTime};
use crate::db::begin_write;
use crate::error::ApiError;
use crate::services::actor::Actor;
use crate::services::audit::{self, AuditEvent};
use crate::services::dossier_deadlines::Deadline;
use crate::services::dossier_reads::{self, status_of};
use crate::services::dossier_record::{self, StepTaken};
use crate::services::{calendar, dossier_filing, dossier_notices, outbox, uploads};

/// 409 for `action` on a dossier in `status`, naming the status.
fn not_now(action: DossierAction, status: DossierStatus) -> ApiError {
    ApiError::InvalidTransition(format!(
        "Hồ sơ đang ở trạng thái \"{}\" ({}): không thể {}",
        status.label(),
        status.as_str(),
        action.label()
    ))
}

/// The status `action` leads `record` to, or 409 naming the status it is in.
pub fn target(
    record: &dossier::Model,
    action: DossierAction,
) -> Result<(DossierStatus, DossierStatus), ApiError> {
    let from = status_of(record)?;
    let to = action.target(from).ok_or_else(|| not_now(action, from))?;
    Ok((from, to))
}

/// One change of a dossier, as a command prepares it.
struct Change {
    action: DossierAction,
    actor_id: i64,
    /// The columns it sets besides the status, the revision and `updated_at`.
    columns: dossier::ActiveModel,
    note: Option<String>,
    details: Option<Value>,
    at: DateTime<Utc>,
}

/// Applies `change` to `record` within `txn`: the conditional update, the step of
/// the process record, the audit event and the citizen's e-mail. The dossier after it.
async fn apply<C: ConnectionTrait>(
    txn: &C,
    record: &dossier::Model,
    change: Change,
) -> Result<dossier::Model, ApiError> {
    let (from, to) = target(record, change.action)?;
    let mut columns = change.columns;
    columns.status = Set(to.as_str().to_owned());
    columns.revision = Set(record.revision + 1);
    columns.updated_at = Set(change.at);
    let updated = dossier::Entity::update_many()
        .set(columns)
        .filter(dossier::COLUMN.id.eq(record.id))
        .filter(dossier::COLUMN.revision.eq(record.revision))
        .exec(txn)
        .await?;
    if updated.rows_affected != 1 {
        return Err(ApiError::InvalidTransition(
            "Hồ sơ vừa được người khác xử lý; hãy tải lại để xem trạng thái mới".to_owned(),
        ));
    }
    let after = dossier::Entity::find_by_id(record.id)
        .one(txn)
        .await?
        .ok_or_else(|| anyhow::anyhow!("dossier {} vanished", record.id))?;
    let email = dossier_notices::email(
        txn,
        &after,
        change.action,
        change.note.as_deref(),
        change.details.as_ref(),
    )
    .await?;
    if let Some(step) = change.action.step() {
        dossier_record::record(
            txn,
            &after,
            StepTaken {
                step,
                from: Some(from),
                to,
                actor_id: Some(change.actor_id),
                by_citizen: change.action.by_citizen(),
                note: change.note.clone(),
                details: change.details,
                at: change.at,
            },
        )
        .await?;
    }
    let event = AuditEvent::DossierTransition {
        dossier_id: record.id,
        action: change.action.as_str(),
        from: from.as_str(),
        to: to.as_str(),
    };
    audit::record(txn, Some(change.actor_id), Some(record.unit_id), event).await?;
    if let Some(email) = email {
        outbox::enqueue(txn, email).await?;
    }
    Ok(after)
}

/// Runs `change` on `record` in a transaction of its own.
async fn commit<C: TransactionTrait>(
    db: &C,
    record: &dossier::Model,
    change: Change,
) -> Result<dossier::Model, ApiError> {
    let txn = begin_write(db).await?;
    let after = apply(&txn, record, change).await?;
    txn.commit().await?;
    Ok(after)
}

/// How long the procedure takes: the longer limit when the case needs verification
/// and the procedure has one.
pub fn processing_time(procedure: &ProcedureDefinition, verification: bool) -> ProcessingTime {
    match procedure.processing_working_days_if_verification {
        Some(days) if verification => ProcessingTime::WorkingDays(days),
        _ if procedure.same_day => ProcessingTime::SameDay,
        _ => ProcessingTime::WorkingDays(procedure.processing_working_days),
    }
}

/// Accepts a complete dossier at `at`, setting the appointment date counted on the
/// procedure version it was filed under. A date in an unconfirmed year is refused
/// (422) before anything is written.
pub async fn accept<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    record: &dossier::Model,
    actor: Actor,
    verification: bool,
    at: DateTime<Utc>,
) -> Result<dossier::Model, ApiError> {
    target(record, DossierAction::Accept)?;
    let (_, procedure) = dossier_reads::procedure_of(db, record).await?;
    let time = processing_time(&procedure, verification);
    let calendar = calendar::load(db).await?;
    let appointment = appointment::appointment(&calendar, at, time)?;
    let columns = dossier::ActiveModel {
        accepted_at: Set(Some(at)),
        accepted_by: Set(Some(actor.account_id)),
        due_on: Set(Some(appointment.due_date)),
        ..Default::default()
    };
    let details = json!({
        "verification": verification,
        "counted_from": appointment.counted_from,
        "due_on": appointment.due_date,
    });
    let change = Change {
        action: DossierAction::Accept,
        actor_id: actor.account_id,
        columns,
        note: None,
        details: Some(details),
        at,
    };
    commit(db, record, change).await
}

/// Asks the citizen for every missing item at once. An item tied to a form field
/// must name a field of the form the dossier was filed under.
pub async fn request_supplement<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    record: &dossier::Model,
    actor: Actor,
    request: CheckedSupplementRequest,
) -> Result<dossier::Model, ApiError> {
    target(record, DossierAction::RequestSupplement)?;
    let (_, procedure) = dossier_reads::procedure_of(db, record).await?;
    let unknown: Vec<FieldError> = request
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| {
            item.field_key
                .as_deref()
                .is_some_and(|key| !procedure.form.iter().any(|field| field.key == key))
        })
        .map(|(index, _)| {
            FieldError::new(
                &format!("items[{index}].field_key"),
                "unknown_field",
                "Biểu mẫu của hồ sơ không có trường này",
            )
        })
        .collect();
    if !unknown.is_empty() {
        return Err(ApiError::Validation(unknown));
    }
    let details = SupplementRequestDetails {
        items: request.items,
    };
    let change = Change {
        action: DossierAction::RequestSupplement,
        actor_id: actor.account_id,
        columns: <dossier::ActiveModel as Default>::default(),
        note: request.note,
        details: Some(serde_json::to_value(details).map_err(anyhow::Error::from)?),
        at: Utc::now(),
    };
    commit(db, record, change).await
}

/// Refuses the dossier at intake, with the reason the citizen is told.
pub async fn refuse<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    record: &dossier::Model,
    actor: Actor,
    reason: String,
) -> Result<dossier::Model, ApiError> {
    let change = Change {
        action: DossierAction::Refuse,
        actor_id: actor.account_id,
        columns: <dossier::ActiveModel as Default>::default(),
        note: Some(reason),
        details: None,
        at: Utc::now(),
    };
    commit(db, record, change).await
}

/// Whether `account_id` is a department officer of the unit.
async fn is_department_officer<C: ConnectionTrait>(
    db: &C,
    unit_id: i64,
    account_id: i64,
) -> Result<bool, ApiError> {
    Ok(role_assignment::Entity::find()
        .filter(role_assignment::COLUMN.unit_id.eq(unit_id))
        .filter(role_assignment::COLUMN.account_id.eq(account_id))
        .filter(
            role_assignment::COLUMN
                .role
                .eq(Role::DepartmentOfficer.as_str()),
        )
        .one(db)
        .await?
        .is_some())
}

/// Gives an accepted dossier to a department officer of its ward to process.
pub async fn assign<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    record: &dossier::Model,
    actor: Actor,
    officer_id: i64,
    note: Option<String>,
) -> Result<dossier::Model, ApiError> {
    target(record, DossierAction::Assign)?;
    if !is_department_officer(db, record.unit_id, officer_id).await? {
        return Err(ApiError::invalid(FieldError::new(
            "officer_id",
            "unknown_officer",
            "Không có cán bộ chuyên môn này ở phường",
        )));
    }
    let change = Change {
        action: DossierAction::Assign,
        actor_id: actor.account_id,
        columns: dossier::ActiveModel {
            assigned_to: Set(Some(officer_id)),
            ..Default::default()
        },
        note,
        details: Some(json!({ "officer_id": officer_id })),
        at: Utc::now(),
    };
    commit(db, record, change).await
}

/// The assigned officer (or a district admin) reports the result ready. Another
/// officer of the ward gets 403.
pub async fn result_ready<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    record: &dossier::Model,
    actor: Actor,
    note: Option<String>,
) -> Result<dossier::Model, ApiError> {
    target(record, DossierAction::ResultReady)?;
    if !actor.district_wide && record.assigned_to != Some(actor.account_id) {
        return Err(ApiError::Forbidden);
    }
    let now = Utc::now();
    let change = Change {
        action: DossierAction::ResultReady,
        actor_id: actor.account_id,
        columns: dossier::ActiveModel {
            result_ready_at: Set(Some(now)),
            ..Default::default()
        },
        note,
        details: None,
        at: now,
    };
    commit(db, record, change).await
}

/// The result was handed to the citizen.
pub async fn return_result<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    record: &dossier::Model,
    actor: Actor,
    note: Option<String>,
) -> Result<dossier::Model, ApiError> {
    let now = Utc::now();
    let change = Change {
        action: DossierAction::Return,
        actor_id: actor.account_id,
        columns: dossier::ActiveModel {
            returned_at: Set(Some(now)),
            ..Default::default()
        },
        note,
        details: None,
        at: now,
    };
    commit(db, record, change).await
}

/// The apology for a missed date (phiếu xin lỗi và hẹn lại ngày trả kết quả), with
/// the new date, once the date in force has passed on `today`. The appointment date
/// stays on record and the dossier still counts as late.
pub async fn apologize<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    record: &dossier::Model,
    actor: Actor,
    apology: CheckedApology,
    today: NaiveDate,
) -> Result<dossier::Model, ApiError> {
    let (from, _) = target(record, DossierAction::Apologize)?;
    let deadline = Deadline::of(record, from);
    let Some(in_force) = deadline.in_force().filter(|date| *date < today) else {
        return Err(ApiError::InvalidTransition(
            "Hồ sơ chưa quá ngày hẹn trả kết quả: chưa cần xin lỗi, hẹn lại".to_owned(),
        ));
    };
    if apology.new_due_on <= today {
        return Err(ApiError::invalid(FieldError::new(
            "new_due_on",
            "not_in_future",
            "Ngày hẹn mới phải sau ngày hôm nay",
        )));
    }
    if !calendar::load(db)
        .await?
        .is_working_day(apology.new_due_on)?
    {
        return Err(ApiError::invalid(FieldError::new(
            "new_due_on",
            "not_a_working_day",
            "Ngày hẹn mới phải là ngày làm việc",
        )));
    }
    let details = json!({
        "original_due_on": record.due_on,
        "previous_due_on": in_force,
        "new_due_on": apology.new_due_on,
    });
    let change = Change {
        action: DossierAction::Apologize,
        actor_id: actor.account_id,
        columns: dossier::ActiveModel {
            rescheduled_due_on: Set(Some(apology.new_due_on)),
            ..Default::default()
        },
        note: Some(apology.reason),
        details: Some(details),
        at: Utc::now(),
    };
    commit(db, record, change).await
}

/// Binds the upload ids of `checked` file fields that the dossier does not hold yet,
/// as the files of the nth supplement (n = the supplement requests so far).
async fn bind_new_files<C: ConnectionTrait>(
    txn: &C,
    record: &dossier::Model,
    procedure: &ProcedureDefinition,
    checked: &BTreeMap<String, FormValue>,
) -> Result<(), ApiError> {
    let held: HashSet<String> = dossier_file::Entity::find()
        .filter(dossier_file::COLUMN.dossier_id.eq(record.id))
        .all(txn)
        .await?
        .into_iter()
        .map(|file| file.upload_id)
        .collect();
    let round = dossier_event::Entity::find()
        .filter(dossier_event::COLUMN.dossier_id.eq(record.id))
        .filter(
            dossier_event::COLUMN
                .kind
                .eq(DossierStep::SupplementRequested.as_str()),
        )
        .count(txn)
        .await?;
    for field in &procedure.form {
        let Some(FormValue::Files(ids)) = checked.get(&field.key) else {
            continue;
        };
        let new: Vec<String> = ids
            .iter()
            .filter(|id| !held.contains(*id))
            .cloned()
            .collect();
        if !new.is_empty() {
            uploads::attach_to_dossier(txn, record.id, field, &new, round as i32).await?;
        }
    }
    Ok(())
}

/// The citizen's answer to a supplement request: `changes` (field key → answer;
/// file fields: upload ids) over the stored answers, the whole form checked like a
/// filing, new uploads bound to the dossier as the next round of files.
pub async fn resubmit<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    record: &dossier::Model,
    citizen_id: i64,
    changes: &BTreeMap<String, Value>,
    note: Option<String>,
) -> Result<dossier::Model, ApiError> {
    target(record, DossierAction::Resubmit)?;
    let (_, procedure) = dossier_reads::procedure_of(db, record).await?;
    let mut answers: BTreeMap<String, Value> = dossier_reads::form_of(record)?
        .into_iter()
        .map(|(key, value)| Ok((key, serde_json::to_value(value)?)))
        .collect::<Result<_, serde_json::Error>>()
        .map_err(anyhow::Error::from)?;
    answers.extend(
        changes
            .iter()
            .map(|(key, value)| (key.clone(), value.clone())),
    );
    let checked = check_form(&procedure.form, &answers, Completeness::Complete)
        .map_err(ApiError::Validation)?;
    let applicant = account::Entity::find_by_id(record.applicant_id)
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("applicant of dossier {} vanished", record.id))?;
    // A corrected phone or e-mail is where the ward writes from now on.
    let contact = dossier_filing::contact_of(&procedure.form, &checked, &applicant)?;
    let form = serde_json::to_string(&checked).map_err(anyhow::Error::from)?;
    let change = Change {
        action: DossierAction::Resubmit,
        actor_id: citizen_id,
        columns: dossier::ActiveModel {
            form: Set(form),
            applicant_name: Set(contact.name),
            contact_phone: Set(contact.phone),
            contact_email: Set(contact.email),
            ..Default::default()
        },
        note,
        details: Some(json!({ "changed": changes.keys().collect::<Vec<_>>() })),
        at: Utc::now(),
    };
    let txn = begin_write(db).await?;
    // The conditional update first: it takes the write lock before anything is
    // read in the transaction (SQLite refuses a write after a stale read).
    let after = apply(&txn, record, change).await?;
    bind_new_files(&txn, record, &procedure, &checked).await?;
    txn.commit().await?;
    Ok(after)
}

/// The citizen withdraws the dossier, before a result exists.
pub async fn withdraw<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    record: &dossier::Model,
    citizen_id: i64,
    reason: Option<String>,
) -> Result<dossier::Model, ApiError> {
    let change = Change {
        action: DossierAction::Withdraw,
        actor_id: citizen_id,
        columns: <dossier::ActiveModel as Default>::default(),
        note: reason,
        details: None,
        at: Utc::now(),
    };
    commit(db, record, change).await
}

/// The citizen's rating of the service, once, after the result was returned.
pub async fn rate<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    record: &dossier::Model,
    citizen_id: i64,
    rating: CheckedRating,
) -> Result<dossier::Model, ApiError> {
    target(record, DossierAction::Rate)?;
    if record.rating.is_some() {
        return Err(ApiError::InvalidTransition(
            "Bạn đã đánh giá hồ sơ này; mỗi hồ sơ chỉ được đánh giá một lần".to_owned(),
        ));
    }
    let now = Utc::now();
    let change = Change {
        action: DossierAction::Rate,
        actor_id: citizen_id,
        columns: dossier::ActiveModel {
            rating: Set(Some(i16::from(rating.rating))),
            rating_comment: Set(rating.comment),
            rated_at: Set(Some(now)),
            ..Default::default()
        },
        note: None,
        details: None,
        at: now,
    };
    commit(db, record, change).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn procedure(days: u32, verification: Option<u32>, same_day: bool) -> ProcedureDefinition {
        serde_json::from_value(json!({
            "code": "HT-KT", "name": "Đăng ký khai tử", "field": "Hộ tịch",
            "legal_basis": "Luật Hộ tịch 2014", "agency": "UBND phường",
            "required_documents": [], "processing_working_days": days,
            "processing_working_days_if_verification": verification,
            "same_day": same_day,
            "fee": {"amount_vnd": null, "text": "Miễn phí"}, "online_level": "toan_trinh",
            "form": []
        }))
        .unwrap()
    }

    #[test]
    fn verification_takes_the_longer_limit_when_the_procedure_has_one() {
        let death_registration = procedure(0, Some(3), true);
        assert_eq!(
            processing_time(&death_registration, false),
            ProcessingTime::SameDay
        );
        assert_eq!(
            processing_time(&death_registration, true),
            ProcessingTime::WorkingDays(3)
        );
        let confirmation = procedure(3, None, false);
        assert_eq!(
            processing_time(&confirmation, true),
            ProcessingTime::WorkingDays(3)
        );
    }
}

//! A citizen files a dossier online: the form checked against the ward's current
//! procedure, the files taken, a code `{unit code}-{yyMMdd}-{NNNN}` from the daily
//! sequence, the first step of the process record, an audit event and a receipt
//! e-mail, all in one transaction (at most once per `Idempotency-Key`).

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use entity::{account, dossier, dossier_draft, procedure, procedure_version, unit};
use openapi::FieldError;
use openapi::dossiers::{Dossier, DossierStatus, DossierStep, SubmitDossier};
use openapi::procedures::{
    Completeness, FieldType, FormField, FormValue, ProcedureDefinition, check_form,
};
use sea_orm::prelude::*;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use sea_orm::{ConnectionTrait, DatabaseTransaction, QueryFilter, Set, TransactionTrait};

use crate::error::ApiError;
use crate::local_time;
use crate::services::audit::{self, AuditEvent};
use crate::services::dossier_reads::{self, Reader};
use crate::services::dossier_record::{self, StepTaken};
use crate::services::idempotency::{self, Answer, IdempotencyKey};
use crate::services::{outbox, uploads};

/// The form field whose answer names the applicant, when the form has one.
const APPLICANT_NAME_KEY: &str = "applicant_name";

/// Where a key is valid: this ward and this citizen.
pub fn key_scope(unit: &unit::Model, applicant: &account::Model) -> String {
    format!("dossier:{}:account:{}", unit.slug, applicant.id)
}

/// A procedure of the ward in its current version.
pub struct CurrentProcedure {
    pub procedure: procedure::Model,
    pub version: procedure_version::Model,
    pub definition: ProcedureDefinition,
}

/// The ward's procedure `code` as it stands now; an unknown code is refused on
/// `field` (the form names it `procedure_code`).
pub async fn current_procedure<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    code: &str,
    field: &str,
) -> Result<CurrentProcedure, ApiError> {
    let procedure = procedure::Entity::find()
        .filter(procedure::COLUMN.unit_id.eq(unit.id))
        .filter(procedure::COLUMN.code.eq(code.trim().to_uppercase()))
        .one(db)
        .await?
        .ok_or_else(|| {
            ApiError::invalid(FieldError::new(
                field,
                "unknown_procedure",
                &format!("{} không có thủ tục này", unit.name),
            ))
        })?;
    let version = procedure_version::Entity::find()
        .filter(procedure_version::COLUMN.procedure_id.eq(procedure.id))
        .filter(procedure_version::COLUMN.version.eq(procedure.version))
        .one(db)
        .await?
        .ok_or_else(|| {
            anyhow::anyhow!(
                "procedure {} without its version {}",
                procedure.id,
                procedure.version
            )
        })?;
    let definition = serde_json::from_str(&version.definition)
        .map_err(|e| anyhow::anyhow!("procedure version {} is unreadable: {e}", version.id))?;
    Ok(CurrentProcedure {
        procedure,
        version,
        definition,
    })
}

/// Files the dossier (201 with it, as its owner reads it), or answers a retry with
/// the same key as the first time.
pub async fn file<C: TransactionTrait<Transaction = DatabaseTransaction>>(
    db: &C,
    unit: &unit::Model,
    applicant: &account::Model,
    key: Option<&IdempotencyKey>,
    submission: SubmitDossier,
) -> Result<Answer, ApiError> {
    idempotency::once(db, key, 201, async |txn| {
        submit(txn, unit, applicant, submission, Utc::now()).await
    })
    .await
}

/// Who the dossier is for and how to reach them: from the form when it asks, else
/// from the account.
/// Whom the ward writes to about a dossier: taken from the form's answers, else
/// from the applicant's account.
#[derive(Debug)]
pub struct Contact {
    pub name: String,
    pub phone: String,
    pub email: Option<String>,
}

fn text_answer<'a>(answers: &'a BTreeMap<String, FormValue>, key: &str) -> Option<&'a str> {
    match answers.get(key) {
        Some(FormValue::Text(text)) => Some(text.as_str()),
        _ => None,
    }
}

fn first_of_type(fields: &[FormField], field_type: FieldType) -> Option<&FormField> {
    fields.iter().find(|field| field.field_type == field_type)
}

pub fn contact_of(
    fields: &[FormField],
    answers: &BTreeMap<String, FormValue>,
    applicant: &account::Model,
) -> Result<Contact, ApiError> {
    let phone_field = first_of_type(fields, FieldType::Phone);
    let phone = phone_field
        .and_then(|field| text_answer(answers, &field.key))
        .map(str::to_owned)
        .or_else(|| applicant.phone.clone())
        .ok_or_else(|| {
            let key = phone_field.map_or("contact_phone", |field| field.key.as_str());
            ApiError::invalid(FieldError::new(
                key,
                "required",
                "Vui lòng nhập số điện thoại: cần để tra cứu hồ sơ",
            ))
        })?;
    let email = first_of_type(fields, FieldType::Email)
        .and_then(|field| text_answer(answers, &field.key))
        .map(str::to_owned)
        .or_else(|| applicant.email.clone());
    let name = text_answer(answers, APPLICANT_NAME_KEY)
        .map(str::to_owned)
        .unwrap_or_else(|| applicant.full_name.clone());
    Ok(Contact { name, phone, email })
}

/// The next number of `unit`'s sequence on `day`, taken inside the caller's
/// transaction. One upsert, the same SQL on SQLite and PostgreSQL: its row lock
/// makes a concurrent submission (from any server process) wait for this one's
/// transaction, and a rollback returns the number, so numbers are unique and have
/// no gaps.
pub async fn next_number<C: ConnectionTrait>(
    txn: &C,
    unit_id: i64,
    day: NaiveDate,
) -> Result<i32, ApiError> {
    let statement = Query::insert()
        .into_table("dossier_sequence")
        .columns(["unit_id", "day", "last_number"])
        .values_panic([unit_id.into(), day.into(), 1i32.into()])
        .on_conflict(
            OnConflict::columns(["unit_id", "day"])
                .value(
                    "last_number",
                    Expr::col(("dossier_sequence", "last_number")).add(1),
                )
                .to_owned(),
        )
        .returning_col("last_number")
        .to_owned();
    let row = txn
        .query_one(&statement)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the sequence upsert returned no row"))?;
    Ok(row.try_get::<i32>("", "last_number")?)
}

/// `{unit code}-{yyMMdd}-{NNNN}`.
pub fn dossier_code(unit_code: &str, day: NaiveDate, number: i32) -> String {
    format!("{unit_code}-{}-{number:04}", day.format("%y%m%d"))
}

/// Removes the applicant's draft `draft_id` for this procedure; another's draft, or
/// one for another procedure, is refused as unknown.
async fn finish_draft<C: ConnectionTrait>(
    txn: &C,
    applicant: &account::Model,
    procedure: &procedure::Model,
    draft_id: i64,
) -> Result<(), ApiError> {
    let removed = dossier_draft::Entity::delete_many()
        .filter(dossier_draft::COLUMN.id.eq(draft_id))
        .filter(dossier_draft::COLUMN.account_id.eq(applicant.id))
        .filter(dossier_draft::COLUMN.procedure_id.eq(procedure.id))
        .exec(txn)
        .await?;
    if removed.rows_affected == 1 {
        Ok(())
    } else {
        Err(ApiError::invalid(FieldError::new(
            "draft_id",
            "unknown_draft",
            "Không có bản nháp này của bạn cho thủ tục này",
        )))
    }
}

/// Records the dossier as submitted at `now` (its code takes that day's number),
/// within `txn`.
pub async fn submit<C: ConnectionTrait>(
    txn: &C,
    unit: &unit::Model,
    applicant: &account::Model,
    submission: SubmitDossier,
    now: DateTime<Utc>,
) -> Result<Dossier, ApiError> {
    let current =
        current_procedure(txn, unit, &submission.procedure_code, "procedure_code").await?;
    let fields = &current.definition.form;
    let answers = check_form(fields, &submission.form, Completeness::Complete)
        .map_err(ApiError::Validation)?;
    let contact = contact_of(fields, &answers, applicant)?;
    if let Some(draft_id) = submission.draft_id {
        finish_draft(txn, applicant, &current.procedure, draft_id).await?;
    }
    let day = local_time::date_of(now);
    let number = next_number(txn, unit.id, day).await?;
    let form = serde_json::to_string(&answers)
        .map_err(|e| anyhow::anyhow!("checked form not serializable: {e}"))?;
    let record = dossier::ActiveModel {
        code: Set(dossier_code(&unit.code, day, number)),
        unit_id: Set(unit.id),
        procedure_id: Set(current.procedure.id),
        procedure_version_id: Set(current.version.id),
        applicant_id: Set(applicant.id),
        status: Set(DossierStatus::Submitted.as_str().to_owned()),
        form: Set(form),
        applicant_name: Set(contact.name),
        contact_phone: Set(contact.phone),
        contact_email: Set(contact.email),
        submitted_at: Set(now),
        revision: Set(1),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    for field in fields {
        if let Some(FormValue::Files(ids)) = answers.get(&field.key) {
            uploads::attach_to_dossier(txn, record.id, field, ids, 0).await?;
        }
    }
    dossier_record::record(
        txn,
        &record,
        StepTaken {
            step: DossierStep::Submitted,
            from: None,
            to: DossierStatus::Submitted,
            actor_id: Some(applicant.id),
            by_citizen: true,
            note: None,
            details: None,
            at: now,
        },
    )
    .await?;
    let event = AuditEvent::DossierSubmitted {
        dossier_id: record.id,
        code: record.code.clone(),
    };
    audit::record(txn, Some(applicant.id), Some(unit.id), event).await?;
    if let Some(email) = &record.contact_email {
        outbox::enqueue(
            txn,
            receipt_email(unit, &current.definition, &record, email),
        )
        .await?;
    }
    dossier_reads::dossier(txn, &record, &Reader::Owner).await
}

/// The citizen's note of the code, which with their phone finds the dossier again.
fn receipt_email(
    unit: &unit::Model,
    procedure: &ProcedureDefinition,
    record: &dossier::Model,
    to: &str,
) -> outbox::Email {
    outbox::Email {
        topic: "dossier_submitted",
        to: to.to_owned(),
        subject: format!("{} đã nhận hồ sơ {}", unit.name, record.code),
        body: format!(
            "{} đã nhận hồ sơ \"{}\" bạn nộp trực tuyến.\n\n\
             Mã hồ sơ: {}\n\n\
             Cán bộ tiếp nhận sẽ kiểm tra hồ sơ; khi hồ sơ được tiếp nhận, bạn sẽ nhận \
             được ngày hẹn trả kết quả. Tra cứu tình trạng hồ sơ trên trang thông tin \
             điện tử của phường bằng mã hồ sơ và số điện thoại đã khai.",
            unit.name, procedure.name, record.code
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(key: &str, field_type: FieldType) -> FormField {
        FormField {
            key: key.to_owned(),
            label: key.to_owned(),
            field_type,
            required: false,
            options: Vec::new(),
            min: None,
            max: None,
            accept: Vec::new(),
        }
    }

    fn account(phone: Option<&str>, email: Option<&str>) -> account::Model {
        let now = Utc::now();
        account::Model {
            id: 7,
            full_name: "Lê Thị Hoa".to_owned(),
            email: email.map(str::to_owned),
            phone: phone.map(str::to_owned),
            password_hash: String::new(),
            is_active: true,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn the_contact_comes_from_the_form_first_and_else_from_the_account() {
        let fields = [
            field("applicant_name", FieldType::Text),
            field("applicant_phone", FieldType::Phone),
            field("applicant_email", FieldType::Email),
        ];
        let answers = BTreeMap::from([
            (
                "applicant_name".to_owned(),
                FormValue::Text("Trần Thị Mai".to_owned()),
            ),
            (
                "applicant_phone".to_owned(),
                FormValue::Text("0912345678".to_owned()),
            ),
        ]);
        let holder = account(Some("0903123456"), Some("hoa@example.com"));
        let contact = contact_of(&fields, &answers, &holder).unwrap();
        assert_eq!(
            (
                contact.name.as_str(),
                contact.phone.as_str(),
                contact.email.as_deref()
            ),
            ("Trần Thị Mai", "0912345678", Some("hoa@example.com"))
        );
        let contact = contact_of(&fields, &BTreeMap::new(), &holder).unwrap();
        assert_eq!(
            (contact.name.as_str(), contact.phone.as_str()),
            ("Lê Thị Hoa", "0903123456")
        );
    }

    #[test]
    fn without_a_phone_in_the_form_or_the_account_the_phone_field_is_named() {
        let fields = [field("applicant_phone", FieldType::Phone)];
        let error = contact_of(&fields, &BTreeMap::new(), &account(None, None)).unwrap_err();
        assert!(
            matches!(error, ApiError::Validation(errors) if errors[0].field == "applicant_phone")
        );
    }

    #[test]
    fn a_code_is_the_unit_code_the_vietnam_date_and_four_digits() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        assert_eq!(dossier_code("P01", day, 1), "P01-261129-0001");
        assert_eq!(dossier_code("P01", day, 50), "P01-261129-0050");
    }
}

//! A ward's procedure catalog: listing and searching it, one procedure in its current
//! or an earlier version, the appointment date a procedure would give, and a ward
//! admin's edit, which makes a new version and leaves the earlier ones readable for
//! the dossiers filed under them.
//!
//! Only wards (and communes) have procedures: citizens file with the ward, and each
//! ward may have edited its own catalog, so a district or city answers 404 rather
//! than a merged catalog no one files under.

use chrono::{DateTime, Utc};
use entity::{procedure, procedure_version, unit};
use openapi::FieldError;
use openapi::procedures::{
    Appointment, Procedure, ProcedureDefinition, ProcedureList, ProcedureSummary,
};
use openapi::units::UnitKind;
use sea_orm::prelude::*;
use sea_orm::{
    ConnectionTrait, QueryFilter, QueryOrder, Set, SqlErr, TransactionSession, TransactionTrait,
};

use crate::appointment::{self, ProcessingTime};
use crate::db::begin_write;
use crate::error::ApiError;
use crate::seed::procedures::search_text;
use crate::services::audit::{self, AuditEvent};
use crate::services::calendar;
use crate::text::fold;
use crate::wire;

/// `unit` if it is a unit citizens file procedures with; otherwise 404.
pub fn with_catalog(unit: unit::Model) -> Result<unit::Model, ApiError> {
    match wire::unit_kind(&unit.kind) {
        UnitKind::Ward | UnitKind::Commune => Ok(unit),
        UnitKind::District | UnitKind::City => Err(ApiError::NotFound),
    }
}

/// Codes are written in capitals (`HT-KS`); a lowercase address finds them too.
fn code_key(code: &str) -> String {
    code.trim().to_uppercase()
}

async fn row<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    code: &str,
) -> Result<procedure::Model, ApiError> {
    procedure::Entity::find()
        .filter(procedure::COLUMN.unit_id.eq(unit.id))
        .filter(procedure::COLUMN.code.eq(code_key(code)))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)
}

/// The ward's catalog in the national catalog's order; with `query`, only the
/// procedures whose code, name or field holds every word of it (case and
/// diacritics aside); with `field`, only that field's.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    query: Option<&str>,
    field: Option<&str>,
) -> Result<ProcedureList, ApiError> {
    let rows = procedure::Entity::find()
        .filter(procedure::COLUMN.unit_id.eq(unit.id))
        .order_by_asc(procedure::COLUMN.id)
        .all(db)
        .await?;
    let mut fields: Vec<String> = Vec::new();
    for record in &rows {
        if !fields.contains(&record.field) {
            fields.push(record.field.clone());
        }
    }
    let terms = fold::terms(query.unwrap_or_default());
    let field = field.map(str::trim).filter(|field| !field.is_empty());
    let items = rows
        .iter()
        .filter(|record| field.is_none_or(|field| record.field == field))
        .filter(|record| {
            terms
                .iter()
                .all(|term| record.search_text.contains(term.as_str()))
        })
        .map(wire::procedure_summary)
        .collect::<Result<Vec<ProcedureSummary>, ApiError>>()?;
    Ok(ProcedureList {
        unit: openapi::content::UnitLabel {
            slug: unit.slug.clone(),
            name: unit.name.clone(),
        },
        fields,
        items,
    })
}

/// The procedure `code` of the ward in its current version.
pub async fn show<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    code: &str,
) -> Result<Procedure, ApiError> {
    let record = row(db, unit, code).await?;
    let definition = wire::procedure_definition(&record.definition)?;
    Ok(wire::procedure(definition, record.version, unit))
}

/// The procedure `code` as it was in `version`.
pub async fn version<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    code: &str,
    version: i32,
) -> Result<Procedure, ApiError> {
    let record = row(db, unit, code).await?;
    let kept = procedure_version::Entity::find()
        .filter(procedure_version::COLUMN.procedure_id.eq(record.id))
        .filter(procedure_version::COLUMN.version.eq(version))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let definition = wire::procedure_definition(&kept.definition)?;
    Ok(wire::procedure(definition, kept.version, unit))
}

/// The date a dossier of `code` accepted at `accepted_at` would be returned, by the
/// calculator the workflow uses; a date in an unconfirmed year is refused.
pub async fn appointment<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    code: &str,
    accepted_at: DateTime<chrono::FixedOffset>,
) -> Result<Appointment, ApiError> {
    let record = row(db, unit, code).await?;
    let definition = wire::procedure_definition(&record.definition)?;
    let time = if definition.same_day {
        ProcessingTime::SameDay
    } else {
        ProcessingTime::WorkingDays(definition.processing_working_days)
    };
    let calendar = calendar::load(db).await?;
    let found = appointment::appointment(&calendar, accepted_at.with_timezone(&Utc), time)?;
    Ok(Appointment {
        procedure_code: definition.code,
        accepted_at,
        counted_from: found.counted_from,
        due_date: found.due_date,
        working_days: definition.processing_working_days,
        same_day: definition.same_day,
    })
}

/// A ward admin's edit of the procedure `code`: checked, stored as the next version
/// and made current in one transaction, with an audit event. Two edits saved at the
/// same moment cannot both become the same version: the second answers 409.
pub async fn update<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    unit: &unit::Model,
    code: &str,
    edit: &ProcedureDefinition,
    actor: i64,
) -> Result<Procedure, ApiError> {
    let definition = edit.normalized();
    let mut errors = definition.check().err().unwrap_or_default();
    if definition.code != code_key(code) {
        errors.push(FieldError::new(
            "code",
            "code_mismatch",
            "Mã thủ tục không được thay đổi",
        ));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let txn = begin_write(db).await?;
    let current = row(&txn, unit, code).await?;
    let next = current.version + 1;
    let json = serde_json::to_string(&definition).map_err(anyhow::Error::from)?;
    let now = Utc::now();
    let inserted = procedure_version::ActiveModel {
        procedure_id: Set(current.id),
        version: Set(next),
        definition: Set(json.clone()),
        created_by: Set(Some(actor)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await;
    match inserted {
        Ok(_) => {}
        Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            return Err(ApiError::InvalidTransition(
                "Thủ tục vừa được người khác sửa; hãy tải lại và sửa trên bản mới nhất".to_owned(),
            ));
        }
        Err(error) => return Err(error.into()),
    }
    let updated = procedure::Entity::update_many()
        .filter(procedure::COLUMN.id.eq(current.id))
        .filter(procedure::COLUMN.version.eq(current.version))
        .set(procedure::ActiveModel {
            name: Set(definition.name.clone()),
            field: Set(definition.field.clone()),
            online_level: Set(definition.online_level.as_str().to_owned()),
            processing_working_days: Set(
                i32::try_from(definition.processing_working_days).map_err(anyhow::Error::from)?
            ),
            same_day: Set(definition.same_day),
            search_text: Set(search_text(&definition)),
            definition: Set(json),
            version: Set(next),
            updated_at: Set(now),
            ..Default::default()
        })
        .exec(&txn)
        .await?;
    if updated.rows_affected != 1 {
        return Err(ApiError::InvalidTransition(
            "Thủ tục vừa được người khác sửa; hãy tải lại và sửa trên bản mới nhất".to_owned(),
        ));
    }
    let event = AuditEvent::ProcedureUpdated {
        procedure_id: current.id,
        code: definition.code.clone(),
        version: next,
    };
    audit::record(&txn, Some(actor), Some(unit.id), event).await?;
    txn.commit().await?;
    Ok(wire::procedure(definition, next, unit))
}

#[cfg(test)]
mod tests {
    use crate::seed::procedures::catalog;

    #[test]
    fn every_procedure_of_the_national_catalog_passes_the_edit_check() {
        for definition in catalog().unwrap() {
            assert_eq!(definition.check(), Ok(()), "{}", definition.code);
            assert_eq!(definition.normalized(), definition, "{}", definition.code);
        }
    }
}

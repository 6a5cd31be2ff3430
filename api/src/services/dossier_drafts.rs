//! Forms a citizen saves to finish later. A draft has no code (numbers are given at
//! submission only, so the daily sequence has no gaps) and only its owner sees it;
//! what it holds is checked as far as it goes, so it can be submitted once complete.

use std::collections::BTreeMap;

use chrono::Utc;
use entity::{dossier_draft, procedure, unit};
use openapi::content::UnitLabel;
use openapi::dossiers::{DossierDraft, DossierDraftList, NewDossierDraft, UpdateDossierDraft};
use openapi::procedures::{Completeness, FormValue, ProcedureDefinition, check_form};
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, QueryFilter, QueryOrder, Set};

use crate::error::ApiError;
use crate::services::dossier_filing::current_procedure;

fn checked(
    definition: &ProcedureDefinition,
    form: &BTreeMap<String, serde_json::Value>,
) -> Result<String, ApiError> {
    let answers =
        check_form(&definition.form, form, Completeness::Draft).map_err(ApiError::Validation)?;
    Ok(serde_json::to_string(&answers)
        .map_err(|e| anyhow::anyhow!("checked form not serializable: {e}"))?)
}

async fn to_wire<C: ConnectionTrait>(
    db: &C,
    draft: dossier_draft::Model,
) -> Result<DossierDraft, ApiError> {
    let unit = unit::Entity::find_by_id(draft.unit_id)
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("draft {} without unit", draft.id))?;
    let procedure = procedure::Entity::find_by_id(draft.procedure_id)
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("draft {} without procedure", draft.id))?;
    let form: BTreeMap<String, FormValue> = serde_json::from_str(&draft.form)
        .map_err(|e| anyhow::anyhow!("draft {} is unreadable: {e}", draft.id))?;
    Ok(DossierDraft {
        id: draft.id,
        unit: UnitLabel {
            slug: unit.slug,
            name: unit.name,
        },
        procedure_code: procedure.code,
        procedure_name: procedure.name,
        form,
        created_at: draft.created_at.fixed_offset(),
        updated_at: draft.updated_at.fixed_offset(),
    })
}

/// Saves a new draft of `account_id` for one of the ward's procedures.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    account_id: i64,
    new: NewDossierDraft,
) -> Result<DossierDraft, ApiError> {
    let current = current_procedure(db, unit, &new.procedure_code, "procedure_code").await?;
    let form = checked(&current.definition, &new.form)?;
    let now = Utc::now();
    let draft = dossier_draft::ActiveModel {
        unit_id: Set(unit.id),
        procedure_id: Set(current.procedure.id),
        account_id: Set(account_id),
        form: Set(form),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    to_wire(db, draft).await
}

/// The draft `id` if it is `account_id`'s; anyone else's is 404.
async fn owned<C: ConnectionTrait>(
    db: &C,
    account_id: i64,
    id: i64,
) -> Result<dossier_draft::Model, ApiError> {
    dossier_draft::Entity::find_by_id(id)
        .filter(dossier_draft::COLUMN.account_id.eq(account_id))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)
}

pub async fn show<C: ConnectionTrait>(
    db: &C,
    account_id: i64,
    id: i64,
) -> Result<DossierDraft, ApiError> {
    to_wire(db, owned(db, account_id, id).await?).await
}

/// Replaces the draft's answers, checked against the procedure as it stands now.
pub async fn update<C: ConnectionTrait>(
    db: &C,
    account_id: i64,
    id: i64,
    update: UpdateDossierDraft,
) -> Result<DossierDraft, ApiError> {
    let draft = owned(db, account_id, id).await?;
    let unit = unit::Entity::find_by_id(draft.unit_id)
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("draft {} without unit", draft.id))?;
    let procedure = procedure::Entity::find_by_id(draft.procedure_id)
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("draft {} without procedure", draft.id))?;
    let current = current_procedure(db, &unit, &procedure.code, "procedure_code").await?;
    let form = checked(&current.definition, &update.form)?;
    let mut changed: dossier_draft::ActiveModel = draft.into();
    changed.form = Set(form);
    changed.updated_at = Set(Utc::now());
    to_wire(db, changed.update(db).await?).await
}

pub async fn delete<C: ConnectionTrait>(db: &C, account_id: i64, id: i64) -> Result<(), ApiError> {
    let removed = dossier_draft::Entity::delete_many()
        .filter(dossier_draft::COLUMN.id.eq(id))
        .filter(dossier_draft::COLUMN.account_id.eq(account_id))
        .exec(db)
        .await?;
    if removed.rows_affected == 1 {
        Ok(())
    } else {
        Err(ApiError::NotFound)
    }
}

/// `account_id`'s drafts, last changed first.
pub async fn mine<C: ConnectionTrait>(
    db: &C,
    account_id: i64,
) -> Result<DossierDraftList, ApiError> {
    let drafts = dossier_draft::Entity::find()
        .filter(dossier_draft::COLUMN.account_id.eq(account_id))
        .order_by_desc(dossier_draft::COLUMN.updated_at)
        .order_by_desc(dossier_draft::COLUMN.id)
        .all(db)
        .await?;
    let mut items = Vec::with_capacity(drafts.len());
    for draft in drafts {
        items.push(to_wire(db, draft).await?);
    }
    Ok(DossierDraftList { items })
}

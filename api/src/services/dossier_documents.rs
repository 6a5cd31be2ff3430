//! A dossier's documents as its owner and the ward's staff download them: the
//! dossier read exactly as they read it (`dossier_reads`, so the owner's copy names no
//! staff member, as their process record does not), then printed by
//! `documents::render`.

use chrono::{DateTime, Utc};
use entity::{dossier, dossier_event, unit};
use openapi::dossier_documents::{DocumentFacts, DocumentKind};
use openapi::dossiers::{Dossier, DossierStep, ProcessStep, SupplementRequestDetails};
use openapi::procedures::ProcedureDefinition;
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, QueryFilter, QueryOrder};

use crate::appointment::ProcessingTime;
use crate::auth::current_user::Grant;
use crate::documents::{DocumentDetails, DossierDocument};
use crate::error::ApiError;
use crate::local_time;
use crate::services::dossier_reads;

/// The public lookup page of a dossier on its ward's site, printed and put in the QR
/// code of every document.
pub fn lookup_url(host: &str, code: &str) -> String {
    format!("https://{host}/tra-cuu-ho-so?ma={code}")
}

/// The document `kind` of the dossier `code` for `account_id`: 404 when they may not
/// read the dossier (as for an unknown code) or the dossier has no such document yet.
pub async fn document<C: ConnectionTrait>(
    db: &C,
    code: &str,
    account_id: i64,
    grants: &[Grant],
    kind: DocumentKind,
) -> Result<DossierDocument, ApiError> {
    let (record, reader) = dossier_reads::readable(db, code, account_id, grants).await?;
    let read = dossier_reads::dossier(db, &record, &reader).await?;
    let supplement = latest_supplement_request(db, &record).await?;
    let facts = DocumentFacts {
        status: read.status,
        accepted: read.accepted_at.is_some() && read.due_on.is_some(),
        supplement_requested: supplement.is_some(),
        apologized: read.rescheduled_due_on.is_some(),
    };
    if !kind.is_issued(&facts) {
        return Err(ApiError::NotFound);
    }
    let (_, procedure) = dossier_reads::procedure_of(db, &record).await?;
    let ward = unit::Entity::find_by_id(record.unit_id)
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("unit {} vanished", record.unit_id))?;
    let district = match ward.parent_id {
        Some(parent) => unit::Entity::find_by_id(parent).one(db).await?,
        None => None,
    };
    let issuing = latest_step(&read, issuing_step(kind));
    let details = match kind {
        DocumentKind::Receipt => DocumentDetails::Receipt {
            documents: procedure.required_documents.clone(),
            processing_time: processing_time(&procedure),
            due_date: read.due_on.ok_or(ApiError::NotFound)?,
        },
        DocumentKind::SupplementRequest => DocumentDetails::SupplementRequest {
            missing_items: supplement
                .map(|request| items_in_words(&procedure, request))
                .unwrap_or_default(),
            note: issuing.and_then(|step| step.note.clone()),
        },
        DocumentKind::Refusal => DocumentDetails::Refusal {
            reason: read.refusal_reason.clone().unwrap_or_default(),
        },
        DocumentKind::Apology => DocumentDetails::Apology {
            due_date: read.due_on.ok_or(ApiError::NotFound)?,
            new_due_date: read.rescheduled_due_on.ok_or(ApiError::NotFound)?,
            reason: issuing
                .and_then(|step| step.note.clone())
                .unwrap_or_default(),
        },
    };
    let received_at = match kind {
        // The apology speaks of the day the ward took the dossier in.
        DocumentKind::Apology => read.accepted_at.map(|at| at.with_timezone(&Utc)),
        _ => last_submission(&read, issuing.map(|step| step.at.with_timezone(&Utc))),
    }
    .unwrap_or_else(|| read.submitted_at.with_timezone(&Utc));
    Ok(DossierDocument {
        ward_name: ward.name,
        district_name: district.map(|district| district.name),
        code: read.code.clone(),
        applicant_name: read.applicant_name.clone(),
        applicant_phone: Some(read.contact_phone.clone()),
        procedure_name: read.procedure.name.clone(),
        received_at,
        officer_name: issuing.and_then(|step| step.actor.clone()),
        lookup_url: lookup_url(&ward.host, &read.code),
        issued_on: issuing
            .map(|step| local_time::date_of(step.at.with_timezone(&Utc)))
            .unwrap_or_else(local_time::today),
        details,
    })
}

/// The step of the process record that gives the document.
fn issuing_step(kind: DocumentKind) -> DossierStep {
    match kind {
        DocumentKind::Receipt => DossierStep::Accepted,
        DocumentKind::SupplementRequest => DossierStep::SupplementRequested,
        DocumentKind::Refusal => DossierStep::Refused,
        DocumentKind::Apology => DossierStep::Apologized,
    }
}

fn latest_step(read: &Dossier, step: DossierStep) -> Option<&ProcessStep> {
    read.steps.iter().rev().find(|taken| taken.step == step)
}

/// When the citizen last filed or supplied the dossier before `until`.
fn last_submission(read: &Dossier, until: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    read.steps
        .iter()
        .filter(|taken| {
            matches!(
                taken.step,
                DossierStep::Submitted | DossierStep::Resubmitted
            )
        })
        .map(|taken| taken.at.with_timezone(&Utc))
        .filter(|at| until.is_none_or(|until| *at <= until))
        .max()
}

/// The items of the latest supplement request, also once the citizen supplied them
/// (the dossier read lists them only while it waits).
async fn latest_supplement_request<C: ConnectionTrait>(
    db: &C,
    record: &dossier::Model,
) -> Result<Option<SupplementRequestDetails>, ApiError> {
    let Some(row) = dossier_event::Entity::find()
        .filter(dossier_event::COLUMN.dossier_id.eq(record.id))
        .filter(
            dossier_event::COLUMN
                .kind
                .eq(DossierStep::SupplementRequested.as_str()),
        )
        .order_by_desc(dossier_event::COLUMN.id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let details = match &row.details {
        Some(details) => serde_json::from_str(details)
            .map_err(|e| anyhow::anyhow!("supplement request {} is unreadable: {e}", row.id))?,
        None => SupplementRequestDetails { items: Vec::new() },
    };
    Ok(Some(details))
}

/// Each missing item as the citizen reads it: the form field's label, then what the
/// officer wrote.
fn items_in_words(
    procedure: &ProcedureDefinition,
    request: SupplementRequestDetails,
) -> Vec<String> {
    request
        .items
        .into_iter()
        .map(|item| {
            let label = item.field_key.as_deref().and_then(|key| {
                procedure
                    .form
                    .iter()
                    .find(|field| field.key == key)
                    .map(|field| field.label.as_str())
            });
            match label {
                Some(label) => format!("{label}: {}", item.description),
                None => item.description,
            }
        })
        .collect()
}

fn processing_time(procedure: &ProcedureDefinition) -> ProcessingTime {
    if procedure.same_day {
        ProcessingTime::SameDay
    } else {
        ProcessingTime::WorkingDays(procedure.processing_working_days)
    }
}

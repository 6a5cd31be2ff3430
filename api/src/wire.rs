//! The one place where database rows become contract types. Rows never leave
//! the server any other way.

use entity::{unit, unit_lineage};
use openapi::units::{LineageKind, Unit, UnitContact, UnitKind, UnitLineage};

use crate::error::ApiError;

/// Unknown kinds cannot be stored (the seed and services write only known ones);
/// should one appear, it reads as a ward rather than failing every page.
pub fn unit_kind(kind: &str) -> UnitKind {
    UnitKind::parse(kind).unwrap_or(UnitKind::Ward)
}

pub fn unit(model: &unit::Model, parent_slug: Option<String>) -> Unit {
    Unit {
        slug: model.slug.clone(),
        code: model.code.clone(),
        name: model.name.clone(),
        kind: unit_kind(&model.kind),
        parent: parent_slug,
        host: model.host.clone(),
        valid_from: model.valid_from,
        valid_to: model.valid_to,
        contact: UnitContact {
            address: model.address.clone(),
            phone: model.phone.clone(),
            email: model.email.clone(),
        },
    }
}

pub fn lineage_kind_name(kind: LineageKind) -> &'static str {
    match kind {
        LineageKind::Whole => "whole",
        LineageKind::Part => "part",
    }
}

pub fn lineage(
    model: &unit_lineage::Model,
    predecessor: String,
    successor: String,
) -> Result<UnitLineage, ApiError> {
    let kind = match model.kind.as_str() {
        "whole" => LineageKind::Whole,
        "part" => LineageKind::Part,
        other => return Err(anyhow::anyhow!("unknown lineage kind {other}").into()),
    };
    Ok(UnitLineage {
        predecessor,
        successor,
        kind,
        effective_on: model.effective_on,
    })
}

pub fn staff_member(
    account: &entity::account::Model,
    roles: Vec<openapi::auth::Role>,
) -> openapi::auth::StaffMember {
    openapi::auth::StaffMember {
        id: account.id,
        full_name: account.full_name.clone(),
        email: account.email.clone(),
        phone: account.phone.clone(),
        roles,
    }
}

pub fn attachment(model: &entity::attachment::Model) -> openapi::attachments::Attachment {
    openapi::attachments::Attachment {
        key: model.key.clone(),
        url: openapi::attachments::file_url(&model.key),
        filename: model.filename.clone(),
        content_type: model.content_type.clone(),
        size: model.size_bytes.max(0) as u64,
    }
}

pub fn api_key(record: &entity::api_key::Model) -> openapi::api_keys::ApiKey {
    openapi::api_keys::ApiKey {
        id: record.id,
        label: record.label.clone(),
        prefix: record.prefix.clone(),
        scopes: crate::services::api_keys::scopes_of(record),
        created_by: record.created_by,
        created_at: record.created_at.fixed_offset(),
        last_used_at: record.last_used_at.map(|at| at.fixed_offset()),
        revoked_at: record.revoked_at.map(|at| at.fixed_offset()),
    }
}

pub fn upload(model: &entity::upload::Model) -> openapi::uploads::Upload {
    openapi::uploads::Upload {
        id: model.id.clone(),
        filename: model.filename.clone(),
        content_type: model.content_type.clone(),
        size: model.size_bytes.max(0) as u64,
    }
}

/// A procedure row's definition as stored (the contract's JSON).
pub fn procedure_definition(
    definition: &str,
) -> Result<openapi::procedures::ProcedureDefinition, ApiError> {
    serde_json::from_str(definition)
        .map_err(|error| anyhow::anyhow!("stored procedure definition unreadable: {error}").into())
}

/// A procedure in `version`, as the ward `unit` has it.
pub fn procedure(
    definition: openapi::procedures::ProcedureDefinition,
    version: i32,
    unit: &unit::Model,
) -> openapi::procedures::Procedure {
    openapi::procedures::Procedure {
        processing_time: definition.processing_time(),
        definition,
        version: version.max(0) as u32,
        unit: openapi::content::UnitLabel {
            slug: unit.slug.clone(),
            name: unit.name.clone(),
        },
    }
}

pub fn procedure_summary(
    record: &entity::procedure::Model,
) -> Result<openapi::procedures::ProcedureSummary, ApiError> {
    let definition = procedure_definition(&record.definition)?;
    Ok(openapi::procedures::ProcedureSummary {
        processing_time: definition.processing_time(),
        code: definition.code,
        name: definition.name,
        field: definition.field,
        processing_working_days: definition.processing_working_days,
        same_day: definition.same_day,
        fee: definition.fee,
        online_level: definition.online_level,
        version: record.version.max(0) as u32,
    })
}

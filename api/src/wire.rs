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

pub fn upload(model: &entity::upload::Model) -> openapi::uploads::Upload {
    openapi::uploads::Upload {
        id: model.id.clone(),
        filename: model.filename.clone(),
        content_type: model.content_type.clone(),
        size: model.size_bytes.max(0) as u64,
    }
}

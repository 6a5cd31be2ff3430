//! Unit boundaries: uploaded as GeoJSON by the unit's admin, checked, and served
//! as a Feature (a ward) or a FeatureCollection of its wards (a district).

use chrono::Utc;
use entity::{unit, unit_boundary};
use openapi::boundaries::BoundaryUpload;
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, QueryFilter, Set, TransactionSession, TransactionTrait};
use serde_json::{Value, json};

use crate::db::begin_write;
use crate::error::ApiError;
use crate::geo;
use crate::services::audit::{self, AuditEvent};
use crate::services::units;

fn feature(unit: &unit::Model, boundary: &unit_boundary::Model) -> Result<Value, ApiError> {
    let geometry: Value = serde_json::from_str(&boundary.geometry)
        .map_err(|e| anyhow::anyhow!("boundary of unit {} is unreadable: {e}", unit.id))?;
    let office = boundary
        .office_longitude
        .zip(boundary.office_latitude)
        .map(|(longitude, latitude)| json!([longitude, latitude]));
    Ok(json!({
        "type": "Feature",
        "geometry": geometry,
        "properties": {
            "slug": unit.slug,
            "name": unit.name,
            "illustrative": boundary.illustrative,
            "office": office,
        }
    }))
}

/// A ward's boundary as a Feature; for a unit with units below it, a
/// FeatureCollection of theirs (those that have one).
pub async fn show<C: ConnectionTrait>(db: &C, unit: &unit::Model) -> Result<Value, ApiError> {
    let below = units::children(db, unit.id).await?;
    if below.is_empty() {
        let boundary = unit_boundary::Entity::find_by_id(unit.id)
            .one(db)
            .await?
            .ok_or(ApiError::NotFound)?;
        return feature(unit, &boundary);
    }
    let boundaries = unit_boundary::Entity::find()
        .filter(
            unit_boundary::COLUMN
                .unit_id
                .is_in(below.iter().map(|u| u.id)),
        )
        .all(db)
        .await?;
    let mut features = Vec::new();
    for ward in &below {
        if let Some(boundary) = boundaries.iter().find(|b| b.unit_id == ward.id) {
            features.push(feature(ward, boundary)?);
        }
    }
    Ok(json!({"type": "FeatureCollection", "features": features}))
}

/// Replaces the unit's boundary after checking it; answers the stored Feature.
pub async fn save<C: TransactionTrait>(
    db: &C,
    unit: &unit::Model,
    actor: Option<i64>,
    upload: &BoundaryUpload,
) -> Result<Value, ApiError> {
    let geometry = geo::boundary("boundary", &upload.boundary).map_err(ApiError::invalid)?;
    if let Some(office) = upload.office {
        geo::point("office", office).map_err(ApiError::invalid)?;
    }
    let record = unit_boundary::ActiveModel {
        unit_id: Set(unit.id),
        geometry: Set(geometry.to_string()),
        office_longitude: Set(upload.office.map(|[longitude, _]| longitude)),
        office_latitude: Set(upload.office.map(|[_, latitude]| latitude)),
        illustrative: Set(upload.illustrative),
        updated_by: Set(actor),
        updated_at: Set(Utc::now()),
    };
    let txn = begin_write(db).await?;
    let exists = unit_boundary::Entity::find_by_id(unit.id)
        .one(&txn)
        .await?
        .is_some();
    let saved = if exists {
        record.update(&txn).await?
    } else {
        record.insert(&txn).await?
    };
    let event = AuditEvent::BoundaryUpdated {
        unit_id: unit.id,
        illustrative: upload.illustrative,
    };
    audit::record(&txn, actor, Some(unit.id), event).await?;
    txn.commit().await?;
    feature(unit, &saved)
}

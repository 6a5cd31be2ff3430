//! Every ward's procedure catalog from `api/data/procedures.json` (copied from the
//! national catalog), as version 1. A procedure a ward has already, perhaps edited
//! by its admin, is left alone.

use chrono::Utc;
use entity::{procedure, procedure_version, unit};
use openapi::procedures::ProcedureDefinition;
use openapi::units::UnitKind;
use sea_orm::prelude::*;
use sea_orm::{DatabaseConnection, QueryFilter, Set};
use serde::Deserialize;

use crate::db::begin_write;
use crate::text::fold::fold;

const PROCEDURES: &str = include_str!("../../data/procedures.json");

#[derive(Deserialize)]
struct CatalogFile {
    procedures: Vec<ProcedureDefinition>,
}

/// The catalog every ward starts from.
pub fn catalog() -> anyhow::Result<Vec<ProcedureDefinition>> {
    Ok(serde_json::from_str::<CatalogFile>(PROCEDURES)?.procedures)
}

/// The folded text the catalog is searched in.
pub fn search_text(definition: &ProcedureDefinition) -> String {
    fold(&format!(
        "{} {} {}",
        definition.code, definition.name, definition.field
    ))
}

/// Returns how many procedures were added.
pub async fn seed_procedures(db: &DatabaseConnection) -> anyhow::Result<usize> {
    let catalog = catalog()?;
    let wards = unit::Entity::find()
        .filter(unit::COLUMN.kind.eq(UnitKind::Ward.as_str()))
        .all(db)
        .await?;
    let mut added = 0;
    for ward in wards {
        for definition in &catalog {
            let existing = procedure::Entity::find()
                .filter(procedure::COLUMN.unit_id.eq(ward.id))
                .filter(procedure::COLUMN.code.eq(definition.code.as_str()))
                .one(db)
                .await?;
            if existing.is_some() {
                continue;
            }
            let now = Utc::now();
            let json = serde_json::to_string(definition)?;
            let txn = begin_write(db).await?;
            let row = procedure::ActiveModel {
                unit_id: Set(ward.id),
                code: Set(definition.code.clone()),
                name: Set(definition.name.clone()),
                field: Set(definition.field.clone()),
                online_level: Set(definition.online_level.as_str().to_owned()),
                processing_working_days: Set(i32::try_from(definition.processing_working_days)?),
                same_day: Set(definition.same_day),
                search_text: Set(search_text(definition)),
                definition: Set(json.clone()),
                version: Set(1),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            procedure_version::ActiveModel {
                procedure_id: Set(row.id),
                version: Set(1),
                definition: Set(json),
                created_by: Set(None),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            txn.commit().await?;
            added += 1;
        }
    }
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalog_reads_whole_and_birth_registration_is_same_day() {
        let catalog = catalog().unwrap();
        assert_eq!(catalog.len(), 12);
        let birth = catalog.iter().find(|p| p.code == "HT-KS").unwrap();
        assert!(birth.same_day);
        assert!(
            birth
                .form
                .iter()
                .any(|field| field.key == "birth_certificate")
        );
    }
}

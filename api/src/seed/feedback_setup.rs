//! Every ward's starting departments and feedback categories, from
//! `api/data/feedback-setup.json`; what a ward has already is left alone.

use entity::{department, feedback_category, unit};
use openapi::units::UnitKind;
use sea_orm::prelude::*;
use sea_orm::{DatabaseConnection, QueryFilter, Set};
use serde::Deserialize;

const FEEDBACK_SETUP: &str = include_str!("../../data/feedback-setup.json");

#[derive(Deserialize)]
struct SetupFile {
    departments: Vec<DepartmentRecord>,
    categories: Vec<CategoryRecord>,
}

#[derive(Deserialize)]
struct DepartmentRecord {
    slug: String,
    name: String,
}

#[derive(Deserialize)]
struct CategoryRecord {
    code: String,
    name: String,
    department: String,
}

/// Returns how many categories were added.
pub async fn seed_feedback_setup(db: &DatabaseConnection) -> anyhow::Result<usize> {
    let file: SetupFile = serde_json::from_str(FEEDBACK_SETUP)?;
    let wards = unit::Entity::find()
        .filter(unit::COLUMN.kind.eq(UnitKind::Ward.as_str()))
        .all(db)
        .await?;
    let mut added = 0;
    for ward in wards {
        let mut departments = Vec::new();
        for record in &file.departments {
            let existing = department::Entity::find()
                .filter(department::COLUMN.unit_id.eq(ward.id))
                .filter(department::COLUMN.slug.eq(record.slug.as_str()))
                .one(db)
                .await?;
            let row = match existing {
                Some(row) => row,
                None => {
                    department::ActiveModel {
                        unit_id: Set(ward.id),
                        slug: Set(record.slug.clone()),
                        name: Set(record.name.clone()),
                        ..Default::default()
                    }
                    .insert(db)
                    .await?
                }
            };
            departments.push(row);
        }
        for (order, record) in file.categories.iter().enumerate() {
            let exists = feedback_category::Entity::find()
                .filter(feedback_category::COLUMN.unit_id.eq(ward.id))
                .filter(feedback_category::COLUMN.code.eq(record.code.as_str()))
                .one(db)
                .await?
                .is_some();
            if exists {
                continue;
            }
            let department = departments.iter().find(|d| d.slug == record.department);
            feedback_category::ActiveModel {
                unit_id: Set(ward.id),
                code: Set(record.code.clone()),
                name: Set(record.name.clone()),
                default_department_id: Set(department.map(|d| d.id)),
                display_order: Set(order as i32),
                ..Default::default()
            }
            .insert(db)
            .await?;
            added += 1;
        }
    }
    Ok(added)
}

//! Seed data. Units come from `api/data/units-quan10.json` (the District 10 portal
//! and its 15 wards), compiled into the binary. Demo accounts are made only when
//! asked (`seed --demo`), with random passwords shown once.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use entity::unit;
use openapi::auth::Role;
use openapi::values::{Email, FullName, Password};
use rand::Rng;
use sea_orm::Set;
use sea_orm::prelude::*;
use sea_orm::{DatabaseConnection, QueryFilter};
use serde::Deserialize;

mod calendar;
mod demo_content;
mod demo_feedback;
mod demo_ward_info;
mod feedback_setup;
pub(crate) mod procedures;
pub use calendar::seed_calendar;
pub use demo_content::seed_demo_content;
pub use demo_feedback::seed_demo_feedback;
pub use demo_ward_info::seed_demo_ward_info;
pub use feedback_setup::seed_feedback_setup;
pub use procedures::seed_procedures;

use crate::error::ApiError;
use crate::services::accounts::{self, NewStaff};
use crate::services::units;

const UNITS_QUAN10: &str = include_str!("../data/units-quan10.json");

#[derive(Deserialize)]
struct UnitFile {
    units: Vec<UnitRecord>,
}

#[derive(Deserialize)]
struct UnitRecord {
    code: String,
    slug: String,
    name: String,
    kind: String,
    /// The parent's code, among the units listed before it.
    parent: Option<String>,
    host: String,
    valid_from: NaiveDate,
    valid_to: Option<NaiveDate>,
    address: Option<String>,
}

/// Inserts the units that are not there yet; returns how many were added.
pub async fn seed_units(db: &DatabaseConnection) -> anyhow::Result<usize> {
    let file: UnitFile = serde_json::from_str(UNITS_QUAN10)?;
    let mut ids_by_code: HashMap<String, i64> = HashMap::new();
    let mut added = 0;
    for record in file.units {
        anyhow::ensure!(
            openapi::units::UnitKind::parse(&record.kind).is_some(),
            "unknown unit kind {}",
            record.kind
        );
        let existing = unit::Entity::find()
            .filter(unit::COLUMN.slug.eq(record.slug.as_str()))
            .one(db)
            .await?;
        let id = match existing {
            Some(unit) => unit.id,
            None => {
                let parent_id = match &record.parent {
                    Some(code) => Some(*ids_by_code.get(code).ok_or_else(|| {
                        anyhow::anyhow!(
                            "unit {} names parent {code} before it is listed",
                            record.slug
                        )
                    })?),
                    None => None,
                };
                added += 1;
                unit::ActiveModel {
                    code: Set(record.code.clone()),
                    slug: Set(record.slug),
                    name: Set(record.name),
                    kind: Set(record.kind),
                    parent_id: Set(parent_id),
                    host: Set(record.host),
                    valid_from: Set(record.valid_from),
                    valid_to: Set(record.valid_to),
                    address: Set(record.address),
                    phone: Set(None),
                    email: Set(None),
                    created_at: Set(Utc::now()),
                    ..Default::default()
                }
                .insert(db)
                .await?
                .id
            }
        };
        ids_by_code.insert(record.code, id);
    }
    Ok(added)
}

/// A demo account as printed once after seeding.
pub struct DemoAccount {
    pub role: Role,
    pub unit: String,
    pub email: String,
    pub password: String,
}

const DEMO_STAFF: [(Role, &str, &str); 13] = [
    (Role::Editor, "phuong-1", "Trần Thị Mai"),
    (Role::Reviewer, "phuong-1", "Lê Văn Hùng"),
    (Role::Editor, "phuong-2", "Nguyễn Thị Lan"),
    (Role::Reviewer, "phuong-2", "Lê Thị Bích Ngọc"),
    (Role::Editor, "phuong-3", "Đỗ Văn Khoa"),
    (Role::Reviewer, "phuong-3", "Trương Minh Đức"),
    (Role::Editor, "quan-10", "Bùi Thị Thanh"),
    (Role::Reviewer, "quan-10", "Phan Quốc Việt"),
    (Role::WebOfficer, "phuong-1", "Phạm Minh Tuấn"),
    (Role::DepartmentOfficer, "phuong-1", "Võ Thị Hạnh"),
    (Role::IntakeOfficer, "phuong-1", "Đặng Quốc Bảo"),
    (Role::WardAdmin, "phuong-1", "Huỳnh Thanh Sơn"),
    (Role::DistrictAdmin, "quan-10", "Ngô Thị Thu"),
];

/// The demo account of `role` in the unit, e.g. `editor.phuong-1@demo.wardportal.vn`.
pub fn demo_email(role: Role, unit_slug: &str) -> String {
    format!(
        "{}.{unit_slug}@demo.wardportal.vn",
        role.as_str().replace('_', "-")
    )
}

/// One staff account per role for Phường 1, an editor and a reviewer for every
/// other ward and the district, and a district admin. Accounts that
/// exist already are left alone (their passwords were shown when they were made).
pub async fn seed_demo_accounts(db: &DatabaseConnection) -> anyhow::Result<Vec<DemoAccount>> {
    let mut created = Vec::new();
    for (role, unit_slug, name) in DEMO_STAFF {
        created.extend(demo_account(db, role, unit_slug, name).await?);
    }
    // Every other ward gets an editor and a reviewer too: they write and approve
    // its demo organization, spokesperson and schedule.
    let district = units::by_slug(db, "quan-10")
        .await
        .map_err(|e| anyhow::anyhow!("unit quan-10: {e}"))?;
    let wards = units::children(db, district.id)
        .await
        .map_err(|e| anyhow::anyhow!("wards of quan-10: {e}"))?;
    let name_of = demo_ward_info::people()?;
    for (index, ward) in wards.iter().enumerate() {
        for (place, role) in [(50, Role::Editor), (51, Role::Reviewer)] {
            let name = name_of(index, place);
            created.extend(demo_account(db, role, &ward.slug, &name).await?);
        }
    }
    Ok(created)
}

/// Creates the demo account of `role` in the unit unless it exists (its password
/// was shown when it was made).
async fn demo_account(
    db: &DatabaseConnection,
    role: Role,
    unit_slug: &str,
    name: &str,
) -> anyhow::Result<Option<DemoAccount>> {
    let email = demo_email(role, unit_slug);
    match accounts::find_by_login_input(db, &email).await {
        Ok(_) => return Ok(None),
        Err(ApiError::NotFound) => {}
        Err(error) => return Err(anyhow::anyhow!("looking up {email}: {error}")),
    }
    let unit = units::by_slug(db, unit_slug)
        .await
        .map_err(|e| anyhow::anyhow!("unit {unit_slug}: {e}"))?;
    let password = random_password();
    let new = NewStaff {
        account: openapi::auth::NewAccount {
            full_name: FullName::parse(name)?,
            email: Some(Email::parse(&email)?),
            phone: None,
            password: Password::parse(&password)?,
        },
        role,
        unit_id: unit.id,
    };
    accounts::create_staff(db, new)
        .await
        .map_err(|e| anyhow::anyhow!("creating {email}: {e}"))?;
    Ok(Some(DemoAccount {
        role,
        unit: unit_slug.to_owned(),
        email,
        password,
    }))
}

/// 16 characters without look-alikes (0/O, 1/l/I), easy to read off a screen.
pub fn random_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    (0..16)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect()
}

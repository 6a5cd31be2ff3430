//! Seed data. Units come from `api/data/units-quan10.json` (the District 10 portal
//! and its 15 wards), compiled into the binary. Demo accounts are made only when
//! asked (`seed --demo`), with random passwords shown once.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use entity::unit;
use openapi::auth::Role;
use openapi::content::ContentKind;
use openapi::values::{Email, FullName, Password};
use rand::Rng;
use sea_orm::Set;
use sea_orm::prelude::*;
use sea_orm::{DatabaseConnection, QueryFilter};
use serde::Deserialize;

use crate::error::ApiError;
use crate::services::accounts::{self, NewStaff};
use crate::services::{content, units};

const UNITS_QUAN10: &str = include_str!("../data/units-quan10.json");
const DEMO_ARTICLES: &str = include_str!("../data/demo-articles.json");

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

const DEMO_STAFF: [(Role, &str, &str); 7] = [
    (Role::Editor, "phuong-1", "Trần Thị Mai"),
    (Role::Reviewer, "phuong-1", "Lê Văn Hùng"),
    (Role::WebOfficer, "phuong-1", "Phạm Minh Tuấn"),
    (Role::DepartmentOfficer, "phuong-1", "Võ Thị Hạnh"),
    (Role::IntakeOfficer, "phuong-1", "Đặng Quốc Bảo"),
    (Role::WardAdmin, "phuong-1", "Huỳnh Thanh Sơn"),
    (Role::DistrictAdmin, "quan-10", "Ngô Thị Thu"),
];

/// One staff account per role for Phường 1 and a district admin. Accounts that
/// exist already are left alone (their passwords were shown when they were made).
pub async fn seed_demo_accounts(db: &DatabaseConnection) -> anyhow::Result<Vec<DemoAccount>> {
    let mut created = Vec::new();
    for (role, unit_slug, name) in DEMO_STAFF {
        let email = format!(
            "{}.{unit_slug}@demo.wardportal.vn",
            role.as_str().replace('_', "-")
        );
        match accounts::find_by_login_input(db, &email).await {
            Ok(_) => continue,
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
        created.push(DemoAccount {
            role,
            unit: unit_slug.to_owned(),
            email,
            password,
        });
    }
    Ok(created)
}

/// 16 characters without look-alikes (0/O, 1/l/I), easy to read off a screen.
pub fn random_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    (0..16)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect()
}

#[derive(Deserialize)]
struct ArticleFile {
    articles: Vec<ArticleRecord>,
}

#[derive(Deserialize)]
struct ArticleRecord {
    slug: String,
    category: String,
    title: String,
    summary: String,
    body: String,
}

/// Demo articles for Phường 1, written by its demo editor and approved by its demo
/// reviewer through the same workflow as real ones. Articles there already are
/// skipped; returns how many were published.
pub async fn seed_demo_articles(db: &DatabaseConnection) -> anyhow::Result<usize> {
    let file: ArticleFile = serde_json::from_str(DEMO_ARTICLES)?;
    let unit = units::by_slug(db, "phuong-1")
        .await
        .map_err(|e| anyhow::anyhow!("unit phuong-1: {e}"))?;
    let staff = |role: Role| async move {
        let email = format!(
            "{}.phuong-1@demo.wardportal.vn",
            role.as_str().replace('_', "-")
        );
        accounts::find_by_login_input(db, &email)
            .await
            .map_err(|e| anyhow::anyhow!("demo account {email}: {e}"))
    };
    let editor = staff(Role::Editor).await?;
    let reviewer = staff(Role::Reviewer).await?;
    let mut published = 0;
    // Oldest first, so the list shows them newest first in the file's order.
    for record in file.articles.into_iter().rev() {
        let exists = entity::content_item::Entity::find()
            .filter(entity::content_item::COLUMN.unit_id.eq(unit.id))
            .filter(entity::content_item::COLUMN.slug.eq(record.slug.as_str()))
            .one(db)
            .await?
            .is_some();
        if exists {
            continue;
        }
        let draft = openapi::content::ContentDraft {
            title: record.title,
            category: Some(record.category),
            summary: record.summary,
            body: record.body,
            details: Default::default(),
        }
        .parse(ContentKind::Article)
        .map_err(|errors| anyhow::anyhow!("demo article {}: {errors:?}", record.slug))?;
        let slug = openapi::values::Slug::parse(&record.slug)?;
        let item = content::create(db, unit.id, editor.id, ContentKind::Article, slug, draft)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        content::submit(db, &item, editor.id)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        content::approve(db, &item, reviewer.id, None, None)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        published += 1;
    }
    Ok(published)
}

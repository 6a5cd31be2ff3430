//! Demo ward information for every ward of the district: its organization, its
//! spokesperson, this week's schedule (relative to the day of seeding) and an
//! illustrative boundary on a grid; a planning document for Phường 1. People and
//! meetings are generated from `demo-ward-info.json`, clearly demo.

use chrono::{Datelike, Duration, NaiveTime};
use entity::{account, unit, unit_boundary};
use openapi::auth::Role;
use openapi::boundaries::BoundaryUpload;
use openapi::content::{ContentDetails, ContentKind, ORGANIZATION_SLUG, SPOKESPERSON_SLUG};
use openapi::legal_documents::{DocumentFields, DocumentType, Validity};
use openapi::organization::{Body, BodyKind, Member, OrganizationFields};
use openapi::planning::{PlanStatus, PlanType, PlanningFields};
use openapi::schedule::{ScheduleEntry, Week, WeekSchedule};
use openapi::spokesperson::Spokesperson;
use sea_orm::DatabaseConnection;
use sea_orm::prelude::*;
use serde::Deserialize;
use serde_json::json;

use super::demo_content::{DemoItem, demo_staff, draft, publish_once};
use crate::local_time;
use crate::services::{boundaries, units};

const DEMO_WARD_INFO: &str = include_str!("../../data/demo-ward-info.json");

#[derive(Deserialize)]
struct WardInfoFile {
    family_names: Vec<String>,
    middle_names: Vec<String>,
    given_names: Vec<String>,
    bodies: Vec<BodyTemplate>,
    schedule: Vec<EntryTemplate>,
    planning: PlanningTemplate,
}

#[derive(Deserialize)]
struct BodyTemplate {
    kind: BodyKind,
    name: String,
    functions: String,
    positions: Vec<String>,
}

#[derive(Deserialize)]
struct EntryTemplate {
    /// 1 = Monday.
    weekday: i64,
    start: NaiveTime,
    end: NaiveTime,
    content: String,
    chair: String,
    participants: String,
    location: String,
    preparing_unit: String,
}

#[derive(Deserialize)]
struct PlanningTemplate {
    unit: String,
    slug: String,
    title: String,
    summary: String,
    body: String,
    number: String,
    issuer: String,
    issued_days_ago: i64,
    zones: Vec<ZoneTemplate>,
}

#[derive(Deserialize)]
struct ZoneTemplate {
    name: String,
    land_use: String,
    /// The slice of the ward's width the zone covers, from 0 to 1.
    share: [f64; 2],
}

/// District 10's wards laid out on a 5 × 3 grid: illustrative, not surveyed.
const WEST: f64 = 106.655;
const NORTH: f64 = 10.785;
const CELL_WIDTH: f64 = 0.005;
const CELL_HEIGHT: f64 = 0.009;

fn cell(index: usize) -> (f64, f64) {
    let (column, row) = ((index % 5) as f64, (index / 5) as f64);
    (
        WEST + column * CELL_WIDTH,
        NORTH - (row + 1.0) * CELL_HEIGHT,
    )
}

fn rectangle(west: f64, south: f64, width: f64, height: f64) -> serde_json::Value {
    let (east, north) = (west + width, south + height);
    json!({"type": "Polygon", "coordinates": [[[west, south], [east, south], [east, north], [west, north], [west, south]]]})
}

impl WardInfoFile {
    /// A generated person's name, different for each ward and place.
    fn person(&self, ward: usize, place: usize) -> String {
        let pick = |list: &[String], step: usize| {
            list[(ward * step + place * 3 + step) % list.len()].clone()
        };
        format!(
            "{} {} {}",
            pick(&self.family_names, 7),
            pick(&self.middle_names, 5),
            pick(&self.given_names, 11)
        )
    }

    fn organization(&self, ward: usize, unit: &unit::Model) -> OrganizationFields {
        let mut place = 0;
        let bodies = self
            .bodies
            .iter()
            .enumerate()
            .map(|(order, template)| Body {
                kind: template.kind,
                name: template.name.replace("{unit}", &unit.name),
                functions: template.functions.clone(),
                phone: Some(format!("028 3835 {:04}", 1000 + ward * 20 + order)),
                members: template
                    .positions
                    .iter()
                    .enumerate()
                    .map(|(rank, position)| {
                        place += 1;
                        Member {
                            name: self.person(ward, place),
                            position: position.clone(),
                            phone: None,
                            email: None,
                            photo: None,
                            display_order: rank as i32,
                        }
                    })
                    .collect(),
                display_order: order as i32,
            })
            .collect();
        OrganizationFields { bodies }
    }
}

/// The ward's demo editor and reviewer, who write and approve its items.
struct Newsroom {
    editor: account::Model,
    reviewer: account::Model,
}

impl Newsroom {
    async fn of(db: &DatabaseConnection, unit: &unit::Model) -> anyhow::Result<Newsroom> {
        Ok(Newsroom {
            editor: demo_staff(db, Role::Editor, &unit.slug).await?,
            reviewer: demo_staff(db, Role::Reviewer, &unit.slug).await?,
        })
    }
}

async fn publish(
    db: &DatabaseConnection,
    unit: &unit::Model,
    newsroom: &Newsroom,
    kind: ContentKind,
    slug: String,
    title: &str,
    details: ContentDetails,
) -> anyhow::Result<bool> {
    let mut text = draft(title, "", "", unit);
    text.details = details;
    let item = DemoItem {
        kind,
        slug,
        draft: text,
    };
    publish_once(db, unit, &newsroom.editor, &newsroom.reviewer, item).await
}

/// Generated demo names, read once: `name(ward, place)` differs for each ward and
/// place.
pub fn people() -> anyhow::Result<impl Fn(usize, usize) -> String> {
    let file: WardInfoFile = serde_json::from_str(DEMO_WARD_INFO)?;
    Ok(move |ward, place| file.person(ward, place))
}

/// Publishes what is missing; returns how many items and boundaries were added.
pub async fn seed_demo_ward_info(db: &DatabaseConnection) -> anyhow::Result<usize> {
    let file: WardInfoFile = serde_json::from_str(DEMO_WARD_INFO)?;
    let district = units::by_slug(db, "quan-10")
        .await
        .map_err(|e| anyhow::anyhow!("unit quan-10: {e}"))?;
    let wards = units::children(db, district.id)
        .await
        .map_err(|e| anyhow::anyhow!("wards of quan-10: {e}"))?;
    let today = local_time::today();
    let week = Week::containing(today);
    let mut added = 0;
    for (index, ward) in wards.iter().enumerate() {
        let newsroom = Newsroom::of(db, ward).await?;
        if unit_boundary::Entity::find_by_id(ward.id)
            .one(db)
            .await?
            .is_none()
        {
            let (west, south) = cell(index);
            let upload = BoundaryUpload {
                boundary: rectangle(
                    west + 0.0002,
                    south + 0.0002,
                    CELL_WIDTH - 0.0004,
                    CELL_HEIGHT - 0.0004,
                ),
                office: Some([west + CELL_WIDTH / 2.0, south + CELL_HEIGHT / 2.0]),
                illustrative: true,
            };
            boundaries::save(db, ward, None, &upload)
                .await
                .map_err(|e| anyhow::anyhow!("boundary of {}: {e}", ward.slug))?;
            added += 1;
        }

        let organization = file.organization(index, ward);
        let chairman = organization
            .bodies
            .iter()
            .find(|body| body.kind == BodyKind::PeoplesCommittee)
            .and_then(|body| body.members.first())
            .map(|member| member.name.clone())
            .unwrap_or_default();
        let details = ContentDetails {
            organization: Some(organization),
            ..Default::default()
        };
        let slug = ORGANIZATION_SLUG.to_owned();
        added += usize::from(
            publish(
                db,
                ward,
                &newsroom,
                ContentKind::Organization,
                slug,
                "Cơ cấu tổ chức",
                details,
            )
            .await?,
        );

        let details = ContentDetails {
            spokesperson: Some(Spokesperson {
                name: chairman,
                position: format!("Chủ tịch Ủy ban nhân dân {}", ward.name),
                phone: format!("028 3835 {:04}", 1000 + index * 20),
                email: format!("phatngon.{}@demo.wardportal.vn", ward.slug),
                valid_from: today - Duration::days(365),
                valid_to: None,
            }),
            ..Default::default()
        };
        let slug = SPOKESPERSON_SLUG.to_owned();
        added += usize::from(
            publish(
                db,
                ward,
                &newsroom,
                ContentKind::Spokesperson,
                slug,
                "Người phát ngôn",
                details,
            )
            .await?,
        );

        let entries = file
            .schedule
            .iter()
            .map(|template| ScheduleEntry {
                id: String::new(),
                date: week.monday() + Duration::days(template.weekday - 1),
                start: template.start,
                end: Some(template.end),
                content: template.content.clone(),
                chair: template.chair.clone(),
                participants: template.participants.clone(),
                location: template.location.clone(),
                preparing_unit: template.preparing_unit.clone(),
            })
            .collect();
        let details = ContentDetails {
            schedule: Some(WeekSchedule { week, entries }),
            ..Default::default()
        };
        let title = format!(
            "Lịch công tác tuần {} năm {}",
            week.monday().iso_week().week(),
            week.monday().iso_week().year()
        );
        added += usize::from(
            publish(
                db,
                ward,
                &newsroom,
                ContentKind::WeeklySchedule,
                week.slug(),
                &title,
                details,
            )
            .await?,
        );
    }

    let template = &file.planning;
    if let Some(index) = wards.iter().position(|ward| ward.slug == template.unit) {
        let ward = &wards[index];
        let (west, south) = cell(index);
        let features: Vec<serde_json::Value> = template
            .zones
            .iter()
            .map(|zone| {
                let [from, to] = zone.share;
                let width = CELL_WIDTH - 0.0008;
                let geometry = rectangle(west + 0.0004 + width * from, south + 0.0004, width * (to - from), CELL_HEIGHT - 0.0008);
                json!({"type": "Feature", "properties": {"name": zone.name, "land_use": zone.land_use}, "geometry": geometry})
            })
            .collect();
        let issued_on = today - Duration::days(template.issued_days_ago);
        let mut text = draft(&template.title, &template.summary, &template.body, ward);
        text.details.planning = Some(PlanningFields {
            document: DocumentFields {
                number: template.number.clone(),
                document_type: DocumentType::QuyetDinh,
                issuer: template.issuer.clone(),
                signer: file.person(99, 1),
                issued_on,
                effective_on: Some(issued_on),
                validity: Validity::InForce,
                replaced_by: None,
                file: None,
            },
            plan_type: PlanType::Zoning,
            area_hectares: Some(48.5),
            approval_decision: format!(
                "Quyết định số {} ngày {}",
                template.number,
                issued_on.format("%d/%m/%Y")
            ),
            status: PlanStatus::Approved,
            zones: Some(json!({"type": "FeatureCollection", "features": features})),
        });
        let newsroom = Newsroom::of(db, ward).await?;
        let item = DemoItem {
            kind: ContentKind::Planning,
            slug: template.slug.clone(),
            draft: text,
        };
        added +=
            usize::from(publish_once(db, ward, &newsroom.editor, &newsroom.reviewer, item).await?);
    }
    Ok(added)
}

//! Published planning documents with their zones, per unit (a district also lists
//! its wards').

use entity::unit;
use openapi::attachments::file_url;
use openapi::content::ContentKind;
use openapi::planning::PlanningDocument;
use sea_orm::ConnectionTrait;

use crate::error::ApiError;
use crate::services::content::details_of;
use crate::services::published::live_items;
use crate::services::units;

/// Newest issue date first.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
) -> Result<Vec<PlanningDocument>, ApiError> {
    let labels = units::with_children_labels(db, unit.clone()).await?;
    let mut documents = Vec::new();
    for (item, revision) in live_items(db, labels.keys().copied(), ContentKind::Planning).await? {
        let Some(label) = labels.get(&item.unit_id) else {
            continue;
        };
        let planning = details_of(&revision)?
            .planning
            .ok_or_else(|| anyhow::anyhow!("planning revision {} has no fields", revision.id))?;
        documents.push(PlanningDocument {
            unit: label.clone(),
            slug: item.slug,
            title: revision.title,
            summary: revision.summary,
            file_url: planning.document.file.as_deref().map(file_url),
            planning,
            body_html: revision.body_html,
            published_at: revision.publish_at.unwrap_or_default().fixed_offset(),
        });
    }
    documents.sort_by(|a, b| {
        b.planning
            .document
            .issued_on
            .cmp(&a.planning.document.issued_on)
    });
    Ok(documents)
}

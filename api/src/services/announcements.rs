//! Published announcements (thông báo): current ones first of all, newest first.

use chrono::{DateTime, Utc};
use entity::{content_item, content_revision, unit};
use openapi::content::{
    Announcement, AnnouncementPage, AnnouncementSummary, ContentKind, UnitLabel,
};
use sea_orm::ConnectionTrait;

use crate::error::ApiError;
use crate::services::content::details_of;
use crate::services::published::{OffsetCursor, live_items, page_of, published};
use crate::services::units;

fn summary(
    unit: UnitLabel,
    item: &content_item::Model,
    revision: &content_revision::Model,
) -> Result<AnnouncementSummary, ApiError> {
    Ok(AnnouncementSummary {
        unit,
        slug: item.slug.clone(),
        title: revision.title.clone(),
        summary: revision.summary.clone(),
        published_at: revision.publish_at.unwrap_or_else(Utc::now).fixed_offset(),
        expires_at: details_of(revision)?.expires_at,
    })
}

fn is_current(announcement: &AnnouncementSummary, now: DateTime<Utc>) -> bool {
    announcement.expires_at.is_none_or(|at| at > now)
}

/// The unit's (for a district, also its wards') announcements, newest first; the
/// expired ones only when asked for.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    include_expired: bool,
    cursor: Option<OffsetCursor>,
    limit: usize,
) -> Result<AnnouncementPage, ApiError> {
    let labels = units::with_children_labels(db, unit.clone()).await?;
    let now = Utc::now();
    let mut all = Vec::new();
    for (item, revision) in
        live_items(db, labels.keys().copied(), ContentKind::Announcement).await?
    {
        let Some(label) = labels.get(&item.unit_id) else {
            continue;
        };
        let announcement = summary(label.clone(), &item, &revision)?;
        if include_expired || is_current(&announcement, now) {
            all.push(announcement);
        }
    }
    let (items, next_cursor) = page_of(all, cursor, limit);
    Ok(AnnouncementPage { items, next_cursor })
}

/// One published announcement, expired or not (old links keep working).
pub async fn show<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    slug: &str,
) -> Result<Announcement, ApiError> {
    let (item, published) = published(db, unit, ContentKind::Announcement, slug).await?;
    let live = published.first().ok_or(ApiError::NotFound)?;
    let label = UnitLabel {
        slug: unit.slug.clone(),
        name: unit.name.clone(),
    };
    Ok(Announcement {
        announcement: summary(label, &item, live)?,
        body_html: live.body_html.clone(),
    })
}

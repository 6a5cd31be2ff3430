//! Published articles as the public reads them: per ward, or for the district
//! portal its own and all its wards', newest first, in pages.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use entity::{account, content_item, content_revision, unit};
use openapi::attachments::file_url;
use openapi::content::{
    Article, ArticlePage, ArticleSummary, ContentKind, PublicChange, UnitLabel,
};
use sea_orm::prelude::*;
use sea_orm::{Condition, ConnectionTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::error::ApiError;
use crate::services::content::{details_of, is_live};
use crate::services::page_cursor;
use crate::services::published::published;

pub const MAX_PAGE: u64 = 100;
pub const DEFAULT_PAGE: u64 = 20;

/// Where the previous page ended: its last item's publication time and revision id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub published_at: DateTime<Utc>,
    pub revision_id: i64,
}

impl Cursor {
    pub fn encode(&self) -> String {
        page_cursor::seal(&format!(
            "{}:{}",
            self.published_at.timestamp_micros(),
            self.revision_id
        ))
    }

    pub fn decode(value: &str) -> Result<Cursor, ApiError> {
        let invalid = page_cursor::invalid;
        let text = page_cursor::open(value)?;
        let (micros, id) = text.split_once(':').ok_or_else(invalid)?;
        let published_at = DateTime::from_timestamp_micros(micros.parse().map_err(|_| invalid())?)
            .ok_or_else(invalid)?;
        Ok(Cursor {
            published_at,
            revision_id: id.parse().map_err(|_| invalid())?,
        })
    }
}

pub async fn list<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    category: Option<&str>,
    cursor: Option<Cursor>,
    limit: u64,
) -> Result<ArticlePage, ApiError> {
    let units = crate::services::units::with_children_labels(db, unit.clone()).await?;
    let mut query = content_revision::Entity::find()
        .find_also_related(content_item::Entity)
        .filter(content_item::COLUMN.unit_id.is_in(units.keys().copied()))
        .filter(content_item::COLUMN.kind.eq(ContentKind::Article.as_str()))
        .filter(content_item::COLUMN.archived_at.is_null())
        .filter(is_live(Utc::now()));
    if let Some(category) = category {
        query = query.filter(content_revision::COLUMN.category.eq(category));
    }
    if let Some(cursor) = cursor {
        query = query.filter(
            Condition::any()
                .add(content_revision::COLUMN.publish_at.lt(cursor.published_at))
                .add(
                    Condition::all()
                        .add(content_revision::COLUMN.publish_at.eq(cursor.published_at))
                        .add(content_revision::COLUMN.id.lt(cursor.revision_id)),
                ),
        );
    }
    let limit = limit.clamp(1, MAX_PAGE);
    let mut rows = query
        .order_by_desc(content_revision::COLUMN.publish_at)
        .order_by_desc(content_revision::COLUMN.id)
        .limit(limit + 1)
        .all(db)
        .await?;
    let has_more = rows.len() as u64 > limit;
    rows.truncate(limit as usize);
    let next_cursor = has_more
        .then(|| rows.last())
        .flatten()
        .and_then(|(revision, _)| {
            revision.publish_at.map(|published_at| {
                Cursor {
                    published_at,
                    revision_id: revision.id,
                }
                .encode()
            })
        });
    let items = rows
        .into_iter()
        .filter_map(|(revision, item)| {
            let item = item?;
            Some(ArticleSummary {
                unit: units.get(&item.unit_id)?.clone(),
                slug: item.slug,
                cover_image_url: cover_image_url(&revision),
                title: revision.title,
                category: revision.category,
                summary: revision.summary,
                published_at: revision.publish_at?.fixed_offset(),
            })
        })
        .collect();
    Ok(ArticlePage { items, next_cursor })
}

/// Where the revision's cover image is downloaded from, if it has one.
fn cover_image_url(revision: &content_revision::Model) -> Option<String> {
    details_of(revision)
        .ok()?
        .cover_image
        .map(|key| file_url(&key))
}

pub async fn show<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    slug: &str,
) -> Result<Article, ApiError> {
    let now = Utc::now();
    let (item, published) = published(db, unit, ContentKind::Article, slug).await?;
    let live = published.first().ok_or(ApiError::NotFound)?;
    let first = published.last().and_then(|r| r.publish_at).unwrap_or(now);
    Ok(Article {
        unit: UnitLabel {
            slug: unit.slug.clone(),
            name: unit.name.clone(),
        },
        slug: item.slug,
        title: live.title.clone(),
        category: live.category.clone(),
        summary: live.summary.clone(),
        cover_image_url: cover_image_url(live),
        body_html: live.body_html.clone(),
        published_at: live.publish_at.unwrap_or(now).fixed_offset(),
        first_published_at: first.fixed_offset(),
    })
}

/// When each revision of the article went public and who approved it.
pub async fn changes<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    slug: &str,
) -> Result<Vec<PublicChange>, ApiError> {
    let (_, published) = published(db, unit, ContentKind::Article, slug).await?;
    let reviewers: Vec<i64> = published.iter().filter_map(|r| r.reviewed_by).collect();
    let names: HashMap<i64, String> = account::Entity::find()
        .filter(account::COLUMN.id.is_in(reviewers))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.full_name))
        .collect();
    Ok(published
        .iter()
        .filter_map(|revision| {
            Some(PublicChange {
                revision: revision.number,
                published_at: revision.publish_at?.fixed_offset(),
                approved_by: revision
                    .reviewed_by
                    .and_then(|id| names.get(&id).cloned())
                    .unwrap_or_default(),
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_survives_a_round_trip() {
        let cursor = Cursor {
            published_at: DateTime::from_timestamp_micros(1_790_000_000_123_456).unwrap(),
            revision_id: 42,
        };
        assert_eq!(Cursor::decode(&cursor.encode()).unwrap(), cursor);
    }

    #[test]
    fn a_made_up_cursor_is_an_invalid_query() {
        assert!(matches!(
            Cursor::decode("khong-hop-le"),
            Err(ApiError::InvalidQuery(_))
        ));
    }
}

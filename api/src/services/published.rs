//! What every public read of content shares: one item by slug with its published
//! revisions, the live revisions of one kind for a set of units, and a cursor for lists that are filtered and ordered here rather
//! than in SQL (announcements, legal documents: tens to hundreds per ward).

use chrono::Utc;
use entity::{content_item, content_revision, unit};
use openapi::content::{ContentKind, RevisionState};
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, QueryFilter, QueryOrder};

use crate::error::ApiError;
use crate::services::content::is_live;
use crate::services::page_cursor;

/// The live revision of every item of `kind` in `unit_ids` that is not archived,
/// newest publication first.
pub async fn live_items<C: ConnectionTrait>(
    db: &C,
    unit_ids: impl IntoIterator<Item = i64>,
    kind: ContentKind,
) -> Result<Vec<(content_item::Model, content_revision::Model)>, ApiError> {
    let rows = content_revision::Entity::find()
        .find_also_related(content_item::Entity)
        .filter(content_item::COLUMN.unit_id.is_in(unit_ids))
        .filter(content_item::COLUMN.kind.eq(kind.as_str()))
        .filter(content_item::COLUMN.archived_at.is_null())
        .filter(is_live(Utc::now()))
        .order_by_desc(content_revision::COLUMN.publish_at)
        .order_by_desc(content_revision::COLUMN.id)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(revision, item)| Some((item?, revision)))
        .collect())
}

/// The item of `kind` with this slug and its published revisions whose time has
/// come, newest first; 404 when there is none.
pub async fn published<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    kind: ContentKind,
    slug: &str,
) -> Result<(content_item::Model, Vec<content_revision::Model>), ApiError> {
    let item = content_item::Entity::find()
        .filter(content_item::COLUMN.unit_id.eq(unit.id))
        .filter(content_item::COLUMN.kind.eq(kind.as_str()))
        .filter(content_item::COLUMN.slug.eq(slug))
        .filter(content_item::COLUMN.archived_at.is_null())
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)?;
    // By item only, filtered here: an item has a handful of revisions, and with the
    // state in the query SQLite chose the (state, publish_at) index and scanned
    // every published revision of the portal (benchmark: 8 req/s at 30,000).
    let now = Utc::now();
    let published: Vec<content_revision::Model> = content_revision::Entity::find()
        .filter(content_revision::COLUMN.item_id.eq(item.id))
        .order_by_desc(content_revision::COLUMN.number)
        .all(db)
        .await?
        .into_iter()
        .filter(|r| {
            r.state == RevisionState::Published.as_str() && r.publish_at.is_some_and(|at| at <= now)
        })
        .collect();
    if published.is_empty() {
        return Err(ApiError::NotFound);
    }
    Ok((item, published))
}

/// How many items of a filtered list the previous pages showed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OffsetCursor(pub usize);

impl OffsetCursor {
    pub fn encode(self) -> String {
        page_cursor::seal(&format!("o{}", self.0))
    }

    pub fn decode(value: &str) -> Result<OffsetCursor, ApiError> {
        let text = page_cursor::open(value)?;
        let offset = text.strip_prefix('o').ok_or_else(page_cursor::invalid)?;
        Ok(OffsetCursor(
            offset.parse().map_err(|_| page_cursor::invalid())?,
        ))
    }
}

/// One page of `items` after `cursor`, and the cursor of the next page if any.
pub fn page_of<T>(
    items: Vec<T>,
    cursor: Option<OffsetCursor>,
    limit: usize,
) -> (Vec<T>, Option<String>) {
    let start = cursor.map_or(0, |c| c.0);
    let total = items.len();
    let page: Vec<T> = items.into_iter().skip(start).take(limit).collect();
    let end = start + page.len();
    let next = (end < total).then(|| OffsetCursor(end).encode());
    (page, next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_follow_each_other_without_gaps() {
        let (first, next) = page_of((1..=5).collect(), None, 2);
        assert_eq!(first, vec![1, 2]);
        let cursor = OffsetCursor::decode(&next.unwrap()).unwrap();
        let (second, _) = page_of((1..=5).collect(), Some(cursor), 2);
        assert_eq!(second, vec![3, 4]);
        let (last, next) = page_of((1..=5).collect(), Some(OffsetCursor(4)), 2);
        assert_eq!((last, next), (vec![5], None));
    }

    #[test]
    fn an_article_cursor_is_not_an_offset() {
        assert!(OffsetCursor::decode("MTc5MDAwMDAwMDoxMg").is_err());
    }
}

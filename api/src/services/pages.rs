//! Published pages (giới thiệu, chức năng nhiệm vụ…): by slug, and the ward's menu.

use chrono::Utc;
use entity::unit;
use openapi::content::{ContentKind, MenuPage, PublishedPage, UnitLabel};
use sea_orm::ConnectionTrait;

use crate::error::ApiError;
use crate::services::content::details_of;
use crate::services::published::{live_items, published};

/// A published page of the unit, by its slug.
pub async fn show<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    slug: &str,
) -> Result<PublishedPage, ApiError> {
    let (item, published) = published(db, unit, ContentKind::Page, slug).await?;
    let live = published.first().ok_or(ApiError::NotFound)?;
    Ok(PublishedPage {
        unit: UnitLabel {
            slug: unit.slug.clone(),
            name: unit.name.clone(),
        },
        slug: item.slug,
        title: live.title.clone(),
        summary: live.summary.clone(),
        body_html: live.body_html.clone(),
        published_at: live.publish_at.unwrap_or_else(Utc::now).fixed_offset(),
    })
}

/// The unit's published pages that have a place in its menu, in menu order.
pub async fn menu<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
) -> Result<Vec<MenuPage>, ApiError> {
    let mut menu = Vec::new();
    for (item, revision) in live_items(db, [unit.id], ContentKind::Page).await? {
        if let Some(menu_order) = details_of(&revision)?.menu_order {
            menu.push(MenuPage {
                slug: item.slug,
                title: revision.title,
                menu_order,
            });
        }
    }
    menu.sort_by(|a, b| a.menu_order.cmp(&b.menu_order).then(a.title.cmp(&b.title)));
    Ok(menu)
}

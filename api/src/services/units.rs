//! The unit tree: lookups by slug and host, ancestry, lineage, and site resolution.

use std::collections::HashMap;

use entity::{unit, unit_lineage};
use openapi::content::UnitLabel;
use openapi::units::{Site, SiteLink, UnitDetail, UnitLineage, UnitNode};
use sea_orm::Set;
use sea_orm::{ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder, prelude::*};

use crate::error::ApiError;
use crate::site::{HostName, SiteKey};
use crate::wire;

/// A unit and the ids of every unit above it: what authorization checks need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitScope {
    pub id: i64,
    pub ancestor_ids: Vec<i64>,
}

pub async fn by_slug<C: ConnectionTrait>(db: &C, slug: &str) -> Result<unit::Model, ApiError> {
    unit::Entity::find()
        .filter(unit::COLUMN.slug.eq(slug))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)
}

/// The ancestors of `unit`, root first.
pub async fn ancestors<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
) -> Result<Vec<unit::Model>, ApiError> {
    let mut chain = Vec::new();
    let mut parent_id = unit.parent_id;
    while let Some(id) = parent_id {
        let parent = unit::Entity::find_by_id(id)
            .one(db)
            .await?
            .ok_or_else(|| anyhow::anyhow!("unit {id} is a parent but does not exist"))?;
        parent_id = parent.parent_id;
        chain.push(parent);
        if chain.len() > 16 {
            return Err(anyhow::anyhow!("unit tree has a cycle above unit {}", unit.id).into());
        }
    }
    chain.reverse();
    Ok(chain)
}

pub async fn scope<C: ConnectionTrait>(
    db: &C,
    slug: &str,
) -> Result<(unit::Model, UnitScope), ApiError> {
    let unit = by_slug(db, slug).await?;
    let ancestor_ids = ancestors(db, &unit).await?.iter().map(|u| u.id).collect();
    let scope = UnitScope {
        id: unit.id,
        ancestor_ids,
    };
    Ok((unit, scope))
}

/// The units directly below `unit_id`, in the order they were registered.
pub async fn children<C: ConnectionTrait>(
    db: &C,
    unit_id: i64,
) -> Result<Vec<unit::Model>, ApiError> {
    Ok(unit::Entity::find()
        .filter(unit::COLUMN.parent_id.eq(unit_id))
        .order_by_asc(unit::COLUMN.id)
        .all(db)
        .await?)
}

/// Labels of a unit and of the units directly below it, by id: what a portal
/// lists beside its own content.
pub async fn with_children_labels<C: ConnectionTrait>(
    db: &C,
    unit: unit::Model,
) -> Result<HashMap<i64, UnitLabel>, ApiError> {
    let below = children(db, unit.id).await?;
    Ok(std::iter::once(unit)
        .chain(below)
        .map(|u| {
            (
                u.id,
                UnitLabel {
                    slug: u.slug,
                    name: u.name,
                },
            )
        })
        .collect())
}

/// Every unit as a tree of roots, children in the order they were registered.
pub async fn tree<C: ConnectionTrait>(db: &C) -> Result<Vec<UnitNode>, ApiError> {
    let units = unit::Entity::find()
        .order_by_asc(unit::COLUMN.id)
        .all(db)
        .await?;
    let slugs: HashMap<i64, String> = units.iter().map(|u| (u.id, u.slug.clone())).collect();
    let mut by_parent: HashMap<Option<i64>, Vec<&unit::Model>> = HashMap::new();
    for unit in &units {
        by_parent.entry(unit.parent_id).or_default().push(unit);
    }
    fn build(
        unit: &unit::Model,
        by_parent: &HashMap<Option<i64>, Vec<&unit::Model>>,
        slugs: &HashMap<i64, String>,
    ) -> UnitNode {
        let children = by_parent
            .get(&Some(unit.id))
            .map(|kids| {
                kids.iter()
                    .map(|kid| build(kid, by_parent, slugs))
                    .collect()
            })
            .unwrap_or_default();
        let parent_slug = unit.parent_id.and_then(|id| slugs.get(&id).cloned());
        UnitNode {
            unit: wire::unit(unit, parent_slug),
            children,
        }
    }
    Ok(by_parent
        .get(&None)
        .map(|roots| {
            roots
                .iter()
                .map(|root| build(root, &by_parent, &slugs))
                .collect()
        })
        .unwrap_or_default())
}

pub async fn detail<C: ConnectionTrait>(db: &C, slug: &str) -> Result<UnitDetail, ApiError> {
    let unit = by_slug(db, slug).await?;
    let ancestors = ancestors(db, &unit).await?;
    let children = children(db, unit.id).await?;
    let parent_slug = ancestors.last().map(|p| p.slug.clone());
    let lineage = unit_lineage::Entity::find()
        .filter(
            unit_lineage::COLUMN
                .predecessor_id
                .eq(unit.id)
                .or(unit_lineage::COLUMN.successor_id.eq(unit.id)),
        )
        .order_by_asc(unit_lineage::COLUMN.id)
        .all(db)
        .await?;
    let mut predecessors = Vec::new();
    let mut successors = Vec::new();
    for link in lineage {
        let wire_link = lineage_link(db, &link).await?;
        if link.successor_id == unit.id {
            predecessors.push(wire_link);
        } else {
            successors.push(wire_link);
        }
    }
    Ok(UnitDetail {
        spokesperson: crate::services::spokesperson::current(db, &unit).await?,
        ancestors: with_parents(&ancestors),
        children: children
            .iter()
            .map(|c| wire::unit(c, Some(unit.slug.clone())))
            .collect(),
        unit: wire::unit(&unit, parent_slug),
        predecessors,
        successors,
    })
}

async fn lineage_link<C: ConnectionTrait>(
    db: &C,
    link: &unit_lineage::Model,
) -> Result<UnitLineage, ApiError> {
    let slug_of = |id: i64| async move {
        unit::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|u| u.slug)
            .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("lineage names missing unit {id}")))
    };
    wire::lineage(
        link,
        slug_of(link.predecessor_id).await?,
        slug_of(link.successor_id).await?,
    )
}

/// Ancestors (root first) as wire units, each naming its own parent.
fn with_parents(ancestors: &[unit::Model]) -> Vec<openapi::units::Unit> {
    ancestors
        .iter()
        .enumerate()
        .map(|(i, u)| wire::unit(u, i.checked_sub(1).map(|p| ancestors[p].slug.clone())))
        .collect()
}

/// Records that `successor` took over all or part of `predecessor`.
pub async fn record_lineage<C: ConnectionTrait>(
    db: &C,
    predecessor: &str,
    successor: &str,
    kind: openapi::units::LineageKind,
    effective_on: Date,
) -> Result<(), ApiError> {
    let predecessor = by_slug(db, predecessor).await?;
    let successor = by_slug(db, successor).await?;
    unit_lineage::ActiveModel {
        predecessor_id: Set(predecessor.id),
        successor_id: Set(successor.id),
        kind: Set(wire::lineage_kind_name(kind).to_owned()),
        effective_on: Set(effective_on),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The portal shown on a bare base domain: the configured unit, else the first root.
async fn portal<C: ConnectionTrait>(
    db: &C,
    configured: Option<&str>,
) -> Result<Option<unit::Model>, ApiError> {
    if let Some(slug) = configured {
        return Ok(Some(by_slug(db, slug).await?));
    }
    Ok(unit::Entity::find()
        .filter(unit::COLUMN.parent_id.is_null())
        .order_by_asc(unit::COLUMN.id)
        .one(db)
        .await?)
}

/// The site for a request's host header, with links that stay on the same kind of
/// host: `{slug}.localhost:8080` links to its siblings the same way, a public
/// host to the public hosts.
pub async fn resolve_site<C: ConnectionTrait>(
    db: &C,
    host: &str,
    scheme: &str,
    base_domains: &[String],
    portal_unit: Option<&str>,
) -> Result<Site, ApiError> {
    let parsed = HostName::parse(host);
    let by_host = unit::Entity::find()
        .filter(unit::COLUMN.host.eq(parsed.name.as_str()))
        .one(db)
        .await?;
    let key = crate::site::classify(&parsed, base_domains);
    let unknown = || ApiError::UnknownSite(parsed.name.clone());
    let (unit, base) = match (by_host, key) {
        (Some(unit), _) => (unit, None),
        (None, SiteKey::Slug { slug, base }) => {
            (by_slug(db, &slug).await.map_err(|_| unknown())?, Some(base))
        }
        (None, SiteKey::Portal { base }) => (
            portal(db, portal_unit).await?.ok_or_else(unknown)?,
            Some(base),
        ),
        (None, SiteKey::Host) => return Err(unknown()),
    };
    let ancestors = ancestors(db, &unit).await?;
    let children = children(db, unit.id).await?;
    let port = parsed.port.map(|p| format!(":{p}")).unwrap_or_default();
    let links = children
        .iter()
        .map(|child| {
            let child_host = match &base {
                Some(base) => format!("{}.{base}{port}", child.slug),
                None => child.host.clone(),
            };
            SiteLink {
                slug: child.slug.clone(),
                name: child.name.clone(),
                kind: wire::unit_kind(&child.kind),
                url: format!("{scheme}://{child_host}/"),
            }
        })
        .collect();
    Ok(Site {
        is_portal: !children.is_empty(),
        unit: wire::unit(&unit, ancestors.last().map(|p| p.slug.clone())),
        ancestors: with_parents(&ancestors),
        children: links,
    })
}

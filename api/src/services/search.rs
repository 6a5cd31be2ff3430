//! Search over published content. Each revision stores its text folded (no case,
//! no diacritics); a query is folded the same way and every word must appear, so
//! SQLite and PostgreSQL give the same answers with a plain `LIKE`. Ranking is done
//! here: words in the title count more than words in the text, newer breaks ties.

use std::collections::HashMap;

use chrono::Utc;
use entity::{content_item, content_revision, unit};
use openapi::FieldError;
use openapi::content::{ContentKind, UnitLabel};
use openapi::search::{SearchHit, SearchResults};
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::error::ApiError;
use crate::services::content::is_live;
use crate::text::fold;

/// How many candidates are ranked; the newest this many matches.
const CANDIDATES: u64 = 500;
pub const MAX_HITS: usize = 50;
const SNIPPET_CHARS: usize = 200;

/// The units searched: all, or one unit and the units directly below it.
async fn scope<C: ConnectionTrait>(
    db: &C,
    unit_slug: Option<&str>,
) -> Result<HashMap<i64, UnitLabel>, ApiError> {
    match unit_slug {
        None => Ok(unit::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|u| {
                (
                    u.id,
                    UnitLabel {
                        slug: u.slug,
                        name: u.name,
                    },
                )
            })
            .collect()),
        Some(slug) => {
            let unit = crate::services::units::by_slug(db, slug).await?;
            crate::services::units::with_children_labels(db, unit).await
        }
    }
}

fn score(title: &str, search_text: &str, terms: &[String]) -> usize {
    let title = fold::fold(title);
    terms
        .iter()
        .map(|term| {
            3 * usize::from(title.contains(term.as_str()))
                + search_text.matches(term.as_str()).count().min(5)
        })
        .sum()
}

pub async fn search<C: ConnectionTrait>(
    db: &C,
    query: &str,
    unit_slug: Option<&str>,
    limit: usize,
) -> Result<SearchResults, ApiError> {
    let terms = fold::terms(query);
    if terms.is_empty() {
        return Err(ApiError::invalid(FieldError::new(
            "q",
            "required",
            "Vui lòng nhập từ khóa tìm kiếm",
        )));
    }
    let units = scope(db, unit_slug).await?;
    let mut candidates = content_revision::Entity::find()
        .find_also_related(content_item::Entity)
        .filter(content_item::COLUMN.unit_id.is_in(units.keys().copied()))
        .filter(content_item::COLUMN.archived_at.is_null())
        .filter(is_live(Utc::now()));
    for term in &terms {
        candidates =
            candidates.filter(content_revision::COLUMN.search_text.contains(term.as_str()));
    }
    let rows = candidates
        .order_by_desc(content_revision::COLUMN.publish_at)
        .limit(CANDIDATES)
        .all(db)
        .await?;
    let mut ranked: Vec<(usize, SearchHit)> = rows
        .into_iter()
        .filter_map(|(revision, item)| {
            let item = item?;
            let snippet_source = if revision.summary.is_empty() {
                &revision.body_markdown
            } else {
                &revision.summary
            };
            let hit = SearchHit {
                kind: ContentKind::parse(&item.kind)?,
                unit: units.get(&item.unit_id)?.clone(),
                slug: item.slug,
                snippet: fold::highlight(snippet_source, &terms, SNIPPET_CHARS),
                published_at: revision.publish_at?.fixed_offset(),
                title: revision.title.clone(),
            };
            Some((score(&revision.title, &revision.search_text, &terms), hit))
        })
        .collect();
    // Stable: among equal scores the newer (fetched first) stays first.
    ranked.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    Ok(SearchResults {
        terms,
        hits: ranked
            .into_iter()
            .take(limit.clamp(1, MAX_HITS))
            .map(|(_, hit)| hit)
            .collect(),
    })
}

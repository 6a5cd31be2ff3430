//! Feedback as the public reads it once the ward published it: the texts redacted
//! and fixed at approval, the reply, never a contact or a name. A district lists its
//! wards' feedback; search folds case and diacritics like the content search.

use entity::{department, feedback, unit};
use openapi::feedback_workflow::{
    PublishedFeedback, PublishedFeedbackPage, PublishedFeedbackSummary,
};
use sea_orm::prelude::*;
use sea_orm::{Condition, ConnectionTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::error::ApiError;
use crate::services::feedback_staff::categories;
use crate::services::page_cursor::{TimeCursor, TimeList};
use crate::services::units;
use crate::text::fold;

/// Published and meant to be public. A published feedback closed later stays.
fn published() -> Condition {
    Condition::all()
        .add(feedback::COLUMN.public.eq(true))
        .add(feedback::COLUMN.published_at.is_not_null())
}

/// The unit's (and for a district its wards') published feedback, newest first;
/// with `query`, only those whose public texts hold every word of it.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    query: Option<&str>,
    cursor: Option<TimeCursor>,
    limit: u64,
) -> Result<PublishedFeedbackPage, ApiError> {
    let labels = units::with_children_labels(db, unit.clone()).await?;
    let mut select = feedback::Entity::find()
        .filter(feedback::COLUMN.unit_id.is_in(labels.keys().copied()))
        .filter(published());
    for term in fold::terms(query.unwrap_or_default()) {
        select = select.filter(feedback::COLUMN.search_text.contains(term.as_str()));
    }
    if let Some(cursor) = cursor {
        select = select.filter(cursor.older(feedback::Column::PublishedAt, feedback::Column::Id));
    }
    let mut rows = select
        .order_by_desc(feedback::COLUMN.published_at)
        .order_by_desc(feedback::COLUMN.id)
        .limit(limit + 1)
        .all(db)
        .await?;
    let has_more = rows.len() as u64 > limit;
    rows.truncate(limit as usize);
    let next_cursor = has_more.then(|| rows.last()).flatten().and_then(|last| {
        last.published_at
            .map(|at| TimeCursor { at, id: last.id }.encode(TimeList::Feedback))
    });
    let categories = categories(db, rows.iter().map(|r| r.category_id)).await?;
    let items = rows
        .into_iter()
        .filter_map(|record| {
            Some(PublishedFeedbackSummary {
                unit: labels.get(&record.unit_id)?.clone(),
                category: categories.get(&record.category_id)?.clone(),
                title: record.public_title?,
                received_at: record.received_at.fixed_offset(),
                published_at: record.published_at?.fixed_offset(),
                code: record.code,
            })
        })
        .collect();
    Ok(PublishedFeedbackPage { items, next_cursor })
}

/// One published feedback of the unit (or of a ward of the district), by code.
pub async fn show<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    code: &str,
) -> Result<PublishedFeedback, ApiError> {
    let labels = units::with_children_labels(db, unit.clone()).await?;
    let record = feedback::Entity::find()
        .filter(feedback::COLUMN.unit_id.is_in(labels.keys().copied()))
        .filter(feedback::COLUMN.code.eq(code.trim().to_uppercase()))
        .filter(published())
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)?;
    let category = categories(db, [record.category_id])
        .await?
        .remove(&record.category_id)
        .ok_or_else(|| anyhow::anyhow!("feedback {} without category", record.id))?;
    let department = match record.department_id {
        Some(id) => department::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|d| d.name),
        None => None,
    };
    let missing = || {
        ApiError::from(anyhow::anyhow!(
            "published feedback {} lacks its public texts",
            record.id
        ))
    };
    Ok(PublishedFeedback {
        unit: labels.get(&record.unit_id).cloned().ok_or_else(missing)?,
        category,
        title: record.public_title.clone().ok_or_else(missing)?,
        content: record.public_content.clone().ok_or_else(missing)?,
        reply: record.public_reply.clone().ok_or_else(missing)?,
        department,
        received_at: record.received_at.fixed_offset(),
        answered_at: record.answered_at.map(|at| at.fixed_offset()),
        published_at: record.published_at.ok_or_else(missing)?.fixed_offset(),
        code: record.code.clone(),
    })
}

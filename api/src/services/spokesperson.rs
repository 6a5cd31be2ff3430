//! The unit's spokesperson: the live revision of its one spokesperson item, and the
//! earlier published revisions as the history.

use entity::unit;
use openapi::content::{ContentKind, SPOKESPERSON_SLUG};
use openapi::spokesperson::{Spokesperson, SpokespersonRecord};
use sea_orm::ConnectionTrait;

use crate::error::ApiError;
use crate::local_time;
use crate::services::content::details_of;
use crate::services::published::published;

pub async fn record<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
) -> Result<SpokespersonRecord, ApiError> {
    let revisions = match published(db, unit, ContentKind::Spokesperson, SPOKESPERSON_SLUG).await {
        Ok((_, revisions)) => revisions,
        Err(ApiError::NotFound) => Vec::new(),
        Err(error) => return Err(error),
    };
    let mut history: Vec<Spokesperson> = Vec::new();
    for revision in &revisions {
        if let Some(person) = details_of(revision)?.spokesperson
            && history.last() != Some(&person)
        {
            history.push(person);
        }
    }
    let today = local_time::today();
    let current = history
        .first()
        .filter(|person| person.is_in_office(today))
        .cloned();
    Ok(SpokespersonRecord { current, history })
}

/// Who speaks for the unit today, for every page of its site.
pub async fn current<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
) -> Result<Option<Spokesperson>, ApiError> {
    Ok(record(db, unit).await?.current)
}

//! The intake inbox's live signal, read from the database on every tick of each
//! open stream: dossiers may be filed through any server process, and the database
//! is the one place that sees them all.

use entity::dossier;
use openapi::dossier_inbox::InboxSignal;
use openapi::dossiers::DossierStatus;
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, QueryFilter, QueryOrder};

use crate::error::ApiError;
use crate::services::dossier_inbox;

pub async fn signal<C: ConnectionTrait>(db: &C, unit_id: i64) -> Result<InboxSignal, ApiError> {
    // The same counts as the inbox's badges, so the two never disagree.
    let waiting = dossier_inbox::counts(db, unit_id)
        .await?
        .into_iter()
        .filter(|count| {
            matches!(
                count.status,
                DossierStatus::Submitted | DossierStatus::Resubmitted
            )
        })
        .map(|count| count.count)
        .sum();
    let newest = dossier::Entity::find()
        .filter(dossier::COLUMN.unit_id.eq(unit_id))
        .order_by_desc(dossier::COLUMN.id)
        .one(db)
        .await?;
    let changed = dossier::Entity::find()
        .filter(dossier::COLUMN.unit_id.eq(unit_id))
        .order_by_desc(dossier::COLUMN.updated_at)
        .one(db)
        .await?;
    Ok(InboxSignal {
        waiting,
        newest_code: newest.as_ref().map(|dossier| dossier.code.clone()),
        newest_submitted_at: newest.map(|dossier| dossier.submitted_at),
        changed_at: changed.map(|dossier| dossier.updated_at),
    })
}

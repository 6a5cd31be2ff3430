//! Staff endpoints of content with editorial review. Editors write and submit;
//! reviewers approve, return or archive; nobody reviews their own revision.

use actix_web::web;
use entity::{content_item, unit};
use openapi::auth::Role;
use openapi::content::StaffContentItem;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::services::{content, units};
use crate::state::AppState;

mod approve;
mod archive;
mod create;
mod diff;
mod history;
mod list;
mod preview;
mod restore;
mod return_to_author;
mod review_queue;
mod save_draft;
mod show;
mod submit;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create::create)
        .service(list::list)
        .service(review_queue::review_queue)
        .service(show::show)
        .service(save_draft::save_draft)
        .service(submit::submit)
        .service(approve::approve)
        .service(return_to_author::return_to_author)
        .service(archive::archive)
        .service(history::history)
        .service(diff::diff)
        .service(restore::restore)
        .service(preview::preview);
}

pub const WRITERS: [Role; 1] = [Role::Editor];
pub const REVIEWERS: [Role; 1] = [Role::Reviewer];
pub const READERS: [Role; 2] = [Role::Editor, Role::Reviewer];

/// The unit and the item, once the caller is known to hold one of `roles` there.
async fn scoped_item(
    state: &AppState,
    user: &CurrentUser,
    slug: &str,
    item_id: i64,
    roles: &[Role],
) -> Result<(unit::Model, content_item::Model), ApiError> {
    let (unit, scope) = units::scope(&state.db, slug).await?;
    require_role(user, roles, &scope)?;
    let item = content::item(&state.db, unit.id, item_id).await?;
    Ok((unit, item))
}

/// The item as it stands after an action.
async fn view_after(
    state: &AppState,
    unit: &unit::Model,
    item_id: i64,
) -> Result<web::Json<StaffContentItem>, ApiError> {
    let item = content::item(&state.db, unit.id, item_id).await?;
    Ok(web::Json(
        content::staff_view(&state.db, &unit.slug, &item).await?,
    ))
}

//! What happens to a dossier after filing: the intake officer's decision, the
//! processing, the result, the apology when late, and the citizen's answers,
//! withdrawal and rating. Each action answers the dossier after it.
//!
//! The paths name the dossier by its code alone, so the ward is the dossier's:
//! staff of another ward and citizens other than the owner get 404, as if it did
//! not exist.

use actix_web::web;
use entity::{dossier, unit};
use openapi::dossier_workflow::DossierAction;
use openapi::dossiers::Dossier;
use sea_orm::EntityTrait;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::services::actor::Actor;
use crate::services::dossier_reads::{self, Reader, StaffMember};
use crate::services::units;
use crate::state::AppState;

mod accept;
mod apologize;
mod assign;
mod rate;
mod refuse;
mod request_supplement;
mod resubmit;
mod result_ready;
mod return_result;
mod withdraw;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(accept::accept)
        .service(request_supplement::request_supplement)
        .service(refuse::refuse)
        .service(assign::assign)
        .service(result_ready::result_ready)
        .service(return_result::return_result)
        .service(apologize::apologize)
        .service(resubmit::resubmit)
        .service(withdraw::withdraw)
        .service(rate::rate);
}

/// A dossier and the member of its ward's staff acting on it.
struct Staffed {
    record: dossier::Model,
    member: StaffMember,
}

impl Staffed {
    fn actor(&self) -> Actor {
        Actor {
            account_id: self.member.account_id,
            district_wide: self.member.district_wide,
        }
    }
}

/// The dossier `code`, once the caller is known to hold a role in its ward that
/// takes `action` (or to be a district admin above it).
async fn staffed(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
    action: DossierAction,
) -> Result<Staffed, ApiError> {
    let record = dossier_reads::by_code(&state.db, code).await?;
    let unit = unit::Entity::find_by_id(record.unit_id)
        .one(&state.db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("unit {} vanished", record.unit_id))?;
    let (_, scope) = units::scope(&state.db, &unit.slug).await?;
    require_role(user, action.roles(), &scope)?;
    let member =
        StaffMember::of(user.account.id, &user.grants, &scope).ok_or(ApiError::Forbidden)?;
    Ok(Staffed { record, member })
}

/// The dossier `code` if the caller filed it; anyone else gets 404.
async fn owned(
    state: &AppState,
    user: &CurrentUser,
    code: &str,
) -> Result<dossier::Model, ApiError> {
    let record = dossier_reads::by_code(&state.db, code).await?;
    if record.applicant_id == user.account.id {
        Ok(record)
    } else {
        Err(ApiError::NotFound)
    }
}

/// The dossier as `reader` sees it after an action.
async fn answer(
    state: &AppState,
    record: &dossier::Model,
    reader: &Reader,
) -> Result<web::Json<Dossier>, ApiError> {
    Ok(web::Json(
        dossier_reads::dossier(&state.db, record, reader).await?,
    ))
}

/// The dossier after a staff action, as the one who took it sees it.
async fn answer_staff(
    state: &AppState,
    record: &dossier::Model,
    staffed: Staffed,
) -> Result<web::Json<Dossier>, ApiError> {
    answer(state, record, &Reader::Staff(staffed.member)).await
}

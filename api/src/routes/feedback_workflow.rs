//! Staff handling of feedback: the queues, one feedback in full, the redaction
//! preview and the workflow's actions. Each action answers the feedback after it.

use actix_web::web;
use entity::{feedback, unit};
use openapi::auth::Role;
use openapi::feedback_workflow::StaffFeedback;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::services::actor::Actor;
use crate::services::feedback_staff::{self, Capabilities};
use crate::services::feedback_workflow;
use crate::services::units::{self, UnitScope};
use crate::state::AppState;

mod answer;
mod approve;
mod close;
mod forward;
mod publish;
mod queue;
mod redaction;
mod reject;
mod return_to_department;
mod staff_view;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(queue::queue)
        .service(staff_view::staff_view)
        .service(redaction::redaction)
        .service(forward::forward)
        .service(answer::answer)
        .service(return_to_department::return_to_department)
        .service(approve::approve)
        .service(publish::publish)
        .service(reject::reject)
        .service(close::close);
}

pub const WEB_OFFICERS: [Role; 1] = [Role::WebOfficer];
pub const REVIEWERS: [Role; 1] = [Role::Reviewer];
pub const DEPARTMENT_OFFICERS: [Role; 1] = [Role::DepartmentOfficer];
/// Who reads a feedback in full (department officers only their departments').
pub const STAFF: [Role; 3] = [Role::WebOfficer, Role::Reviewer, Role::DepartmentOfficer];
/// Who sees what the automatic redaction hides.
pub const REDACTORS: [Role; 2] = [Role::Reviewer, Role::WebOfficer];

/// The caller in the unit: who acts, and with which of the feedback roles.
fn caller(user: &CurrentUser, scope: &UnitScope) -> (Actor, Capabilities) {
    let holds = |role: Role| require_role(user, &[role], scope).is_ok();
    let actor = Actor {
        account_id: user.account.id,
        district_wide: holds(Role::DistrictAdmin),
    };
    let caps = Capabilities {
        web_officer: holds(Role::WebOfficer),
        reviewer: holds(Role::Reviewer),
        department_officer: holds(Role::DepartmentOfficer),
    };
    (actor, caps)
}

/// A feedback of the unit, once the caller is known to hold one of `roles` there.
struct Scoped {
    unit: unit::Model,
    record: feedback::Model,
    actor: Actor,
    caps: Capabilities,
}

async fn scoped(
    state: &AppState,
    user: &CurrentUser,
    slug: &str,
    code: &str,
    roles: &[Role],
) -> Result<Scoped, ApiError> {
    let (unit, scope) = units::scope(&state.db, slug).await?;
    require_role(user, roles, &scope)?;
    let record = feedback_workflow::find(&state.db, unit.id, code).await?;
    let (actor, caps) = caller(user, &scope);
    Ok(Scoped {
        unit,
        record,
        actor,
        caps,
    })
}

/// The feedback as it stands after an action.
async fn view_after(
    state: &AppState,
    scoped: &Scoped,
) -> Result<web::Json<StaffFeedback>, ApiError> {
    let record = feedback_workflow::find(&state.db, scoped.unit.id, &scoped.record.code).await?;
    Ok(web::Json(
        feedback_staff::detail(&state.db, &scoped.unit, &record, scoped.caps, scoped.actor).await?,
    ))
}

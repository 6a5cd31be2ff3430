//! The thread of a feedback: the unit's staff read it whole and write public
//! messages or internal notes; the citizen writes public messages.

use entity::{feedback, unit};
use openapi::auth::Role;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::services::feedback_thread::{self, StaffReader};
use crate::services::units;
use crate::state::AppState;

mod list;
mod post;
mod reply;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list)
        .service(post::post)
        .service(reply::reply);
}

/// Roles that see every feedback of their unit (district admins above it too).
pub const WHOLE_UNIT: [Role; 3] = [Role::WebOfficer, Role::Reviewer, Role::WardAdmin];
/// Roles that see feedback of their unit: a department officer only what is
/// assigned to their department.
pub const FEEDBACK_STAFF: [Role; 4] = [
    Role::WebOfficer,
    Role::Reviewer,
    Role::WardAdmin,
    Role::DepartmentOfficer,
];

/// The unit `slug` and its feedback `code`, if the caller may see it.
async fn scoped_feedback(
    state: &AppState,
    user: &CurrentUser,
    slug: &str,
    code: &str,
) -> Result<(unit::Model, feedback::Model), ApiError> {
    let (unit, scope) = units::scope(&state.db, slug).await?;
    require_role(user, &FEEDBACK_STAFF, &scope)?;
    let reader = if require_role(user, &WHOLE_UNIT, &scope).is_ok() {
        StaffReader::WholeUnit
    } else {
        StaffReader::Department {
            account_id: user.account.id,
        }
    };
    let record = feedback_thread::staff_feedback(&state.db, &unit, code, reader).await?;
    Ok((unit, record))
}

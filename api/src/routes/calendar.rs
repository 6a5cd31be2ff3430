//! The working-day calendar deadlines are counted on: read by anyone, kept by the
//! district's admins (proposal of a coming year, days added, changed or removed,
//! confirmation of the year).

use openapi::auth::Role;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::calendar_admin::CalendarAdmin;

mod confirm;
mod propose;
mod remove_day;
mod set_day;
mod show;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(show::show)
        .service(propose::propose)
        .service(set_day::set_day)
        .service(remove_day::remove_day)
        .service(confirm::confirm);
}

/// The calendar is one for the whole district and public to read, so there is no
/// unit to hide: a district admin keeps it, every other signed-in caller gets 403.
pub fn require_calendar_admin(user: &CurrentUser) -> Result<CalendarAdmin, ApiError> {
    user.grants
        .iter()
        .find(|grant| grant.role == Role::DistrictAdmin)
        .map(|grant| CalendarAdmin {
            account_id: user.account.id,
            unit_id: grant.unit_id,
        })
        .ok_or(ApiError::Forbidden)
}

//! A ward's procedure catalog: public reads, the appointment date a procedure would
//! give, a ward admin's edit, and earlier versions for the staff.

use openapi::auth::Role;
use utoipa_actix_web::service_config::ServiceConfig;

mod appointment;
mod list;
mod show;
mod show_version;
mod update;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list)
        .service(show::show)
        .service(appointment::appointment)
        .service(update::update)
        .service(show_version::show_version);
}

/// Who edits a ward's catalog: its ward admins, and district admins above it.
const EDITORS: [Role; 2] = [Role::WardAdmin, Role::DistrictAdmin];

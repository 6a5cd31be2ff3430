//! Dossier statistics for staff.

use utoipa_actix_web::service_config::ServiceConfig;

mod for_period;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(for_period::for_period);
}

//! The working-day calendar deadlines are counted on.

use utoipa_actix_web::service_config::ServiceConfig;

mod show;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(show::show);
}

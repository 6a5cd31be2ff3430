//! The unit's spokesperson: the public contract.

use utoipa_actix_web::service_config::ServiceConfig;

mod show;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(show::show);
}

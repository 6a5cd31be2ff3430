//! Published planning information: the public contract.

use utoipa_actix_web::service_config::ServiceConfig;

mod list;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list);
}

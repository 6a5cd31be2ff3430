//! Files sent ahead of a form, which then refers to them by id.

use utoipa_actix_web::service_config::ServiceConfig;

mod upload;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(upload::upload);
}

//! The staff inbox of a ward's dossiers.

use utoipa_actix_web::service_config::ServiceConfig;

mod inbox;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(inbox::inbox);
}

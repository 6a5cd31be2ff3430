//! Downloading stored files, always as attachments.

use utoipa_actix_web::service_config::ServiceConfig;

mod download;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(download::download);
}

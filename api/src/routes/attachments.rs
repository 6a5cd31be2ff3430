//! Uploading files for a unit's content (cover images, pictures, documents' full text).

use utoipa_actix_web::service_config::ServiceConfig;

mod upload;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(upload::upload);
}

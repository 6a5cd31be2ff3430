//! Unit boundaries (GeoJSON) for the ward and district maps.

use utoipa_actix_web::service_config::ServiceConfig;

mod show;
mod update;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(show::show).service(update::update);
}

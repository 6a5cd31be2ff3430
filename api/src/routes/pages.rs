//! Published pages (giới thiệu, chức năng nhiệm vụ…): the public contract.

use utoipa_actix_web::service_config::ServiceConfig;

mod menu;
mod show;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(menu::menu).service(show::show);
}

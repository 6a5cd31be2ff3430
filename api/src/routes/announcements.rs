//! Published announcements (thông báo): the public contract.

use utoipa_actix_web::service_config::ServiceConfig;

mod list;
mod show;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list).service(show::show);
}

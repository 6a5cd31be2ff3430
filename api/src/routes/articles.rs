//! Published articles: the public contract third parties rely on.

use utoipa_actix_web::service_config::ServiceConfig;

mod changes;
mod list;
mod show;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list)
        .service(show::show)
        .service(changes::changes);
}

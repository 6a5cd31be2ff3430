//! API keys of a unit, managed by its admins: made (shown once), listed without the
//! secret, revoked.

use utoipa_actix_web::service_config::ServiceConfig;

mod create;
mod list;
mod revoke;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create::create)
        .service(list::list)
        .service(revoke::revoke);
}

//! Feedback the ward published, as anyone reads it: redacted, never a contact.

use utoipa_actix_web::service_config::ServiceConfig;

mod list;
mod show;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list).service(show::show);
}

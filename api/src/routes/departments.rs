//! A ward's departments and their members, whose inbox a department's feedback is.

use utoipa_actix_web::service_config::ServiceConfig;

mod add_member;
mod list;
mod remove_member;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list)
        .service(add_member::add_member)
        .service(remove_member::remove_member);
}

//! A ward's departments and their members, whose inbox a department's feedback is,
//! and the department officers a dossier can be assigned to.

use utoipa_actix_web::service_config::ServiceConfig;

mod add_member;
mod list;
mod officers;
mod remove_member;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list)
        .service(officers::officers)
        .service(add_member::add_member)
        .service(remove_member::remove_member);
}

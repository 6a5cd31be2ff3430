//! Citizen feedback: categories, sending, and looking it up by code and contact.

use utoipa_actix_web::service_config::ServiceConfig;

mod categories;
mod lookup;
mod submit;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(categories::categories)
        .service(submit::submit)
        .service(lookup::lookup);
}

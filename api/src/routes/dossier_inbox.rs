//! The staff inbox of a ward's dossiers, and its live signal as server-sent events.

use utoipa_actix_web::service_config::ServiceConfig;

mod events;
mod inbox;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(inbox::inbox).service(events::events);
}

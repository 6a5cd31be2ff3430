//! The intake inbox's live signal as server-sent events.

use utoipa_actix_web::service_config::ServiceConfig;

mod events;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(events::events);
}

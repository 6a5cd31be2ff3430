//! Feedback statistics per month for the staff of a ward or a district.

use utoipa_actix_web::service_config::ServiceConfig;

mod monthly;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(monthly::monthly);
}

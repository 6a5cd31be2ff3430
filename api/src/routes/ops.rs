use utoipa_actix_web::service_config::ServiceConfig;

mod healthz;
mod metrics;
mod readyz;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(healthz::healthz)
        .service(readyz::readyz)
        .service(metrics::metrics);
}

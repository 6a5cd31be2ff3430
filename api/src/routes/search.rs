use utoipa_actix_web::service_config::ServiceConfig;

mod run;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(run::run);
}

use utoipa_actix_web::service_config::ServiceConfig;

mod change_password;
mod show;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(show::show)
        .service(change_password::change_password);
}

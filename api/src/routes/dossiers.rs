//! Dossiers: filing by a signed-in citizen, reading by the owner and the ward's
//! staff, the public lookup by code and phone, the citizen's list, and the files.

use utoipa_actix_web::service_config::ServiceConfig;

mod file;
mod mine;
mod show;
mod submit;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(submit::submit)
        .service(mine::mine)
        .service(show::show)
        .service(file::file);
}

//! A citizen's dossier drafts: saved, read back, changed and deleted by their owner
//! only (anyone else: 404).

use utoipa_actix_web::service_config::ServiceConfig;

mod create;
mod delete;
mod mine;
mod show;
mod update;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create::create)
        .service(mine::mine)
        .service(show::show)
        .service(update::update)
        .service(delete::delete);
}

use utoipa_actix_web::service_config::ServiceConfig;

mod openapi_json;

pub use openapi_json::OpenApiDocument;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(openapi_json::openapi_json);
}

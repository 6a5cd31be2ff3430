use actix_web::{HttpResponse, get};

/// Liveness: the process answers. Checks nothing else.
#[utoipa::path(tag = "operations", responses((status = 200, description = "The process is alive", body = String, content_type = "text/plain")))]
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body("ok")
}

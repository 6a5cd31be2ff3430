use actix_web::{HttpResponse, get};

use crate::middleware::metrics::handle;

/// Request counts and durations in Prometheus text format.
#[utoipa::path(tag = "operations", responses((status = 200, description = "Prometheus metrics", body = String, content_type = "text/plain")))]
#[get("/metrics")]
pub async fn metrics() -> HttpResponse {
    let body = handle().map(|h| h.render()).unwrap_or_default();
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(body)
}

use actix_web::{HttpResponse, get, web};
use openapi::Problem;

use crate::error::ApiError;
use crate::state::AppState;

/// Readiness: the database answers. A load balancer sends traffic only when 200.
#[utoipa::path(
    tag = "operations",
    responses(
        (status = 200, description = "Ready to serve", body = String, content_type = "text/plain"),
        (status = 503, description = "The database does not answer", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/readyz")]
pub async fn readyz(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    state.db.ping().await.map_err(|error| {
        tracing::warn!(%error, "database ping failed");
        ApiError::Unavailable
    })?;
    Ok(HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body("ready"))
}

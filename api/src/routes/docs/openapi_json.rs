use actix_web::{HttpResponse, get, web};

/// The OpenAPI document, rendered once at start-up.
pub struct OpenApiDocument(pub String);

/// This API's OpenAPI 3.1 document (the same as the committed `openapi/openapi.json`).
#[utoipa::path(
    tag = "operations",
    responses((status = 200, description = "The OpenAPI document", content_type = "application/json"))
)]
#[get("/openapi.json")]
pub async fn openapi_json(document: web::Data<OpenApiDocument>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(document.0.clone())
}

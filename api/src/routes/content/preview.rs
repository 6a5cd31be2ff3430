use actix_web::{post, web};
use openapi::Problem;
use openapi::auth::Role;
use openapi::content::{Preview, PreviewRequest};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::state::AppState;
use crate::text::markdown;

/// Renders the editor's Markdown exactly as publishing will: same renderer, same
/// allow-list. Nothing is stored.
#[utoipa::path(
    tag = "content",
    operation_id = "preview_content",
    security(("bearer" = ["editor", "reviewer"])),
    request_body = PreviewRequest,
    responses(
        (status = 200, description = "The sanitized HTML", body = Preview),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Neither editor nor reviewer anywhere", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Longer than an item's body may be", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/content/preview")]
pub async fn preview(
    user: CurrentUser,
    _state: web::Data<AppState>,
    body: web::Json<PreviewRequest>,
) -> Result<web::Json<Preview>, ApiError> {
    let writes_or_reviews = user
        .grants
        .iter()
        .any(|grant| matches!(grant.role, Role::Editor | Role::Reviewer));
    if !writes_or_reviews {
        return Err(ApiError::Forbidden);
    }
    if body.body.chars().count() > openapi::content::MAX_BODY_CHARS {
        return Err(ApiError::PayloadTooLarge);
    }
    Ok(web::Json(Preview {
        html: markdown::render(&body.body),
    }))
}

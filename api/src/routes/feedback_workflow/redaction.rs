use actix_web::{get, web};
use openapi::Problem;
use openapi::feedback_workflow::RedactionPreview;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::feedback_workflow;
use crate::state::AppState;

/// The title, text and draft reply as they would be published by default (ID
/// numbers, phone numbers, e-mail addresses and the sender's name hidden) and what
/// was hidden, so staff can check and adjust them before approving.
#[utoipa::path(
    tag = "feedback",
    operation_id = "preview_feedback_redaction",
    security(("bearer" = ["reviewer", "web_officer"])),
    params(("unit" = String, Path, description = "The ward's slug"), ("code" = String, Path, description = "The tracking code"), NoQuery),
    responses(
        (status = 200, description = "The automatic redaction", body = RedactionPreview),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Neither reviewer nor web officer of this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such feedback in this unit, or a unit the caller has no role in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/feedback/{code}/redaction")]
pub async fn redaction(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<RedactionPreview>, ApiError> {
    let (slug, code) = path.into_inner();
    let scoped = super::scoped(&state, &user, &slug, &code, &super::REDACTORS).await?;
    Ok(web::Json(feedback_workflow::redaction_preview(
        &scoped.record,
    )))
}

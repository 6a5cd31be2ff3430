use actix_web::{put, web};
use openapi::Problem;
use openapi::content::{ContentDraft, ContentKind, StaffContentItem};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::content;
use crate::state::AppState;

/// Saves the editor's text. Editing a published item makes a new draft revision;
/// the published one stays live until the new one is approved.
#[utoipa::path(
    tag = "content",
    operation_id = "save_content_draft",
    security(("bearer" = ["editor"])),
    params(("unit" = String, Path, description = "The unit's slug"), ("id" = i64, Path, description = "The item")),
    request_body = ContentDraft,
    responses(
        (status = 200, description = "The item after saving", body = StaffContentItem),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an editor of this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such item in this unit", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The revision is in review (`invalid_transition`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid; see `errors`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/units/{unit}/content/{id}/draft")]
pub async fn save_draft(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    body: web::Json<ContentDraft>,
) -> Result<web::Json<StaffContentItem>, ApiError> {
    let (slug, id) = path.into_inner();
    let (unit, item) = super::scoped_item(&state, &user, &slug, id, &super::WRITERS).await?;
    let kind = ContentKind::parse(&item.kind)
        .ok_or_else(|| anyhow::anyhow!("item {} has unknown kind", item.id))?;
    let draft = body.parse(kind).map_err(ApiError::Validation)?;
    content::save_draft(&state.db, &item, user.account.id, draft).await?;
    super::view_after(&state, &unit, item.id).await
}

use actix_web::{HttpResponse, delete, web};
use openapi::Problem;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::dossier_drafts;
use crate::state::AppState;

/// Deletes one of the signed-in citizen's drafts.
#[utoipa::path(
    tag = "dossiers",
    operation_id = "delete_dossier_draft",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The draft's id"), NoQuery),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such draft of the caller's", body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/dossier-drafts/{id}")]
pub async fn delete(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    _: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    dossier_drafts::delete(&state.db, user.account.id, path.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

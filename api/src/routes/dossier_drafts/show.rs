use actix_web::{get, web};
use openapi::Problem;
use openapi::dossiers::DossierDraft;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::dossier_drafts;
use crate::state::AppState;

/// One of the signed-in citizen's drafts.
#[utoipa::path(
    tag = "dossiers",
    operation_id = "show_dossier_draft",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The draft's id"), NoQuery),
    responses(
        (status = 200, description = "The draft", body = DossierDraft),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such draft of the caller's", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/dossier-drafts/{id}")]
pub async fn show(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<DossierDraft>, ApiError> {
    Ok(web::Json(
        dossier_drafts::show(&state.db, user.account.id, path.into_inner()).await?,
    ))
}

use actix_web::{get, web};
use openapi::Problem;
use openapi::dossiers::DossierDraftList;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::dossier_drafts;
use crate::state::AppState;

/// The signed-in citizen's drafts, last changed first.
#[utoipa::path(
    tag = "dossiers",
    operation_id = "list_my_dossier_drafts",
    security(("bearer" = [])),
    params(NoQuery),
    responses(
        (status = 200, description = "The caller's drafts", body = DossierDraftList),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/dossier-drafts")]
pub async fn mine(
    user: CurrentUser,
    state: web::Data<AppState>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<DossierDraftList>, ApiError> {
    Ok(web::Json(
        dossier_drafts::mine(&state.db, user.account.id).await?,
    ))
}

use actix_web::{get, web};
use openapi::Problem;
use openapi::dossiers::DossierList;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::dossier_reads;
use crate::state::AppState;

/// The dossiers the signed-in citizen filed, newest first, each with its status and
/// what happens next.
#[utoipa::path(
    tag = "dossiers",
    operation_id = "list_my_dossiers",
    security(("bearer" = [])),
    params(NoQuery),
    responses(
        (status = 200, description = "The caller's dossiers", body = DossierList),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/dossiers")]
pub async fn mine(
    user: CurrentUser,
    state: web::Data<AppState>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<DossierList>, ApiError> {
    Ok(web::Json(
        dossier_reads::mine(&state.db, user.account.id).await?,
    ))
}

use actix_web::{put, web};
use openapi::Problem;
use openapi::dossiers::{DossierDraft, UpdateDossierDraft};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::dossier_drafts;
use crate::state::AppState;

/// Replaces the answers of one of the signed-in citizen's drafts, checked against
/// the procedure as it stands now.
#[utoipa::path(
    tag = "dossiers",
    operation_id = "update_dossier_draft",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The draft's id"), NoQuery),
    request_body = UpdateDossierDraft,
    responses(
        (status = 200, description = "Saved", body = DossierDraft),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such draft of the caller's", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An answer is invalid (named by its key)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/dossier-drafts/{id}")]
pub async fn update(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    _: web::Query<NoQuery>,
    body: web::Json<UpdateDossierDraft>,
) -> Result<web::Json<DossierDraft>, ApiError> {
    Ok(web::Json(
        dossier_drafts::update(
            &state.db,
            user.account.id,
            path.into_inner(),
            body.into_inner(),
        )
        .await?,
    ))
}

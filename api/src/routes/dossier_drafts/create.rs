use actix_web::{HttpResponse, post, web};
use openapi::Problem;
use openapi::dossiers::{DossierDraft, NewDossierDraft};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::{dossier_drafts, units};
use crate::state::AppState;

/// Saves a form to finish later, as the signed-in citizen. It may be incomplete;
/// what it holds must be valid (errors by field key). It takes no dossier code.
#[utoipa::path(
    tag = "dossiers",
    operation_id = "create_dossier_draft",
    security(("bearer" = [])),
    params(("unit" = String, Path, description = "The ward's slug"), NoQuery),
    request_body = NewDossierDraft,
    responses(
        (status = 201, description = "Saved", body = DossierDraft),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`procedure_code` not the ward's, or an answer invalid (named by its key)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/units/{unit}/dossier-drafts")]
pub async fn create(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    _: web::Query<NoQuery>,
    body: web::Json<NewDossierDraft>,
) -> Result<HttpResponse, ApiError> {
    let unit = units::by_slug(&state.db, &path.into_inner()).await?;
    let draft =
        dossier_drafts::create(&state.db, &unit, user.account.id, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(draft))
}

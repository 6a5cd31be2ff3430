use actix_web::{get, web};
use openapi::Problem;
use openapi::dossiers::{Dossier, DossierLookup};
use serde::{Deserialize, Serialize};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::client_address;
use crate::services::dossier_reads;
use crate::services::request_throttle::{self, Action};
use crate::state::AppState;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ShowQuery {
    /// The phone number the dossier was filed with: the public lookup, no sign-in
    /// needed.
    pub contact: Option<String>,
}

/// The full dossier for its owner and the ward's staff, or the public lookup.
#[derive(Debug, Serialize, utoipa::ToSchema)]
#[serde(untagged)]
pub enum DossierAnswer {
    Dossier(Box<Dossier>),
    Lookup(Box<DossierLookup>),
}

/// A dossier. Signed in, without `contact`: the whole dossier for its owner (the
/// process record without staff names) or for staff of its ward (intake officer,
/// department officer, ward admin; a district admin of its district); anyone else
/// gets 404, as for an unknown code. With `contact`, no sign-in needed: where it
/// stands (`DossierLookup`, nothing personal) when the phone is the one it was filed
/// with, else the same 404; each client address may look up 30 times in 10 minutes
/// (configurable), so codes cannot be tried out.
#[utoipa::path(
    tag = "dossiers",
    operation_id = "show_dossier",
    security((), ("bearer" = [])),
    params(("code" = String, Path, description = "The dossier code, e.g. `27184-261129-0001`"), ShowQuery),
    responses(
        (status = 200, description = "`Dossier` for its readers, `DossierLookup` with `contact`", body = DossierAnswer),
        (status = 401, description = "Not signed in and no `contact`", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such dossier, not one the caller may read, or another phone", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many lookups from this client (`too_many_requests`); see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/dossiers/{code}")]
pub async fn show(
    req: actix_web::HttpRequest,
    user: Option<CurrentUser>,
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<ShowQuery>,
) -> Result<web::Json<DossierAnswer>, ApiError> {
    let code = path.into_inner();
    if let Some(contact) = &query.contact {
        request_throttle::hit(
            &state.db,
            Action::DossierLookup,
            &client_address(&req),
            &state.config.lookup_rate_limits,
        )
        .await?;
        let found = dossier_reads::look_up(&state.db, &code, contact).await?;
        return Ok(web::Json(DossierAnswer::Lookup(Box::new(found))));
    }
    let user = user.ok_or(ApiError::Unauthorized(openapi::ErrorCode::Unauthenticated))?;
    let found = dossier_reads::read(&state.db, &code, user.account.id, &user.grants).await?;
    Ok(web::Json(DossierAnswer::Dossier(Box::new(found))))
}

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, post, web};
use openapi::Problem;
use openapi::dossiers::{Dossier, SubmitDossier};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::services::dossier_filing;
use crate::services::idempotency::IdempotencyKey;
use crate::services::units;
use crate::state::AppState;

/// Files a dossier with the ward under one of its procedures, as the signed-in
/// citizen. The form is checked against the procedure's current version (which the
/// dossier keeps); every refusal names the form field's key. File fields hold ids
/// from `POST /api/v1/uploads`, each unused and of a type the field accepts. The
/// answer's code, `{unit code}-{yyMMdd}-{NNNN}`, with the phone given is how the
/// dossier is looked up. `draft_id` names the caller's draft this finishes; it is
/// deleted with the filing.
///
/// With an `Idempotency-Key` header, a retry of the same request gets the first
/// answer again (marked `Idempotent-Replayed: true`) and no second dossier is
/// filed; the same key with another request is refused.
#[utoipa::path(
    tag = "dossiers",
    operation_id = "submit_dossier",
    security(("bearer" = [])),
    params(
        ("unit" = String, Path, description = "The ward's slug"),
        ("Idempotency-Key" = Option<String>, Header, description = "Any unique string per submission (e.g. a UUID), 1–255 printable ASCII characters"),
    ),
    request_body = SubmitDossier,
    responses(
        (status = 201, description = "Filed: the dossier with its code, status `submitted`", body = Dossier),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid, named by its key: `procedure_code` (not the ward's), a form field (required, wrong format, unknown key; a file field's upload unknown, already used or of a type the field does not accept), `draft_id`; or the `Idempotency-Key` was used for another request (`idempotency_key_reused`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/units/{unit}/dossiers")]
pub async fn submit(
    req: HttpRequest,
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Json<SubmitDossier>,
) -> Result<HttpResponse, ApiError> {
    let unit = units::by_slug(&state.db, &path.into_inner()).await?;
    let key = match req.headers().get("Idempotency-Key") {
        Some(value) => Some(IdempotencyKey::new(
            value.to_str().unwrap_or_default(),
            dossier_filing::key_scope(&unit, &user.account),
            &*body,
        )?),
        None => None,
    };
    let answer = dossier_filing::file(
        &state.db,
        &unit,
        &user.account,
        key.as_ref(),
        body.into_inner(),
    )
    .await?;
    let status = StatusCode::from_u16(answer.status)
        .map_err(|e| anyhow::anyhow!("stored status unusable: {e}"))?;
    let mut response = HttpResponse::build(status);
    if answer.replayed {
        response.insert_header(("Idempotent-Replayed", "true"));
    }
    Ok(response.json(answer.body))
}

use actix_web::{HttpResponse, post, web};
use futures_util::StreamExt;
use openapi::Problem;
use openapi::attachments::{Attachment, MAX_FILE_BYTES};
use serde::Deserialize;

use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::routes::content::WRITERS;
use crate::services::{attachments, units};
use crate::state::AppState;
use crate::wire;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct UploadQuery {
    /// The file's name, e.g. `quyet-dinh-125.pdf`; its extension must match the
    /// content.
    pub filename: String,
}

/// Uploads one file (the request body is the file's bytes, at most 20 MiB). Its type
/// is read from its content: JPEG, PNG, WebP, PDF, Word or Excel.
#[utoipa::path(
    tag = "content",
    operation_id = "upload_attachment",
    security(("bearer" = ["editor"])),
    params(("unit" = String, Path, description = "The unit's slug"), UploadQuery),
    request_body(content = openapi::attachments::FileBody, content_type = "application/octet-stream"),
    responses(
        (status = 201, description = "The stored file", body = Attachment),
        (status = 400, description = "No `filename`, or an unknown parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an editor of this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit, or one the caller has no role in", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Larger than 20 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A type not accepted (`unsupported_type`), or a name whose extension does not match the content (`type_mismatch`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/units/{unit}/attachments")]
pub async fn upload(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<UploadQuery>,
    mut payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let (unit, scope) = units::scope(&state.db, &path.into_inner()).await?;
    require_role(&user, &WRITERS, &scope)?;
    // Counted while it streams in, so an oversized file is refused before it is held.
    let mut bytes = Vec::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|error| ApiError::MalformedBody {
            detail: format!("tệp gửi lên bị gián đoạn: {error}"),
            errors: Vec::new(),
        })?;
        if (bytes.len() + chunk.len()) as u64 > MAX_FILE_BYTES {
            return Err(ApiError::PayloadTooLarge);
        }
        bytes.extend_from_slice(&chunk);
    }
    let stored = attachments::store(
        &state.db,
        &state.files,
        unit.id,
        user.account.id,
        &query.filename,
        bytes,
    )
    .await?;
    Ok(HttpResponse::Created().json(wire::attachment(&stored)))
}

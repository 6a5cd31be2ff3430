use actix_web::http::header::{CacheControl, CacheDirective};
use actix_web::{HttpResponse, get, web};
use openapi::Problem;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::routes::files::attachment_disposition;
use crate::services::dossier_reads;
use crate::state::AppState;

/// Downloads a file of a dossier, for its owner and the ward's staff (anyone else:
/// 404). Always as an attachment with its checked type, never shown inline, and
/// never stored by caches: it is personal.
#[utoipa::path(
    tag = "dossiers",
    operation_id = "download_dossier_file",
    security(("bearer" = [])),
    params(
        ("code" = String, Path, description = "The dossier code"),
        ("file_id" = i64, Path, description = "The file's id in the dossier's `files`"),
        NoQuery,
    ),
    responses(
        (status = 200, description = "The file", content_type = "application/octet-stream"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such dossier or file, or not one the caller may read", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/dossiers/{code}/files/{file_id}")]
pub async fn file(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, i64)>,
    _: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let (code, file_id) = path.into_inner();
    let upload =
        dossier_reads::file(&state.db, &code, file_id, user.account.id, &user.grants).await?;
    let bytes = state.files.get(&upload.storage_key).await?;
    Ok(HttpResponse::Ok()
        .content_type(upload.content_type)
        .insert_header(attachment_disposition(upload.filename))
        .insert_header(CacheControl(vec![
            CacheDirective::Private,
            CacheDirective::NoStore,
        ]))
        .body(bytes))
}

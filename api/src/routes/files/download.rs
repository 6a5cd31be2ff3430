use actix_web::http::header::{CacheControl, CacheDirective};
use actix_web::{HttpResponse, get, web};
use openapi::Problem;

use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::{attachments, uploads};
use crate::state::AppState;

/// Downloads a stored file under the name it was uploaded with: a unit's attachment,
/// or a photo a form took (an upload no form took is not served). Always served as
/// an attachment with its checked type, so a browser never runs it as a page.
#[utoipa::path(
    tag = "content",
    operation_id = "download_file",
    params(("key" = String, Path, description = "The file's key"), NoQuery),
    responses(
        (status = 200, description = "The file", content_type = "application/octet-stream"),
        (status = 404, description = "No such file", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/files/{key}")]
pub async fn download(
    state: web::Data<AppState>,
    path: web::Path<String>,
    _: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let key = path.into_inner();
    let (filename, content_type) = match attachments::by_key(&state.db, &key).await {
        Ok(attachment) => (attachment.filename, attachment.content_type),
        Err(ApiError::NotFound) => {
            let upload = uploads::used_by_key(&state.db, &key).await?;
            (upload.filename, upload.content_type)
        }
        Err(error) => return Err(error),
    };
    let bytes = state.files.get(&key).await?;
    let disposition = super::attachment_disposition(filename);
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header(disposition)
        // A key names one upload forever: its bytes never change.
        .insert_header(CacheControl(vec![
            CacheDirective::Public,
            CacheDirective::MaxAge(31_536_000),
            CacheDirective::Extension("immutable".to_owned(), None),
        ]))
        .body(bytes))
}

use actix_multipart::Multipart;
use actix_web::{HttpRequest, HttpResponse, post, web};
use futures_util::StreamExt;
use openapi::uploads::{MAX_UPLOAD_BYTES, Upload, UploadForm};
use openapi::{FieldError, Problem};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::{NoQuery, client_address};
use crate::services::request_throttle::{self, Action};
use crate::services::uploads;
use crate::state::AppState;
use crate::wire;

/// Uploads one photo or PDF document for a form, with or without an account: a
/// multipart body with one part named `file`, at most 10 MiB. Its type is read from
/// its content (JPEG, PNG, WebP or PDF) and must match its name's extension. A
/// photo's metadata (EXIF with the place it was taken, XMP, comments) is removed
/// before it is stored. Put the answer's `id` in the form (feedback's `photos`, which
/// take images only, or a dossier's file field, which takes the types its `accept`
/// lists) within 24 hours; an upload is used once.
#[utoipa::path(
    tag = "uploads",
    operation_id = "upload_file",
    params(NoQuery),
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored, not yet used by a form", body = Upload),
        (status = 400, description = "Not a multipart body with one part named `file`", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Larger than 10 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The content is not a JPEG, PNG or WebP image nor a PDF, whatever the name says (`unsupported_media_type`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A file whose name's extension claims another type (`type_mismatch`), no file name, or an unreadable image; see `errors`", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many uploads from this client (`too_many_requests`); see `Retry-After`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/uploads")]
pub async fn upload(
    req: HttpRequest,
    user: Option<CurrentUser>,
    state: web::Data<AppState>,
    _: web::Query<NoQuery>,
    form: Multipart,
) -> Result<HttpResponse, ApiError> {
    request_throttle::hit(
        &state.db,
        Action::Upload,
        &client_address(&req),
        &state.config.upload_rate_limits,
    )
    .await?;
    let (filename, bytes) = file_part(form).await?;
    let uploader = user.map(|user| user.account.id);
    let stored = uploads::store(&state.db, &state.files, uploader, &filename, bytes).await?;
    Ok(HttpResponse::Created().json(wire::upload(&stored)))
}

fn malformed(detail: &str) -> ApiError {
    ApiError::MalformedBody {
        detail: detail.to_owned(),
        errors: Vec::new(),
    }
}

/// The name and bytes of the one part named `file`, counted while they stream in so
/// an oversized file is refused before it is held.
async fn file_part(mut form: Multipart) -> Result<(String, Vec<u8>), ApiError> {
    let mut found = None;
    while let Some(part) = form.next().await {
        let mut part = part
            .map_err(|error| malformed(&format!("nội dung multipart không đọc được: {error}")))?;
        if part.name() != Some("file") || found.is_some() {
            return Err(malformed("Chỉ gửi một phần tên `file` chứa tệp"));
        }
        let filename = part
            .content_disposition()
            .and_then(|disposition| disposition.get_filename())
            .map(str::to_owned)
            .ok_or_else(|| {
                ApiError::invalid(FieldError::new(
                    "filename",
                    "required",
                    "Cần tên tệp có phần mở rộng, ví dụ anh.jpg",
                ))
            })?;
        let mut bytes = Vec::new();
        while let Some(chunk) = part.next().await {
            let chunk =
                chunk.map_err(|error| malformed(&format!("tệp gửi lên bị gián đoạn: {error}")))?;
            if (bytes.len() + chunk.len()) as u64 > MAX_UPLOAD_BYTES {
                return Err(ApiError::PayloadTooLarge);
            }
            bytes.extend_from_slice(&chunk);
        }
        found = Some((filename, bytes));
    }
    found.ok_or_else(|| malformed("Thiếu phần `file` chứa tệp"))
}

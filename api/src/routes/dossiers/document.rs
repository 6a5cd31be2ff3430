use actix_web::http::header::{CacheControl, CacheDirective};
use actix_web::{HttpResponse, get, web};
use openapi::Problem;
use openapi::dossier_documents::DocumentKind;

use crate::auth::CurrentUser;
use crate::documents;
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::routes::files::attachment_disposition;
use crate::services::dossier_documents;
use crate::state::AppState;

/// Downloads a document of a dossier as PDF, for its owner and the ward's staff
/// (anyone else: 404): `receipt` (giấy tiếp nhận hồ sơ và hẹn trả kết quả) once
/// accepted, `supplement-request` (phiếu yêu cầu bổ sung, hoàn thiện hồ sơ) once asked
/// for, `refusal` (phiếu từ chối tiếp nhận) when refused, `apology` (phiếu xin lỗi và
/// hẹn lại ngày trả kết quả) once a new date was given; a document the dossier does
/// not have is 404. Each carries the ward's header, the code and a QR code of the
/// lookup address. Always an attachment, never stored by caches: it is personal.
#[utoipa::path(
    tag = "dossiers",
    operation_id = "download_dossier_document",
    security(("bearer" = [])),
    params(
        ("code" = String, Path, description = "The dossier code"),
        ("kind" = inline(DocumentKind), Path, description = "Which document"),
        NoQuery,
    ),
    responses(
        (status = 200, description = "The document", content_type = "application/pdf"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such dossier or document kind, not one the caller may read, or a document the dossier does not have (yet)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/dossiers/{code}/documents/{kind}.pdf")]
pub async fn document(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    _: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let (code, kind) = path.into_inner();
    let kind = DocumentKind::parse(&kind).ok_or(ApiError::NotFound)?;
    let document =
        dossier_documents::document(&state.db, &code, user.account.id, &user.grants, kind).await?;
    let file_name = document.file_name();
    // Laying out and compressing a page takes milliseconds of CPU: off the async
    // workers, so other requests are not held up.
    let pdf = web::block(move || documents::render(&document))
        .await
        .map_err(anyhow::Error::from)?
        .map_err(anyhow::Error::from)?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header(attachment_disposition(file_name))
        .insert_header(CacheControl(vec![
            CacheDirective::Private,
            CacheDirective::NoStore,
        ]))
        .body(pdf))
}

//! Photos and PDF documents sent ahead of a form (`POST /api/v1/uploads`), by
//! citizens with or without an account. Checked by content like attachments, photos
//! stripped of their metadata (a phone photo's EXIF carries where it was taken),
//! stored under a generated key, and taken once by the form that refers to them.

use chrono::Utc;
use entity::{dossier_draft, dossier_file, feedback_photo, upload};
use img_parts::jpeg::{Jpeg, markers};
use img_parts::png::Png;
use img_parts::webp::{CHUNK_XMP, WebP};
use img_parts::{Bytes, ImageEXIF};
use openapi::FieldError;
use openapi::attachments::{FileType, file_url};
use openapi::feedback::FeedbackPhoto;
use openapi::procedures::FormField;
use openapi::uploads::{MAX_UPLOAD_BYTES, upload_types};
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, QueryFilter, QueryOrder, QuerySelect, Set};

use crate::error::ApiError;
use crate::services::attachments::clean_filename;
use crate::storage::FileStorage;

/// The file's type as its first bytes tell it. A type not taken here is 415; a
/// file whose name claims another type is 422 (`type_mismatch`), as for
/// attachments.
pub fn check(filename: &str, bytes: &[u8]) -> Result<(String, FileType), ApiError> {
    let name = clean_filename(filename)?;
    if bytes.len() as u64 > MAX_UPLOAD_BYTES {
        return Err(ApiError::PayloadTooLarge);
    }
    let found = infer::get(bytes).map(|kind| kind.mime_type());
    let file_type = upload_types()
        .find(|file_type| Some(file_type.content_type) == found)
        .ok_or_else(|| {
            ApiError::UnsupportedMediaType(
                "Chỉ nhận ảnh JPEG, PNG, WebP hoặc tệp PDF (kiểm tra theo nội dung tệp)".to_owned(),
            )
        })?;
    let extension = name
        .rsplit_once('.')
        .map(|(_, extension)| extension.to_lowercase())
        .unwrap_or_default();
    if !file_type.extensions.contains(&extension.as_str()) {
        return Err(ApiError::invalid(FieldError::new(
            "file",
            "type_mismatch",
            &format!(
                "Nội dung tệp là {}, không khớp với phần mở rộng của tên tệp",
                if file_type.is_image() {
                    format!("ảnh {}", file_type.extensions[0].to_uppercase())
                } else {
                    "tài liệu PDF".to_owned()
                }
            ),
        )));
    }
    Ok((name, file_type))
}

/// The image without what describes it rather than shows it: EXIF (with the GPS
/// position), XMP, IPTC, comments and text chunks. The pixels are not touched; the
/// colour profile stays. A PDF is kept as sent: it is a document the citizen chose to
/// send, read only by the ward's staff.
pub fn strip_metadata(file_type: FileType, bytes: Vec<u8>) -> Result<Vec<u8>, ApiError> {
    let unreadable = |_| {
        ApiError::invalid(FieldError::new(
            "file",
            "unreadable_image",
            "Không đọc được ảnh; tệp có thể bị hỏng",
        ))
    };
    let bytes = Bytes::from(bytes);
    let stripped = match file_type.content_type {
        "image/jpeg" => {
            let mut jpeg = Jpeg::from_bytes(bytes).map_err(unreadable)?;
            jpeg.segments_mut().retain(|segment| {
                let contents = segment.contents();
                match segment.marker() {
                    markers::APP2 => contents.starts_with(b"ICC_PROFILE\0"),
                    // Adobe's segment says how the colours are encoded.
                    markers::APP14 => contents.starts_with(b"Adobe"),
                    markers::COM => false,
                    marker => !(markers::APP1..=markers::APP15).contains(&marker),
                }
            });
            jpeg.encoder().bytes()
        }
        "image/png" => {
            let mut png = Png::from_bytes(bytes).map_err(unreadable)?;
            png.chunks_mut().retain(|chunk| {
                !matches!(
                    &chunk.kind(),
                    b"eXIf" | b"tEXt" | b"zTXt" | b"iTXt" | b"tIME"
                )
            });
            png.encoder().bytes()
        }
        "image/webp" => {
            let mut webp = WebP::from_bytes(bytes).map_err(unreadable)?;
            webp.remove_chunks_by_id(CHUNK_XMP);
            // Also rewrites the header's flags to match the chunks left.
            webp.set_exif(None);
            webp.encoder().bytes()
        }
        "application/pdf" => return Ok(bytes.to_vec()),
        other => return Err(anyhow::anyhow!("no metadata stripping for {other}").into()),
    };
    Ok(stripped.to_vec())
}

/// Checks, strips (photos) and stores the file, then records it as not yet used. The bytes
/// go first: a record never points at nothing.
pub async fn store<C: ConnectionTrait>(
    db: &C,
    storage: &FileStorage,
    uploader: Option<i64>,
    filename: &str,
    bytes: Vec<u8>,
) -> Result<upload::Model, ApiError> {
    let (filename, file_type) = check(filename, &bytes)?;
    let bytes = strip_metadata(file_type, bytes)?;
    let storage_key = format!("{}.{}", Uuid::new_v4(), file_type.extensions[0]);
    let size = bytes.len() as i64;
    storage.put(&storage_key, bytes).await?;
    let recorded = upload::ActiveModel {
        id: Set(Uuid::new_v4().to_string()),
        storage_key: Set(storage_key.clone()),
        filename: Set(filename),
        content_type: Set(file_type.content_type.to_owned()),
        size_bytes: Set(size),
        uploaded_by: Set(uploader),
        created_at: Set(Utc::now()),
        used_for: Set(None),
        used_at: Set(None),
    }
    .insert(db)
    .await;
    if recorded.is_err()
        && let Err(error) = storage.delete(&storage_key).await
    {
        tracing::warn!(%storage_key, %error, "could not remove the bytes of an unrecorded upload");
    }
    let recorded = recorded?;
    // Each upload clears a few abandoned ones, so forms never sent do not pile up
    // without a separate job.
    remove_abandoned(db, storage).await?;
    Ok(recorded)
}

/// Uploads no form took (nor a saved dossier draft holds) within this time are
/// removed.
pub const ABANDONED_AFTER_HOURS: i64 = 24;

const ABANDONED_PER_PASS: u64 = 20;

async fn remove_abandoned<C: ConnectionTrait>(
    db: &C,
    storage: &FileStorage,
) -> Result<(), ApiError> {
    let cutoff = Utc::now() - chrono::Duration::hours(ABANDONED_AFTER_HOURS);
    let abandoned = upload::Entity::find()
        .filter(upload::COLUMN.used_at.is_null())
        .filter(upload::COLUMN.created_at.lt(cutoff))
        .order_by_asc(upload::COLUMN.created_at)
        .limit(ABANDONED_PER_PASS)
        .all(db)
        .await?;
    for old in abandoned {
        // A saved dossier draft keeps its files until it is submitted or deleted,
        // however long the citizen takes. Upload ids are random UUIDs, so finding one
        // in a draft's answers means the draft holds it.
        let in_a_draft = dossier_draft::Entity::find()
            .filter(dossier_draft::COLUMN.form.contains(old.id.as_str()))
            .one(db)
            .await?
            .is_some();
        if in_a_draft {
            continue;
        }
        // Only if still unused: a form taking it at this moment keeps it.
        let removed = upload::Entity::delete_many()
            .filter(upload::COLUMN.id.eq(old.id.as_str()))
            .filter(upload::COLUMN.used_at.is_null())
            .exec(db)
            .await?;
        if removed.rows_affected == 1
            && let Err(error) = storage.delete(&old.storage_key).await
        {
            tracing::warn!(key = %old.storage_key, %error, "could not remove an abandoned upload's bytes");
        }
    }
    Ok(())
}

/// `upload.used_for` of a feedback photo, served to anyone holding its address.
const USED_FOR_FEEDBACK: &str = "feedback";
/// `upload.used_for` of a dossier's file, served only to its owner and the staff.
const USED_FOR_DOSSIER: &str = "dossier";

/// Makes the uploads `ids` the photos of a feedback, in their order. Each must be an
/// unused photo; taking it is one conditional update, so two forms racing for the
/// same upload cannot both have it.
pub async fn attach_to_feedback<C: ConnectionTrait>(
    txn: &C,
    feedback_id: i64,
    ids: &[String],
) -> Result<(), ApiError> {
    let now = Utc::now();
    for (position, id) in ids.iter().enumerate() {
        let field = format!("photos[{position}]");
        let refused =
            |code: &str, message: &str| ApiError::invalid(FieldError::new(&field, code, message));
        let Some(found) = upload::Entity::find_by_id(id.trim()).one(txn).await? else {
            return Err(refused(
                "unknown_upload",
                "Không có ảnh tải lên với mã này; hãy tải ảnh lên trước",
            ));
        };
        if !found.content_type.starts_with("image/") {
            return Err(refused("not_an_image", "Tệp này không phải là ảnh"));
        }
        let taken = upload::Entity::update_many()
            .col_expr(upload::COLUMN.used_for, Expr::value(USED_FOR_FEEDBACK))
            .col_expr(upload::COLUMN.used_at, Expr::value(now))
            .filter(upload::COLUMN.id.eq(found.id.as_str()))
            .filter(upload::COLUMN.used_at.is_null())
            .exec(txn)
            .await?;
        if taken.rows_affected != 1 {
            return Err(refused(
                "upload_used",
                "Ảnh này đã được gửi kèm một phản ánh khác; hãy tải ảnh lên lại",
            ));
        }
        feedback_photo::ActiveModel {
            feedback_id: Set(feedback_id),
            upload_id: Set(found.id),
            position: Set(position as i32),
            ..Default::default()
        }
        .insert(txn)
        .await?;
    }
    Ok(())
}

/// Makes the uploads `ids` the files of `field` in a dossier, sent in `round` (0 with
/// the submission). Each must be an unused upload of a type the field accepts;
/// every refusal names the field's key. Taking it is one conditional update, so two
/// dossiers racing for the same upload cannot both have it.
pub async fn attach_to_dossier<C: ConnectionTrait>(
    txn: &C,
    dossier_id: i64,
    field: &FormField,
    ids: &[String],
    round: i32,
) -> Result<Vec<dossier_file::Model>, ApiError> {
    let now = Utc::now();
    let refused =
        |code: &str, message: &str| ApiError::invalid(FieldError::new(&field.key, code, message));
    let mut files = Vec::with_capacity(ids.len());
    for id in ids {
        let Some(found) = upload::Entity::find_by_id(id.trim()).one(txn).await? else {
            return Err(refused(
                "unknown_upload",
                "Không có tệp tải lên với mã này; hãy tải tệp lên trước",
            ));
        };
        if !field.accept.is_empty() && !field.accept.contains(&found.content_type) {
            let accepted: Vec<&str> = field
                .accept
                .iter()
                .map(|content_type| match content_type.as_str() {
                    "application/pdf" => "PDF",
                    "image/jpeg" => "JPEG",
                    "image/png" => "PNG",
                    "image/webp" => "WebP",
                    other => other,
                })
                .collect();
            return Err(refused(
                "wrong_file_type",
                &format!("{} chỉ nhận tệp {}", field.label, accepted.join(", ")),
            ));
        }
        let taken = upload::Entity::update_many()
            .col_expr(upload::COLUMN.used_for, Expr::value(USED_FOR_DOSSIER))
            .col_expr(upload::COLUMN.used_at, Expr::value(now))
            .filter(upload::COLUMN.id.eq(found.id.as_str()))
            .filter(upload::COLUMN.used_at.is_null())
            .exec(txn)
            .await?;
        if taken.rows_affected != 1 {
            return Err(refused(
                "upload_used",
                "Tệp này đã được gửi kèm một hồ sơ hoặc phản ánh khác; hãy tải tệp lên lại",
            ));
        }
        files.push(
            dossier_file::ActiveModel {
                dossier_id: Set(dossier_id),
                field_key: Set(field.key.clone()),
                upload_id: Set(found.id),
                round: Set(round),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(txn)
            .await?,
        );
    }
    Ok(files)
}

/// The photos of a feedback, in their order, for those allowed to see it.
pub async fn feedback_photos<C: ConnectionTrait>(
    db: &C,
    feedback_id: i64,
) -> Result<Vec<FeedbackPhoto>, ApiError> {
    let photos = feedback_photo::Entity::find()
        .filter(feedback_photo::COLUMN.feedback_id.eq(feedback_id))
        .order_by_asc(feedback_photo::COLUMN.position)
        .all(db)
        .await?;
    let mut listed = Vec::with_capacity(photos.len());
    for photo in photos {
        let found = upload::Entity::find_by_id(photo.upload_id.as_str())
            .one(db)
            .await?
            .ok_or_else(|| anyhow::anyhow!("photo {} without upload", photo.id))?;
        listed.push(FeedbackPhoto {
            url: file_url(&found.storage_key),
            content_type: found.content_type,
        });
    }
    Ok(listed)
}

/// A feedback photo by the key its bytes are stored under; unused uploads are not
/// downloadable, so an upload is only seen where a form put it, and a dossier's
/// files only through the dossier (`/dossiers/{code}/files/{id}`), by its readers.
pub async fn used_by_key<C: ConnectionTrait>(db: &C, key: &str) -> Result<upload::Model, ApiError> {
    upload::Entity::find()
        .filter(upload::COLUMN.storage_key.eq(key))
        .filter(upload::COLUMN.used_at.is_not_null())
        .filter(upload::COLUMN.used_for.eq(USED_FOR_FEEDBACK))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n";
    /// A 1×1 PNG with a text chunk saying where it was taken.
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\x1atEXtComment\0GPS 10.775,106.665\x9b\x69\xfb\xf2\0\0\0\x0bIDAT\x78\x9c\x63\x60\x00\x02\x00\x00\x05\x00\x01\x7a\x5e\xab\x3f\0\0\0\0IEND\xaeB`\x82";

    #[test]
    fn a_pdf_is_taken_as_sent_but_not_under_a_photo_name() {
        let (_, file_type) = check("giay-chung-sinh.pdf", PDF).unwrap();
        assert_eq!(file_type.content_type, "application/pdf");
        assert_eq!(strip_metadata(file_type, PDF.to_vec()).unwrap(), PDF);
        let error = check("anh.jpg", PDF).unwrap_err();
        assert!(matches!(error, ApiError::Validation(errors) if errors[0].code == "type_mismatch"));
    }

    #[test]
    fn text_is_an_unsupported_type() {
        assert!(matches!(
            check("ghi-chu.pdf", b"Xin chao phuong"),
            Err(ApiError::UnsupportedMediaType(_))
        ));
    }

    #[test]
    fn text_chunks_are_removed_from_a_png_and_the_picture_kept() {
        let (_, file_type) = check("anh.png", PNG).unwrap();
        let stripped = strip_metadata(file_type, PNG.to_vec()).unwrap();
        let has = |needle: &[u8]| stripped.windows(needle.len()).any(|w| w == needle);
        assert!(!has(b"tEXt") && !has(b"GPS"));
        assert!(has(b"IHDR") && has(b"IDAT") && has(b"IEND"));
    }

    fn riff_chunk(id: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut chunk = id.to_vec();
        chunk.extend((data.len() as u32).to_le_bytes());
        chunk.extend(data);
        if data.len() % 2 == 1 {
            chunk.push(0);
        }
        chunk
    }

    /// A WebP in the extended format with EXIF and XMP chunks beside the picture.
    fn webp_with_metadata() -> Vec<u8> {
        let mut chunks = riff_chunk(b"VP8X", &[0b0000_1100, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        chunks.extend(riff_chunk(
            b"VP8 ",
            &[0x30, 0x01, 0, 0x9d, 0x01, 0x2a, 1, 0, 1, 0],
        ));
        chunks.extend(riff_chunk(b"EXIF", b"MM\0*GPS 10.775,106.665"));
        chunks.extend(riff_chunk(b"XMP ", b"<x:xmpmeta>GPS</x:xmpmeta>"));
        let mut webp = b"RIFF".to_vec();
        webp.extend((chunks.len() as u32 + 4).to_le_bytes());
        webp.extend(b"WEBP");
        webp.extend(chunks);
        webp
    }

    #[test]
    fn exif_and_xmp_are_removed_from_a_webp_and_the_picture_kept() {
        let webp = webp_with_metadata();
        let (_, file_type) = check("anh.webp", &webp).unwrap();
        let stripped = strip_metadata(file_type, webp).unwrap();
        let has = |needle: &[u8]| stripped.windows(needle.len()).any(|w| w == needle);
        assert!(!has(b"EXIF") && !has(b"XMP ") && !has(b"GPS"));
        assert!(stripped.starts_with(b"RIFF") && has(b"WEBPVP8 "));
    }

    #[test]
    fn a_photo_whose_name_claims_another_type_is_refused() {
        let error = check("anh.jpg", PNG).unwrap_err();
        assert!(matches!(error, ApiError::Validation(errors) if errors[0].code == "type_mismatch"));
    }
}

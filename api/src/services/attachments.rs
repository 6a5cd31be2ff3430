//! Uploaded files: checked by content (not by the name or the declared type), stored
//! under a generated key, recorded with the name they came with.

use chrono::Utc;
use entity::attachment;
use openapi::FieldError;
use openapi::attachments::{FileType, MAX_FILE_BYTES};
use openapi::values::normalize_text;
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, QueryFilter, Set, TransactionSession, TransactionTrait};

use crate::db::begin_write;
use crate::error::ApiError;
use crate::services::audit::{self, AuditEvent};
use crate::storage::FileStorage;

const MAX_FILENAME_CHARS: usize = 200;

/// The name as people will see it again: no folders, no control characters, NFC.
pub(crate) fn clean_filename(raw: &str) -> Result<String, ApiError> {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let name: String = normalize_text(last)
        .chars()
        .filter(|c| !c.is_control())
        .collect();
    if name.is_empty() || name.starts_with('.') {
        return Err(ApiError::invalid(FieldError::new(
            "filename",
            "required",
            "Cần tên tệp có phần mở rộng, ví dụ quyet-dinh.pdf",
        )));
    }
    if name.chars().count() > MAX_FILENAME_CHARS {
        return Err(ApiError::invalid(FieldError::new(
            "filename",
            "too_long",
            &format!("Tên tệp tối đa {MAX_FILENAME_CHARS} ký tự"),
        )));
    }
    Ok(name)
}

/// The file's type as its first bytes tell it, which its name must agree with.
pub fn check(filename: &str, bytes: &[u8]) -> Result<(String, FileType), ApiError> {
    let name = clean_filename(filename)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ApiError::PayloadTooLarge);
    }
    let unsupported = || {
        ApiError::invalid(FieldError::new(
            "file",
            "unsupported_type",
            "Chỉ nhận ảnh JPEG, PNG, WebP và tệp PDF, Word, Excel",
        ))
    };
    let found = infer::get(bytes).ok_or_else(unsupported)?;
    let file_type = FileType::by_content_type(found.mime_type()).ok_or_else(unsupported)?;
    let extension = name
        .rsplit_once('.')
        .map(|(_, extension)| extension.to_lowercase())
        .unwrap_or_default();
    if !file_type.extensions.contains(&extension.as_str()) {
        return Err(ApiError::invalid(FieldError::new(
            "filename",
            "type_mismatch",
            &format!(
                "Nội dung tệp là {}, không khớp với phần mở rộng của tên tệp",
                file_type.extensions[0].to_uppercase()
            ),
        )));
    }
    Ok((name, file_type))
}

/// Stores the file and its record. The bytes go first: a record never points at
/// nothing, and bytes whose record failed are removed again.
pub async fn store<C: TransactionTrait>(
    db: &C,
    storage: &FileStorage,
    unit_id: i64,
    uploader: i64,
    filename: &str,
    bytes: Vec<u8>,
) -> Result<attachment::Model, ApiError> {
    let (filename, file_type) = check(filename, &bytes)?;
    let key = format!("{}.{}", Uuid::new_v4(), file_type.extensions[0]);
    let size = bytes.len() as u64;
    storage.put(&key, bytes).await?;
    let recorded = async {
        let txn = begin_write(db).await?;
        let record = attachment::ActiveModel {
            key: Set(key.clone()),
            unit_id: Set(unit_id),
            filename: Set(filename),
            content_type: Set(file_type.content_type.to_owned()),
            size_bytes: Set(size as i64),
            uploaded_by: Set(uploader),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let event = AuditEvent::FileUploaded {
            key: key.clone(),
            content_type: file_type.content_type,
            size,
        };
        audit::record(&txn, Some(uploader), Some(unit_id), event).await?;
        txn.commit().await?;
        Ok::<_, ApiError>(record)
    }
    .await;
    if recorded.is_err()
        && let Err(error) = storage.delete(&key).await
    {
        tracing::warn!(%key, %error, "could not remove the bytes of an unrecorded upload");
    }
    recorded
}

pub async fn by_key<C: ConnectionTrait>(db: &C, key: &str) -> Result<attachment::Model, ApiError> {
    attachment::Entity::find()
        .filter(attachment::COLUMN.key.eq(key))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)
}

/// Refuses a reference (in `field`) to a file that is not one of the unit's.
pub async fn ensure_of_unit<C: ConnectionTrait>(
    db: &C,
    unit_id: i64,
    key: &str,
    field: &str,
) -> Result<attachment::Model, ApiError> {
    attachment::Entity::find()
        .filter(attachment::COLUMN.key.eq(key))
        .filter(attachment::COLUMN.unit_id.eq(unit_id))
        .one(db)
        .await?
        .ok_or_else(|| {
            ApiError::invalid(FieldError::new(
                field,
                "unknown_file",
                "Không có tệp này trong kho tệp của đơn vị; hãy tải tệp lên trước",
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";
    const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n";

    #[test]
    fn a_pdf_named_pdf_is_accepted_whatever_case_its_extension() {
        let (name, file_type) = check("Quyết định 125.PDF", PDF).unwrap();
        assert_eq!(name, "Quyết định 125.PDF");
        assert_eq!(file_type.content_type, "application/pdf");
    }

    #[test]
    fn a_script_renamed_to_an_image_is_refused() {
        let error = check("anh.png", b"<script>alert(1)</script>").unwrap_err();
        assert!(
            matches!(error, ApiError::Validation(errors) if errors[0].code == "unsupported_type")
        );
    }

    #[test]
    fn a_name_that_lies_about_the_content_is_refused() {
        let error = check("anh.jpg", PNG).unwrap_err();
        assert!(matches!(error, ApiError::Validation(errors) if errors[0].code == "type_mismatch"));
    }

    #[test]
    fn folders_in_the_name_are_dropped() {
        let (name, _) = check("../../etc/anh.png", PNG).unwrap();
        assert_eq!(name, "anh.png");
        let (name, _) = check("C:\\Users\\can-bo\\anh.png", PNG).unwrap();
        assert_eq!(name, "anh.png");
    }

    #[test]
    fn a_name_without_a_stem_is_refused() {
        assert!(check(".png", PNG).is_err());
        assert!(check("   ", PNG).is_err());
    }
}

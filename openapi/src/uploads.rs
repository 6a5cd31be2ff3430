//! Files sent ahead of a form (`POST /api/v1/uploads`): a form then refers to each by
//! its id. Citizens send them without an account, so only photos and PDF documents
//! (the scans a dossier's file fields ask for) are taken here.

use serde::{Deserialize, Serialize};

use crate::attachments::{ALLOWED_FILE_TYPES, FileType};

/// Largest upload accepted, checked while the file streams in. A phone photo is
/// 2–6 MiB.
pub const MAX_UPLOAD_BYTES: u64 = 10 * 1024 * 1024;

/// How many photos one feedback may carry.
pub const MAX_PHOTOS: usize = 5;

/// The types an upload may have: the photo types (JPEG, PNG, WebP) and PDF. Each
/// form field says which of them it takes (feedback photos: images only).
pub fn upload_types() -> impl Iterator<Item = FileType> {
    ALLOWED_FILE_TYPES
        .into_iter()
        .filter(|file_type| file_type.is_image() || file_type.content_type == "application/pdf")
}

/// `201` of `POST /api/v1/uploads`: the stored file, not yet part of any form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Upload {
    /// Put it in a form's `photos`, or a dossier form's file field. Unguessable;
    /// usable once.
    #[cfg_attr(
        feature = "server",
        schema(example = "0d9e8c1a-3f4b-4c2d-9a51-6e2f0b7c1d2e")
    )]
    pub id: String,
    /// The name it was uploaded with.
    pub filename: String,
    /// The type found in the file's content.
    pub content_type: String,
    /// Size in bytes as stored, after a photo's metadata (EXIF, location) was removed.
    pub size: u64,
}

/// The multipart body of `POST /api/v1/uploads` (documentation only).
#[cfg(feature = "server")]
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub struct UploadForm {
    /// The photo (JPEG, PNG or WebP) or PDF document, at most 10 MiB; its name's
    /// extension must match its content.
    #[schema(value_type = String, format = Binary)]
    file: Vec<u8>,
}

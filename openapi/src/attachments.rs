//! Uploaded files: cover images, pictures in articles, the full text of documents.

use serde::{Deserialize, Serialize};

/// Largest upload accepted, checked while the file streams in.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// What may be uploaded: the type found in the file's first bytes, and the
/// extensions its name may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileType {
    pub content_type: &'static str,
    pub extensions: &'static [&'static str],
}

pub const ALLOWED_FILE_TYPES: [FileType; 8] = [
    FileType {
        content_type: "image/jpeg",
        extensions: &["jpg", "jpeg"],
    },
    FileType {
        content_type: "image/png",
        extensions: &["png"],
    },
    FileType {
        content_type: "image/webp",
        extensions: &["webp"],
    },
    FileType {
        content_type: "application/pdf",
        extensions: &["pdf"],
    },
    FileType {
        content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        extensions: &["docx"],
    },
    FileType {
        content_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        extensions: &["xlsx"],
    },
    FileType {
        content_type: "application/msword",
        extensions: &["doc"],
    },
    FileType {
        content_type: "application/vnd.ms-excel",
        extensions: &["xls"],
    },
];

impl FileType {
    pub fn by_content_type(content_type: &str) -> Option<FileType> {
        ALLOWED_FILE_TYPES
            .into_iter()
            .find(|file_type| file_type.content_type == content_type)
    }

    pub fn is_image(self) -> bool {
        self.content_type.starts_with("image/")
    }
}

/// Where a stored file is downloaded from.
pub fn file_url(key: &str) -> String {
    format!("/api/v1/files/{key}")
}

/// `POST /api/v1/units/{unit}/attachments`: the stored file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Attachment {
    /// The generated name it is stored under; put it in `details.cover_image` or
    /// `details.document.file`.
    #[cfg_attr(
        feature = "server",
        schema(example = "0d9e8c1a-3f4b-4c2d-9a51-6e2f0b7c1d2e.pdf")
    )]
    pub key: String,
    /// Where to download it (always as an attachment, never shown inline).
    pub url: String,
    /// The name it was uploaded with, given back on download.
    pub filename: String,
    /// The type found in the file's content.
    pub content_type: String,
    pub size: u64,
}

/// The bytes of an uploaded file, as the request body (documentation only).
#[cfg(feature = "server")]
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct FileBody(pub Vec<u8>);

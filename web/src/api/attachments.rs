//! `POST /api/v1/units/{unit}/attachments?filename=`: uploads one file, the raw bytes
//! as the body, and answers where it can be downloaded.

use gloo_net::http::Request;
use openapi::attachments::Attachment;
use web_sys::File;

use super::ApiError;
use super::client::{encode_component, fetch_json, request, with_bearer};

/// Uploads `file` for the unit's content; the stored file's key and address.
pub async fn upload(token: &str, unit: &str, file: &File) -> Result<Attachment, ApiError> {
    let url = upload_url(unit, &file.name());
    let mut builder = with_bearer(request(Request::post(&url)), token);
    // An empty type (unknown to the browser) is left for the server to find out.
    let content_type = file.type_();
    if !content_type.is_empty() {
        builder = builder.header("Content-Type", &content_type);
    }
    fetch_json(builder.body(file.clone())).await
}

fn upload_url(unit: &str, filename: &str) -> String {
    format!(
        "/api/v1/units/{}/attachments?filename={}",
        encode_component(unit),
        encode_component(filename)
    )
}

/// The Markdown that shows an image, or links any other file, by its name.
pub fn markdown_link(uploaded: &Attachment) -> String {
    // Brackets in a name would end the link text early.
    let text: String = uploaded
        .filename
        .chars()
        .filter(|c| !matches!(c, '[' | ']'))
        .collect();
    let bang = if uploaded.content_type.starts_with("image/") {
        "!"
    } else {
        ""
    };
    format!("{bang}[{text}]({})", uploaded.url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uploaded(filename: &str, content_type: &str) -> Attachment {
        Attachment {
            key: "abc.pdf".into(),
            size: 3,
            url: "/api/v1/files/abc.pdf".into(),
            filename: filename.into(),
            content_type: content_type.into(),
        }
    }

    #[test]
    fn the_file_name_is_encoded_as_a_query_value() {
        assert_eq!(
            upload_url("phuong-1", "Kế hoạch số 1.pdf"),
            "/api/v1/units/phuong-1/attachments?filename=K%E1%BA%BF%20ho%E1%BA%A1ch%20s%E1%BB%91%201.pdf"
        );
    }

    #[test]
    fn images_are_shown_and_other_files_linked() {
        assert_eq!(
            markdown_link(&uploaded("anh.png", "image/png")),
            "![anh.png](/api/v1/files/abc.pdf)"
        );
        assert_eq!(
            markdown_link(&uploaded("ke-hoach[1].pdf", "application/pdf")),
            "[ke-hoach1.pdf](/api/v1/files/abc.pdf)"
        );
    }
}

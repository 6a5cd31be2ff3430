//! Downloading stored files, always as attachments.

use utoipa_actix_web::service_config::ServiceConfig;

mod download;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(download::download);
}

/// `Content-Disposition: attachment` under the name a file was uploaded with (an
/// ASCII stand-in plus the UTF-8 name), so a browser saves it and never shows it
/// inline.
pub fn attachment_disposition(filename: String) -> actix_web::http::header::ContentDisposition {
    use actix_web::http::header::{
        Charset, ContentDisposition, DispositionParam, DispositionType, ExtendedValue,
    };
    let ascii_name: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![
            DispositionParam::Filename(ascii_name),
            DispositionParam::FilenameExt(ExtendedValue {
                charset: Charset::Ext("UTF-8".to_owned()),
                language_tag: None,
                value: filename.into_bytes(),
            }),
        ],
    }
}

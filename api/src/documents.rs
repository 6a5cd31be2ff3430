//! The documents of a dossier as PDF: the receipt with the appointment date, the
//! supplement request, the refusal and the apology with a new date — the standard
//! forms (mẫu 01–04) of Circular 01/2018/TT-VPCP under Decree 61/2018/NĐ-CP — each
//! with the ward's header, the dossier code and a QR code of the lookup address.
//!
//! Pure: the caller reads the dossier and passes what the form prints; `render`
//! returns the bytes. The fonts are built into the binary.
//!
//! The download (`GET /api/v1/dossiers/{code}/documents/{kind}.pdf`) parses `{kind}`
//! with `DocumentKind::parse`, answers 404 unless `DocumentKind::is_issued` says the
//! dossier has that document, and sends the bytes as `application/pdf` with
//! `Content-Disposition: attachment; filename="{file_name()}"`. Both errors are faults
//! of the server (`.map_err(anyhow::Error::from)?` makes them a 500).

mod fonts;
mod forms;
mod layout;
mod qr;

use chrono::{DateTime, NaiveDate, Utc};
use printpdf::{PdfDocument, PdfSaveOptions};

use crate::appointment::ProcessingTime;

pub use openapi::dossier_documents::DocumentKind;

/// What a document prints. Names are as the citizen and the ward write them
/// ("Phường 1", "Quận 10", "Nguyễn Thị Hồng Nhung"); the header's capitals are made
/// here.
#[derive(Debug, Clone, PartialEq)]
pub struct DossierDocument {
    /// The ward that issues the document, e.g. "Phường 1".
    pub ward_name: String,
    /// The district above it, printed above the ward in the header, if any.
    pub district_name: Option<String>,
    /// The dossier code, `{unit code}-{yyMMdd}-{NNNN}`.
    pub code: String,
    pub applicant_name: String,
    pub applicant_phone: Option<String>,
    pub procedure_name: String,
    /// When the ward received the dossier: the latest filing or supplement before the
    /// document; for the apology, the acceptance.
    pub received_at: DateTime<Utc>,
    /// The officer who signs: the intake officer, or for an apology the head of the
    /// ward. Printed under the signature line when known.
    pub officer_name: Option<String>,
    /// The public lookup address of the dossier, printed and encoded in the QR code.
    pub lookup_url: String,
    /// The date the document is issued (Vietnam civil date).
    pub issued_on: NaiveDate,
    pub details: DocumentDetails,
}

/// What only one kind of document prints; the kind follows from it.
#[derive(Debug, Clone, PartialEq)]
pub enum DocumentDetails {
    Receipt {
        /// The documents the dossier came with (thành phần hồ sơ).
        documents: Vec<String>,
        processing_time: ProcessingTime,
        due_date: NaiveDate,
    },
    SupplementRequest {
        /// Every missing or incomplete item, asked for at once.
        missing_items: Vec<String>,
        /// Why, or how to complete them, if the officer wrote it.
        note: Option<String>,
    },
    Refusal {
        reason: String,
    },
    Apology {
        /// The appointment date given at acceptance; it stays on record.
        due_date: NaiveDate,
        new_due_date: NaiveDate,
        reason: String,
    },
}

impl DossierDocument {
    pub fn kind(&self) -> DocumentKind {
        match self.details {
            DocumentDetails::Receipt { .. } => DocumentKind::Receipt,
            DocumentDetails::SupplementRequest { .. } => DocumentKind::SupplementRequest,
            DocumentDetails::Refusal { .. } => DocumentKind::Refusal,
            DocumentDetails::Apology { .. } => DocumentKind::Apology,
        }
    }

    /// The name the download is saved under, e.g. `27184-260225-0001-receipt.pdf`.
    pub fn file_name(&self) -> String {
        format!("{}-{}.pdf", self.code, self.kind().as_str())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// A font built into the binary does not parse: a broken build, not bad input.
    #[error("the built-in font {0} cannot be read")]
    Font(&'static str),
    /// The lookup address is longer than a QR code holds (about 2,300 characters).
    #[error("the lookup address is too long for a QR code")]
    LookupUrlTooLong,
}

/// The document as a PDF file: A4, text extractable (each font carries its Unicode
/// map), one page unless the lists run long.
pub fn render(document: &DossierDocument) -> Result<Vec<u8>, DocumentError> {
    let qr = qr::encode(&document.lookup_url)?;
    let title = format!("{} {}", document.kind().label(), document.code);
    let mut pdf = PdfDocument::new(&title);
    let fonts = fonts::Fonts::add_to(&mut pdf)?;
    let mut page = layout::Composer::new(&fonts);
    forms::compose(&mut page, document, &qr);
    let pages = page.finish(&document.code);
    let options = PdfSaveOptions {
        // printpdf can only cut fonts down with its layout engine, which is left out;
        // the built-in fonts are already cut to the Vietnamese alphabet.
        subset_fonts: false,
        ..PdfSaveOptions::default()
    };
    Ok(pdf.with_pages(pages).save(&options, &mut Vec::new()))
}

#[cfg(test)]
mod tests;

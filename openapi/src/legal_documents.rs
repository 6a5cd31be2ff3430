//! Legal documents (văn bản chỉ đạo, điều hành): the register fields a citizen looks a
//! document up by, and how the public lists them.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::FieldError;
use crate::content::UnitLabel;
use crate::values::bounded_text;

/// The document's form, as printed above its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocumentType {
    QuyetDinh,
    ChiThi,
    NghiQuyet,
    KeHoach,
    ThongBao,
    CongVan,
    BaoCao,
    HuongDan,
    Khac,
}

impl DocumentType {
    pub const ALL: [DocumentType; 9] = [
        DocumentType::QuyetDinh,
        DocumentType::ChiThi,
        DocumentType::NghiQuyet,
        DocumentType::KeHoach,
        DocumentType::ThongBao,
        DocumentType::CongVan,
        DocumentType::BaoCao,
        DocumentType::HuongDan,
        DocumentType::Khac,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocumentType::QuyetDinh => "quyet_dinh",
            DocumentType::ChiThi => "chi_thi",
            DocumentType::NghiQuyet => "nghi_quyet",
            DocumentType::KeHoach => "ke_hoach",
            DocumentType::ThongBao => "thong_bao",
            DocumentType::CongVan => "cong_van",
            DocumentType::BaoCao => "bao_cao",
            DocumentType::HuongDan => "huong_dan",
            DocumentType::Khac => "khac",
        }
    }

    pub fn parse(value: &str) -> Option<DocumentType> {
        DocumentType::ALL
            .into_iter()
            .find(|kind| kind.as_str() == value)
    }

    /// The name people read.
    pub fn label(self) -> &'static str {
        match self {
            DocumentType::QuyetDinh => "Quyết định",
            DocumentType::ChiThi => "Chỉ thị",
            DocumentType::NghiQuyet => "Nghị quyết",
            DocumentType::KeHoach => "Kế hoạch",
            DocumentType::ThongBao => "Thông báo",
            DocumentType::CongVan => "Công văn",
            DocumentType::BaoCao => "Báo cáo",
            DocumentType::HuongDan => "Hướng dẫn",
            DocumentType::Khac => "Văn bản khác",
        }
    }
}

/// Whether the document still applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Validity {
    InForce,
    Expired,
    /// Replaced by another document, named in `replaced_by`.
    Replaced,
}

impl Validity {
    pub const ALL: [Validity; 3] = [Validity::InForce, Validity::Expired, Validity::Replaced];

    pub fn as_str(self) -> &'static str {
        match self {
            Validity::InForce => "in_force",
            Validity::Expired => "expired",
            Validity::Replaced => "replaced",
        }
    }

    pub fn parse(value: &str) -> Option<Validity> {
        Validity::ALL
            .into_iter()
            .find(|validity| validity.as_str() == value)
    }

    pub fn label(self) -> &'static str {
        match self {
            Validity::InForce => "Còn hiệu lực",
            Validity::Expired => "Hết hiệu lực",
            Validity::Replaced => "Bị thay thế",
        }
    }
}

pub const MAX_NUMBER_CHARS: usize = 50;
pub const MAX_NAME_CHARS: usize = 200;

/// The register fields of a legal document, as the editor enters them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DocumentFields {
    /// Số, ký hiệu.
    #[cfg_attr(feature = "server", schema(example = "125/QĐ-UBND"))]
    pub number: String,
    pub document_type: DocumentType,
    /// Cơ quan ban hành.
    #[cfg_attr(feature = "server", schema(example = "Ủy ban nhân dân Phường 1"))]
    pub issuer: String,
    /// Người ký.
    pub signer: String,
    /// Ngày ban hành.
    pub issued_on: NaiveDate,
    /// Ngày hiệu lực; absent when the document says "from the date of signing".
    #[serde(default)]
    pub effective_on: Option<NaiveDate>,
    pub validity: Validity,
    /// The slug of the document of the same unit that replaced this one; only with
    /// `validity = replaced`.
    #[serde(default)]
    pub replaced_by: Option<String>,
    /// The key of the uploaded file (the full text, usually a PDF).
    #[serde(default)]
    pub file: Option<String>,
}

impl DocumentFields {
    /// The fields normalized, or every problem at once; field names are prefixed
    /// `details.document.` as in the request body.
    pub fn parse(&self) -> Result<DocumentFields, Vec<FieldError>> {
        self.parse_at("details.document")
    }

    /// As [`DocumentFields::parse`], for fields found at `prefix` in the body.
    pub fn parse_at(&self, prefix: &str) -> Result<DocumentFields, Vec<FieldError>> {
        let mut errors = Vec::new();
        let field = |name: &str| format!("{prefix}.{name}");
        let number = bounded_text(
            &field("number"),
            &self.number,
            1,
            MAX_NUMBER_CHARS,
            &mut errors,
        );
        let issuer = bounded_text(
            &field("issuer"),
            &self.issuer,
            1,
            MAX_NAME_CHARS,
            &mut errors,
        );
        let signer = bounded_text(
            &field("signer"),
            &self.signer,
            1,
            MAX_NAME_CHARS,
            &mut errors,
        );
        if self
            .effective_on
            .is_some_and(|effective| effective < self.issued_on)
        {
            errors.push(FieldError::new(
                &field("effective_on"),
                "before_issue",
                "Ngày hiệu lực không thể trước ngày ban hành",
            ));
        }
        let replaced_by = self
            .replaced_by
            .as_deref()
            .map(str::trim)
            .filter(|slug| !slug.is_empty())
            .map(str::to_owned);
        match (self.validity, &replaced_by) {
            (Validity::Replaced, None) => errors.push(FieldError::new(
                &field("replaced_by"),
                "required",
                "Văn bản bị thay thế phải nêu văn bản thay thế",
            )),
            (Validity::InForce | Validity::Expired, Some(_)) => errors.push(FieldError::new(
                &field("replaced_by"),
                "not_replaced",
                "Chỉ văn bản bị thay thế mới có văn bản thay thế",
            )),
            _ => {}
        }
        if errors.is_empty() {
            Ok(DocumentFields {
                number,
                document_type: self.document_type,
                issuer,
                signer,
                issued_on: self.issued_on,
                effective_on: self.effective_on,
                validity: self.validity,
                replaced_by,
                file: self.file.clone().filter(|key| !key.trim().is_empty()),
            })
        } else {
            Err(errors)
        }
    }
}

/// A published legal document in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct LegalDocumentSummary {
    pub unit: UnitLabel,
    pub slug: String,
    /// Trích yếu.
    pub title: String,
    pub summary: String,
    pub number: String,
    pub document_type: DocumentType,
    pub issuer: String,
    pub signer: String,
    pub issued_on: NaiveDate,
    pub effective_on: Option<NaiveDate>,
    pub validity: Validity,
    pub replaced_by: Option<String>,
    /// Where to download the full text, if it was uploaded.
    pub file_url: Option<String>,
    pub published_at: DateTime<FixedOffset>,
}

/// A published legal document with its rendered body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct LegalDocument {
    #[serde(flatten)]
    pub document: LegalDocumentSummary,
    /// Sanitized HTML rendered from the author's Markdown.
    pub body_html: String,
}

/// One page of legal documents, newest issue date first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct LegalDocumentPage {
    pub items: Vec<LegalDocumentSummary>,
    pub next_cursor: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(validity: Validity, replaced_by: Option<&str>) -> DocumentFields {
        DocumentFields {
            number: " 125/QĐ-UBND ".into(),
            document_type: DocumentType::QuyetDinh,
            issuer: "Ủy ban nhân dân Phường 1".into(),
            signer: "Nguyễn Văn An".into(),
            issued_on: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            effective_on: None,
            validity,
            replaced_by: replaced_by.map(str::to_owned),
            file: None,
        }
    }

    #[test]
    fn a_replaced_document_names_its_replacement() {
        let errors = fields(Validity::Replaced, None).parse().unwrap_err();
        assert_eq!(errors[0].field, "details.document.replaced_by");
        assert!(
            fields(Validity::Replaced, Some("qd-130-2026"))
                .parse()
                .is_ok()
        );
    }

    #[test]
    fn a_document_in_force_has_no_replacement() {
        let errors = fields(Validity::InForce, Some("qd-130-2026"))
            .parse()
            .unwrap_err();
        assert_eq!(errors[0].code, "not_replaced");
    }

    #[test]
    fn a_document_cannot_take_effect_before_it_is_issued() {
        let mut early = fields(Validity::InForce, None);
        early.effective_on = NaiveDate::from_ymd_opt(2026, 3, 1);
        assert_eq!(early.parse().unwrap_err()[0].code, "before_issue");
    }

    #[test]
    fn the_number_is_trimmed() {
        let parsed = fields(Validity::InForce, None).parse().unwrap();
        assert_eq!(parsed.number, "125/QĐ-UBND");
    }
}

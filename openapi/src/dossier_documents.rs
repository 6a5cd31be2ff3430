//! The documents of a dossier a citizen downloads as PDF
//! (`GET /api/v1/dossiers/{code}/documents/{kind}.pdf`): the standard forms of
//! Circular 01/2018/TT-VPCP under Decree 61/2018/NĐ-CP.

use serde::{Deserialize, Serialize};

use crate::dossiers::DossierStatus;

/// Which document: the `{kind}` of the download path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    /// Mẫu số 01: the receipt with the appointment date, once accepted.
    Receipt,
    /// Mẫu số 02: every missing item at once, when a supplement is asked for.
    SupplementRequest,
    /// Mẫu số 03: the refusal with its reason.
    Refusal,
    /// Mẫu số 04: the apology with the new date, when the dossier is late.
    Apology,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 4] = [
        DocumentKind::Receipt,
        DocumentKind::SupplementRequest,
        DocumentKind::Refusal,
        DocumentKind::Apology,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Receipt => "receipt",
            DocumentKind::SupplementRequest => "supplement-request",
            DocumentKind::Refusal => "refusal",
            DocumentKind::Apology => "apology",
        }
    }

    pub fn parse(value: &str) -> Option<DocumentKind> {
        DocumentKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == value)
    }

    /// The form's title, as printed on it.
    pub fn title(self) -> &'static str {
        match self {
            DocumentKind::Receipt => "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
            DocumentKind::SupplementRequest => "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
            DocumentKind::Refusal => "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
            DocumentKind::Apology => "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
        }
    }

    /// What a download link says.
    pub fn label(self) -> &'static str {
        match self {
            DocumentKind::Receipt => "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
            DocumentKind::SupplementRequest => "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
            DocumentKind::Refusal => "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
            DocumentKind::Apology => "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
        }
    }

    /// The form's number in Circular 01/2018/TT-VPCP.
    pub fn form_number(self) -> &'static str {
        match self {
            DocumentKind::Receipt => "Mẫu số 01",
            DocumentKind::SupplementRequest => "Mẫu số 02",
            DocumentKind::Refusal => "Mẫu số 03",
            DocumentKind::Apology => "Mẫu số 04",
        }
    }
}

/// What a dossier's record says, as far as its documents go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentFacts {
    pub status: DossierStatus,
    /// It was accepted and given an appointment date, whatever came after.
    pub accepted: bool,
    /// An officer asked for a supplement at some point.
    pub supplement_requested: bool,
    /// It ran late and the ward gave an apology with a new date.
    pub apologized: bool,
}

impl DocumentKind {
    /// Whether the dossier has this document: the receipt once accepted (still after a
    /// withdrawal, as proof of what was filed), the supplement request once asked for
    /// (the latest request), the refusal when refused, the apology once a new date was
    /// given.
    pub fn is_issued(self, facts: &DocumentFacts) -> bool {
        match self {
            DocumentKind::Receipt => facts.accepted,
            DocumentKind::SupplementRequest => {
                facts.supplement_requested || facts.status == DossierStatus::NeedsSupplement
            }
            DocumentKind::Refusal => facts.status == DossierStatus::Refused,
            DocumentKind::Apology => facts.apologized,
        }
    }

    /// The documents a dossier has, in the order of the forms.
    pub fn issued(facts: &DocumentFacts) -> Vec<DocumentKind> {
        DocumentKind::ALL
            .into_iter()
            .filter(|kind| kind.is_issued(facts))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(status: DossierStatus) -> DocumentFacts {
        DocumentFacts {
            status,
            accepted: false,
            supplement_requested: false,
            apologized: false,
        }
    }

    #[test]
    fn a_dossier_just_filed_has_no_document_yet() {
        assert_eq!(
            DocumentKind::issued(&facts(DossierStatus::Submitted)),
            vec![]
        );
    }

    #[test]
    fn a_supplement_request_stays_available_after_the_dossier_is_accepted() {
        let asked = facts(DossierStatus::NeedsSupplement);
        assert_eq!(
            DocumentKind::issued(&asked),
            vec![DocumentKind::SupplementRequest]
        );
        let accepted = DocumentFacts {
            accepted: true,
            supplement_requested: true,
            ..facts(DossierStatus::Processing)
        };
        assert_eq!(
            DocumentKind::issued(&accepted),
            vec![DocumentKind::Receipt, DocumentKind::SupplementRequest]
        );
    }

    #[test]
    fn a_refused_dossier_has_its_refusal_and_no_receipt() {
        assert_eq!(
            DocumentKind::issued(&facts(DossierStatus::Refused)),
            vec![DocumentKind::Refusal]
        );
    }

    #[test]
    fn a_late_dossier_has_its_receipt_and_its_apology() {
        let late = DocumentFacts {
            accepted: true,
            apologized: true,
            ..facts(DossierStatus::Processing)
        };
        assert_eq!(
            DocumentKind::issued(&late),
            vec![DocumentKind::Receipt, DocumentKind::Apology]
        );
    }

    #[test]
    fn every_kind_has_a_wire_name_that_parses_back() {
        for kind in DocumentKind::ALL {
            assert_eq!(DocumentKind::parse(kind.as_str()), Some(kind));
        }
    }

    #[test]
    fn the_wire_name_is_the_serialized_name() {
        for kind in DocumentKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
    }

    #[test]
    fn an_unknown_kind_does_not_parse() {
        assert_eq!(DocumentKind::parse("invoice"), None);
        assert_eq!(DocumentKind::parse("Receipt"), None);
    }
}

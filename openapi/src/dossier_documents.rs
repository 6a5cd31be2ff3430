//! The documents of a dossier a citizen downloads as PDF
//! (`GET /api/v1/dossiers/{code}/documents/{kind}.pdf`): the standard forms of
//! Circular 01/2018/TT-VPCP under Decree 61/2018/NĐ-CP.

use serde::{Deserialize, Serialize};

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

#[cfg(test)]
mod tests {
    use super::*;

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

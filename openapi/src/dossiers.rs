//! Dossiers (hồ sơ): a citizen's application under a procedure, from submission to
//! result, and the national status code each of its states is reported under.

use serde::{Deserialize, Serialize};

/// Where a dossier stands.
///
/// `submitted → accepted | needs_supplement | refused`; `needs_supplement →
/// resubmitted` (the citizen answered) `→ accepted | needs_supplement | refused`;
/// `accepted → processing → result_ready → returned`; `withdrawn` by the citizen
/// before a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DossierStatus {
    /// Filed online, waiting for the intake officer.
    Submitted,
    /// The intake officer asked for missing items; waiting for the citizen.
    NeedsSupplement,
    /// The citizen supplied the missing items; waiting for the intake officer again.
    Resubmitted,
    /// Complete and accepted; the appointment date is set.
    Accepted,
    /// Refused at intake, with a reason.
    Refused,
    /// A department officer is working on it.
    Processing,
    /// The result is ready for the citizen.
    ResultReady,
    /// The result was handed to the citizen.
    Returned,
    /// The citizen withdrew it before a result.
    Withdrawn,
}

/// A status of the National Public Service Portal (Cổng Dịch vụ công quốc gia), as
/// listed in `dvcqg-status-codes.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct NationalStatus {
    pub code: u8,
    pub name: String,
}

impl DossierStatus {
    pub const ALL: [DossierStatus; 9] = [
        DossierStatus::Submitted,
        DossierStatus::NeedsSupplement,
        DossierStatus::Resubmitted,
        DossierStatus::Accepted,
        DossierStatus::Refused,
        DossierStatus::Processing,
        DossierStatus::ResultReady,
        DossierStatus::Returned,
        DossierStatus::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DossierStatus::Submitted => "submitted",
            DossierStatus::NeedsSupplement => "needs_supplement",
            DossierStatus::Resubmitted => "resubmitted",
            DossierStatus::Accepted => "accepted",
            DossierStatus::Refused => "refused",
            DossierStatus::Processing => "processing",
            DossierStatus::ResultReady => "result_ready",
            DossierStatus::Returned => "returned",
            DossierStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(value: &str) -> Option<DossierStatus> {
        DossierStatus::ALL
            .into_iter()
            .find(|status| status.as_str() == value)
    }

    /// What the citizen and the officer read.
    pub fn label(self) -> &'static str {
        match self {
            DossierStatus::Submitted => "Chờ tiếp nhận",
            DossierStatus::NeedsSupplement => "Cần bổ sung",
            DossierStatus::Resubmitted => "Đã bổ sung, chờ tiếp nhận",
            DossierStatus::Accepted => "Đã tiếp nhận",
            DossierStatus::Refused => "Từ chối tiếp nhận",
            DossierStatus::Processing => "Đang xử lý",
            DossierStatus::ResultReady => "Có kết quả",
            DossierStatus::Returned => "Đã trả kết quả",
            DossierStatus::Withdrawn => "Đã rút",
        }
    }

    /// The national status it is reported under; each state has exactly one.
    pub fn national(self) -> NationalStatus {
        let (code, name) = match self {
            DossierStatus::Submitted | DossierStatus::Resubmitted => (1, "Mới đăng ký"),
            DossierStatus::Accepted => (2, "Được tiếp nhận"),
            DossierStatus::Refused => (3, "Không được tiếp nhận"),
            DossierStatus::Processing => (4, "Đang xử lý"),
            DossierStatus::NeedsSupplement => (5, "Yêu cầu bổ sung giấy tờ"),
            DossierStatus::Withdrawn => (7, "Công dân yêu cầu rút hồ sơ"),
            DossierStatus::ResultReady => (9, "Đã xử lý xong"),
            DossierStatus::Returned => (10, "Đã trả kết quả"),
        };
        NationalStatus {
            code,
            name: name.to_owned(),
        }
    }

    /// Whether the dossier is finished: nothing more happens to it but a rating.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            DossierStatus::Refused | DossierStatus::Returned | DossierStatus::Withdrawn
        )
    }

    /// Whether the citizen may still withdraw it (not once a result exists).
    pub fn can_withdraw(self) -> bool {
        matches!(
            self,
            DossierStatus::Submitted
                | DossierStatus::NeedsSupplement
                | DossierStatus::Resubmitted
                | DossierStatus::Accepted
                | DossierStatus::Processing
        )
    }
}

/// A step of the process record (phiếu kiểm soát quá trình).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DossierStep {
    /// The citizen filed it.
    Submitted,
    /// The intake officer asked for missing items.
    SupplementRequested,
    /// The citizen supplied them.
    Resubmitted,
    /// The intake officer accepted it and set the appointment date.
    Accepted,
    /// The intake officer refused it, with a reason.
    Refused,
    /// Given to a department officer to process.
    Assigned,
    /// The result is ready.
    ResultReady,
    /// The result was handed to the citizen.
    Returned,
    /// The citizen withdrew it.
    Withdrawn,
    /// Late: an apology with a new date (the original date stays on record).
    Apologized,
}

impl DossierStep {
    pub const ALL: [DossierStep; 10] = [
        DossierStep::Submitted,
        DossierStep::SupplementRequested,
        DossierStep::Resubmitted,
        DossierStep::Accepted,
        DossierStep::Refused,
        DossierStep::Assigned,
        DossierStep::ResultReady,
        DossierStep::Returned,
        DossierStep::Withdrawn,
        DossierStep::Apologized,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DossierStep::Submitted => "submitted",
            DossierStep::SupplementRequested => "supplement_requested",
            DossierStep::Resubmitted => "resubmitted",
            DossierStep::Accepted => "accepted",
            DossierStep::Refused => "refused",
            DossierStep::Assigned => "assigned",
            DossierStep::ResultReady => "result_ready",
            DossierStep::Returned => "returned",
            DossierStep::Withdrawn => "withdrawn",
            DossierStep::Apologized => "apologized",
        }
    }

    pub fn parse(value: &str) -> Option<DossierStep> {
        DossierStep::ALL
            .into_iter()
            .find(|step| step.as_str() == value)
    }

    pub fn label(self) -> &'static str {
        match self {
            DossierStep::Submitted => "Nộp hồ sơ trực tuyến",
            DossierStep::SupplementRequested => "Yêu cầu bổ sung hồ sơ",
            DossierStep::Resubmitted => "Công dân bổ sung hồ sơ",
            DossierStep::Accepted => "Tiếp nhận hồ sơ, hẹn trả kết quả",
            DossierStep::Refused => "Từ chối tiếp nhận",
            DossierStep::Assigned => "Chuyển cán bộ chuyên môn xử lý",
            DossierStep::ResultReady => "Có kết quả giải quyết",
            DossierStep::Returned => "Trả kết quả",
            DossierStep::Withdrawn => "Công dân rút hồ sơ",
            DossierStep::Apologized => "Xin lỗi và hẹn lại ngày trả kết quả",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_a_wire_name_that_parses_back() {
        for status in DossierStatus::ALL {
            assert_eq!(DossierStatus::parse(status.as_str()), Some(status));
        }
    }

    #[test]
    fn every_step_has_a_wire_name_that_parses_back() {
        for step in DossierStep::ALL {
            assert_eq!(DossierStep::parse(step.as_str()), Some(step));
        }
    }

    #[test]
    fn every_status_maps_to_a_listed_national_code() {
        // The national list (dvcqg-status-codes.json) runs from 1 to 10.
        for status in DossierStatus::ALL {
            assert!((1..=10).contains(&status.national().code), "{status:?}");
        }
        assert_eq!(DossierStatus::Returned.national().code, 10);
        assert_eq!(DossierStatus::NeedsSupplement.national().code, 5);
    }
}

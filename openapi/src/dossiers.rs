//! Dossiers (hồ sơ): a citizen's application under a procedure, from submission to
//! result, and the national status code each of its states is reported under.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::content::UnitLabel;
use crate::dossier_workflow::DossierAction;
use crate::feedback_workflow::StaffLabel;
use crate::procedures::FormValue;

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

/// `POST /api/v1/units/{unit}/dossiers`: a citizen files a dossier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SubmitDossier {
    /// The procedure's code in the ward's catalog, e.g. `HT-KS`.
    pub procedure_code: String,
    /// Field key → answer; a `file` field holds the ids of uploads from
    /// `POST /api/v1/uploads` (one id, or a list).
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub form: BTreeMap<String, serde_json::Value>,
    /// The caller's draft this submission finishes; it is deleted with the filing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft_id: Option<i64>,
}

/// The procedure a dossier was filed under, in the version it was filed under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DossierProcedure {
    pub code: String,
    pub name: String,
    pub version: i32,
}

/// A file of a dossier, sent for one form field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DossierFile {
    pub id: i64,
    /// The name it was uploaded with.
    pub filename: String,
    /// The type found in the file's content.
    pub content_type: String,
    pub size: u64,
    /// 0 when sent with the submission, n with the nth supplement.
    pub round: i32,
    /// Where the owner and the ward's staff download it (always as an attachment):
    /// `/api/v1/dossiers/{code}/files/{id}`.
    pub url: String,
}

/// Where the owner and the ward's staff download a dossier's file.
pub fn dossier_file_url(code: &str, file_id: i64) -> String {
    format!("/api/v1/dossiers/{code}/files/{file_id}")
}

/// One item the intake officer asks the citizen to supply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SupplementItem {
    /// The key of the form field it concerns, when it concerns one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field_key: Option<String>,
    /// What is missing or wrong, in the officer's words.
    pub description: String,
}

/// The `details` of a `supplement_requested` step in the process record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SupplementRequestDetails {
    pub items: Vec<SupplementItem>,
}

/// The citizen's rating of the service after the result was returned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DossierRating {
    /// 1 (very poor) to 5 (very good).
    pub score: i16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    pub rated_at: DateTime<FixedOffset>,
}

/// A step of the process record as the owner and the staff read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ProcessStep {
    pub step: DossierStep,
    /// The step's Vietnamese name.
    pub label: String,
    /// Empty for the submission.
    pub from_status: Option<DossierStatus>,
    pub to_status: DossierStatus,
    pub at: DateTime<FixedOffset>,
    /// The staff member who took the step; empty in the citizen's view and for the
    /// citizen's own steps.
    pub actor: Option<String>,
    pub note: Option<String>,
    /// The due date in force when the step was taken.
    pub due_on: Option<NaiveDate>,
    /// Whether the step came by that date; empty when no date applied.
    pub on_time: Option<bool>,
}

/// `GET /api/v1/dossiers/{code}`: the dossier as its owner and the ward's staff read it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Dossier {
    /// `{unit code}-{yyMMdd}-{NNNN}`.
    #[cfg_attr(feature = "server", schema(example = "P01-261129-0001"))]
    pub code: String,
    pub status: DossierStatus,
    /// The status in Vietnamese.
    pub status_label: String,
    pub national_status: NationalStatus,
    pub unit: UnitLabel,
    pub procedure: DossierProcedure,
    pub applicant_name: String,
    pub contact_phone: String,
    pub contact_email: Option<String>,
    /// The checked answers, field key → value (file fields: upload ids).
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub form: BTreeMap<String, FormValue>,
    /// The files per form field key.
    pub files: BTreeMap<String, Vec<DossierFile>>,
    pub submitted_at: DateTime<FixedOffset>,
    pub accepted_at: Option<DateTime<FixedOffset>>,
    /// The appointment date (ngày hẹn trả) set at acceptance; it stays on record
    /// after an apology.
    pub due_on: Option<NaiveDate>,
    /// The new date of the latest apology.
    pub rescheduled_due_on: Option<NaiveDate>,
    /// One working day before the due date without a result.
    pub at_risk: bool,
    /// Past the due date without a result, or a result after it.
    pub late: bool,
    /// What the intake officer asked for, while the dossier waits for it.
    pub supplement_items: Vec<SupplementItem>,
    /// The department officer processing it; staff only (empty for the citizen).
    pub assigned_to: Option<StaffLabel>,
    /// What the caller may do to the dossier now, given its state and their roles:
    /// the actions of `dossier_workflow`.
    pub actions: Vec<DossierAction>,
    /// Why intake refused it, when it did.
    pub refusal_reason: Option<String>,
    pub rating: Option<DossierRating>,
    /// The process record, oldest first.
    pub steps: Vec<ProcessStep>,
}

/// A step of the process record in the public lookup: no names, no notes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PublicStep {
    pub step: DossierStep,
    pub label: String,
    pub to_status: DossierStatus,
    pub at: DateTime<FixedOffset>,
    pub due_on: Option<NaiveDate>,
    pub on_time: Option<bool>,
}

/// `GET /api/v1/dossiers/{code}?contact=<phone>`: where a dossier stands, for anyone
/// holding its code and phone. Nothing personal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DossierLookup {
    pub code: String,
    pub status: DossierStatus,
    pub status_label: String,
    pub national_status: NationalStatus,
    pub procedure_name: String,
    pub unit: UnitLabel,
    pub submitted_at: DateTime<FixedOffset>,
    pub accepted_at: Option<DateTime<FixedOffset>>,
    pub due_on: Option<NaiveDate>,
    pub rescheduled_due_on: Option<NaiveDate>,
    pub steps: Vec<PublicStep>,
}

/// A dossier in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DossierSummary {
    pub code: String,
    pub status: DossierStatus,
    pub status_label: String,
    pub national_status: NationalStatus,
    pub unit: UnitLabel,
    pub procedure_code: String,
    pub procedure_name: String,
    pub submitted_at: DateTime<FixedOffset>,
    pub due_on: Option<NaiveDate>,
    pub rescheduled_due_on: Option<NaiveDate>,
    /// What happens next, in a Vietnamese sentence for the citizen.
    pub next_step: String,
}

/// `GET /api/v1/me/dossiers`: the caller's dossiers, newest first, a page at a time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DossierList {
    pub items: Vec<DossierSummary>,
    /// Pass as `cursor` for the next page; empty on the last.
    pub next_cursor: Option<String>,
}

impl DossierStatus {
    /// What happens next, as the citizen reads it in "my dossiers".
    pub fn next_step(self) -> &'static str {
        match self {
            DossierStatus::Submitted | DossierStatus::Resubmitted => {
                "Chờ cán bộ tiếp nhận kiểm tra hồ sơ."
            }
            DossierStatus::NeedsSupplement => {
                "Bạn cần bổ sung các giấy tờ được yêu cầu rồi gửi lại hồ sơ."
            }
            DossierStatus::Accepted => "Hồ sơ đã được tiếp nhận; chờ chuyển cán bộ xử lý.",
            DossierStatus::Processing => "Cán bộ chuyên môn đang xử lý hồ sơ.",
            DossierStatus::ResultReady => "Đã có kết quả; bạn đến nhận theo ngày hẹn.",
            DossierStatus::Returned => "Đã trả kết quả; bạn có thể đánh giá mức độ hài lòng.",
            DossierStatus::Refused => "Hồ sơ không được tiếp nhận; xem lý do từ chối.",
            DossierStatus::Withdrawn => "Bạn đã rút hồ sơ; không cần làm gì thêm.",
        }
    }
}

/// `POST /api/v1/units/{unit}/dossier-drafts`: a form saved to finish later.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewDossierDraft {
    pub procedure_code: String,
    /// Field key → answer, possibly incomplete; what is given must be valid.
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub form: BTreeMap<String, serde_json::Value>,
}

/// `PUT /api/v1/dossier-drafts/{id}`: the draft's answers replaced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UpdateDossierDraft {
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub form: BTreeMap<String, serde_json::Value>,
}

/// A saved draft, as its owner reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DossierDraft {
    pub id: i64,
    pub unit: UnitLabel,
    pub procedure_code: String,
    pub procedure_name: String,
    /// The checked answers so far (file fields: upload ids).
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub form: BTreeMap<String, FormValue>,
    pub created_at: DateTime<FixedOffset>,
    pub updated_at: DateTime<FixedOffset>,
}

/// `GET /api/v1/me/dossier-drafts`: the caller's drafts, last changed first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DossierDraftList {
    pub items: Vec<DossierDraft>,
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

    #[test]
    fn a_submission_without_a_draft_reads_from_the_issue_example() {
        let body = r#"{"procedure_code": "HT-KS", "form": {"child_name": "An"}}"#;
        let submit: SubmitDossier = serde_json::from_str(body).unwrap();
        assert_eq!(submit.procedure_code, "HT-KS");
        assert_eq!(submit.draft_id, None);
        assert!(
            serde_json::from_str::<SubmitDossier>(
                r#"{"procedure_code": "HT-KS", "form": {}, "x": 1}"#
            )
            .is_err()
        );
    }

    #[test]
    fn a_file_is_downloaded_under_its_dossier() {
        assert_eq!(
            dossier_file_url("P01-261129-0001", 7),
            "/api/v1/dossiers/P01-261129-0001/files/7"
        );
    }
}

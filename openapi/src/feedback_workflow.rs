//! How the ward handles feedback, and what it publishes.
//!
//! Staff paths (all under `/api/v1/units/{unit}`, `{code}` is the tracking code):
//!
//! | operation | path | who |
//! |---|---|---|
//! | queues | `GET feedback-queue/{queue}` (`triage`, `department`, `review`, `publish`) | web officer (triage, publish), department officer (department), reviewer (review) |
//! | staff detail | `GET feedback/{code}/staff` | any of those roles |
//! | redaction preview | `GET feedback/{code}/redaction` | reviewer, web officer |
//! | forward | `POST feedback/{code}/forward` [`ForwardRequest`] | web officer |
//! | answer | `POST feedback/{code}/answer` [`AnswerRequest`] | department officer, member of the assigned department |
//! | return to department | `POST feedback/{code}/return` [`ReturnRequest`] | reviewer |
//! | approve | `POST feedback/{code}/approve` [`ApproveFeedbackRequest`] | reviewer, never the one who answered |
//! | publish | `POST feedback/{code}/publish` (no body) | web officer |
//! | reject | `POST feedback/{code}/reject` [`RejectRequest`] | web officer |
//! | close | `POST feedback/{code}/close` [`CloseRequest`] | web officer |
//! | departments | `GET departments` | ward admin, web officer |
//! | membership | `PUT`/`DELETE departments/{department}/members/{account_id}` | ward admin |
//!
//! Every action answers the [`StaffFeedback`] after it. A district admin acts in every
//! ward below the district.
//!
//! Public paths: `GET /api/v1/units/{unit}/feedback` ([`PublishedFeedbackPage`],
//! `?q=&cursor=&limit=`) and `GET /api/v1/units/{unit}/feedback/{code}`
//! ([`PublishedFeedback`]): only what the ward published, redacted, never a contact.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::FieldError;
use crate::content::UnitLabel;
use crate::feedback::{FeedbackCategory, FeedbackState, MAX_CONTENT_CHARS, MAX_TITLE_CHARS};
use crate::values::bounded_text;

pub const MAX_INSTRUCTION_CHARS: usize = 2_000;
pub const MAX_REPLY_CHARS: usize = 10_000;
pub const MAX_REASON_CHARS: usize = 2_000;
pub const MAX_BODY_NAME_CHARS: usize = 300;

/// A staff list of feedback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FeedbackQueue {
    /// `received`: waiting for the web officer to forward or reject.
    Triage,
    /// `forwarded` or `returned_to_department` to one of the caller's departments
    /// (a district admin sees every department's).
    Department,
    /// `answered`: the draft reply waits for a reviewer.
    Review,
    /// `approved`: ready for the web officer to publish (or close, when private).
    Publish,
}

impl FeedbackQueue {
    pub const ALL: [FeedbackQueue; 4] = [
        FeedbackQueue::Triage,
        FeedbackQueue::Department,
        FeedbackQueue::Review,
        FeedbackQueue::Publish,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FeedbackQueue::Triage => "triage",
            FeedbackQueue::Department => "department",
            FeedbackQueue::Review => "review",
            FeedbackQueue::Publish => "publish",
        }
    }

    pub fn parse(value: &str) -> Option<FeedbackQueue> {
        FeedbackQueue::ALL
            .into_iter()
            .find(|queue| queue.as_str() == value)
    }

    pub fn states(self) -> &'static [FeedbackState] {
        match self {
            FeedbackQueue::Triage => &[FeedbackState::Received],
            FeedbackQueue::Department => &[
                FeedbackState::Forwarded,
                FeedbackState::ReturnedToDepartment,
            ],
            FeedbackQueue::Review => &[FeedbackState::Answered],
            FeedbackQueue::Publish => &[FeedbackState::Approved],
        }
    }
}

/// Why the ward does not take a feedback up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RejectionKind {
    Spam,
    /// The same matter as another feedback of the ward (`duplicate_of`).
    Duplicate,
    /// Not for the ward to settle; `competent_body` says who is.
    OutsideCompetence,
}

impl RejectionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RejectionKind::Spam => "spam",
            RejectionKind::Duplicate => "duplicate",
            RejectionKind::OutsideCompetence => "outside_competence",
        }
    }

    pub fn parse(value: &str) -> Option<RejectionKind> {
        [
            RejectionKind::Spam,
            RejectionKind::Duplicate,
            RejectionKind::OutsideCompetence,
        ]
        .into_iter()
        .find(|kind| kind.as_str() == value)
    }

    pub fn label(self) -> &'static str {
        match self {
            RejectionKind::Spam => "Nội dung không phù hợp",
            RejectionKind::Duplicate => "Trùng với phản ánh đã có",
            RejectionKind::OutsideCompetence => "Không thuộc thẩm quyền của phường",
        }
    }
}

/// An action on a feedback, as the staff console offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FeedbackAction {
    Forward,
    Answer,
    Return,
    Approve,
    Publish,
    Reject,
    Close,
}

/// `POST …/feedback/{code}/forward`: to a department of the ward, with what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ForwardRequest {
    /// The department's slug (`GET …/departments`).
    pub department: String,
    pub instruction: String,
    /// Several agencies are involved: the answer is due 15 working days after
    /// receipt instead of 10.
    #[serde(default)]
    pub multi_agency: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedForward {
    pub department: String,
    pub instruction: String,
    pub multi_agency: bool,
}

impl ForwardRequest {
    pub fn parse(&self) -> Result<CheckedForward, Vec<FieldError>> {
        let mut errors = Vec::new();
        let department = bounded_text("department", &self.department, 1, 100, &mut errors);
        let instruction = bounded_text(
            "instruction",
            &self.instruction,
            1,
            MAX_INSTRUCTION_CHARS,
            &mut errors,
        );
        if errors.is_empty() {
            Ok(CheckedForward {
                department,
                instruction,
                multi_agency: self.multi_agency,
            })
        } else {
            Err(errors)
        }
    }
}

/// `POST …/feedback/{code}/answer`: the department's draft reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AnswerRequest {
    pub reply: String,
}

impl AnswerRequest {
    /// The reply, normalized.
    pub fn parse(&self) -> Result<String, Vec<FieldError>> {
        let mut errors = Vec::new();
        let reply = bounded_text("reply", &self.reply, 1, MAX_REPLY_CHARS, &mut errors);
        if errors.is_empty() {
            Ok(reply)
        } else {
            Err(errors)
        }
    }
}

/// `POST …/feedback/{code}/return`: back to the department, saying why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReturnRequest {
    pub reason: String,
}

impl ReturnRequest {
    pub fn parse(&self) -> Result<String, Vec<FieldError>> {
        let mut errors = Vec::new();
        let reason = bounded_text("reason", &self.reason, 1, MAX_REASON_CHARS, &mut errors);
        if errors.is_empty() {
            Ok(reason)
        } else {
            Err(errors)
        }
    }
}

/// `POST …/feedback/{code}/approve`: the texts the public will read. Each one left
/// out is the automatic redaction (`GET …/feedback/{code}/redaction`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ApproveFeedbackRequest {
    #[serde(default)]
    pub public_title: Option<String>,
    #[serde(default)]
    pub public_content: Option<String>,
    #[serde(default)]
    pub public_reply: Option<String>,
}

/// The public texts a reviewer gave, normalized; `None` where the automatic
/// redaction applies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckedApproval {
    pub public_title: Option<String>,
    pub public_content: Option<String>,
    pub public_reply: Option<String>,
}

impl ApproveFeedbackRequest {
    pub fn parse(&self) -> Result<CheckedApproval, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut text = |field: &str, value: &Option<String>, max: usize| {
            value
                .as_deref()
                .map(|value| bounded_text(field, value, 1, max, &mut errors))
        };
        let public_title = text("public_title", &self.public_title, MAX_TITLE_CHARS);
        let public_content = text("public_content", &self.public_content, MAX_CONTENT_CHARS);
        let public_reply = text("public_reply", &self.public_reply, MAX_REPLY_CHARS);
        if errors.is_empty() {
            Ok(CheckedApproval {
                public_title,
                public_content,
                public_reply,
            })
        } else {
            Err(errors)
        }
    }
}

/// `POST …/feedback/{code}/reject`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RejectRequest {
    pub kind: RejectionKind,
    pub reason: String,
    /// Required for `duplicate`: the code of the other feedback, of the same ward.
    #[serde(default)]
    pub duplicate_of: Option<String>,
    /// Required for `outside_competence`: the body the citizen should turn to.
    #[serde(default)]
    pub competent_body: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedRejection {
    pub kind: RejectionKind,
    pub reason: String,
    pub duplicate_of: Option<String>,
    pub competent_body: Option<String>,
}

impl RejectRequest {
    pub fn parse(&self) -> Result<CheckedRejection, Vec<FieldError>> {
        let mut errors = Vec::new();
        let reason = bounded_text("reason", &self.reason, 1, MAX_REASON_CHARS, &mut errors);
        let given = |value: &Option<String>| {
            value
                .as_deref()
                .map(str::trim)
                .filter(|value| !value.is_empty())
                .map(str::to_owned)
        };
        let mut duplicate_of = None;
        let mut competent_body = None;
        match self.kind {
            RejectionKind::Spam => {}
            RejectionKind::Duplicate => match given(&self.duplicate_of) {
                Some(code) => duplicate_of = Some(code.to_uppercase()),
                None => errors.push(FieldError::new(
                    "duplicate_of",
                    "required",
                    "Cần mã của phản ánh bị trùng",
                )),
            },
            RejectionKind::OutsideCompetence => match given(&self.competent_body) {
                Some(body) => {
                    competent_body = Some(bounded_text(
                        "competent_body",
                        &body,
                        1,
                        MAX_BODY_NAME_CHARS,
                        &mut errors,
                    ))
                }
                None => errors.push(FieldError::new(
                    "competent_body",
                    "required",
                    "Cần nêu cơ quan có thẩm quyền giải quyết",
                )),
            },
        }
        if errors.is_empty() {
            Ok(CheckedRejection {
                kind: self.kind,
                reason,
                duplicate_of,
                competent_body,
            })
        } else {
            Err(errors)
        }
    }
}

/// `POST …/feedback/{code}/close`: `{}` or with a note.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CloseRequest {
    #[serde(default)]
    pub note: Option<String>,
}

/// A department, as feedback names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DepartmentLabel {
    pub slug: String,
    pub name: String,
}

/// A staff account, as feedback and dossiers name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct StaffLabel {
    pub account_id: i64,
    pub full_name: String,
}

/// `GET …/departments`: each department with the officers whose inbox it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Department {
    pub slug: String,
    pub name: String,
    pub members: Vec<StaffLabel>,
}

/// Why a feedback was rejected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Rejection {
    pub kind: RejectionKind,
    /// `kind` in Vietnamese.
    pub kind_label: String,
    pub reason: String,
    pub duplicate_of: Option<String>,
    pub competent_body: Option<String>,
}

/// How to reach the sender. Staff only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct FeedbackContact {
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// One step of a feedback, with who took it and the note (instruction, reason).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct FeedbackEventView {
    pub from: Option<FeedbackState>,
    pub to: FeedbackState,
    /// `null` for the citizen or the system.
    pub actor: Option<StaffLabel>,
    pub at: DateTime<FixedOffset>,
    pub note: Option<String>,
}

/// `GET …/feedback/{code}/staff`, and the answer of every action. Never public.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct StaffFeedback {
    pub code: String,
    pub unit: UnitLabel,
    pub category: FeedbackCategory,
    pub title: String,
    pub content: String,
    pub address: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub contact: FeedbackContact,
    /// `false`: the citizen asked that it stay private; it is closed, never published.
    pub public: bool,
    pub state: FeedbackState,
    pub state_label: String,
    pub department: Option<DepartmentLabel>,
    /// The department the category routes to by default: what to forward to
    /// unless the web officer knows better.
    pub suggested_department: Option<DepartmentLabel>,
    pub instruction: Option<String>,
    pub multi_agency: bool,
    pub received_at: DateTime<FixedOffset>,
    pub due_date: Option<NaiveDate>,
    /// Past its due date and not yet answered to the citizen (published, rejected
    /// or closed).
    pub overdue: bool,
    /// The department's draft reply.
    pub reply: Option<String>,
    pub answered_by: Option<StaffLabel>,
    pub answered_at: Option<DateTime<FixedOffset>>,
    /// Why the reviewer last sent it back to the department.
    pub return_reason: Option<String>,
    pub approved_by: Option<StaffLabel>,
    pub approved_at: Option<DateTime<FixedOffset>>,
    /// The texts fixed at approval: what is published.
    pub public_title: Option<String>,
    pub public_content: Option<String>,
    pub public_reply: Option<String>,
    pub published_at: Option<DateTime<FixedOffset>>,
    pub rejection: Option<Rejection>,
    pub closed_at: Option<DateTime<FixedOffset>>,
    /// Oldest first.
    pub events: Vec<FeedbackEventView>,
    /// What the caller may do now.
    pub actions: Vec<FeedbackAction>,
}

/// One feedback in a staff queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct StaffFeedbackSummary {
    pub code: String,
    pub category: FeedbackCategory,
    pub title: String,
    pub state: FeedbackState,
    pub state_label: String,
    pub department: Option<DepartmentLabel>,
    pub multi_agency: bool,
    pub received_at: DateTime<FixedOffset>,
    pub due_date: Option<NaiveDate>,
    pub overdue: bool,
}

/// `GET …/feedback-queue/{queue}?cursor=&limit=`: oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct StaffFeedbackPage {
    pub items: Vec<StaffFeedbackSummary>,
    /// How many are in the queue, over all pages.
    pub total: u64,
    /// How many of them are overdue, over all pages.
    pub overdue: u64,
    pub next_cursor: Option<String>,
}

/// What the automatic redaction hid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HiddenKind {
    IdNumber,
    Phone,
    Email,
    Name,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct HiddenText {
    pub kind: HiddenKind,
    pub original: String,
}

/// `GET …/feedback/{code}/redaction`: the texts as they would be published by
/// default, and what was hidden, for staff to check and adjust before approving.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct RedactionPreview {
    pub public_title: String,
    pub public_content: String,
    /// `null` while there is no draft reply.
    pub public_reply: Option<String>,
    pub hidden: Vec<HiddenText>,
}

/// A published feedback in the public list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PublishedFeedbackSummary {
    pub code: String,
    pub unit: UnitLabel,
    pub category: FeedbackCategory,
    pub title: String,
    pub received_at: DateTime<FixedOffset>,
    pub published_at: DateTime<FixedOffset>,
}

/// `GET /api/v1/units/{unit}/feedback?q=&cursor=&limit=`: newest first; a district
/// lists its wards' feedback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PublishedFeedbackPage {
    pub items: Vec<PublishedFeedbackSummary>,
    pub next_cursor: Option<String>,
}

/// `GET /api/v1/units/{unit}/feedback/{code}`: the redacted texts and the reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PublishedFeedback {
    pub code: String,
    pub unit: UnitLabel,
    pub category: FeedbackCategory,
    pub title: String,
    pub content: String,
    pub reply: String,
    /// The department that answered.
    pub department: Option<String>,
    pub received_at: DateTime<FixedOffset>,
    pub answered_at: Option<DateTime<FixedOffset>>,
    pub published_at: DateTime<FixedOffset>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duplicate_needs_the_other_code_and_outside_competence_a_body() {
        let duplicate = RejectRequest {
            kind: RejectionKind::Duplicate,
            reason: "Đã phản ánh".into(),
            duplicate_of: Some(" pa-7k3mq-9qxd2 ".into()),
            competent_body: None,
        };
        assert_eq!(
            duplicate.parse().unwrap().duplicate_of.as_deref(),
            Some("PA-7K3MQ-9QXD2")
        );
        let outside = RejectRequest {
            kind: RejectionKind::OutsideCompetence,
            reason: "Thuộc thẩm quyền quận".into(),
            duplicate_of: None,
            competent_body: Some("  ".into()),
        };
        assert_eq!(outside.parse().unwrap_err()[0].field, "competent_body");
    }

    #[test]
    fn an_empty_instruction_is_refused_by_field() {
        let forward = ForwardRequest {
            department: "cong-an".into(),
            instruction: " ".into(),
            multi_agency: false,
        };
        assert_eq!(forward.parse().unwrap_err()[0].field, "instruction");
    }

    #[test]
    fn every_queue_reads_back_from_its_name() {
        for queue in FeedbackQueue::ALL {
            assert_eq!(FeedbackQueue::parse(queue.as_str()), Some(queue));
        }
    }
}

//! What happens to a dossier after filing: intake, processing, result, and the
//! citizen's answers, withdrawal and rating; the staff inbox.
//!
//! Paths (all under `/api/v1`, `{code}` is the dossier code):
//!
//! | operation | path | who |
//! |---|---|---|
//! | accept | `POST dossiers/{code}/accept` [`AcceptDossier`] | intake officer |
//! | ask for a supplement | `POST dossiers/{code}/request-supplement` [`RequestSupplement`] | intake officer |
//! | refuse | `POST dossiers/{code}/refuse` [`RefuseDossier`] | intake officer |
//! | assign | `POST dossiers/{code}/assign` [`AssignDossier`] | intake officer, ward admin |
//! | result ready | `POST dossiers/{code}/result-ready` [`ResultReady`] | the assigned department officer |
//! | return the result | `POST dossiers/{code}/return` [`ReturnResult`] | intake officer |
//! | apologize (late) | `POST dossiers/{code}/apologize` [`Apologize`] | intake officer, ward admin |
//! | resubmit | `POST dossiers/{code}/resubmit` [`Resubmit`] | the citizen who filed it |
//! | withdraw | `POST dossiers/{code}/withdraw` [`WithdrawDossier`] | the citizen who filed it |
//! | rate | `POST dossiers/{code}/rating` [`RateDossier`] | the citizen who filed it |
//! | inbox | `GET units/{unit}/dossiers?status=&due=&procedure=&q=&cursor=&limit=` ([`DossierInbox`]) | intake officer, department officer (what is assigned to them), ward admin |
//!
//! A district admin acts in every ward below the district. Every action answers the
//! dossier after it. An action the dossier's state does not allow answers 409
//! `invalid_transition` naming the state; staff of another ward and other citizens
//! get 404, as if the dossier did not exist.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::FieldError;
use crate::auth::Role;
use crate::dossiers::{DossierStatus, DossierStep, SupplementItem};
use crate::values::bounded_text;

/// Most missing items one supplement request lists (all of them at once).
pub const MAX_SUPPLEMENT_ITEMS: usize = 20;
/// Longest missing item, in characters.
pub const MAX_ITEM_CHARS: usize = 500;
/// Longest note, reason or comment, in characters.
pub const MAX_NOTE_CHARS: usize = 2_000;

/// Something that can be done to a dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DossierAction {
    Accept,
    RequestSupplement,
    Refuse,
    Assign,
    ResultReady,
    Return,
    Apologize,
    Resubmit,
    Withdraw,
    Rate,
}

impl DossierAction {
    pub const ALL: [DossierAction; 10] = [
        DossierAction::Accept,
        DossierAction::RequestSupplement,
        DossierAction::Refuse,
        DossierAction::Assign,
        DossierAction::ResultReady,
        DossierAction::Return,
        DossierAction::Apologize,
        DossierAction::Resubmit,
        DossierAction::Withdraw,
        DossierAction::Rate,
    ];

    /// The status a dossier in `from` is in after the action, or `None` when the
    /// action does not apply there. The rules of the lifecycle, in one place:
    ///
    /// `submitted | resubmitted → accepted | needs_supplement | refused`;
    /// `needs_supplement → resubmitted`; `accepted → processing → result_ready →
    /// returned`; `withdrawn` from wherever [`DossierStatus::can_withdraw`]; an
    /// apology while the result is still awaited and a rating once returned leave
    /// the status as it is.
    pub fn target(self, from: DossierStatus) -> Option<DossierStatus> {
        use DossierAction as A;
        use DossierStatus as S;
        match (self, from) {
            (A::Accept, S::Submitted | S::Resubmitted) => Some(S::Accepted),
            (A::RequestSupplement, S::Submitted | S::Resubmitted) => Some(S::NeedsSupplement),
            (A::Refuse, S::Submitted | S::Resubmitted) => Some(S::Refused),
            (A::Resubmit, S::NeedsSupplement) => Some(S::Resubmitted),
            (A::Assign, S::Accepted) => Some(S::Processing),
            (A::ResultReady, S::Processing) => Some(S::ResultReady),
            (A::Return, S::ResultReady) => Some(S::Returned),
            (A::Apologize, S::Accepted | S::Processing) => Some(from),
            (A::Rate, S::Returned) => Some(S::Returned),
            (A::Withdraw, from) if from.can_withdraw() => Some(S::Withdrawn),
            _ => None,
        }
    }

    /// The step of the process record the action writes; a rating is the citizen's
    /// opinion, not a step of the processing.
    pub fn step(self) -> Option<DossierStep> {
        match self {
            DossierAction::Accept => Some(DossierStep::Accepted),
            DossierAction::RequestSupplement => Some(DossierStep::SupplementRequested),
            DossierAction::Refuse => Some(DossierStep::Refused),
            DossierAction::Assign => Some(DossierStep::Assigned),
            DossierAction::ResultReady => Some(DossierStep::ResultReady),
            DossierAction::Return => Some(DossierStep::Returned),
            DossierAction::Apologize => Some(DossierStep::Apologized),
            DossierAction::Resubmit => Some(DossierStep::Resubmitted),
            DossierAction::Withdraw => Some(DossierStep::Withdrawn),
            DossierAction::Rate => None,
        }
    }

    /// Whether the citizen who filed the dossier takes it (the others are staff's).
    pub fn by_citizen(self) -> bool {
        matches!(
            self,
            DossierAction::Resubmit | DossierAction::Withdraw | DossierAction::Rate
        )
    }

    /// The staff roles that take the action in the dossier's ward (a district admin
    /// takes every staff action in the wards of its district); none for the
    /// citizen's own actions.
    pub fn roles(self) -> &'static [Role] {
        match self {
            DossierAction::Accept
            | DossierAction::RequestSupplement
            | DossierAction::Refuse
            | DossierAction::Return => &[Role::IntakeOfficer],
            DossierAction::Assign | DossierAction::Apologize => {
                &[Role::IntakeOfficer, Role::WardAdmin]
            }
            DossierAction::ResultReady => &[Role::DepartmentOfficer],
            DossierAction::Resubmit | DossierAction::Withdraw | DossierAction::Rate => &[],
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DossierAction::Accept => "accept",
            DossierAction::RequestSupplement => "request_supplement",
            DossierAction::Refuse => "refuse",
            DossierAction::Assign => "assign",
            DossierAction::ResultReady => "result_ready",
            DossierAction::Return => "return",
            DossierAction::Apologize => "apologize",
            DossierAction::Resubmit => "resubmit",
            DossierAction::Withdraw => "withdraw",
            DossierAction::Rate => "rate",
        }
    }

    /// What the action is called in Vietnamese, e.g. in a refusal's detail.
    pub fn label(self) -> &'static str {
        match self {
            DossierAction::Accept => "tiếp nhận",
            DossierAction::RequestSupplement => "yêu cầu bổ sung",
            DossierAction::Refuse => "từ chối tiếp nhận",
            DossierAction::Assign => "chuyển xử lý",
            DossierAction::ResultReady => "báo có kết quả",
            DossierAction::Return => "trả kết quả",
            DossierAction::Apologize => "xin lỗi, hẹn lại ngày trả",
            DossierAction::Resubmit => "bổ sung hồ sơ",
            DossierAction::Withdraw => "rút hồ sơ",
            DossierAction::Rate => "đánh giá",
        }
    }
}

fn optional_text(
    field: &str,
    value: &Option<String>,
    max: usize,
    errors: &mut Vec<FieldError>,
) -> Option<String> {
    value
        .as_deref()
        .map(|text| bounded_text(field, text, 0, max, errors))
        .filter(|text| !text.is_empty())
}

fn checked<T>(value: T, errors: Vec<FieldError>) -> Result<T, Vec<FieldError>> {
    if errors.is_empty() {
        Ok(value)
    } else {
        Err(errors)
    }
}

/// The one optional text of a step that carries nothing else, normalized.
fn lone_optional_text(
    field: &str,
    value: &Option<String>,
) -> Result<Option<String>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let text = optional_text(field, value, MAX_NOTE_CHARS, &mut errors);
    checked(text, errors)
}

/// `POST dossiers/{code}/accept`: complete; the appointment date is counted now.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AcceptDossier {
    /// The case needs verification (xác minh): the procedure's longer time limit
    /// applies when it has one.
    #[serde(default)]
    pub verification: bool,
}

/// `POST dossiers/{code}/request-supplement`: every missing item at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RequestSupplement {
    /// 1 to 20 missing documents or answers, each described in up to 500
    /// characters and tied to the form field it concerns when it concerns one (the
    /// citizen is then asked for exactly those fields).
    pub items: Vec<SupplementItem>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedSupplementRequest {
    pub items: Vec<SupplementItem>,
    pub note: Option<String>,
}

impl RequestSupplement {
    /// The items and note, normalized. Whether a `field_key` names a field of the
    /// dossier's form is for the server to say, which knows the form.
    pub fn parse(&self) -> Result<CheckedSupplementRequest, Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.items.is_empty() {
            errors.push(FieldError::new(
                "items",
                "required",
                "Liệt kê ít nhất một giấy tờ hoặc thông tin còn thiếu",
            ));
        } else if self.items.len() > MAX_SUPPLEMENT_ITEMS {
            errors.push(FieldError::new(
                "items",
                "too_many",
                &format!("Tối đa {MAX_SUPPLEMENT_ITEMS} mục"),
            ));
        }
        let items = self
            .items
            .iter()
            .enumerate()
            .map(|(index, item)| SupplementItem {
                field_key: item
                    .field_key
                    .as_deref()
                    .map(str::trim)
                    .filter(|key| !key.is_empty())
                    .map(str::to_owned),
                description: bounded_text(
                    &format!("items[{index}].description"),
                    &item.description,
                    1,
                    MAX_ITEM_CHARS,
                    &mut errors,
                ),
            })
            .collect();
        let note = optional_text("note", &self.note, MAX_NOTE_CHARS, &mut errors);
        checked(CheckedSupplementRequest { items, note }, errors)
    }
}

/// `POST dossiers/{code}/refuse`: not accepted, saying why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RefuseDossier {
    pub reason: String,
}

impl RefuseDossier {
    /// The reason, normalized.
    pub fn parse(&self) -> Result<String, Vec<FieldError>> {
        let mut errors = Vec::new();
        let reason = bounded_text("reason", &self.reason, 1, MAX_NOTE_CHARS, &mut errors);
        checked(reason, errors)
    }
}

/// `POST dossiers/{code}/assign`: to a department officer of the ward.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AssignDossier {
    /// The account id of a department officer of the dossier's ward.
    pub officer_id: i64,
    #[serde(default)]
    pub note: Option<String>,
}

impl AssignDossier {
    /// The note, normalized.
    pub fn parse(&self) -> Result<Option<String>, Vec<FieldError>> {
        lone_optional_text("note", &self.note)
    }
}

/// A step whose only data is an optional note: `result-ready`, `return`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ResultReady {
    #[serde(default)]
    pub note: Option<String>,
}

impl ResultReady {
    pub fn parse(&self) -> Result<Option<String>, Vec<FieldError>> {
        lone_optional_text("note", &self.note)
    }
}

/// `POST dossiers/{code}/return`: the result was handed to the citizen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReturnResult {
    #[serde(default)]
    pub note: Option<String>,
}

impl ReturnResult {
    pub fn parse(&self) -> Result<Option<String>, Vec<FieldError>> {
        lone_optional_text("note", &self.note)
    }
}

/// `POST dossiers/{code}/withdraw`: the citizen no longer wants it, before a result.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct WithdrawDossier {
    #[serde(default)]
    pub reason: Option<String>,
}

impl WithdrawDossier {
    pub fn parse(&self) -> Result<Option<String>, Vec<FieldError>> {
        lone_optional_text("reason", &self.reason)
    }
}

/// `POST dossiers/{code}/apologize`: the appointment date was missed. The original
/// date stays on record and the dossier still counts as late; `new_due_on` is the
/// date now promised (a working day after today).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Apologize {
    pub reason: String,
    pub new_due_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedApology {
    pub reason: String,
    pub new_due_on: NaiveDate,
}

impl Apologize {
    pub fn parse(&self) -> Result<CheckedApology, Vec<FieldError>> {
        let mut errors = Vec::new();
        let reason = bounded_text("reason", &self.reason, 1, MAX_NOTE_CHARS, &mut errors);
        checked(
            CheckedApology {
                reason,
                new_due_on: self.new_due_on,
            },
            errors,
        )
    }
}

/// `POST dossiers/{code}/rating`: the citizen's rating of the service, once, after
/// the result was returned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RateDossier {
    /// 1 (very dissatisfied) to 5 (very satisfied).
    pub rating: u8,
    #[serde(default)]
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedRating {
    pub rating: u8,
    pub comment: Option<String>,
}

impl RateDossier {
    pub fn parse(&self) -> Result<CheckedRating, Vec<FieldError>> {
        let mut errors = Vec::new();
        if !(1..=5).contains(&self.rating) {
            errors.push(FieldError::new(
                "rating",
                "out_of_range",
                "Chọn mức đánh giá từ 1 đến 5",
            ));
        }
        let comment = optional_text("comment", &self.comment, MAX_NOTE_CHARS, &mut errors);
        checked(
            CheckedRating {
                rating: self.rating,
                comment,
            },
            errors,
        )
    }
}

/// `POST dossiers/{code}/resubmit`: the citizen's answer to a supplement request —
/// the answers that change and the new upload ids of file fields, by field key. The
/// form as it then stands is checked like a filing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Resubmit {
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub form: BTreeMap<String, Value>,
    #[serde(default)]
    pub note: Option<String>,
}

impl Resubmit {
    /// The note, normalized; the form is checked against the procedure.
    pub fn parse_note(&self) -> Result<Option<String>, Vec<FieldError>> {
        let mut errors = Vec::new();
        let note = optional_text("note", &self.note, MAX_NOTE_CHARS, &mut errors);
        if self.form.is_empty() {
            errors.push(FieldError::new(
                "form",
                "required",
                "Gửi ít nhất một thông tin hoặc giấy tờ bổ sung",
            ));
        }
        checked(note, errors)
    }
}

/// `GET units/{unit}/department-officers`: who a dossier can be assigned to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DepartmentOfficer {
    /// What `AssignDossier::officer_id` takes.
    pub account_id: i64,
    pub full_name: String,
    /// The ward's departments they work in, by name (none when not placed in one).
    pub departments: Vec<String>,
}

/// The inbox's due-date filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DueFilter {
    /// Past the date in force without a result.
    Overdue,
    /// Due within one working day, without a result.
    AtRisk,
    /// Due today (the date in force), without a result.
    Today,
}

/// One dossier in the staff inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct InboxDossier {
    pub code: String,
    pub procedure_code: String,
    pub procedure_name: String,
    pub applicant_name: String,
    pub status: DossierStatus,
    pub status_label: String,
    pub submitted_at: DateTime<FixedOffset>,
    /// The appointment date set at acceptance.
    pub due_on: Option<NaiveDate>,
    /// The date promised by the latest apology, when there is one.
    pub rescheduled_due_on: Option<NaiveDate>,
    /// Without a result and due within one working day.
    pub at_risk: bool,
    /// The original appointment date was missed (even with an apology).
    pub late: bool,
    /// Whether the department officer processing it is the caller.
    pub assigned_to_me: bool,
}

/// How many of the caller's dossiers are in one status (for badges).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct StatusCount {
    pub status: DossierStatus,
    pub count: u64,
}

/// `GET units/{unit}/dossiers`: newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DossierInbox {
    pub items: Vec<InboxDossier>,
    pub next_cursor: Option<String>,
    /// Over every dossier the caller sees in the unit, whatever the filters; a
    /// status with none is left out.
    pub counts: Vec<StatusCount>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use DossierAction as A;
    use DossierStatus as S;

    fn allowed_from(action: DossierAction) -> Vec<DossierStatus> {
        S::ALL
            .into_iter()
            .filter(|from| action.target(*from).is_some())
            .collect()
    }

    #[test]
    fn every_action_has_its_wire_name() {
        for action in A::ALL {
            assert_eq!(
                serde_json::to_value(action).unwrap(),
                serde_json::Value::String(action.as_str().to_owned())
            );
        }
    }

    #[test]
    fn intake_decides_only_on_dossiers_waiting_for_it() {
        for action in [A::Accept, A::RequestSupplement, A::Refuse] {
            assert_eq!(
                allowed_from(action),
                [S::Submitted, S::Resubmitted],
                "{action:?}"
            );
        }
        assert_eq!(A::Accept.target(S::Resubmitted), Some(S::Accepted));
        assert_eq!(
            A::RequestSupplement.target(S::Submitted),
            Some(S::NeedsSupplement)
        );
        assert_eq!(A::Refuse.target(S::Resubmitted), Some(S::Refused));
    }

    #[test]
    fn a_refused_withdrawn_or_returned_dossier_cannot_be_accepted() {
        for from in [S::Refused, S::Withdrawn, S::Returned] {
            assert_eq!(A::Accept.target(from), None, "{from:?}");
        }
    }

    #[test]
    fn processing_runs_from_acceptance_to_return_one_step_at_a_time() {
        assert_eq!(allowed_from(A::Assign), [S::Accepted]);
        assert_eq!(A::Assign.target(S::Accepted), Some(S::Processing));
        assert_eq!(allowed_from(A::ResultReady), [S::Processing]);
        assert_eq!(A::ResultReady.target(S::Processing), Some(S::ResultReady));
        assert_eq!(allowed_from(A::Return), [S::ResultReady]);
        assert_eq!(A::Return.target(S::ResultReady), Some(S::Returned));
    }

    #[test]
    fn only_a_supplement_request_can_be_answered() {
        assert_eq!(allowed_from(A::Resubmit), [S::NeedsSupplement]);
        assert_eq!(A::Resubmit.target(S::NeedsSupplement), Some(S::Resubmitted));
    }

    #[test]
    fn withdrawal_is_possible_exactly_until_a_result_exists() {
        for from in S::ALL {
            assert_eq!(
                A::Withdraw.target(from).is_some(),
                from.can_withdraw(),
                "{from:?}"
            );
        }
        assert_eq!(A::Withdraw.target(S::Processing), Some(S::Withdrawn));
        assert_eq!(A::Withdraw.target(S::ResultReady), None);
    }

    #[test]
    fn an_apology_and_a_rating_leave_the_status_as_it_is() {
        assert_eq!(allowed_from(A::Apologize), [S::Accepted, S::Processing]);
        assert_eq!(A::Apologize.target(S::Processing), Some(S::Processing));
        assert_eq!(allowed_from(A::Rate), [S::Returned]);
        assert_eq!(A::Rate.target(S::Returned), Some(S::Returned));
    }

    #[test]
    fn nothing_leads_out_of_a_final_status_but_a_rating_of_a_returned_dossier() {
        for from in S::ALL.into_iter().filter(|status| status.is_final()) {
            for action in A::ALL {
                let expected = (action == A::Rate && from == S::Returned).then_some(from);
                assert_eq!(action.target(from), expected, "{action:?} from {from:?}");
            }
        }
    }

    #[test]
    fn every_action_but_the_rating_writes_its_own_step() {
        let steps: Vec<_> = A::ALL.into_iter().filter_map(A::step).collect();
        assert_eq!(steps.len(), A::ALL.len() - 1);
        assert_eq!(A::Rate.step(), None);
        for (index, step) in steps.iter().enumerate() {
            assert!(!steps[index + 1..].contains(step), "{step:?} twice");
        }
    }

    fn item(description: &str, field_key: Option<&str>) -> SupplementItem {
        SupplementItem {
            field_key: field_key.map(str::to_owned),
            description: description.to_owned(),
        }
    }

    #[test]
    fn a_supplement_request_lists_one_to_twenty_bounded_items() {
        let request = |items: Vec<SupplementItem>| RequestSupplement { items, note: None }.parse();
        assert_eq!(request(vec![]).unwrap_err()[0].field, "items");
        assert_eq!(
            request(vec![item("Bản sao giấy chứng sinh", None); 21]).unwrap_err()[0].code,
            "too_many"
        );
        let errors = request(vec![item("Giấy chứng sinh", None), item("  ", None)]).unwrap_err();
        assert_eq!(errors[0].field, "items[1].description");
        let long = "x".repeat(MAX_ITEM_CHARS + 1);
        assert_eq!(
            request(vec![item(&long, None)]).unwrap_err()[0].code,
            "too_long".to_owned()
        );
        let checked = RequestSupplement {
            items: vec![
                item(" Giấy chứng sinh ", Some(" birth_certificate ")),
                item("Sổ hộ khẩu", Some(" ")),
            ],
            note: Some("  ".into()),
        }
        .parse()
        .unwrap();
        assert_eq!(
            checked.items,
            [
                item("Giấy chứng sinh", Some("birth_certificate")),
                item("Sổ hộ khẩu", None)
            ]
        );
        assert_eq!(checked.note, None);
    }

    #[test]
    fn a_supplement_item_reads_with_or_without_its_field() {
        let request: RequestSupplement = serde_json::from_str(
            r#"{"items": [{"field_key": "birth_certificate", "description": "Bản chụp bị mờ"},
                          {"description": "Giấy chứng sinh"}]}"#,
        )
        .unwrap();
        assert_eq!(
            request.items[0].field_key.as_deref(),
            Some("birth_certificate")
        );
        assert_eq!(request.items[1].field_key, None);
        assert!(
            serde_json::from_str::<RequestSupplement>(r#"{"items": ["Giấy chứng sinh"]}"#).is_err()
        );
    }

    #[test]
    fn intake_decides_assigning_is_shared_with_ward_admins_and_citizens_act_alone() {
        for action in A::ALL {
            assert_eq!(action.roles().is_empty(), action.by_citizen(), "{action:?}");
        }
        assert_eq!(A::Accept.roles(), [Role::IntakeOfficer]);
        assert_eq!(A::Assign.roles(), [Role::IntakeOfficer, Role::WardAdmin]);
        assert_eq!(A::ResultReady.roles(), [Role::DepartmentOfficer]);
    }

    #[test]
    fn a_refusal_needs_a_reason() {
        let errors = RefuseDossier { reason: " ".into() }.parse().unwrap_err();
        assert_eq!(
            (errors[0].field.as_str(), errors[0].code.as_str()),
            ("reason", "required")
        );
    }

    #[test]
    fn a_rating_is_one_to_five() {
        for rating in [0, 6] {
            let errors = RateDossier {
                rating,
                comment: None,
            }
            .parse()
            .unwrap_err();
            assert_eq!(errors[0].field, "rating");
        }
        assert!(
            RateDossier {
                rating: 5,
                comment: Some("Nhanh chóng".into())
            }
            .parse()
            .is_ok()
        );
    }

    #[test]
    fn unknown_fields_are_refused() {
        assert!(serde_json::from_str::<AcceptDossier>(r#"{"verify": true}"#).is_err());
        let accept: AcceptDossier = serde_json::from_str("{}").unwrap();
        assert!(!accept.verification);
    }
}

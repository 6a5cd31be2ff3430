//! The wording of the staff's dossier pages and the inbox filters as an address:
//! due dates in words, statuses grouped by who must act, and `?trang-thai=&han=&q=`.

use chrono::NaiveDate;
use openapi::dossier_workflow::DueFilter;
use openapi::dossiers::DossierStatus;
use openapi::procedures::{FormField, FormValue};

use crate::api::encode_component;

/// The console address of the inbox.
pub const INBOX_PATH: &str = "/quan-tri/ho-so";

/// What the due date says in words, never in colour alone: "Quá hạn" once the
/// original date was missed, "Sắp đến hạn" within one working day of it.
pub fn due_words(late: bool, at_risk: bool) -> Option<&'static str> {
    if late {
        Some("Quá hạn")
    } else if at_risk {
        Some("Sắp đến hạn")
    } else {
        None
    }
}

/// The date the citizen was last promised: the apology's new date, else the
/// appointment date.
pub fn date_in_force(
    due_on: Option<NaiveDate>,
    rescheduled: Option<NaiveDate>,
) -> Option<NaiveDate> {
    rescheduled.or(due_on)
}

/// Whether a step of the process record came by its due date, in words.
pub fn on_time_words(on_time: Option<bool>) -> &'static str {
    match on_time {
        Some(true) => "Đúng hạn",
        Some(false) => "Trễ hạn",
        None => "Không áp dụng",
    }
}

/// Who the dossier waits for, which is what an officer sorts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusGroup {
    /// Submitted or resubmitted: the intake officer.
    Intake,
    /// Needs a supplement: the citizen.
    Citizen,
    /// Accepted or processing: the ward's departments.
    Processing,
    /// The result is ready to hand over.
    Result,
    /// Refused, returned or withdrawn: nobody.
    Closed,
}

impl StatusGroup {
    pub const ALL: [StatusGroup; 5] = [
        StatusGroup::Intake,
        StatusGroup::Citizen,
        StatusGroup::Processing,
        StatusGroup::Result,
        StatusGroup::Closed,
    ];

    pub fn of(status: DossierStatus) -> StatusGroup {
        match status {
            DossierStatus::Submitted | DossierStatus::Resubmitted => StatusGroup::Intake,
            DossierStatus::NeedsSupplement => StatusGroup::Citizen,
            DossierStatus::Accepted | DossierStatus::Processing => StatusGroup::Processing,
            DossierStatus::ResultReady => StatusGroup::Result,
            DossierStatus::Refused | DossierStatus::Returned | DossierStatus::Withdrawn => {
                StatusGroup::Closed
            }
        }
    }

    /// The statuses of the group, in the order a dossier goes through them.
    pub fn statuses(self) -> Vec<DossierStatus> {
        DossierStatus::ALL
            .into_iter()
            .filter(|status| StatusGroup::of(*status) == self)
            .collect()
    }

    fn slug(self) -> &'static str {
        match self {
            StatusGroup::Intake => "intake",
            StatusGroup::Citizen => "citizen",
            StatusGroup::Processing => "processing",
            StatusGroup::Result => "result",
            StatusGroup::Closed => "closed",
        }
    }
}

/// The CSS class of a status label: its group's, so that a colour repeats a word.
pub fn status_class(status: DossierStatus) -> String {
    format!(
        "dossier-state dossier-state-{}",
        StatusGroup::of(status).slug()
    )
}

/// "3 hồ sơ chờ tiếp nhận".
pub fn waiting_text(waiting: u64) -> String {
    if waiting == 0 {
        "Không có hồ sơ chờ tiếp nhận".to_owned()
    } else {
        format!("{waiting} hồ sơ chờ tiếp nhận")
    }
}

/// A form field's key as words when no label is known: `child_birth_date` →
/// "Child birth date".
pub fn humanize_key(key: &str) -> String {
    let words = key.replace('_', " ");
    let mut letters = words.trim().chars();
    match letters.next() {
        Some(first) => first.to_uppercase().chain(letters).collect(),
        None => String::new(),
    }
}

/// Every field a dossier's page names, as (key, label): the version's form in its
/// order, then any other key the dossier holds (its labels unknown: keys as words).
pub fn ordered_fields<'a>(
    form: &[FormField],
    keys: impl IntoIterator<Item = &'a String>,
) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = form
        .iter()
        .map(|field| (field.key.clone(), field.label.clone()))
        .collect();
    for key in keys {
        if !fields.iter().any(|(known, _)| known == key) {
            fields.push((key.clone(), humanize_key(key)));
        }
    }
    fields
}

/// An answer as read on the page; files are listed separately, by name.
pub fn form_value_text(value: &FormValue) -> String {
    match value {
        FormValue::Number(number) => number.to_string(),
        FormValue::Text(text) => text.clone(),
        FormValue::Files(ids) => format!("{} tệp", ids.len()),
    }
}

/// A file's size as people read it: "12 KB", "1,5 MB".
pub fn file_size_text(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes < MB {
        format!("{} KB", bytes.div_ceil(1024).max(1))
    } else {
        let tenths = (bytes * 10).div_ceil(MB);
        format!("{},{} MB", tenths / 10, tenths % 10)
    }
}

/// The words of the address for a status: Vietnamese, so the address reads as the
/// filter does.
fn status_slug(status: DossierStatus) -> &'static str {
    match status {
        DossierStatus::Submitted => "moi-nop",
        DossierStatus::NeedsSupplement => "can-bo-sung",
        DossierStatus::Resubmitted => "da-bo-sung",
        DossierStatus::Accepted => "da-tiep-nhan",
        DossierStatus::Refused => "tu-choi",
        DossierStatus::Processing => "dang-xu-ly",
        DossierStatus::ResultReady => "co-ket-qua",
        DossierStatus::Returned => "da-tra-ket-qua",
        DossierStatus::Withdrawn => "da-rut",
    }
}

fn parse_status_slug(slug: &str) -> Option<DossierStatus> {
    DossierStatus::ALL
        .into_iter()
        .find(|status| status_slug(*status) == slug)
}

pub const DUE_FILTERS: [DueFilter; 3] = [DueFilter::Overdue, DueFilter::AtRisk, DueFilter::Today];

fn due_slug(due: DueFilter) -> &'static str {
    match due {
        DueFilter::Overdue => "qua-han",
        DueFilter::AtRisk => "sap-den-han",
        DueFilter::Today => "hom-nay",
    }
}

pub fn due_filter_label(due: DueFilter) -> &'static str {
    match due {
        DueFilter::Overdue => "Quá hạn",
        DueFilter::AtRisk => "Sắp đến hạn",
        DueFilter::Today => "Đến hạn hôm nay",
    }
}

fn parse_due_slug(slug: &str) -> Option<DueFilter> {
    DUE_FILTERS.into_iter().find(|due| due_slug(*due) == slug)
}

/// The inbox's filters, kept in the address so a filtered list can be reloaded,
/// bookmarked and sent to a colleague.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InboxFilter {
    pub status: Option<DossierStatus>,
    pub due: Option<DueFilter>,
    /// A procedure code, e.g. `HT-KS`.
    pub procedure: Option<String>,
    /// Words of the code or the applicant's name.
    pub q: Option<String>,
}

fn given(value: Option<String>) -> Option<String> {
    value
        .map(|value| value.trim().to_owned())
        .filter(|value| !value.is_empty())
}

impl InboxFilter {
    /// Read from the address's parameters; an unknown value is no filter.
    pub fn from_query(param: impl Fn(&str) -> Option<String>) -> InboxFilter {
        InboxFilter {
            status: param("trang-thai").and_then(|slug| parse_status_slug(&slug)),
            due: param("han").and_then(|slug| parse_due_slug(&slug)),
            procedure: given(param("thu-tuc")),
            q: given(param("q")),
        }
    }

    /// The inbox's address with these filters.
    pub fn href(&self) -> String {
        let params = [
            ("trang-thai", self.status.map(status_slug)),
            ("han", self.due.map(due_slug)),
            ("thu-tuc", self.procedure.as_deref()),
            ("q", self.q.as_deref()),
        ];
        let query: Vec<String> = params
            .into_iter()
            .filter_map(|(name, value)| {
                value.map(|value| format!("{name}={}", encode_component(value)))
            })
            .collect();
        if query.is_empty() {
            INBOX_PATH.to_owned()
        } else {
            format!("{INBOX_PATH}?{}", query.join("&"))
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == InboxFilter::default()
    }
}

/// The value of a status in the filter's `<select>` (its address word).
pub fn status_option_value(status: DossierStatus) -> &'static str {
    status_slug(status)
}

/// The value of a due filter in its `<select>`.
pub fn due_option_value(due: DueFilter) -> &'static str {
    due_slug(due)
}

/// A chosen `<select>` value back to a status; "" is every status.
pub fn status_from_option(value: &str) -> Option<DossierStatus> {
    parse_status_slug(value)
}

pub fn due_from_option(value: &str) -> Option<DueFilter> {
    parse_due_slug(value)
}

/// The row a `j` (`forward`) or `k` moves the focus to among `count` rows: from
/// outside the list, the first or the last; at either end, it stays.
pub fn row_after(current: Option<usize>, count: usize, forward: bool) -> Option<usize> {
    let last = count.checked_sub(1)?;
    Some(match (current, forward) {
        (None, true) => 0,
        (None, false) => last,
        (Some(row), true) => (row + 1).min(last),
        (Some(row), false) => row.saturating_sub(1).min(last),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.clone())
        }
    }

    #[test]
    fn a_late_dossier_says_so_in_words_before_being_at_risk() {
        assert_eq!(due_words(true, true), Some("Quá hạn"));
        assert_eq!(due_words(false, true), Some("Sắp đến hạn"));
        assert_eq!(due_words(false, false), None);
    }

    #[test]
    fn an_apology_s_date_is_the_one_in_force() {
        let due = NaiveDate::from_ymd_opt(2026, 12, 1);
        let new = NaiveDate::from_ymd_opt(2026, 12, 8);
        assert_eq!(date_in_force(due, new), new);
        assert_eq!(date_in_force(due, None), due);
        assert_eq!(on_time_words(Some(false)), "Trễ hạn");
    }

    #[test]
    fn every_status_belongs_to_exactly_one_group() {
        let grouped: usize = StatusGroup::ALL
            .into_iter()
            .map(|group| group.statuses().len())
            .sum();
        assert_eq!(grouped, DossierStatus::ALL.len());
        assert_eq!(
            StatusGroup::Intake.statuses(),
            [DossierStatus::Submitted, DossierStatus::Resubmitted]
        );
        assert_eq!(
            status_class(DossierStatus::Withdrawn),
            "dossier-state dossier-state-closed"
        );
    }

    #[test]
    fn the_filters_survive_a_trip_through_the_address() {
        let filter = InboxFilter {
            status: Some(DossierStatus::NeedsSupplement),
            due: Some(DueFilter::AtRisk),
            procedure: Some("HT-KS".into()),
            q: Some("Nguyễn An".into()),
        };
        let href = filter.href();
        assert_eq!(
            href,
            "/quan-tri/ho-so?trang-thai=can-bo-sung&han=sap-den-han&thu-tuc=HT-KS&q=Nguy%E1%BB%85n%20An"
        );
        let back = InboxFilter::from_query(query(&[
            ("trang-thai", "can-bo-sung"),
            ("han", "sap-den-han"),
            ("thu-tuc", "HT-KS"),
            ("q", "Nguyễn An"),
        ]));
        assert_eq!(back, filter);
    }

    #[test]
    fn no_filter_is_the_bare_inbox_and_unknown_values_are_ignored() {
        assert_eq!(InboxFilter::default().href(), "/quan-tri/ho-so");
        let filter = InboxFilter::from_query(query(&[
            ("trang-thai", "submitted"),
            ("han", "mai"),
            ("q", "  "),
        ]));
        assert!(filter.is_empty());
    }

    #[test]
    fn every_status_and_due_filter_has_its_own_address_word() {
        for status in DossierStatus::ALL {
            assert_eq!(
                status_from_option(status_option_value(status)),
                Some(status)
            );
        }
        for due in DUE_FILTERS {
            assert_eq!(due_from_option(due_option_value(due)), Some(due));
        }
        assert_eq!(status_from_option(""), None);
    }

    #[test]
    fn j_and_k_walk_the_rows_and_stop_at_the_ends() {
        assert_eq!(row_after(None, 3, true), Some(0));
        assert_eq!(row_after(None, 3, false), Some(2));
        assert_eq!(row_after(Some(0), 3, true), Some(1));
        assert_eq!(row_after(Some(2), 3, true), Some(2));
        assert_eq!(row_after(Some(0), 3, false), Some(0));
        assert_eq!(row_after(None, 0, true), None);
    }

    #[test]
    fn a_file_size_is_in_kilobytes_or_megabytes_with_a_decimal_comma() {
        assert_eq!(file_size_text(0), "1 KB");
        assert_eq!(file_size_text(12 * 1024), "12 KB");
        assert_eq!(file_size_text(1024 * 1024 * 3 / 2), "1,5 MB");
    }

    #[test]
    fn fields_follow_the_form_and_unknown_keys_come_last_as_words() {
        let form: Vec<FormField> = serde_json::from_str(
            r#"[{"key": "father_name", "label": "Họ tên cha", "type": "text", "required": false},
                {"key": "child_name", "label": "Họ tên trẻ", "type": "text", "required": true}]"#,
        )
        .unwrap();
        let keys = ["child_name".to_owned(), "old_field".to_owned()];
        assert_eq!(
            ordered_fields(&form, &keys),
            [
                ("father_name".to_owned(), "Họ tên cha".to_owned()),
                ("child_name".to_owned(), "Họ tên trẻ".to_owned()),
                ("old_field".to_owned(), "Old field".to_owned()),
            ]
        );
        assert_eq!(
            ordered_fields(&[], &keys)[0],
            ("child_name".to_owned(), "Child name".to_owned())
        );
    }

    #[test]
    fn the_waiting_count_reads_as_a_sentence() {
        assert_eq!(waiting_text(3), "3 hồ sơ chờ tiếp nhận");
        assert_eq!(waiting_text(0), "Không có hồ sơ chờ tiếp nhận");
    }

    #[test]
    fn a_key_without_a_label_is_shown_as_words() {
        assert_eq!(humanize_key("child_birth_date"), "Child birth date");
        assert_eq!(humanize_key(""), "");
        assert_eq!(form_value_text(&FormValue::Number(3)), "3");
        assert_eq!(
            form_value_text(&FormValue::Files(vec!["a".into(), "b".into()])),
            "2 tệp"
        );
    }
}

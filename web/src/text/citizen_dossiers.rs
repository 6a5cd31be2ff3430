//! Pure pieces of the citizen's dossier pages: a form's answers as typed ↔ the JSON
//! the contract checks, the inputs each field type gets, the documents a dossier's
//! history has produced, rating words.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use openapi::dossiers::{DossierStep, SupplementItem};
use openapi::procedures::{FieldType, FormField, FormValue};
use serde_json::Value;

/// What the citizen has typed or uploaded so far: one text per field, the upload ids
/// of each file field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    pub texts: BTreeMap<String, String>,
    pub files: BTreeMap<String, Vec<String>>,
}

impl Answers {
    /// The answers as the contract's form object: empty answers left out, numbers as
    /// typed (the one check, `check_form`, reads them and names a wrong one), files as
    /// lists of upload ids. Keys the form no longer has are dropped.
    pub fn to_form(&self, fields: &[FormField]) -> BTreeMap<String, Value> {
        let mut form = BTreeMap::new();
        for field in fields {
            if field.field_type == FieldType::File {
                let ids = self.files.get(&field.key).cloned().unwrap_or_default();
                if !ids.is_empty() {
                    form.insert(field.key.clone(), Value::from(ids));
                }
            } else if let Some(text) = self.texts.get(&field.key)
                && !text.trim().is_empty()
            {
                form.insert(field.key.clone(), Value::from(text.clone()));
            }
        }
        form
    }

    /// A saved draft's answers, back in the form's inputs.
    pub fn from_saved(saved: &BTreeMap<String, FormValue>) -> Answers {
        let mut answers = Answers::default();
        for (key, value) in saved {
            match value {
                FormValue::Number(number) => {
                    answers.texts.insert(key.clone(), number.to_string());
                }
                FormValue::Text(text) => {
                    answers.texts.insert(key.clone(), text.clone());
                }
                FormValue::Files(ids) => {
                    answers.files.insert(key.clone(), ids.clone());
                }
            }
        }
        answers
    }
}

/// The fields a supplement answer offers: first those the ward's items name, in the
/// form's order; then, when some item names no field (it may concern any of them),
/// the rest of the form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SupplementFields {
    pub named: Vec<FormField>,
    pub others: Vec<FormField>,
}

pub fn supplement_fields(form: Vec<FormField>, items: &[SupplementItem]) -> SupplementFields {
    let is_named = |field: &FormField| {
        items
            .iter()
            .any(|item| item.field_key.as_deref() == Some(field.key.as_str()))
    };
    let (named, others): (Vec<FormField>, Vec<FormField>) =
        form.into_iter().partition(|field| is_named(field));
    let some_unnamed = items.iter().any(|item| item.field_key.is_none());
    SupplementFields {
        named,
        others: if some_unnamed { others } else { Vec::new() },
    }
}

/// The id of a field's input: its key is the contract's, the prefix keeps it apart
/// from the page's other ids.
pub fn field_input_id(key: &str) -> String {
    format!("truong-{key}")
}

/// The `type` of the `<input>` of a one-line field.
pub fn input_type(field_type: FieldType) -> &'static str {
    match field_type {
        FieldType::Number => "number",
        FieldType::Date => "date",
        FieldType::Phone => "tel",
        FieldType::Email => "email",
        FieldType::File => "file",
        FieldType::Text | FieldType::Textarea | FieldType::Select | FieldType::Cccd => "text",
    }
}

/// The keyboard a phone shows: digits for a CCCD and numbers.
pub fn input_mode(field_type: FieldType) -> Option<&'static str> {
    match field_type {
        FieldType::Cccd | FieldType::Number => Some("numeric"),
        FieldType::Phone => Some("tel"),
        FieldType::Email => Some("email"),
        _ => None,
    }
}

/// A hint under a field: what it takes, when that is not plain from its label.
pub fn field_hint(field: &FormField) -> Option<String> {
    match field.field_type {
        FieldType::Cccd => Some("12 chữ số trên căn cước công dân.".to_owned()),
        FieldType::Number => match (field.min, field.max) {
            (Some(min), Some(max)) => Some(format!("Số nguyên từ {min} đến {max}.")),
            (Some(min), None) => Some(format!("Số nguyên, ít nhất {min}.")),
            (None, Some(max)) => Some(format!("Số nguyên, nhiều nhất {max}.")),
            (None, None) => None,
        },
        FieldType::File => Some(format!(
            "{}; tối đa {} tệp.",
            accept_words(&field.accept),
            openapi::procedures::MAX_FILES_PER_FIELD
        )),
        _ => None,
    }
}

/// "Tệp PDF, JPG hoặc PNG" from the MIME types a file field takes.
pub fn accept_words(accept: &[String]) -> String {
    let names: Vec<&str> = accept
        .iter()
        .map(|kind| match kind.as_str() {
            "application/pdf" => "PDF",
            "image/jpeg" => "JPG",
            "image/png" => "PNG",
            "image/webp" => "WebP",
            other => other,
        })
        .collect();
    match names.as_slice() {
        [] => "Tệp PDF, JPG hoặc PNG".to_owned(),
        [one] => format!("Tệp {one}"),
        [rest @ .., last] => format!("Tệp {} hoặc {last}", rest.join(", ")),
    }
}

/// The `accept` of a file input; a field that names nothing takes what uploads take.
pub fn accept_attribute(accept: &[String]) -> String {
    if accept.is_empty() {
        "application/pdf,image/jpeg,image/png".to_owned()
    } else {
        accept.join(",")
    }
}

/// Whether a chosen file's type (as the browser guesses it) is one the field takes.
pub fn accepts(accept: &[String], file_type: &str) -> bool {
    if accept.is_empty() {
        return matches!(file_type, "application/pdf" | "image/jpeg" | "image/png");
    }
    accept.iter().any(|kind| kind == file_type)
}

/// A PDF document the ward issued along the dossier's way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IssuedDocument {
    /// The `{kind}` of `GET /api/v1/dossiers/{code}/documents/{kind}.pdf`.
    pub kind: &'static str,
    pub title: &'static str,
}

/// The documents a dossier's process record has produced, each once, in the order
/// of its history.
pub fn issued_documents(steps: &[DossierStep]) -> Vec<IssuedDocument> {
    let mut documents: Vec<IssuedDocument> = Vec::new();
    for step in steps {
        let document = match step {
            DossierStep::Accepted => IssuedDocument {
                kind: "receipt",
                title: "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
            },
            DossierStep::SupplementRequested => IssuedDocument {
                kind: "supplement-request",
                title: "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
            },
            DossierStep::Refused => IssuedDocument {
                kind: "refusal",
                title: "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
            },
            DossierStep::Apologized => IssuedDocument {
                kind: "apology",
                title: "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
            },
            _ => continue,
        };
        if !documents.contains(&document) {
            documents.push(document);
        }
    }
    documents
}

/// The name a downloaded document is saved under, e.g. `receipt-P01-261129-0001.pdf`.
pub fn document_file_name(kind: &str, code: &str) -> String {
    format!("{kind}-{code}.pdf")
}

/// "dd/mm/yyyy", as Vietnamese readers write a date.
fn vietnamese(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// The appointment date as the citizen reads it: after an apology the new date,
/// with the original one kept in view.
pub fn appointment_text(due_on: Option<NaiveDate>, rescheduled: Option<NaiveDate>) -> String {
    match (due_on, rescheduled) {
        (Some(due), Some(new)) if new != due => format!(
            "{} (hẹn lại; ngày hẹn ban đầu {})",
            vietnamese(new),
            vietnamese(due)
        ),
        (Some(due), _) => vietnamese(due),
        (None, Some(new)) => vietnamese(new),
        (None, None) => "Chưa có (có sau khi hồ sơ được tiếp nhận)".to_owned(),
    }
}

/// The five levels of satisfaction, from 1 to 5.
pub const RATING_LABELS: [&str; 5] = [
    "Rất không hài lòng",
    "Không hài lòng",
    "Bình thường",
    "Hài lòng",
    "Rất hài lòng",
];

/// The words of a score; `None` outside 1–5.
pub fn rating_label(score: i16) -> Option<&'static str> {
    usize::try_from(score)
        .ok()
        .and_then(|score| score.checked_sub(1))
        .and_then(|index| RATING_LABELS.get(index).copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(key: &str, field_type: FieldType) -> FormField {
        FormField {
            key: key.into(),
            label: key.into(),
            field_type,
            required: false,
            options: vec![],
            min: None,
            max: None,
            accept: vec![],
        }
    }

    #[test]
    fn empty_answers_are_left_out_and_files_go_as_lists_of_ids() {
        let fields = [
            field("name", FieldType::Text),
            field("note", FieldType::Textarea),
            field("copies", FieldType::Number),
            field("papers", FieldType::File),
            field("photos", FieldType::File),
        ];
        let mut answers = Answers::default();
        answers.texts.insert("name".into(), "Nguyễn Văn An".into());
        answers.texts.insert("note".into(), "   ".into());
        answers.texts.insert("copies".into(), "2".into());
        answers.texts.insert("gone".into(), "x".into());
        answers.files.insert("papers".into(), vec!["id-1".into()]);
        answers.files.insert("photos".into(), vec![]);
        let form = answers.to_form(&fields);
        assert_eq!(
            serde_json::to_value(&form).unwrap(),
            serde_json::json!({"name": "Nguyễn Văn An", "copies": "2", "papers": ["id-1"]})
        );
    }

    #[test]
    fn a_number_typed_as_text_passes_the_contracts_check() {
        let mut copies = field("copies", FieldType::Number);
        copies.min = Some(1);
        copies.max = Some(10);
        let mut answers = Answers::default();
        answers.texts.insert("copies".into(), "3".into());
        let checked = openapi::procedures::check_form(
            std::slice::from_ref(&copies),
            &answers.to_form(std::slice::from_ref(&copies)),
            openapi::procedures::Completeness::Complete,
        )
        .unwrap();
        assert_eq!(checked["copies"], FormValue::Number(3));
        answers.texts.insert("copies".into(), "11".into());
        let errors = openapi::procedures::check_form(
            std::slice::from_ref(&copies),
            &answers.to_form(std::slice::from_ref(&copies)),
            openapi::procedures::Completeness::Complete,
        )
        .unwrap_err();
        assert_eq!(errors[0].field, "copies");
    }

    #[test]
    fn a_saved_draft_comes_back_into_the_same_inputs() {
        let saved = BTreeMap::from([
            ("copies".to_owned(), FormValue::Number(2)),
            ("name".to_owned(), FormValue::Text("An".into())),
            ("papers".to_owned(), FormValue::Files(vec!["id-1".into()])),
        ]);
        let answers = Answers::from_saved(&saved);
        assert_eq!(answers.texts["copies"], "2");
        assert_eq!(answers.texts["name"], "An");
        assert_eq!(answers.files["papers"], vec!["id-1".to_owned()]);
    }

    #[test]
    fn phones_get_a_phone_keyboard_and_cccd_a_numeric_one() {
        assert_eq!(input_type(FieldType::Phone), "tel");
        assert_eq!(input_mode(FieldType::Cccd), Some("numeric"));
        assert_eq!(input_type(FieldType::Cccd), "text");
        assert_eq!(input_type(FieldType::Date), "date");
    }

    #[test]
    fn the_accepted_types_are_named_in_words() {
        let accept = ["application/pdf".to_owned(), "image/jpeg".to_owned()];
        assert_eq!(accept_words(&accept), "Tệp PDF hoặc JPG");
        assert!(accepts(&accept, "image/jpeg"));
        assert!(!accepts(&accept, "image/png"));
        assert!(accepts(&[], "application/pdf"));
    }

    #[test]
    fn each_document_is_offered_once_in_the_order_of_the_history() {
        let steps = [
            DossierStep::Submitted,
            DossierStep::SupplementRequested,
            DossierStep::Resubmitted,
            DossierStep::SupplementRequested,
            DossierStep::Accepted,
            DossierStep::Apologized,
        ];
        let kinds: Vec<&str> = issued_documents(&steps)
            .iter()
            .map(|document| document.kind)
            .collect();
        assert_eq!(kinds, ["supplement-request", "receipt", "apology"]);
        assert!(issued_documents(&[DossierStep::Submitted]).is_empty());
    }

    #[test]
    fn after_an_apology_the_new_date_shows_with_the_original_one() {
        let due = NaiveDate::from_ymd_opt(2026, 12, 3);
        let new = NaiveDate::from_ymd_opt(2026, 12, 10);
        assert_eq!(appointment_text(due, None), "03/12/2026");
        assert_eq!(
            appointment_text(due, new),
            "10/12/2026 (hẹn lại; ngày hẹn ban đầu 03/12/2026)"
        );
    }

    #[test]
    fn the_five_levels_run_from_very_unsatisfied_to_very_satisfied() {
        assert_eq!(rating_label(1), Some("Rất không hài lòng"));
        assert_eq!(rating_label(5), Some("Rất hài lòng"));
        assert_eq!(rating_label(0), None);
        assert_eq!(rating_label(6), None);
    }

    fn item(field_key: Option<&str>) -> SupplementItem {
        SupplementItem {
            field_key: field_key.map(str::to_owned),
            description: "Bổ sung".into(),
        }
    }

    #[test]
    fn a_supplement_answer_offers_the_named_fields_and_the_rest_only_for_unnamed_items() {
        let form = || {
            vec![
                field("a", FieldType::Text),
                field("b", FieldType::File),
                field("c", FieldType::Text),
            ]
        };
        let keys = |fields: &[FormField]| fields.iter().map(|f| f.key.clone()).collect::<Vec<_>>();
        let only_named = supplement_fields(form(), &[item(Some("c")), item(Some("a"))]);
        assert_eq!(keys(&only_named.named), ["a", "c"]);
        assert!(only_named.others.is_empty());
        let mixed = supplement_fields(form(), &[item(Some("b")), item(None)]);
        assert_eq!(keys(&mixed.named), ["b"]);
        assert_eq!(keys(&mixed.others), ["a", "c"]);
        let unnamed = supplement_fields(form(), &[item(None)]);
        assert!(unnamed.named.is_empty());
        assert_eq!(keys(&unnamed.others), ["a", "b", "c"]);
    }
}

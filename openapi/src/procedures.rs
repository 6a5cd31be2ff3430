//! The procedure catalog (thủ tục hành chính) and the online form of each procedure.
//!
//! A procedure's form is a list of [`FormField`]s; a citizen's answers are a JSON
//! object of field key → value. [`check_form`] is the one validation of those answers,
//! run by the web app before sending and by the server before storing, so a refusal
//! always names the field key and says the same thing on both sides.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::FieldError;
use crate::values::{Cccd, Email, PhoneNumber, normalize_text};

/// Longest answer of a `text` field, in characters.
pub const MAX_TEXT_CHARS: usize = 500;
/// Longest answer of a `textarea` field, in characters.
pub const MAX_TEXTAREA_CHARS: usize = 5_000;
/// Most files one file field takes (a document photographed page by page).
pub const MAX_FILES_PER_FIELD: usize = 5;

/// How much of the procedure can be done online.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub enum OnlineLevel {
    /// Toàn trình: filed, processed and answered online.
    #[serde(rename = "toan_trinh")]
    Full,
    /// Một phần: filed online; the citizen comes to the office for part of it.
    #[serde(rename = "mot_phan")]
    Partial,
}

impl OnlineLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            OnlineLevel::Full => "toan_trinh",
            OnlineLevel::Partial => "mot_phan",
        }
    }

    pub fn parse(value: &str) -> Option<OnlineLevel> {
        [OnlineLevel::Full, OnlineLevel::Partial]
            .into_iter()
            .find(|level| level.as_str() == value)
    }

    pub fn label(self) -> &'static str {
        match self {
            OnlineLevel::Full => "Toàn trình",
            OnlineLevel::Partial => "Một phần",
        }
    }
}

/// The fee (lệ phí). `amount_vnd` is empty when the city council sets it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Fee {
    pub amount_vnd: Option<i64>,
    pub text: String,
}

/// What a form field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    /// One line of text.
    Text,
    /// Several lines of text.
    Textarea,
    /// A whole number between `min` and `max` when given.
    Number,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// One of `options`.
    Select,
    /// A 12-digit personal ID number (CCCD).
    Cccd,
    /// A Vietnamese mobile or landline number.
    Phone,
    Email,
    /// Upload ids from `POST /api/v1/uploads` (one, or a list of up to 5), of a type
    /// in `accept`.
    File,
}

/// One field of a procedure's online form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct FormField {
    /// The answer's key in the form object, e.g. `child_name`.
    pub key: String,
    pub label: String,
    #[serde(rename = "type")]
    pub field_type: FieldType,
    pub required: bool,
    /// The choices of a `select` field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    /// The MIME types a `file` field takes, e.g. `application/pdf`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accept: Vec<String>,
}

/// A procedure as the catalog describes it; what a ward admin edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ProcedureDefinition {
    /// As in the national catalog, e.g. `HT-KS`.
    pub code: String,
    pub name: String,
    /// Lĩnh vực, e.g. `Hộ tịch`.
    pub field: String,
    pub legal_basis: String,
    /// Who decides, e.g. `UBND phường`.
    pub agency: String,
    pub required_documents: Vec<String>,
    /// Working days from the day after acceptance; 0 with `same_day`.
    pub processing_working_days: u32,
    /// When the case needs verification (xác minh), the longer limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_working_days_if_verification: Option<u32>,
    /// The result is returned the working day it is accepted (after 15:00: the next).
    pub same_day: bool,
    pub fee: Fee,
    pub online_level: OnlineLevel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub form: Vec<FormField>,
}

/// One answer of a checked form, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FormValue {
    Number(i64),
    /// The upload ids of a file field.
    Files(Vec<String>),
    /// Text, a date (`YYYY-MM-DD`), an option, or a normalized CCCD, phone or e-mail.
    Text(String),
}

/// Whether every required field must be answered: a draft may be incomplete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completeness {
    Draft,
    Complete,
}

/// The answers of `form` checked against `fields`: each answer normalized (text
/// NFC-trimmed, phone and CCCD in their canonical form), empty answers dropped, and
/// every problem named by its field key. A key the form does not have is refused.
pub fn check_form(
    fields: &[FormField],
    form: &BTreeMap<String, Value>,
    completeness: Completeness,
) -> Result<BTreeMap<String, FormValue>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut checked = BTreeMap::new();
    for key in form.keys() {
        if !fields.iter().any(|field| &field.key == key) {
            errors.push(FieldError::new(
                key,
                "unknown_field",
                "Biểu mẫu của thủ tục không có trường này",
            ));
        }
    }
    for field in fields {
        let answer = form.get(&field.key).filter(|value| !is_empty(value));
        match answer {
            None => {
                if field.required && completeness == Completeness::Complete {
                    errors.push(FieldError::new(
                        &field.key,
                        "required",
                        &format!("Vui lòng nhập: {}", field.label),
                    ));
                }
            }
            Some(value) => match check_value(field, value) {
                Ok(value) => {
                    checked.insert(field.key.clone(), value);
                }
                Err(error) => errors.push(error),
            },
        }
    }
    if errors.is_empty() {
        Ok(checked)
    } else {
        Err(errors)
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.trim().is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

fn check_value(field: &FormField, value: &Value) -> Result<FormValue, FieldError> {
    let key = field.key.as_str();
    let wrong_type =
        |expected: &str| FieldError::new(key, "wrong_type", &format!("Giá trị phải là {expected}"));
    match field.field_type {
        FieldType::Text | FieldType::Textarea => {
            let text = value.as_str().ok_or_else(|| wrong_type("văn bản"))?;
            let text = normalize_text(text);
            let max = if field.field_type == FieldType::Text {
                MAX_TEXT_CHARS
            } else {
                MAX_TEXTAREA_CHARS
            };
            if text.chars().count() > max {
                return Err(FieldError::new(
                    key,
                    "too_long",
                    &format!("Tối đa {max} ký tự"),
                ));
            }
            Ok(FormValue::Text(text))
        }
        FieldType::Number => {
            let number = match value {
                Value::Number(number) => number.as_i64(),
                Value::String(text) => text.trim().parse().ok(),
                _ => None,
            }
            .ok_or_else(|| wrong_type("một số nguyên"))?;
            let below = field.min.is_some_and(|min| number < min);
            let above = field.max.is_some_and(|max| number > max);
            if below || above {
                let range = match (field.min, field.max) {
                    (Some(min), Some(max)) => format!("từ {min} đến {max}"),
                    (Some(min), None) => format!("ít nhất {min}"),
                    (None, Some(max)) => format!("nhiều nhất {max}"),
                    (None, None) => String::new(),
                };
                return Err(FieldError::new(
                    key,
                    "out_of_range",
                    &format!("Giá trị phải {range}"),
                ));
            }
            Ok(FormValue::Number(number))
        }
        FieldType::Date => {
            let text = value.as_str().ok_or_else(|| wrong_type("một ngày"))?;
            let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
                FieldError::new(key, "invalid_format", "Ngày không hợp lệ (năm-tháng-ngày)")
            })?;
            Ok(FormValue::Text(date.format("%Y-%m-%d").to_string()))
        }
        FieldType::Select => {
            let text = value.as_str().ok_or_else(|| wrong_type("một lựa chọn"))?;
            let text = normalize_text(text);
            if !field.options.contains(&text) {
                return Err(FieldError::new(
                    key,
                    "not_an_option",
                    &format!("Chọn một trong: {}", field.options.join(", ")),
                ));
            }
            Ok(FormValue::Text(text))
        }
        FieldType::Cccd => {
            let text = value.as_str().ok_or_else(|| wrong_type("văn bản"))?;
            let cccd = Cccd::parse(text).map_err(|invalid| invalid.on(key))?;
            Ok(FormValue::Text(cccd.as_str().to_owned()))
        }
        FieldType::Phone => {
            let text = value.as_str().ok_or_else(|| wrong_type("văn bản"))?;
            let phone = PhoneNumber::parse(text).map_err(|invalid| invalid.on(key))?;
            Ok(FormValue::Text(phone.as_str().to_owned()))
        }
        FieldType::Email => {
            let text = value.as_str().ok_or_else(|| wrong_type("văn bản"))?;
            let email = Email::parse(text).map_err(|invalid| invalid.on(key))?;
            Ok(FormValue::Text(email.as_str().to_owned()))
        }
        FieldType::File => {
            let ids: Vec<String> = match value {
                Value::String(id) => vec![id.trim().to_owned()],
                Value::Array(items) => items
                    .iter()
                    .map(|item| item.as_str().map(|id| id.trim().to_owned()))
                    .collect::<Option<_>>()
                    .ok_or_else(|| wrong_type("mã tệp đã tải lên"))?,
                _ => return Err(wrong_type("mã tệp đã tải lên")),
            };
            if ids.len() > MAX_FILES_PER_FIELD {
                return Err(FieldError::new(
                    key,
                    "too_many_files",
                    &format!("Tối đa {MAX_FILES_PER_FIELD} tệp cho mỗi giấy tờ"),
                ));
            }
            if !ids.iter().all(|id| is_upload_id(id)) {
                return Err(FieldError::new(
                    key,
                    "unknown_upload",
                    "Tệp chưa được tải lên hoặc mã tệp không hợp lệ",
                ));
            }
            Ok(FormValue::Files(ids))
        }
    }
}

/// An upload id is a UUID in its hyphenated form (see `POST /api/v1/uploads`).
fn is_upload_id(id: &str) -> bool {
    id.len() == 36
        && id.char_indices().all(|(index, c)| match index {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn birth_registration() -> Vec<FormField> {
        serde_json::from_value(json!([
            {"key": "applicant_name", "label": "Họ và tên người yêu cầu", "type": "text", "required": true},
            {"key": "applicant_id_number", "label": "Số định danh cá nhân (CCCD)", "type": "cccd", "required": true},
            {"key": "applicant_phone", "label": "Số điện thoại", "type": "phone", "required": true},
            {"key": "child_birth_date", "label": "Ngày sinh", "type": "date", "required": true},
            {"key": "child_sex", "label": "Giới tính", "type": "select", "required": true, "options": ["Nam", "Nữ"]},
            {"key": "copies", "label": "Số bản sao", "type": "number", "required": false, "min": 1, "max": 20},
            {"key": "birth_certificate", "label": "Giấy chứng sinh", "type": "file", "required": true, "accept": ["application/pdf"]}
        ]))
        .unwrap()
    }

    fn answers(value: Value) -> BTreeMap<String, Value> {
        serde_json::from_value(value).unwrap()
    }

    fn fields_of(errors: Vec<FieldError>) -> Vec<(String, String)> {
        errors
            .into_iter()
            .map(|error| (error.field, error.code))
            .collect()
    }

    const UPLOAD: &str = "0b4c1f5e-8d2a-4f6b-9c3e-7a1d2e3f4a5b";

    #[test]
    fn a_complete_form_is_normalized() {
        let checked = check_form(
            &birth_registration(),
            &answers(json!({
                "applicant_name": "  Nguyễn Văn An ",
                "applicant_id_number": "079 090 001 234",
                "applicant_phone": "+84 901 234 567",
                "child_birth_date": "2026-11-20",
                "child_sex": "Nữ",
                "copies": "2",
                "birth_certificate": UPLOAD
            })),
            Completeness::Complete,
        )
        .unwrap();
        assert_eq!(
            checked["applicant_name"],
            FormValue::Text("Nguyễn Văn An".into())
        );
        assert_eq!(
            checked["applicant_phone"],
            FormValue::Text("0901234567".into())
        );
        assert_eq!(checked["copies"], FormValue::Number(2));
        assert_eq!(
            checked["birth_certificate"],
            FormValue::Files(vec![UPLOAD.into()])
        );
    }

    #[test]
    fn every_problem_is_named_by_its_field_key() {
        let errors = check_form(
            &birth_registration(),
            &answers(json!({
                "applicant_id_number": "12345",
                "applicant_phone": "12",
                "child_birth_date": "20/11/2026",
                "child_sex": "Khác",
                "copies": 21,
                "birth_certificate": "not-an-upload",
                "nickname": "An"
            })),
            Completeness::Complete,
        )
        .unwrap_err();
        let fields = fields_of(errors);
        for (key, code) in [
            ("nickname", "unknown_field"),
            ("applicant_name", "required"),
            ("child_birth_date", "invalid_format"),
            ("child_sex", "not_an_option"),
            ("copies", "out_of_range"),
            ("birth_certificate", "unknown_upload"),
        ] {
            assert!(
                fields.contains(&(key.to_owned(), code.to_owned())),
                "{key}: {code} missing from {fields:?}"
            );
        }
        assert!(fields.iter().any(|(key, _)| key == "applicant_id_number"));
        assert!(fields.iter().any(|(key, _)| key == "applicant_phone"));
    }

    #[test]
    fn a_draft_may_leave_required_fields_empty_but_not_answer_them_wrongly() {
        let fields = birth_registration();
        assert!(
            check_form(
                &fields,
                &answers(json!({"applicant_name": "Nguyễn Văn An", "child_sex": ""})),
                Completeness::Draft
            )
            .is_ok()
        );
        let errors = check_form(
            &fields,
            &answers(json!({"applicant_phone": "abc"})),
            Completeness::Draft,
        )
        .unwrap_err();
        assert_eq!(fields_of(errors)[0].0, "applicant_phone");
    }

    #[test]
    fn a_file_field_takes_at_most_five_uploads() {
        let six = vec![UPLOAD; 6];
        let errors = check_form(
            &birth_registration(),
            &answers(json!({"birth_certificate": six})),
            Completeness::Draft,
        )
        .unwrap_err();
        assert_eq!(
            fields_of(errors),
            vec![("birth_certificate".to_owned(), "too_many_files".to_owned())]
        );
    }
}

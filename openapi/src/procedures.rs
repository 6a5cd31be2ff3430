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

// The catalog as the API answers it, and the check of a ward admin's edit.

use chrono::{DateTime, FixedOffset};

use crate::content::UnitLabel;
use crate::values::bounded_text;

/// The file types a `file` field may accept.
pub const FILE_TYPES: [&str; 3] = ["application/pdf", "image/jpeg", "image/png"];
/// The longest time limit a procedure may state, in working days.
pub const MAX_WORKING_DAYS: u32 = 365;
/// Longest name of a procedure, in characters.
pub const MAX_NAME_CHARS: usize = 300;
/// Longest legal basis, agency, document, fee text, note or label, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 2_000;

impl FieldType {
    pub const ALL: [FieldType; 9] = [
        FieldType::Text,
        FieldType::Textarea,
        FieldType::Number,
        FieldType::Date,
        FieldType::Select,
        FieldType::Cccd,
        FieldType::Phone,
        FieldType::Email,
        FieldType::File,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldType::Text => "text",
            FieldType::Textarea => "textarea",
            FieldType::Number => "number",
            FieldType::Date => "date",
            FieldType::Select => "select",
            FieldType::Cccd => "cccd",
            FieldType::Phone => "phone",
            FieldType::Email => "email",
            FieldType::File => "file",
        }
    }

    pub fn parse(value: &str) -> Option<FieldType> {
        FieldType::ALL
            .into_iter()
            .find(|field_type| field_type.as_str() == value)
    }

    /// What a ward admin reads when choosing a field's type.
    pub fn label(self) -> &'static str {
        match self {
            FieldType::Text => "Văn bản một dòng",
            FieldType::Textarea => "Văn bản nhiều dòng",
            FieldType::Number => "Số nguyên",
            FieldType::Date => "Ngày",
            FieldType::Select => "Lựa chọn",
            FieldType::Cccd => "Số CCCD",
            FieldType::Phone => "Số điện thoại",
            FieldType::Email => "Thư điện tử",
            FieldType::File => "Tệp đính kèm",
        }
    }
}

/// The time limit in words, e.g. `Trong ngày` or `3 ngày làm việc`, with the longer
/// limit when the case needs verification.
pub fn processing_time(same_day: bool, working_days: u32, if_verification: Option<u32>) -> String {
    let base = if same_day {
        "Trong ngày".to_owned()
    } else {
        format!("{working_days} ngày làm việc")
    };
    match if_verification {
        Some(days) => format!("{base}; nếu phải xác minh: {days} ngày làm việc"),
        None => base,
    }
}

/// Whether `key` is snake_case ASCII: lowercase letters and digits in words joined
/// by single underscores, starting with a letter, e.g. `child_birth_date`.
pub fn is_field_key(key: &str) -> bool {
    key.starts_with(|c: char| c.is_ascii_lowercase())
        && key.split('_').all(|word| {
            !word.is_empty()
                && word
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// Whether `code` looks like a national catalog code: uppercase ASCII letters and
/// digits in groups joined by single hyphens, e.g. `HT-KS`.
pub fn is_procedure_code(code: &str) -> bool {
    code.len() <= 40
        && code.split('-').all(|group| {
            !group.is_empty()
                && group
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        })
}

impl ProcedureDefinition {
    /// The time limit in words (see [`processing_time`]).
    pub fn processing_time(&self) -> String {
        processing_time(
            self.same_day,
            self.processing_working_days,
            self.processing_working_days_if_verification,
        )
    }

    /// Whether a ward admin's edit describes a procedure a citizen can file: every
    /// problem named by its place, e.g. `name`, `required_documents[1]`,
    /// `form[3].options` (indexes count from 0).
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if !is_procedure_code(&self.code) {
            errors.push(FieldError::new(
                "code",
                "invalid_format",
                "Mã thủ tục gồm chữ in hoa và chữ số, nối bằng dấu gạch ngang, ví dụ HT-KS",
            ));
        }
        bounded_text("name", &self.name, 1, MAX_NAME_CHARS, &mut errors);
        bounded_text("field", &self.field, 1, MAX_NAME_CHARS, &mut errors);
        let description = MAX_DESCRIPTION_CHARS;
        bounded_text(
            "legal_basis",
            &self.legal_basis,
            1,
            description,
            &mut errors,
        );
        bounded_text("agency", &self.agency, 1, MAX_NAME_CHARS, &mut errors);
        if self.required_documents.is_empty() {
            errors.push(FieldError::new(
                "required_documents",
                "required",
                "Cần ít nhất một thành phần hồ sơ",
            ));
        }
        for (index, document) in self.required_documents.iter().enumerate() {
            let place = format!("required_documents[{index}]");
            bounded_text(&place, document, 1, description, &mut errors);
        }
        self.check_time(&mut errors);
        if self.fee.amount_vnd.is_some_and(|amount| amount < 0) {
            errors.push(FieldError::new(
                "fee.amount_vnd",
                "out_of_range",
                "Lệ phí không thể âm",
            ));
        }
        bounded_text("fee.text", &self.fee.text, 1, description, &mut errors);
        if let Some(note) = &self.note {
            bounded_text("note", note, 0, description, &mut errors);
        }
        self.check_form_fields(&mut errors);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    fn check_time(&self, errors: &mut Vec<FieldError>) {
        let days = self.processing_working_days;
        if self.same_day != (days == 0) {
            let message = if self.same_day {
                "Thủ tục giải quyết trong ngày có thời hạn 0 ngày làm việc"
            } else {
                "Thời hạn phải từ 1 ngày làm việc, hoặc chọn giải quyết trong ngày"
            };
            errors.push(FieldError::new(
                "processing_working_days",
                "inconsistent",
                message,
            ));
        }
        if days > MAX_WORKING_DAYS {
            errors.push(FieldError::new(
                "processing_working_days",
                "out_of_range",
                &format!("Tối đa {MAX_WORKING_DAYS} ngày làm việc"),
            ));
        }
        if let Some(longer) = self.processing_working_days_if_verification
            && (longer <= days || longer > MAX_WORKING_DAYS)
        {
            errors.push(FieldError::new(
                "processing_working_days_if_verification",
                "out_of_range",
                &format!(
                    "Thời hạn khi phải xác minh dài hơn thời hạn thường và tối đa {MAX_WORKING_DAYS} ngày làm việc"
                ),
            ));
        }
    }

    fn check_form_fields(&self, errors: &mut Vec<FieldError>) {
        if self.form.is_empty() {
            errors.push(FieldError::new(
                "form",
                "required",
                "Biểu mẫu cần ít nhất một trường",
            ));
        }
        for (index, field) in self.form.iter().enumerate() {
            let place = |part: &str| format!("form[{index}].{part}");
            if !is_field_key(&field.key) {
                errors.push(FieldError::new(
                    &place("key"),
                    "invalid_format",
                    "Mã trường gồm chữ thường không dấu, chữ số và dấu gạch dưới, ví dụ child_name",
                ));
            } else if self.form[..index]
                .iter()
                .any(|other| other.key == field.key)
            {
                errors.push(FieldError::new(
                    &place("key"),
                    "duplicate",
                    "Mã trường đã dùng cho một trường khác của biểu mẫu",
                ));
            }
            bounded_text(&place("label"), &field.label, 1, MAX_NAME_CHARS, errors);
            check_field_settings(field, &place, errors);
        }
    }

    /// The definition as stored: every text trimmed and in NFC, an empty note none.
    pub fn normalized(&self) -> ProcedureDefinition {
        ProcedureDefinition {
            code: self.code.trim().to_owned(),
            name: normalize_text(&self.name),
            field: normalize_text(&self.field),
            legal_basis: normalize_text(&self.legal_basis),
            agency: normalize_text(&self.agency),
            required_documents: self
                .required_documents
                .iter()
                .map(|document| normalize_text(document))
                .collect(),
            fee: Fee {
                amount_vnd: self.fee.amount_vnd,
                text: normalize_text(&self.fee.text),
            },
            note: self
                .note
                .as_deref()
                .map(normalize_text)
                .filter(|note| !note.is_empty()),
            form: self
                .form
                .iter()
                .map(|field| FormField {
                    key: field.key.trim().to_owned(),
                    label: normalize_text(&field.label),
                    options: field.options.iter().map(|o| normalize_text(o)).collect(),
                    accept: field.accept.iter().map(|a| a.trim().to_owned()).collect(),
                    ..field.clone()
                })
                .collect(),
            ..self.clone()
        }
    }
}

/// The settings a field's type uses are sound, and it has no others: options only
/// on a select, a range only on a number, accepted types only on a file.
fn check_field_settings(
    field: &FormField,
    place: &dyn Fn(&str) -> String,
    errors: &mut Vec<FieldError>,
) {
    let not_for_type = |part: &str| {
        FieldError::new(
            &place(part),
            "not_allowed",
            &format!(
                "Loại trường “{}” không dùng thiết lập này",
                field.field_type.label()
            ),
        )
    };
    if field.field_type == FieldType::Select {
        let mut options: Vec<String> = field.options.iter().map(|o| normalize_text(o)).collect();
        let any_empty = options.iter().any(String::is_empty);
        options.sort();
        options.dedup();
        if any_empty || options.len() != field.options.len() {
            errors.push(FieldError::new(
                &place("options"),
                "invalid_format",
                "Các lựa chọn không được để trống hay trùng nhau",
            ));
        } else if options.len() < 2 {
            errors.push(FieldError::new(
                &place("options"),
                "too_few",
                "Trường lựa chọn cần ít nhất hai lựa chọn",
            ));
        }
    } else if !field.options.is_empty() {
        errors.push(not_for_type("options"));
    }
    if field.field_type == FieldType::Number {
        if let (Some(min), Some(max)) = (field.min, field.max)
            && min > max
        {
            errors.push(FieldError::new(
                &place("max"),
                "out_of_range",
                "Giá trị lớn nhất không được nhỏ hơn giá trị nhỏ nhất",
            ));
        }
    } else {
        if field.min.is_some() {
            errors.push(not_for_type("min"));
        }
        if field.max.is_some() {
            errors.push(not_for_type("max"));
        }
    }
    if field.field_type == FieldType::File {
        if field.accept.is_empty() {
            errors.push(FieldError::new(
                &place("accept"),
                "required",
                "Chọn ít nhất một loại tệp được nhận",
            ));
        } else if !field
            .accept
            .iter()
            .all(|accepted| FILE_TYPES.contains(&accepted.trim()))
        {
            errors.push(FieldError::new(
                &place("accept"),
                "not_an_option",
                &format!("Chỉ nhận các loại tệp: {}", FILE_TYPES.join(", ")),
            ));
        }
    } else if !field.accept.is_empty() {
        errors.push(not_for_type("accept"));
    }
}

/// `GET /api/v1/units/{unit}/procedures/{code}`: a procedure of a ward in its
/// current version (or, under `…/versions/{version}`, in that version). The
/// definition is nested, not flattened: it is exactly what `PUT` takes back, and a
/// definition refuses unknown fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Procedure {
    pub definition: ProcedureDefinition,
    /// 1 for the catalog as seeded, one more for each edit.
    pub version: u32,
    /// The ward whose procedure this is.
    pub unit: UnitLabel,
    /// The time limit in words, e.g. `Trong ngày`, `3 ngày làm việc`.
    pub processing_time: String,
}

/// One procedure in the catalog list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ProcedureSummary {
    pub code: String,
    pub name: String,
    pub field: String,
    pub processing_working_days: u32,
    pub same_day: bool,
    /// The time limit in words, e.g. `Trong ngày`, `3 ngày làm việc`.
    pub processing_time: String,
    pub fee: Fee,
    pub online_level: OnlineLevel,
    pub version: u32,
}

/// `GET /api/v1/units/{unit}/procedures?q=&field=`: the ward's catalog, in the
/// national catalog's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ProcedureList {
    pub unit: UnitLabel,
    /// Every field (lĩnh vực) of the ward's catalog, whatever the filter: the choices
    /// of the `field` filter.
    pub fields: Vec<String>,
    /// The procedures that match `q` and `field`.
    pub items: Vec<ProcedureSummary>,
}

/// `GET /api/v1/units/{unit}/procedures/{code}/appointment?accepted_at=`: the date
/// the result would be returned if the dossier were accepted at `accepted_at`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Appointment {
    pub procedure_code: String,
    pub accepted_at: DateTime<FixedOffset>,
    /// The working day the acceptance counts on: the next one when accepted at or
    /// after 15:00 (Vietnam time) or on a day off.
    pub counted_from: NaiveDate,
    /// Ngày hẹn trả kết quả.
    pub due_date: NaiveDate,
    /// The working days counted after `counted_from`; 0 for a same-day procedure.
    pub working_days: u32,
    pub same_day: bool,
}

#[cfg(test)]
mod catalog_tests {
    use super::*;
    use serde_json::json;

    /// Marriage status confirmation as the national catalog describes it.
    fn marriage_status() -> ProcedureDefinition {
        serde_json::from_value(json!({
            "code": "HT-XNHN",
            "name": "Cấp Giấy xác nhận tình trạng hôn nhân",
            "field": "Hộ tịch",
            "legal_basis": "Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP",
            "agency": "UBND phường",
            "required_documents": ["Tờ khai cấp Giấy xác nhận tình trạng hôn nhân"],
            "processing_working_days": 3,
            "processing_working_days_if_verification": 23,
            "same_day": false,
            "fee": {"amount_vnd": null, "text": "Theo nghị quyết của HĐND thành phố"},
            "online_level": "toan_trinh",
            "form": [
                {"key": "applicant_name", "label": "Họ và tên", "type": "text", "required": true},
                {"key": "marital_status", "label": "Tình trạng", "type": "select", "required": true,
                 "options": ["Chưa kết hôn", "Đã ly hôn", "Góa"]},
                {"key": "copies", "label": "Số bản", "type": "number", "required": false, "min": 1, "max": 5},
                {"key": "evidence", "label": "Giấy tờ", "type": "file", "required": false,
                 "accept": ["application/pdf", "image/png"]}
            ]
        }))
        .unwrap()
    }

    fn problems(definition: &ProcedureDefinition) -> Vec<(String, String)> {
        definition
            .check()
            .unwrap_err()
            .into_iter()
            .map(|error| (error.field, error.code))
            .collect()
    }

    fn has(problems: &[(String, String)], field: &str, code: &str) -> bool {
        problems.iter().any(|(f, c)| f == field && c == code)
    }

    #[test]
    fn a_sound_procedure_passes() {
        assert_eq!(marriage_status().check(), Ok(()));
    }

    #[test]
    fn empty_texts_and_no_documents_are_named() {
        let mut definition = marriage_status();
        definition.name = "  ".into();
        definition.field = String::new();
        definition.legal_basis = String::new();
        definition.agency = String::new();
        definition.required_documents = Vec::new();
        let found = problems(&definition);
        for field in [
            "name",
            "field",
            "legal_basis",
            "agency",
            "required_documents",
        ] {
            assert!(has(&found, field, "required"), "{field} in {found:?}");
        }
    }

    #[test]
    fn an_empty_document_is_named_by_its_index() {
        let mut definition = marriage_status();
        definition.required_documents.push(" ".into());
        assert_eq!(
            problems(&definition),
            vec![("required_documents[1]".to_owned(), "required".to_owned())]
        );
    }

    #[test]
    fn form_keys_are_unique_snake_case_ascii() {
        let mut definition = marriage_status();
        definition.form[1].key = "applicant_name".into();
        definition.form[2].key = "Số_bản".into();
        definition.form[3].key = "evidence__scan".into();
        let found = problems(&definition);
        assert!(has(&found, "form[1].key", "duplicate"), "{found:?}");
        assert!(has(&found, "form[2].key", "invalid_format"), "{found:?}");
        assert!(has(&found, "form[3].key", "invalid_format"), "{found:?}");
        assert!(is_field_key("child_birth_date2"));
        assert!(!is_field_key("_child") && !is_field_key("child_") && !is_field_key("2nd"));
    }

    #[test]
    fn a_label_cannot_be_empty() {
        let mut definition = marriage_status();
        definition.form[0].label = String::new();
        assert!(has(&problems(&definition), "form[0].label", "required"));
    }

    #[test]
    fn a_select_needs_two_distinct_options() {
        let mut definition = marriage_status();
        definition.form[1].options = vec!["Chưa kết hôn".into()];
        assert!(has(&problems(&definition), "form[1].options", "too_few"));
        definition.form[1].options = vec!["Góa".into(), " Góa".into()];
        assert!(has(
            &problems(&definition),
            "form[1].options",
            "invalid_format"
        ));
    }

    #[test]
    fn a_file_field_accepts_only_pdf_jpeg_and_png() {
        let mut definition = marriage_status();
        definition.form[3].accept = vec!["application/zip".into()];
        assert!(has(
            &problems(&definition),
            "form[3].accept",
            "not_an_option"
        ));
        definition.form[3].accept = Vec::new();
        assert!(has(&problems(&definition), "form[3].accept", "required"));
    }

    #[test]
    fn a_range_must_not_be_upside_down() {
        let mut definition = marriage_status();
        definition.form[2].min = Some(10);
        assert!(has(&problems(&definition), "form[2].max", "out_of_range"));
    }

    #[test]
    fn settings_of_another_type_are_refused() {
        let mut definition = marriage_status();
        definition.form[0].options = vec!["A".into(), "B".into()];
        definition.form[0].accept = vec!["application/pdf".into()];
        definition.form[0].max = Some(3);
        let found = problems(&definition);
        for part in ["options", "accept", "max"] {
            assert!(
                has(&found, &format!("form[0].{part}"), "not_allowed"),
                "{found:?}"
            );
        }
    }

    #[test]
    fn same_day_means_zero_working_days_and_the_other_way_round() {
        let mut definition = marriage_status();
        definition.same_day = true;
        assert!(has(
            &problems(&definition),
            "processing_working_days",
            "inconsistent"
        ));
        definition.processing_working_days = 0;
        definition.processing_working_days_if_verification = None;
        assert_eq!(definition.check(), Ok(()));
        definition.same_day = false;
        assert!(has(
            &problems(&definition),
            "processing_working_days",
            "inconsistent"
        ));
    }

    #[test]
    fn the_verification_limit_is_longer_than_the_usual_one() {
        let mut definition = marriage_status();
        definition.processing_working_days_if_verification = Some(2);
        assert!(has(
            &problems(&definition),
            "processing_working_days_if_verification",
            "out_of_range"
        ));
    }

    #[test]
    fn a_negative_fee_and_an_odd_code_are_refused() {
        let mut definition = marriage_status();
        definition.fee.amount_vnd = Some(-1);
        definition.code = "ht ks".into();
        let found = problems(&definition);
        assert!(has(&found, "fee.amount_vnd", "out_of_range"));
        assert!(has(&found, "code", "invalid_format"));
    }

    #[test]
    fn the_time_limit_reads_in_words() {
        assert_eq!(
            marriage_status().processing_time(),
            "3 ngày làm việc; nếu phải xác minh: 23 ngày làm việc"
        );
        assert_eq!(processing_time(true, 0, None), "Trong ngày");
        assert_eq!(processing_time(false, 15, None), "15 ngày làm việc");
    }

    #[test]
    fn normalizing_trims_texts_and_drops_an_empty_note() {
        let mut definition = marriage_status();
        definition.name = "  Cấp giấy  ".into();
        definition.note = Some("  ".into());
        let normalized = definition.normalized();
        assert_eq!(normalized.name, "Cấp giấy");
        assert_eq!(normalized.note, None);
    }

    #[test]
    fn a_procedure_carries_the_definition_a_put_takes_back() {
        let procedure = Procedure {
            definition: marriage_status(),
            version: 2,
            unit: UnitLabel {
                slug: "phuong-1".into(),
                name: "Phường 1".into(),
            },
            processing_time: "3 ngày làm việc".into(),
        };
        let wire = serde_json::to_value(&procedure).unwrap();
        assert_eq!(wire["definition"]["code"], "HT-XNHN");
        assert_eq!(wire["version"], 2);
        let definition: ProcedureDefinition =
            serde_json::from_value(wire["definition"].clone()).unwrap();
        assert_eq!(definition, marriage_status());
        let read: Procedure = serde_json::from_value(wire).unwrap();
        assert_eq!(read, procedure);
    }
}

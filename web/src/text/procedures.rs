//! The procedure catalog's addresses and the console's procedure editor as plain
//! data: what the admin typed, read into the contract's `ProcedureDefinition` with
//! every problem named the way the server names it (`form[3].options`), so one
//! message slot beside each input serves the browser's check and the server's.

use openapi::FieldError;
use openapi::procedures::{
    Fee, FieldType, FormField, OnlineLevel, ProcedureDefinition, processing_time,
};

use crate::api::encode_component;

/// "/dich-vu-cong?q=&linh-vuc=": the catalog with its search in the address.
pub fn catalog_href(query: &str, field: &str) -> String {
    let mut href = "/dich-vu-cong".to_owned();
    let mut separator = '?';
    for (name, value) in [("q", query.trim()), ("linh-vuc", field.trim())] {
        if !value.is_empty() {
            href.push(separator);
            href.push_str(name);
            href.push('=');
            href.push_str(&encode_component(value));
            separator = '&';
        }
    }
    href
}

pub fn procedure_href(code: &str) -> String {
    format!("/dich-vu-cong/{}", encode_component(code))
}

pub fn filing_href(code: &str) -> String {
    format!("{}/nop-ho-so", procedure_href(code))
}

pub fn editor_href(code: &str) -> String {
    format!("/quan-tri/thu-tuc/{}", encode_component(code))
}

/// The fee as a reader wants it: the amount when there is one, then the rule.
pub fn fee_text(fee: &Fee) -> String {
    match fee.amount_vnd {
        Some(0) => format!("Miễn phí – {}", fee.text),
        _ => fee.text.clone(),
    }
}

/// One field of the form as the editor holds it: every setting as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDraft {
    pub key: String,
    pub label: String,
    pub field_type: FieldType,
    pub required: bool,
    /// One option per line.
    pub options: String,
    pub min: String,
    pub max: String,
    pub accept: Vec<String>,
}

impl FieldDraft {
    pub fn from_field(field: &FormField) -> FieldDraft {
        FieldDraft {
            key: field.key.clone(),
            label: field.label.clone(),
            field_type: field.field_type,
            required: field.required,
            options: field.options.join("\n"),
            min: field.min.map(|min| min.to_string()).unwrap_or_default(),
            max: field.max.map(|max| max.to_string()).unwrap_or_default(),
            accept: field.accept.clone(),
        }
    }

    /// A new, empty text field.
    pub fn blank() -> FieldDraft {
        FieldDraft {
            key: String::new(),
            label: String::new(),
            field_type: FieldType::Text,
            required: false,
            options: String::new(),
            min: String::new(),
            max: String::new(),
            accept: Vec::new(),
        }
    }

    /// The field at `index` of the form; settings another type would use are left
    /// out, so changing a field's type never sends what the server refuses.
    fn read(&self, index: usize, errors: &mut Vec<FieldError>) -> FormField {
        let number = self.field_type == FieldType::Number;
        let mut bound = |part: &str, text: &str| {
            let text = text.trim();
            if !number || text.is_empty() {
                return None;
            }
            let parsed = text.parse::<i64>().ok();
            if parsed.is_none() {
                errors.push(FieldError::new(
                    &format!("form[{index}].{part}"),
                    "invalid_format",
                    "Nhập một số nguyên",
                ));
            }
            parsed
        };
        let min = bound("min", &self.min);
        let max = bound("max", &self.max);
        FormField {
            key: self.key.trim().to_owned(),
            label: self.label.trim().to_owned(),
            field_type: self.field_type,
            required: self.required,
            options: if self.field_type == FieldType::Select {
                lines(&self.options)
            } else {
                Vec::new()
            },
            min,
            max,
            accept: if self.field_type == FieldType::File {
                self.accept.clone()
            } else {
                Vec::new()
            },
        }
    }
}

/// The non-empty lines of `text`, trimmed.
pub fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The whole procedure as the editor holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefinitionDraft {
    pub code: String,
    pub name: String,
    pub field: String,
    pub legal_basis: String,
    pub agency: String,
    /// One document per line.
    pub required_documents: String,
    pub same_day: bool,
    pub working_days: String,
    pub working_days_if_verification: String,
    pub fee_amount: String,
    pub fee_text: String,
    pub online_level: OnlineLevel,
    pub note: String,
    pub form: Vec<FieldDraft>,
}

impl DefinitionDraft {
    pub fn from_definition(definition: &ProcedureDefinition) -> DefinitionDraft {
        DefinitionDraft {
            code: definition.code.clone(),
            name: definition.name.clone(),
            field: definition.field.clone(),
            legal_basis: definition.legal_basis.clone(),
            agency: definition.agency.clone(),
            required_documents: definition.required_documents.join("\n"),
            same_day: definition.same_day,
            working_days: definition.processing_working_days.to_string(),
            working_days_if_verification: definition
                .processing_working_days_if_verification
                .map(|days| days.to_string())
                .unwrap_or_default(),
            fee_amount: definition
                .fee
                .amount_vnd
                .map(|amount| amount.to_string())
                .unwrap_or_default(),
            fee_text: definition.fee.text.clone(),
            online_level: definition.online_level,
            note: definition.note.clone().unwrap_or_default(),
            form: definition.form.iter().map(FieldDraft::from_field).collect(),
        }
    }

    /// The definition to send, checked as the server checks it.
    pub fn read(&self) -> Result<ProcedureDefinition, Vec<FieldError>> {
        let mut errors = Vec::new();
        // A same-day procedure has no days to type; its limit is 0.
        let processing_working_days = if self.same_day {
            0
        } else {
            days("processing_working_days", &self.working_days, &mut errors).unwrap_or(0)
        };
        let processing_working_days_if_verification = days(
            "processing_working_days_if_verification",
            &self.working_days_if_verification,
            &mut errors,
        );
        let fee_amount = self.fee_amount.trim().replace(['.', ' '], "");
        let amount_vnd = if fee_amount.is_empty() {
            None
        } else {
            let parsed = fee_amount.parse::<i64>().ok();
            if parsed.is_none() {
                errors.push(FieldError::new(
                    "fee.amount_vnd",
                    "invalid_format",
                    "Nhập số tiền bằng chữ số, ví dụ 8000",
                ));
            }
            parsed
        };
        let form = self
            .form
            .iter()
            .enumerate()
            .map(|(index, field)| field.read(index, &mut errors))
            .collect();
        let note = self.note.trim();
        let definition = ProcedureDefinition {
            code: self.code.clone(),
            name: self.name.clone(),
            field: self.field.clone(),
            legal_basis: self.legal_basis.clone(),
            agency: self.agency.clone(),
            required_documents: lines(&self.required_documents),
            processing_working_days,
            processing_working_days_if_verification,
            same_day: self.same_day,
            fee: Fee {
                amount_vnd,
                text: self.fee_text.clone(),
            },
            online_level: self.online_level,
            note: (!note.is_empty()).then(|| note.to_owned()),
            form,
        }
        .normalized();
        if let Err(problems) = definition.check() {
            for problem in problems {
                // A number that did not read is named once, not again as out of range.
                if !errors.iter().any(|error| error.field == problem.field) {
                    errors.push(problem);
                }
            }
        }
        if errors.is_empty() {
            Ok(definition)
        } else {
            Err(errors)
        }
    }

    /// The time limit as it would read, while typing.
    pub fn processing_time(&self) -> String {
        let mut ignored = Vec::new();
        processing_time(
            self.same_day,
            days("", &self.working_days, &mut ignored).unwrap_or(0),
            days("", &self.working_days_if_verification, &mut ignored),
        )
    }
}

/// A number of working days; empty is none.
fn days(field: &str, text: &str, errors: &mut Vec<FieldError>) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let parsed = text.parse::<u32>().ok();
    if parsed.is_none() {
        errors.push(FieldError::new(
            field,
            "invalid_format",
            "Nhập số ngày làm việc bằng chữ số",
        ));
    }
    parsed
}

/// `items` with the one at `from` moved one place up (`up`) or down; at an end
/// nothing moves. Answers whether it moved.
pub fn move_one<T>(items: &mut [T], from: usize, up: bool) -> bool {
    let to = if up {
        from.checked_sub(1)
    } else {
        Some(from + 1).filter(|to| *to < items.len())
    };
    match to {
        Some(to) if from < items.len() => {
            items.swap(from, to);
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn definition() -> ProcedureDefinition {
        serde_json::from_value(serde_json::json!({
            "code": "HT-TLBS",
            "name": "Cấp bản sao trích lục hộ tịch",
            "field": "Hộ tịch",
            "legal_basis": "Luật Hộ tịch 2014",
            "agency": "UBND phường",
            "required_documents": ["Tờ khai", "Giấy tờ tùy thân"],
            "processing_working_days": 0,
            "same_day": true,
            "fee": {"amount_vnd": 8000, "text": "8.000 đồng/bản sao"},
            "online_level": "toan_trinh",
            "form": [
                {"key": "record_type", "label": "Loại trích lục", "type": "select", "required": true,
                 "options": ["Khai sinh", "Kết hôn"]},
                {"key": "copies", "label": "Số bản sao", "type": "number", "required": false, "min": 1, "max": 20}
            ]
        }))
        .unwrap()
    }

    fn fields(errors: Vec<FieldError>) -> Vec<String> {
        errors.into_iter().map(|error| error.field).collect()
    }

    #[test]
    fn an_untouched_draft_reads_back_as_the_definition() {
        let definition = definition();
        assert_eq!(
            DefinitionDraft::from_definition(&definition).read(),
            Ok(definition)
        );
    }

    #[test]
    fn a_new_type_drops_the_settings_of_the_old_one() {
        let mut draft = DefinitionDraft::from_definition(&definition());
        draft.form[0].field_type = FieldType::Text;
        draft.form[1].field_type = FieldType::File;
        draft.form[1].accept = vec!["application/pdf".into()];
        let read = draft.read().unwrap();
        assert!(read.form[0].options.is_empty());
        assert_eq!((read.form[1].min, read.form[1].max), (None, None));
        assert_eq!(read.form[1].accept, ["application/pdf"]);
    }

    #[test]
    fn problems_are_named_as_the_server_names_them() {
        let mut draft = DefinitionDraft::from_definition(&definition());
        draft.form[0].options = "Khai sinh".into();
        draft.form[1].min = "một".into();
        draft.fee_amount = "tám nghìn".into();
        draft.same_day = false;
        draft.working_days = "0".into();
        draft.required_documents = "\n \n".into();
        let found = fields(draft.read().unwrap_err());
        for field in [
            "form[0].options",
            "form[1].min",
            "fee.amount_vnd",
            "processing_working_days",
            "required_documents",
        ] {
            assert!(found.iter().any(|f| f == field), "{field} in {found:?}");
        }
    }

    #[test]
    fn a_fee_may_be_typed_with_thousands_dots() {
        let mut draft = DefinitionDraft::from_definition(&definition());
        draft.fee_amount = "10.000".into();
        assert_eq!(draft.read().unwrap().fee.amount_vnd, Some(10_000));
    }

    #[test]
    fn the_time_limit_reads_as_it_is_typed() {
        let mut draft = DefinitionDraft::from_definition(&definition());
        assert_eq!(draft.processing_time(), "Trong ngày");
        draft.same_day = false;
        draft.working_days = "3".into();
        assert_eq!(draft.processing_time(), "3 ngày làm việc");
    }

    #[test]
    fn a_field_moves_one_place_and_not_past_the_ends() {
        let mut items = ['a', 'b', 'c'];
        assert!(move_one(&mut items, 2, true));
        assert_eq!(items, ['a', 'c', 'b']);
        assert!(!move_one(&mut items, 0, true));
        assert!(!move_one(&mut items, 2, false));
        assert!(move_one(&mut items, 0, false));
        assert_eq!(items, ['c', 'a', 'b']);
    }

    #[test]
    fn the_catalog_search_lives_in_the_address() {
        assert_eq!(catalog_href("", ""), "/dich-vu-cong");
        assert_eq!(
            catalog_href(" khai sinh ", "Hộ tịch"),
            "/dich-vu-cong?q=khai%20sinh&linh-vuc=H%E1%BB%99%20t%E1%BB%8Bch"
        );
        assert_eq!(
            catalog_href("", "Chứng thực"),
            "/dich-vu-cong?linh-vuc=Ch%E1%BB%A9ng%20th%E1%BB%B1c"
        );
        assert_eq!(filing_href("HT-KS"), "/dich-vu-cong/HT-KS/nop-ho-so");
    }

    #[test]
    fn a_free_procedure_says_so_before_its_rule() {
        let fee = Fee {
            amount_vnd: Some(0),
            text: "Miễn lệ phí".into(),
        };
        assert_eq!(fee_text(&fee), "Miễn phí – Miễn lệ phí");
    }
}

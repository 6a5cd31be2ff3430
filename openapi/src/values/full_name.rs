use super::{InvalidValue, normalize_text, string_value_serde};

/// A person's full name as they write it, e.g. "Nguyễn Thị Lan": letters (any
/// script), spaces, hyphens, apostrophes and dots; 1 to 100 characters; NFC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FullName(String);

impl FullName {
    pub fn parse(input: &str) -> Result<Self, InvalidValue> {
        let value = normalize_text(input)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if value.is_empty() {
            return Err(InvalidValue::new("required", "Vui lòng nhập họ và tên"));
        }
        if value.chars().count() > 100 {
            return Err(InvalidValue::new("too_long", "Họ và tên dài quá 100 ký tự"));
        }
        if !value
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || "-'.".contains(c))
        {
            return Err(InvalidValue::new(
                "invalid_format",
                "Họ và tên chỉ gồm chữ cái, khoảng trắng và dấu gạch nối",
            ));
        }
        Ok(FullName(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_value_serde!(FullName);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_vietnamese_diacritics_and_collapses_spaces() {
        let name = FullName::parse("  Nguyễn   Thị  Lan ").unwrap();
        assert_eq!(name.as_str(), "Nguyễn Thị Lan");
    }

    #[test]
    fn decomposed_input_is_stored_composed() {
        // "Nguyễn" typed as base letters plus combining marks (NFD).
        let decomposed = "Nguye\u{302}\u{303}n";
        assert_eq!(FullName::parse(decomposed).unwrap().as_str(), "Nguyễn");
    }

    #[test]
    fn refuses_digits_and_empty_names() {
        assert_eq!(
            FullName::parse("Lan 123").unwrap_err().code,
            "invalid_format"
        );
        assert_eq!(FullName::parse("  ").unwrap_err().code, "required");
    }
}

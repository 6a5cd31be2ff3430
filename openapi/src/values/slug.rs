use super::{InvalidValue, string_value_serde};

/// The URL name of a unit or a page: lower-case ASCII letters, digits and single
/// hyphens, 1 to 63 characters (so it also fits one DNS label, e.g. `phuong-1`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Slug(String);

impl Slug {
    pub fn parse(input: &str) -> Result<Self, InvalidValue> {
        let value = input.trim();
        if value.is_empty() {
            return Err(InvalidValue::new("required", "Vui lòng nhập đường dẫn"));
        }
        let well_formed = value.len() <= 63
            && value
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !value.starts_with('-')
            && !value.ends_with('-')
            && !value.contains("--");
        if well_formed {
            Ok(Slug(value.to_owned()))
        } else {
            Err(InvalidValue::new(
                "invalid_format",
                "Đường dẫn chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối (ví dụ: phuong-1)",
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

string_value_serde!(Slug);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ward_slugs() {
        assert_eq!(Slug::parse("phuong-12").unwrap().as_str(), "phuong-12");
    }

    #[test]
    fn refuses_capitals_diacritics_and_stray_hyphens() {
        for bad in [
            "Phuong-1",
            "phường-1",
            "-phuong",
            "phuong-",
            "phuong--1",
            "phuong 1",
        ] {
            assert!(Slug::parse(bad).is_err(), "{bad}");
        }
    }
}

use super::{InvalidValue, normalize_text, string_value_serde};

/// An e-mail address, lower-cased, at most 254 characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

const INVALID: InvalidValue = InvalidValue::new(
    "invalid_format",
    "Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@example.com)",
);

impl Email {
    pub fn parse(input: &str) -> Result<Self, InvalidValue> {
        let value = normalize_text(input).to_lowercase();
        if value.is_empty() {
            return Err(InvalidValue::new(
                "required",
                "Vui lòng nhập địa chỉ thư điện tử",
            ));
        }
        if value.chars().count() > 254 {
            return Err(InvalidValue::new(
                "too_long",
                "Địa chỉ thư điện tử dài quá 254 ký tự",
            ));
        }
        let (local, domain) = value.split_once('@').ok_or(INVALID)?;
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .chars()
                .all(|c| c.is_alphanumeric() || "._%+-'".contains(c));
        let domain_ok = domain.contains('.')
            && domain.split('.').all(|label| {
                !label.is_empty()
                    && !label.starts_with('-')
                    && !label.ends_with('-')
                    && label.chars().all(|c| c.is_alphanumeric() || c == '-')
            });
        if local_ok && domain_ok {
            Ok(Email(value))
        } else {
            Err(INVALID)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The address with most of the local part hidden, for logs and audit records.
    pub fn masked(&self) -> String {
        let (local, domain) = self.0.split_once('@').unwrap_or((&self.0, ""));
        let first: String = local.chars().take(1).collect();
        format!("{first}***@{domain}")
    }
}

string_value_serde!(Email);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_an_ordinary_address_and_lowercases_it() {
        let email = Email::parse("  Nguyen.Van.A@Example.GOV.vn ").unwrap();
        assert_eq!(email.as_str(), "nguyen.van.a@example.gov.vn");
    }

    #[test]
    fn refuses_addresses_without_at_sign_or_domain_dot() {
        for bad in [
            "nguyenvana",
            "a@b",
            "@example.com",
            "a@.com",
            "a b@example.com",
            "a..b@x.vn",
        ] {
            assert_eq!(
                Email::parse(bad).unwrap_err().code,
                "invalid_format",
                "{bad}"
            );
        }
    }

    #[test]
    fn empty_input_is_reported_as_required() {
        assert_eq!(Email::parse("   ").unwrap_err().code, "required");
    }

    #[test]
    fn masked_keeps_only_the_first_letter_and_domain() {
        let email = Email::parse("lan@example.com").unwrap();
        assert_eq!(email.masked(), "l***@example.com");
    }
}

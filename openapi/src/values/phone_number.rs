use super::{InvalidValue, string_value_serde};

/// A Vietnamese phone number in national form: a 10-digit mobile number
/// (`0[3|5|7|8|9]…`) or an 11-digit landline (`02…`). `+84` and `84` prefixes,
/// spaces, dots and dashes are accepted on input.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PhoneNumber(String);

const INVALID: InvalidValue = InvalidValue::new(
    "invalid_format",
    "Số điện thoại không hợp lệ (ví dụ: 0901234567)",
);

impl PhoneNumber {
    pub fn parse(input: &str) -> Result<Self, InvalidValue> {
        let compact: String = input
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')'))
            .collect();
        if compact.is_empty() {
            return Err(InvalidValue::new("required", "Vui lòng nhập số điện thoại"));
        }
        let national = if let Some(rest) = compact.strip_prefix("+84") {
            format!("0{rest}")
        } else if compact.starts_with("84") && compact.len() >= 11 {
            format!("0{}", &compact[2..])
        } else {
            compact
        };
        if !national.chars().all(|c| c.is_ascii_digit()) {
            return Err(INVALID);
        }
        let bytes = national.as_bytes();
        let mobile = bytes.len() == 10 && bytes[0] == b'0' && b"35789".contains(&bytes[1]);
        let landline = bytes.len() == 11 && bytes.starts_with(b"02");
        if mobile || landline {
            Ok(PhoneNumber(national))
        } else {
            Err(INVALID)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number with its middle digits hidden, for logs and audit records.
    pub fn masked(&self) -> String {
        let head = &self.0[..3];
        let tail = &self.0[self.0.len() - 3..];
        format!("{head}{}{tail}", "*".repeat(self.0.len() - 6))
    }
}

string_value_serde!(PhoneNumber);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_mobile_numbers_written_in_common_ways() {
        for input in [
            "0901234567",
            "090 123 4567",
            "090.123.4567",
            "+84901234567",
            "84901234567",
        ] {
            assert_eq!(
                PhoneNumber::parse(input).unwrap().as_str(),
                "0901234567",
                "{input}"
            );
        }
    }

    #[test]
    fn accepts_an_eleven_digit_landline() {
        assert_eq!(
            PhoneNumber::parse("028 3862 4123").unwrap().as_str(),
            "02838624123"
        );
    }

    #[test]
    fn refuses_short_long_and_lettered_numbers() {
        for bad in [
            "090123456",
            "09012345678",
            "0101234567",
            "09o1234567",
            "1234567890",
        ] {
            assert_eq!(
                PhoneNumber::parse(bad).unwrap_err().code,
                "invalid_format",
                "{bad}"
            );
        }
    }

    #[test]
    fn masked_hides_the_middle_digits() {
        assert_eq!(
            PhoneNumber::parse("0901234567").unwrap().masked(),
            "090****567"
        );
    }
}

use super::{InvalidValue, string_value_serde};

/// A citizen identity number (căn cước công dân / số định danh cá nhân): 12 digits,
/// the first three a province code from 001 to 096.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Cccd(String);

impl Cccd {
    pub fn parse(input: &str) -> Result<Self, InvalidValue> {
        let value: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if value.is_empty() {
            return Err(InvalidValue::new(
                "required",
                "Vui lòng nhập số định danh cá nhân",
            ));
        }
        if value.len() != 12 || !value.chars().all(|c| c.is_ascii_digit()) {
            return Err(InvalidValue::new(
                "invalid_format",
                "Số định danh cá nhân phải gồm đúng 12 chữ số",
            ));
        }
        let province: u16 = value[..3].parse().unwrap_or(0);
        if !(1..=96).contains(&province) {
            return Err(InvalidValue::new(
                "invalid_province",
                "Ba chữ số đầu của số định danh không phải mã tỉnh, thành phố hợp lệ",
            ));
        }
        Ok(Cccd(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number with all but the first three and last three digits hidden: never
    /// log or publish the full number.
    pub fn masked(&self) -> String {
        format!("{}******{}", &self.0[..3], &self.0[9..])
    }
}

/// Debug shows only the masked number, so a stray `{:?}` cannot leak it into logs.
impl std::fmt::Debug for Cccd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Cccd({})", self.masked())
    }
}

string_value_serde!(Cccd);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_twelve_digits_with_a_province_code() {
        assert_eq!(
            Cccd::parse("079 203 001 234").unwrap().as_str(),
            "079203001234"
        );
    }

    #[test]
    fn refuses_wrong_length_and_letters() {
        for bad in ["07920300123", "0792030012345", "07920300123a"] {
            assert_eq!(
                Cccd::parse(bad).unwrap_err().code,
                "invalid_format",
                "{bad}"
            );
        }
    }

    #[test]
    fn refuses_an_unknown_province_code() {
        assert_eq!(
            Cccd::parse("000203001234").unwrap_err().code,
            "invalid_province"
        );
        assert_eq!(
            Cccd::parse("099203001234").unwrap_err().code,
            "invalid_province"
        );
    }

    #[test]
    fn debug_output_never_shows_the_full_number() {
        let cccd = Cccd::parse("079203001234").unwrap();
        assert_eq!(format!("{cccd:?}"), "Cccd(079******234)");
    }
}

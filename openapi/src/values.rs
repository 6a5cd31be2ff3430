//! Validated value types: parse, don't validate.
//!
//! Each type can only be built through `parse`, so holding one proves the value is
//! well-formed. The web app parses form input with the same functions the server
//! uses on request bodies, so both give the same answer and the same message.

mod cccd;
mod email;
mod full_name;
mod password;
mod phone_number;
mod slug;

pub use cccd::Cccd;
pub use email::Email;
pub use full_name::FullName;
pub use password::Password;
pub use phone_number::PhoneNumber;
pub use slug::Slug;

use crate::FieldError;
use unicode_normalization::UnicodeNormalization;

/// Why a value was refused: a machine code and a Vietnamese message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidValue {
    pub code: &'static str,
    pub message: &'static str,
}

impl InvalidValue {
    pub const fn new(code: &'static str, message: &'static str) -> Self {
        InvalidValue { code, message }
    }

    /// The same refusal, attached to a field of a request body.
    pub fn on(self, field: &str) -> FieldError {
        FieldError::new(field, self.code, self.message)
    }
}

impl std::fmt::Display for InvalidValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message)
    }
}

impl std::error::Error for InvalidValue {}

/// Text as we store it: NFC-normalized and trimmed, so that "Phường" typed on any
/// keyboard compares equal.
pub fn normalize_text(input: &str) -> String {
    input.trim().nfc().collect()
}

/// `value` as stored (see [`normalize_text`]); a problem is recorded at `field` when it
/// has fewer than `min` characters (`required` when empty and `min` > 0) or more than
/// `max`. Every free-text field of the contract is checked this way.
pub fn bounded_text(
    field: &str,
    value: &str,
    min: usize,
    max: usize,
    errors: &mut Vec<crate::FieldError>,
) -> String {
    let value = normalize_text(value);
    let length = value.chars().count();
    if length == 0 && min > 0 {
        errors.push(crate::FieldError::new(
            field,
            "required",
            "Trường này là bắt buộc",
        ));
    } else if length < min {
        errors.push(crate::FieldError::new(
            field,
            "too_short",
            &format!("Cần ít nhất {min} ký tự"),
        ));
    } else if length > max {
        errors.push(crate::FieldError::new(
            field,
            "too_long",
            &format!("Tối đa {max} ký tự"),
        ));
    }
    value
}

/// Implements `Serialize` (as the inner string) and `Deserialize` (through `parse`)
/// for a value type, so a value type is never built around the check.
macro_rules! string_value_serde {
    ($type:ty) => {
        impl serde::Serialize for $type {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $type {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let raw = String::deserialize(deserializer)?;
                <$type>::parse(&raw).map_err(serde::de::Error::custom)
            }
        }

        impl std::fmt::Display for $type {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use string_value_serde;

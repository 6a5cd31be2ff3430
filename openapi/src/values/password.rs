use super::InvalidValue;

/// A new password: 8 to 128 characters, not only spaces. Never serialized, and its
/// `Debug` output hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

pub const MIN_PASSWORD_CHARS: usize = 8;
pub const MAX_PASSWORD_CHARS: usize = 128;

impl Password {
    pub fn parse(input: &str) -> Result<Self, InvalidValue> {
        let chars = input.chars().count();
        if input.trim().is_empty() {
            return Err(InvalidValue::new("required", "Vui lòng nhập mật khẩu"));
        }
        if chars < MIN_PASSWORD_CHARS {
            return Err(InvalidValue::new(
                "too_short",
                "Mật khẩu phải có ít nhất 8 ký tự",
            ));
        }
        if chars > MAX_PASSWORD_CHARS {
            return Err(InvalidValue::new("too_long", "Mật khẩu dài quá 128 ký tự"));
        }
        Ok(Password(input.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_short_and_blank_passwords() {
        assert_eq!(Password::parse("1234567").unwrap_err().code, "too_short");
        assert_eq!(Password::parse("        ").unwrap_err().code, "required");
    }

    #[test]
    fn debug_output_hides_the_password() {
        let password = Password::parse("mat-khau-bi-mat").unwrap();
        assert_eq!(format!("{password:?}"), "Password(***)");
    }
}

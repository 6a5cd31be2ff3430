//! Accounts, sign-in and the signed-in user's roles.

use serde::{Deserialize, Serialize};

use crate::FieldError;
use crate::values::{Email, FullName, Password, PhoneNumber};

/// A staff role. Every role is held for one unit (a ward, or the district).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Biên tập viên: writes drafts and submits them for review.
    Editor,
    /// Người kiểm duyệt: approves or returns content; never their own.
    Reviewer,
    /// Cán bộ phụ trách web: triages feedback and publishes results.
    WebOfficer,
    /// Cán bộ chuyên môn: drafts replies, processes dossiers.
    DepartmentOfficer,
    /// Cán bộ tiếp nhận: accepts, asks to supplement or refuses dossiers.
    IntakeOfficer,
    /// Quản trị phường: users, departments, settings of a ward.
    WardAdmin,
    /// Quản trị quận: everything, across all wards of the district.
    DistrictAdmin,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Editor,
        Role::Reviewer,
        Role::WebOfficer,
        Role::DepartmentOfficer,
        Role::IntakeOfficer,
        Role::WardAdmin,
        Role::DistrictAdmin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Editor => "editor",
            Role::Reviewer => "reviewer",
            Role::WebOfficer => "web_officer",
            Role::DepartmentOfficer => "department_officer",
            Role::IntakeOfficer => "intake_officer",
            Role::WardAdmin => "ward_admin",
            Role::DistrictAdmin => "district_admin",
        }
    }

    pub fn parse(value: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|role| role.as_str() == value)
    }

    /// Vietnamese name of the role, shown in the staff console.
    pub fn label(self) -> &'static str {
        match self {
            Role::Editor => "Biên tập viên",
            Role::Reviewer => "Người kiểm duyệt",
            Role::WebOfficer => "Cán bộ phụ trách cổng thông tin",
            Role::DepartmentOfficer => "Cán bộ chuyên môn",
            Role::IntakeOfficer => "Cán bộ tiếp nhận hồ sơ",
            Role::WardAdmin => "Quản trị phường",
            Role::DistrictAdmin => "Quản trị quận",
        }
    }
}

/// `POST /api/v1/auth/register`: a citizen creates an account with an e-mail
/// address, a phone number, or both.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RegisterRequest {
    #[cfg_attr(feature = "server", schema(example = "Nguyễn Thị Lan"))]
    pub full_name: String,
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(example = "lan.nguyen@example.com"))]
    pub email: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(example = "0901234567"))]
    pub phone: Option<String>,
    /// 8 to 128 characters.
    pub password: String,
}

/// A registration whose every field has been checked.
#[derive(Debug, Clone)]
pub struct NewAccount {
    pub full_name: FullName,
    pub email: Option<Email>,
    pub phone: Option<PhoneNumber>,
    pub password: Password,
}

impl RegisterRequest {
    /// Checks every field and reports all problems at once.
    pub fn parse(&self) -> Result<NewAccount, Vec<FieldError>> {
        let mut errors = Vec::new();
        let full_name =
            FullName::parse(&self.full_name).map_err(|e| errors.push(e.on("full_name")));
        let email =
            optional(self.email.as_deref(), Email::parse).map_err(|e| errors.push(e.on("email")));
        let phone = optional(self.phone.as_deref(), PhoneNumber::parse)
            .map_err(|e| errors.push(e.on("phone")));
        let password = Password::parse(&self.password).map_err(|e| errors.push(e.on("password")));
        if let (Ok(None), Ok(None)) = (&email, &phone) {
            let message = "Vui lòng nhập địa chỉ thư điện tử hoặc số điện thoại";
            errors.push(FieldError::new("email", "email_or_phone_required", message));
            errors.push(FieldError::new("phone", "email_or_phone_required", message));
        }
        match (full_name, email, phone, password) {
            (Ok(full_name), Ok(email), Ok(phone), Ok(password)) if errors.is_empty() => {
                Ok(NewAccount {
                    full_name,
                    email,
                    phone,
                    password,
                })
            }
            _ => Err(errors),
        }
    }
}

/// Empty or absent input means "not given"; anything else must parse.
fn optional<T, E>(
    input: Option<&str>,
    parse: impl Fn(&str) -> Result<T, E>,
) -> Result<Option<T>, E> {
    match input.map(str::trim) {
        None | Some("") => Ok(None),
        Some(value) => parse(value).map(Some),
    }
}

/// `POST /api/v1/auth/login`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    /// The account's e-mail address or phone number.
    #[cfg_attr(feature = "server", schema(example = "lan.nguyen@example.com"))]
    pub login: String,
    pub password: String,
}

/// What a login names: an e-mail address or a phone number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Login {
    Email(Email),
    Phone(PhoneNumber),
}

impl Login {
    pub fn parse(input: &str) -> Result<Login, FieldError> {
        if input.contains('@') {
            Email::parse(input)
                .map(Login::Email)
                .map_err(|e| e.on("login"))
        } else {
            PhoneNumber::parse(input).map(Login::Phone).map_err(|_| {
                FieldError::new(
                    "login",
                    "invalid_format",
                    "Nhập địa chỉ thư điện tử hoặc số điện thoại đã đăng ký",
                )
            })
        }
    }

    /// The login with most characters hidden, for audit records and logs.
    pub fn masked(&self) -> String {
        match self {
            Login::Email(email) => email.masked(),
            Login::Phone(phone) => phone.masked(),
        }
    }

    /// The normalized login, used to count failed attempts.
    pub fn key(&self) -> &str {
        match self {
            Login::Email(email) => email.as_str(),
            Login::Phone(phone) => phone.as_str(),
        }
    }
}

/// A short-lived access token. The refresh token travels only in the
/// `wp_refresh` cookie (HttpOnly, Secure, SameSite=Strict).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct TokenResponse {
    pub access_token: String,
    /// Always `Bearer`.
    #[cfg_attr(feature = "server", schema(example = "Bearer"))]
    pub token_type: String,
    /// Seconds until the access token expires.
    #[cfg_attr(feature = "server", schema(example = 900))]
    pub expires_in: u64,
}

/// `POST /api/v1/me/password`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangePasswordRequest {
    pub current_password: String,
    pub new_password: String,
}

/// A role held for a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct RoleAssignment {
    pub role: Role,
    /// The unit's slug.
    pub unit: String,
    /// The unit's name, e.g. "Phường 1".
    pub unit_name: String,
}

/// `GET /api/v1/me`: the signed-in account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Me {
    pub id: i64,
    pub full_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Empty for a citizen.
    pub roles: Vec<RoleAssignment>,
}

impl Me {
    pub fn is_staff(&self) -> bool {
        !self.roles.is_empty()
    }
}

/// `GET /api/v1/units/{unit}/staff`: one staff member and the roles held in that unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct StaffMember {
    pub id: i64,
    pub full_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub roles: Vec<Role>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(email: Option<&str>, phone: Option<&str>) -> RegisterRequest {
        RegisterRequest {
            full_name: "Nguyễn Thị Lan".into(),
            email: email.map(str::to_owned),
            phone: phone.map(str::to_owned),
            password: "mot-mat-khau-dai".into(),
        }
    }

    #[test]
    fn registration_needs_an_email_or_a_phone() {
        let errors = request(None, Some("  ")).parse().unwrap_err();
        assert!(
            errors
                .iter()
                .any(|e| e.field == "email" && e.code == "email_or_phone_required")
        );
        assert!(request(None, Some("0901234567")).parse().is_ok());
        assert!(request(Some("lan@example.com"), None).parse().is_ok());
    }

    #[test]
    fn registration_reports_every_bad_field_at_once() {
        let bad = RegisterRequest {
            full_name: "".into(),
            email: Some("not-an-email".into()),
            phone: Some("123".into()),
            password: "short".into(),
        };
        let fields: Vec<_> = bad
            .parse()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["full_name", "email", "phone", "password"]);
    }

    #[test]
    fn login_is_an_email_when_it_has_an_at_sign_and_a_phone_otherwise() {
        assert!(matches!(
            Login::parse("Lan@Example.com"),
            Ok(Login::Email(_))
        ));
        assert!(matches!(
            Login::parse("+84 901 234 567"),
            Ok(Login::Phone(_))
        ));
        assert_eq!(Login::parse("lan").unwrap_err().field, "login");
    }

    #[test]
    fn roles_round_trip_through_their_wire_names() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
    }
}

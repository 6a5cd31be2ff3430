//! The spokesperson (người phát ngôn): the official whose contact details every page
//! of the ward site shows. Each change is a reviewed revision, so the history of
//! spokespersons is the item's published revisions.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::FieldError;
use crate::organization::{email, phone};
use crate::values::bounded_text;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Spokesperson {
    #[cfg_attr(feature = "server", schema(example = "Nguyễn Văn An"))]
    pub name: String,
    #[cfg_attr(
        feature = "server",
        schema(example = "Chủ tịch Ủy ban nhân dân Phường 1")
    )]
    pub position: String,
    pub phone: String,
    pub email: String,
    pub valid_from: NaiveDate,
    /// The last day in office; `null` while in office.
    #[serde(default)]
    pub valid_to: Option<NaiveDate>,
}

impl Spokesperson {
    pub fn parse(&self) -> Result<Spokesperson, Vec<FieldError>> {
        let mut errors = Vec::new();
        let at = |name: &str| format!("details.spokesperson.{name}");
        let mut required =
            |name: &str, value: &str| bounded_text(&at(name), value, 1, 200, &mut errors);
        let name = required("name", &self.name);
        let position = required("position", &self.position);
        let phone_number = phone(&at("phone"), &Some(self.phone.clone()), &mut errors);
        let email_address = email(&at("email"), &Some(self.email.clone()), &mut errors);
        if phone_number.is_none() && self.phone.trim().is_empty() {
            errors.push(FieldError::new(
                &at("phone"),
                "required",
                "Trường này là bắt buộc",
            ));
        }
        if email_address.is_none() && self.email.trim().is_empty() {
            errors.push(FieldError::new(
                &at("email"),
                "required",
                "Trường này là bắt buộc",
            ));
        }
        if self.valid_to.is_some_and(|to| to < self.valid_from) {
            errors.push(FieldError::new(
                &at("valid_to"),
                "before_start",
                "Ngày kết thúc không thể trước ngày bắt đầu",
            ));
        }
        match (phone_number, email_address, errors.is_empty()) {
            (Some(phone), Some(email), true) => Ok(Spokesperson {
                name,
                position,
                phone,
                email,
                valid_from: self.valid_from,
                valid_to: self.valid_to,
            }),
            _ => Err(errors),
        }
    }

    pub fn is_in_office(&self, day: NaiveDate) -> bool {
        self.valid_from <= day && self.valid_to.is_none_or(|to| day <= to)
    }
}

/// `GET /api/v1/units/{unit}/spokesperson`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SpokespersonRecord {
    /// Who speaks for the unit today; `null` when nobody is appointed.
    pub current: Option<Spokesperson>,
    /// Every published spokesperson, newest first (the current one included).
    pub history: Vec<Spokesperson>,
}

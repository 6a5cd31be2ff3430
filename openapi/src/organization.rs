//! The ward's organization (bộ máy): its bodies and departments, each with what it
//! does and who works there. Published through review like any content.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::FieldError;
use crate::content::UnitLabel;
use crate::values::{Email, PhoneNumber, bounded_text};

/// Where a body sits in the chart: the departments work under the People's
/// Committee, the mass organizations under the Fatherland Front.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    /// Đảng ủy.
    PartyCommittee,
    /// Hội đồng nhân dân.
    PeoplesCouncil,
    /// Ủy ban nhân dân.
    PeoplesCommittee,
    /// Ủy ban Mặt trận Tổ quốc.
    FatherlandFront,
    /// Đoàn Thanh niên, Hội Liên hiệp Phụ nữ, Hội Cựu chiến binh…
    MassOrganization,
    /// A specialist office of the People's Committee (bộ phận chuyên môn).
    Department,
}

impl BodyKind {
    pub const ALL: [BodyKind; 6] = [
        BodyKind::PartyCommittee,
        BodyKind::PeoplesCouncil,
        BodyKind::PeoplesCommittee,
        BodyKind::FatherlandFront,
        BodyKind::MassOrganization,
        BodyKind::Department,
    ];

    pub fn label(self) -> &'static str {
        match self {
            BodyKind::PartyCommittee => "Đảng ủy",
            BodyKind::PeoplesCouncil => "Hội đồng nhân dân",
            BodyKind::PeoplesCommittee => "Ủy ban nhân dân",
            BodyKind::FatherlandFront => "Ủy ban Mặt trận Tổ quốc",
            BodyKind::MassOrganization => "Tổ chức chính trị - xã hội",
            BodyKind::Department => "Bộ phận chuyên môn",
        }
    }
}

/// A person of a body, as the public contact directory shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub name: String,
    /// e.g. "Chủ tịch", "Phó Chủ tịch".
    pub position: String,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    /// The key of an uploaded photo.
    #[serde(default)]
    pub photo: Option<String>,
    /// Smallest first.
    #[serde(default)]
    pub display_order: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub kind: BodyKind,
    #[cfg_attr(feature = "server", schema(example = "Ủy ban nhân dân Phường 1"))]
    pub name: String,
    /// Chức năng, nhiệm vụ (plain text, paragraphs separated by blank lines).
    #[serde(default)]
    pub functions: String,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub members: Vec<Member>,
    /// Smallest first, within its kind.
    #[serde(default)]
    pub display_order: i32,
}

/// The whole organization of a unit, as one reviewed revision.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OrganizationFields {
    pub bodies: Vec<Body>,
}

pub const MAX_BODIES: usize = 60;
pub const MAX_MEMBERS: usize = 100;
const MAX_NAME: usize = 200;
const MAX_FUNCTIONS: usize = 20_000;

/// A phone number in its normal form, or the problem named at `field`.
pub(crate) fn phone(
    field: &str,
    value: &Option<String>,
    errors: &mut Vec<FieldError>,
) -> Option<String> {
    let value = value.as_deref().map(str::trim).filter(|v| !v.is_empty())?;
    match PhoneNumber::parse(value) {
        Ok(phone) => Some(phone.as_str().to_owned()),
        Err(error) => {
            errors.push(error.on(field));
            None
        }
    }
}

pub(crate) fn email(
    field: &str,
    value: &Option<String>,
    errors: &mut Vec<FieldError>,
) -> Option<String> {
    let value = value.as_deref().map(str::trim).filter(|v| !v.is_empty())?;
    match Email::parse(value) {
        Ok(email) => Some(email.as_str().to_owned()),
        Err(error) => {
            errors.push(error.on(field));
            None
        }
    }
}

impl OrganizationFields {
    /// Every problem at once, named like `details.organization.bodies[2].members[0].phone`.
    pub fn parse(&self) -> Result<OrganizationFields, Vec<FieldError>> {
        let mut errors = Vec::new();
        let root = "details.organization.bodies";
        if self.bodies.is_empty() {
            errors.push(FieldError::new(
                root,
                "required",
                "Cần ít nhất một cơ quan, tổ chức",
            ));
        }
        if self.bodies.len() > MAX_BODIES {
            errors.push(FieldError::new(
                root,
                "too_many",
                &format!("Tối đa {MAX_BODIES} cơ quan, tổ chức"),
            ));
        }
        let mut bodies = Vec::new();
        for (b, body) in self.bodies.iter().enumerate() {
            let at = |name: &str| format!("{root}[{b}].{name}");
            if body.members.len() > MAX_MEMBERS {
                errors.push(FieldError::new(
                    &at("members"),
                    "too_many",
                    &format!("Tối đa {MAX_MEMBERS} người"),
                ));
            }
            let mut members: Vec<Member> = body
                .members
                .iter()
                .enumerate()
                .map(|(m, member)| {
                    let at = |name: &str| format!("{root}[{b}].members[{m}].{name}");
                    Member {
                        name: bounded_text(&at("name"), &member.name, 1, MAX_NAME, &mut errors),
                        position: bounded_text(
                            &at("position"),
                            &member.position,
                            1,
                            MAX_NAME,
                            &mut errors,
                        ),
                        phone: phone(&at("phone"), &member.phone, &mut errors),
                        email: email(&at("email"), &member.email, &mut errors),
                        photo: member.photo.clone().filter(|key| !key.trim().is_empty()),
                        display_order: member.display_order,
                    }
                })
                .collect();
            members.sort_by_key(|member| member.display_order);
            bodies.push(Body {
                kind: body.kind,
                name: bounded_text(&at("name"), &body.name, 1, MAX_NAME, &mut errors),
                functions: bounded_text(
                    &at("functions"),
                    &body.functions,
                    0,
                    MAX_FUNCTIONS,
                    &mut errors,
                ),
                phone: phone(&at("phone"), &body.phone, &mut errors),
                members,
                display_order: body.display_order,
            });
        }
        bodies.sort_by_key(|body| {
            let rank = BodyKind::ALL.iter().position(|kind| *kind == body.kind);
            (rank, body.display_order)
        });
        if errors.is_empty() {
            Ok(OrganizationFields { bodies })
        } else {
            Err(errors)
        }
    }

    /// The photos it refers to, for the server to check they are the unit's.
    pub fn photo_keys(&self) -> impl Iterator<Item = &str> {
        self.bodies
            .iter()
            .flat_map(|body| body.members.iter())
            .filter_map(|member| member.photo.as_deref())
    }
}

/// `GET /api/v1/units/{unit}/organization`: the published organization, bodies in
/// chart order (Đảng ủy, HĐND, UBND, MTTQ, mass organizations, departments).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Organization {
    pub unit: UnitLabel,
    pub bodies: Vec<PublicBody>,
    pub published_at: DateTime<FixedOffset>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PublicBody {
    pub kind: BodyKind,
    pub name: String,
    pub functions: String,
    pub phone: Option<String>,
    pub members: Vec<PublicMember>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PublicMember {
    pub name: String,
    pub position: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub photo_url: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(kind: BodyKind, name: &str, phone: Option<&str>) -> Body {
        Body {
            kind,
            name: name.into(),
            functions: String::new(),
            phone: phone.map(str::to_owned),
            members: vec![],
            display_order: 0,
        }
    }

    #[test]
    fn bodies_come_in_chart_order() {
        let fields = OrganizationFields {
            bodies: vec![
                body(BodyKind::Department, "Văn phòng HĐND và UBND", None),
                body(BodyKind::PartyCommittee, "Đảng ủy Phường 1", None),
            ],
        };
        let parsed = fields.parse().unwrap();
        assert_eq!(parsed.bodies[0].kind, BodyKind::PartyCommittee);
    }

    #[test]
    fn a_wrong_phone_is_named_by_its_place() {
        let fields = OrganizationFields {
            bodies: vec![body(BodyKind::PeoplesCommittee, "UBND", Some("12"))],
        };
        let errors = fields.parse().unwrap_err();
        assert_eq!(errors[0].field, "details.organization.bodies[0].phone");
    }
}

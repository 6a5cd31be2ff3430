//! Citizen feedback (phản ánh, kiến nghị): sent with or without an account, routed
//! to a department, answered, approved and published. The tracking code and the
//! contact given are what a citizen looks it up with.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::FieldError;
use crate::uploads::MAX_PHOTOS;
use crate::values::{Email, PhoneNumber, bounded_text, normalize_text};

/// The version of the personal-data notice a citizen consents to when sending.
pub const PRIVACY_POLICY_VERSION: &str = "2026-11";

pub const MAX_TITLE_CHARS: usize = 200;
pub const MIN_CONTENT_CHARS: usize = 20;
pub const MAX_CONTENT_CHARS: usize = 5_000;

/// A kind of feedback a ward takes, e.g. `trat-tu-do-thi`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct FeedbackCategory {
    pub code: String,
    #[cfg_attr(feature = "server", schema(example = "Trật tự đô thị"))]
    pub name: String,
}

/// Where the problem is: an address, a point, or both.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FeedbackLocation {
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub latitude: Option<f64>,
    #[serde(default)]
    pub longitude: Option<f64>,
}

/// `POST /api/v1/units/{unit}/feedback`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewFeedback {
    /// A category code of the ward (`GET …/feedback-categories`).
    pub category: String,
    pub title: String,
    pub content: String,
    #[serde(default)]
    pub location: Option<FeedbackLocation>,
    /// Never published.
    pub contact_name: String,
    /// A phone number or an e-mail address is required; never published.
    #[serde(default)]
    pub contact_phone: Option<String>,
    #[serde(default)]
    pub contact_email: Option<String>,
    /// Consent to the processing of personal data (required, recorded with the
    /// notice's version).
    pub consent: bool,
    /// `false` asks the ward not to publish the feedback and its answer.
    #[serde(default)]
    pub public: Option<bool>,
    /// Ids of photos sent first to `POST /api/v1/uploads`, at most 5, each used once.
    #[serde(default)]
    pub photos: Option<Vec<String>>,
}

/// A submission whose every field was checked and normalized.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedFeedback {
    pub category: String,
    pub title: String,
    pub content: String,
    pub address: Option<String>,
    pub point: Option<(f64, f64)>,
    pub contact_name: String,
    pub contact_phone: Option<PhoneNumber>,
    pub contact_email: Option<Email>,
    pub public: bool,
    /// Upload ids, in the order given.
    pub photos: Vec<String>,
}

impl NewFeedback {
    /// Every problem at once, each named by its field.
    pub fn parse(&self) -> Result<CheckedFeedback, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut text = |field: &str, value: &str, min: usize, max: usize| {
            bounded_text(field, value, min, max, &mut errors)
        };
        let category = text("category", &self.category, 1, 100);
        let title = text("title", &self.title, 1, MAX_TITLE_CHARS);
        let content = text(
            "content",
            &self.content,
            MIN_CONTENT_CHARS,
            MAX_CONTENT_CHARS,
        );
        let contact_name = text("contact_name", &self.contact_name, 1, 100);
        let given = |value: &Option<String>| {
            value
                .as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        let contact_phone = given(&self.contact_phone).and_then(|phone| {
            PhoneNumber::parse(&phone)
                .map_err(|e| errors.push(e.on("contact_phone")))
                .ok()
        });
        let contact_email = given(&self.contact_email).and_then(|email| {
            Email::parse(&email)
                .map_err(|e| errors.push(e.on("contact_email")))
                .ok()
        });
        if given(&self.contact_phone).is_none() && given(&self.contact_email).is_none() {
            errors.push(FieldError::new(
                "contact_phone",
                "required",
                "Cần số điện thoại hoặc thư điện tử để phường trả lời và để tra cứu",
            ));
        }
        if !self.consent {
            errors.push(FieldError::new(
                "consent",
                "required",
                "Cần đồng ý cho phường xử lý thông tin cá nhân để tiếp nhận phản ánh",
            ));
        }
        let location = self.location.clone().unwrap_or_default();
        let address = given(&location.address).map(|a| normalize_text(&a));
        if address.as_ref().is_some_and(|a| a.chars().count() > 300) {
            errors.push(FieldError::new(
                "location.address",
                "too_long",
                "Tối đa 300 ký tự",
            ));
        }
        let point = match (location.latitude, location.longitude) {
            (Some(latitude), Some(longitude)) => Some((longitude, latitude)),
            (None, None) => None,
            _ => {
                errors.push(FieldError::new(
                    "location",
                    "incomplete",
                    "Vị trí cần cả vĩ độ và kinh độ",
                ));
                None
            }
        };
        let photos = self.photos.clone().unwrap_or_default();
        if photos.len() > MAX_PHOTOS {
            errors.push(FieldError::new(
                "photos",
                "too_many",
                &format!("Tối đa {MAX_PHOTOS} ảnh cho một phản ánh"),
            ));
        }
        if errors.is_empty() {
            Ok(CheckedFeedback {
                category,
                title,
                content,
                address,
                point,
                contact_name,
                contact_phone,
                contact_email,
                public: self.public.unwrap_or(true),
                photos,
            })
        } else {
            Err(errors)
        }
    }
}

/// Where a feedback stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FeedbackState {
    Received,
    Forwarded,
    Answered,
    ReturnedToDepartment,
    Approved,
    Published,
    Rejected,
    Closed,
}

impl FeedbackState {
    pub const ALL: [FeedbackState; 8] = [
        FeedbackState::Received,
        FeedbackState::Forwarded,
        FeedbackState::Answered,
        FeedbackState::ReturnedToDepartment,
        FeedbackState::Approved,
        FeedbackState::Published,
        FeedbackState::Rejected,
        FeedbackState::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FeedbackState::Received => "received",
            FeedbackState::Forwarded => "forwarded",
            FeedbackState::Answered => "answered",
            FeedbackState::ReturnedToDepartment => "returned_to_department",
            FeedbackState::Approved => "approved",
            FeedbackState::Published => "published",
            FeedbackState::Rejected => "rejected",
            FeedbackState::Closed => "closed",
        }
    }

    pub fn parse(value: &str) -> Option<FeedbackState> {
        FeedbackState::ALL
            .into_iter()
            .find(|state| state.as_str() == value)
    }

    /// What a citizen reads.
    pub fn label(self) -> &'static str {
        match self {
            FeedbackState::Received => "Đã tiếp nhận",
            FeedbackState::Forwarded | FeedbackState::ReturnedToDepartment => "Đang xử lý",
            FeedbackState::Answered | FeedbackState::Approved => "Đang duyệt trả lời",
            FeedbackState::Published => "Đã trả lời",
            FeedbackState::Rejected => "Không tiếp nhận",
            FeedbackState::Closed => "Đã đóng",
        }
    }
}

/// `201` of `POST …/feedback`: what the citizen keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct FeedbackReceipt {
    /// The tracking code: not guessable, not sequential.
    #[cfg_attr(feature = "server", schema(example = "PA-7K3MQ-9QXD2"))]
    pub code: String,
    /// The answer is due by this day (10 working days); `null` when the working-day
    /// calendar of that year is not confirmed yet.
    pub due_date: Option<NaiveDate>,
    pub received_at: DateTime<FixedOffset>,
}

/// One public step of a feedback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct FeedbackStep {
    pub state: FeedbackState,
    pub at: DateTime<FixedOffset>,
}

/// `GET /api/v1/feedback/{code}?contact=`: for the citizen who sent it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct FeedbackStatus {
    pub code: String,
    pub unit: crate::content::UnitLabel,
    pub category: FeedbackCategory,
    pub title: String,
    pub content: String,
    pub state: FeedbackState,
    /// `state` in Vietnamese.
    pub state_label: String,
    pub received_at: DateTime<FixedOffset>,
    pub due_date: Option<NaiveDate>,
    pub steps: Vec<FeedbackStep>,
    /// The reply as the reviewer approved it, once it is published (or, for
    /// feedback the citizen kept private, once it is closed).
    pub reply: Option<String>,
    /// Why the ward did not take it up, when it was rejected.
    #[serde(default)]
    pub rejection: Option<crate::feedback_workflow::Rejection>,
    /// The photos sent with it, in their order.
    #[serde(default)]
    pub photos: Vec<FeedbackPhoto>,
    /// The public messages of the thread, oldest first; internal notes never.
    pub messages: Vec<crate::feedback_thread::PublicMessage>,
}

/// A photo sent with a feedback. Only those who can see the feedback get its URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct FeedbackPhoto {
    /// Where to download it (always as an attachment).
    pub url: String,
    pub content_type: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feedback() -> NewFeedback {
        NewFeedback {
            category: "trat-tu-do-thi".into(),
            title: "Lấn chiếm vỉa hè".into(),
            content: "Quán ăn lấn chiếm toàn bộ vỉa hè trước số 12 mỗi tối.".into(),
            location: None,
            contact_name: "Nguyễn Văn An".into(),
            contact_phone: Some("0903 123 456".into()),
            contact_email: None,
            consent: true,
            public: None,
            photos: None,
        }
    }

    #[test]
    fn feedback_without_consent_or_contact_is_refused_by_field() {
        let mut missing = feedback();
        missing.consent = false;
        missing.contact_phone = None;
        let fields: Vec<String> = missing
            .parse()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["contact_phone", "consent"]);
    }

    #[test]
    fn feedback_is_public_unless_asked_otherwise() {
        assert!(feedback().parse().unwrap().public);
    }

    #[test]
    fn a_sixth_photo_is_refused() {
        let mut many = feedback();
        many.photos = Some((0..6).map(|i| format!("photo-{i}")).collect());
        assert_eq!(many.parse().unwrap_err()[0].field, "photos");
        many.photos = Some((0..5).map(|i| format!("photo-{i}")).collect());
        assert_eq!(many.parse().unwrap().photos.len(), 5);
    }

    #[test]
    fn half_a_point_is_refused() {
        let mut half = feedback();
        half.location = Some(FeedbackLocation {
            address: None,
            latitude: Some(10.77),
            longitude: None,
        });
        assert_eq!(half.parse().unwrap_err()[0].field, "location");
    }
}

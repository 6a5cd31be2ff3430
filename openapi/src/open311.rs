//! Open311 GeoReport v2 (<http://wiki.open311.org/GeoReport_v2>): the names and
//! shapes third-party applications already speak. A jurisdiction is a ward (its
//! slug), a service is one of its feedback categories, a service request is a
//! feedback whose id is its tracking code.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::FieldError;
use crate::feedback::{FeedbackLocation, NewFeedback};

/// The specification these endpoints follow.
pub const SPECIFICATION: &str = "http://wiki.open311.org/GeoReport_v2";

/// Longest title made from the start of a description.
pub const TITLE_CHARS: usize = 80;

/// `GET /open311/v2/discovery.{format}`: where the endpoint is and what it speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Discovery {
    /// When these endpoints last changed.
    pub changeset: String,
    pub contact: String,
    /// How to get an API key.
    pub key_service: String,
    pub endpoints: Vec<DiscoveryEndpoint>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DiscoveryEndpoint {
    pub specification: String,
    pub url: String,
    pub changeset: String,
    /// `production`.
    #[serde(rename = "type")]
    pub kind: String,
    /// `application/json` and `text/xml`.
    pub formats: Vec<String>,
}

/// One service of a jurisdiction: a feedback category of the ward.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Service {
    /// The category's code, e.g. `trat-tu-do-thi`.
    pub service_code: String,
    pub service_name: String,
    pub description: String,
    /// Always `false`: no service asks for extra attributes.
    pub metadata: bool,
    /// Always `realtime`: the service request id is known at once.
    #[serde(rename = "type")]
    pub kind: String,
    /// Comma-separated words to find the service by.
    pub keywords: String,
    /// The department the category goes to first.
    pub group: String,
}

/// `GET /open311/v2/services/{service_code}.{format}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ServiceDefinition {
    pub service_code: String,
    /// Always empty: every service takes the standard fields only.
    pub attributes: Vec<ServiceAttribute>,
}

/// An extra question of a service (GeoReport v2 shape; none is defined here).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ServiceAttribute {
    pub variable: bool,
    pub code: String,
    pub datatype: String,
    pub required: bool,
    pub datatype_description: String,
    pub order: u32,
    pub description: String,
}

/// `POST /open311/v2/requests.{format}`, form-encoded. Contact data is never
/// published; the key holder attests that the citizen consented to its processing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewServiceRequest {
    /// The key from the ward's administrators (or as a query parameter).
    #[serde(default)]
    pub api_key: Option<String>,
    /// The ward's slug, e.g. `phuong-1`.
    #[serde(default)]
    pub jurisdiction_id: Option<String>,
    #[serde(default)]
    pub service_code: Option<String>,
    /// Latitude (WGS 84); with `long`, or `address_string` instead.
    #[serde(default)]
    pub lat: Option<String>,
    #[serde(default)]
    pub long: Option<String>,
    #[serde(default)]
    pub address_string: Option<String>,
    /// Accepted and not used: the ward has no address register.
    #[serde(default)]
    pub address_id: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    /// Accepted and not used.
    #[serde(default)]
    pub device_id: Option<String>,
    /// Accepted and not used: requests are not tied to accounts of third parties.
    #[serde(default)]
    pub account_id: Option<String>,
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    /// The feedback itself; its first words become the title.
    #[serde(default)]
    pub description: Option<String>,
    /// Not fetched: photos come through the ward's own form. The answer's
    /// `service_notice` says so when one is sent.
    #[serde(default)]
    pub media_url: Option<String>,
}

fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// At most `TITLE_CHARS` characters of `text`, cut between words.
pub fn title_from(text: &str) -> String {
    let mut title = String::new();
    for word in text.split_whitespace() {
        let length = title.chars().count() + word.chars().count() + 1;
        if length > TITLE_CHARS {
            if title.is_empty() {
                title = word.chars().take(TITLE_CHARS - 1).collect();
            }
            title.push('…');
            return title;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
    }
    title
}

/// The Open311 parameter a field of `NewFeedback` comes from.
pub fn open311_field(feedback_field: &str) -> &'static str {
    match feedback_field {
        "category" => "service_code",
        "title" | "content" => "description",
        "location" => "lat",
        "location.address" => "address_string",
        "contact_name" => "first_name",
        "contact_phone" => "phone",
        "contact_email" => "email",
        "consent" => "api_key",
        _ => "description",
    }
}

impl NewServiceRequest {
    /// The feedback the web form would have sent; `service_name` titles a request
    /// without a description. Errors name Open311 parameters.
    pub fn to_feedback(&self, service_name: &str) -> Result<NewFeedback, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut coordinate = |field: &str, value: &Option<String>| {
            given(value).and_then(|v| match v.parse::<f64>() {
                Ok(number) if number.is_finite() => Some(number),
                _ => {
                    errors.push(FieldError::new(field, "invalid", "Cần là một số thập phân"));
                    None
                }
            })
        };
        let latitude = coordinate("lat", &self.lat);
        let longitude = coordinate("long", &self.long);
        if !errors.is_empty() {
            return Err(errors);
        }
        let description = given(&self.description).unwrap_or_default();
        let title = if description.is_empty() {
            service_name.to_owned()
        } else {
            title_from(description)
        };
        let contact_name = [given(&self.first_name), given(&self.last_name)]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let address = given(&self.address_string).map(str::to_owned);
        let located = address.is_some() || latitude.is_some() || longitude.is_some();
        let location = located.then_some(FeedbackLocation {
            address,
            latitude,
            longitude,
        });
        Ok(NewFeedback {
            category: given(&self.service_code).unwrap_or_default().to_owned(),
            title,
            content: description.to_owned(),
            location,
            contact_name,
            contact_phone: given(&self.phone).map(str::to_owned),
            contact_email: given(&self.email).map(str::to_owned),
            // The key's holder attests the citizen's consent; the server records that.
            consent: true,
            public: None,
            // GeoReport's `media_url` points elsewhere; photos here are uploads.
            photos: None,
        })
    }
}

/// One item of the answer to `POST requests`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ServiceRequestCreated {
    /// The tracking code, known at once.
    #[cfg_attr(feature = "server", schema(example = "PA-7K3MQ-9QXD2"))]
    pub service_request_id: String,
    /// The same code: clients written for the token flow work unchanged.
    pub token: String,
    /// What the citizen should know, in Vietnamese: the due date.
    pub service_notice: String,
    /// Always `null`: no account is made for the citizen.
    pub account_id: Option<String>,
}

/// `GET /open311/v2/tokens/{token}.{format}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ServiceRequestToken {
    pub service_request_id: String,
    pub token: String,
}

/// `open` until the ward has answered, rejected or closed the feedback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    Open,
    Closed,
}

impl RequestStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Open => "open",
            RequestStatus::Closed => "closed",
        }
    }
}

/// A service request as anyone may read it: no contact data, no text the ward
/// has not published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ServiceRequest {
    pub service_request_id: String,
    pub status: RequestStatus,
    /// Where the feedback stands, in Vietnamese; once published, the ward's reply.
    pub status_notes: String,
    pub service_name: String,
    pub service_code: String,
    /// The feedback's text as the ward published it, personal data removed;
    /// `null` until it is published.
    pub description: Option<String>,
    /// The department handling it, once it is forwarded.
    pub agency_responsible: Option<String>,
    pub requested_datetime: DateTime<FixedOffset>,
    pub updated_datetime: DateTime<FixedOffset>,
    /// The address given, personal data removed; `null` when the citizen asked
    /// that the feedback stay private.
    pub address: Option<String>,
    pub lat: Option<f64>,
    pub long: Option<f64>,
}

/// One error; failures answer a list of these with the HTTP status as `code`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Open311Error {
    pub code: u16,
    pub description: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_description_is_titled_by_its_first_words() {
        let text = "Đèn đường trước số 45 đường Sư Vạn Hạnh bị hỏng từ tuần trước, buổi tối rất tối và nguy hiểm cho người đi bộ qua lại";
        let title = title_from(text);
        assert!(title.chars().count() <= TITLE_CHARS, "{title}");
        assert!(title.starts_with("Đèn đường trước số 45"));
        assert!(title.ends_with("…"));
        assert_eq!(title_from("Rác ùn ứ"), "Rác ùn ứ");
    }

    #[test]
    fn a_request_becomes_the_feedback_the_web_form_would_send() {
        let request = NewServiceRequest {
            service_code: Some("ve-sinh-moi-truong".into()),
            lat: Some("10.7721".into()),
            long: Some("106.6678".into()),
            first_name: Some("Trần".into()),
            last_name: Some("Thị Mai".into()),
            phone: Some("0903123456".into()),
            description: Some("Rác ùn ứ ở đầu hẻm 120 ba ngày chưa được thu gom".into()),
            ..Default::default()
        };
        let feedback = request.to_feedback("Vệ sinh môi trường").unwrap();
        assert_eq!(feedback.category, "ve-sinh-moi-truong");
        assert_eq!(feedback.contact_name, "Trần Thị Mai");
        assert_eq!(
            feedback.title,
            "Rác ùn ứ ở đầu hẻm 120 ba ngày chưa được thu gom"
        );
        assert!(feedback.consent);
        let location = feedback.location.unwrap();
        assert_eq!(
            (location.latitude, location.longitude),
            (Some(10.7721), Some(106.6678))
        );
    }

    #[test]
    fn a_coordinate_that_is_not_a_number_is_named() {
        let request = NewServiceRequest {
            lat: Some("mười".into()),
            ..Default::default()
        };
        assert_eq!(request.to_feedback("Khác").unwrap_err()[0].field, "lat");
    }
}

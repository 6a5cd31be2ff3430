//! The thread of a feedback: public messages between the citizen and the ward, and
//! internal notes that only staff read. The citizen sees the ward speak as itself,
//! never under a staff member's name.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::FieldError;
use crate::values::bounded_text;

pub const MAX_MESSAGE_CHARS: usize = 5_000;

/// Who may read a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MessageVisibility {
    /// The citizen and the ward's staff.
    Public,
    /// Staff only: an internal note.
    Internal,
}

impl MessageVisibility {
    pub fn as_str(self) -> &'static str {
        match self {
            MessageVisibility::Public => "public",
            MessageVisibility::Internal => "internal",
        }
    }

    pub fn parse(value: &str) -> Option<MessageVisibility> {
        [MessageVisibility::Public, MessageVisibility::Internal]
            .into_iter()
            .find(|visibility| visibility.as_str() == value)
    }
}

/// Which side of the conversation wrote a public message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MessageSender {
    Citizen,
    /// The ward, whichever of its staff wrote.
    Unit,
}

/// A public message as the citizen sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PublicMessage {
    pub from: MessageSender,
    /// The unit's name, or "Người phản ánh" for the citizen.
    #[cfg_attr(feature = "server", schema(example = "Phường 1"))]
    pub from_label: String,
    pub body: String,
    pub at: DateTime<FixedOffset>,
}

/// A message as the unit's staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ThreadMessage {
    pub id: i64,
    pub visibility: MessageVisibility,
    pub by_citizen: bool,
    /// The staff member's name, or the contact name the citizen gave.
    pub author_name: String,
    pub body: String,
    pub at: DateTime<FixedOffset>,
}

/// `POST /api/v1/units/{unit}/feedback/{code}/messages`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewStaffMessage {
    pub visibility: MessageVisibility,
    pub body: String,
}

impl NewStaffMessage {
    /// The body as stored.
    pub fn parse(&self) -> Result<String, Vec<FieldError>> {
        message_body(&self.body)
    }
}

/// `POST /api/v1/feedback/{code}/messages`: the citizen adds information or replies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewCitizenMessage {
    /// The phone number or e-mail address the feedback was sent with; not needed
    /// when signed in as its sender.
    #[serde(default)]
    pub contact: Option<String>,
    pub body: String,
}

impl NewCitizenMessage {
    /// The body as stored.
    pub fn parse(&self) -> Result<String, Vec<FieldError>> {
        message_body(&self.body)
    }
}

fn message_body(body: &str) -> Result<String, Vec<FieldError>> {
    let mut errors = Vec::new();
    let body = bounded_text("body", body, 1, MAX_MESSAGE_CHARS, &mut errors);
    if errors.is_empty() {
        Ok(body)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_or_overlong_message_is_refused_on_its_body() {
        let empty = NewCitizenMessage {
            contact: None,
            body: "   ".into(),
        };
        assert_eq!(empty.parse().unwrap_err()[0].code, "required");
        let long = NewStaffMessage {
            visibility: MessageVisibility::Internal,
            body: "a".repeat(MAX_MESSAGE_CHARS + 1),
        };
        assert_eq!(long.parse().unwrap_err()[0].field, "body");
    }

    #[test]
    fn visibility_reads_back_its_wire_name() {
        for visibility in [MessageVisibility::Public, MessageVisibility::Internal] {
            assert_eq!(
                MessageVisibility::parse(visibility.as_str()),
                Some(visibility)
            );
        }
    }
}

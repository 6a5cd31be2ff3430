//! API keys: what a ward admin gives a third party so it can send feedback through
//! Open311 on the ward's behalf. The key is shown once, when it is made.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::FieldError;
use crate::values::bounded_text;

/// What a key may be used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub enum ApiKeyScope {
    /// Send feedback (`POST /open311/v2/requests.json`).
    #[serde(rename = "feedback:write")]
    FeedbackWrite,
    /// Read feedback as the key's holder (Open311 reads); every read is public
    /// anyway, so this only identifies the client.
    #[serde(rename = "feedback:read")]
    FeedbackRead,
}

impl ApiKeyScope {
    pub const ALL: [ApiKeyScope; 2] = [ApiKeyScope::FeedbackWrite, ApiKeyScope::FeedbackRead];

    pub fn as_str(self) -> &'static str {
        match self {
            ApiKeyScope::FeedbackWrite => "feedback:write",
            ApiKeyScope::FeedbackRead => "feedback:read",
        }
    }

    pub fn parse(value: &str) -> Option<ApiKeyScope> {
        ApiKeyScope::ALL
            .into_iter()
            .find(|scope| scope.as_str() == value)
    }
}

/// `POST /api/v1/units/{unit}/api-keys`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewApiKey {
    /// Who holds the key, e.g. `Ứng dụng Công dân số Quận 10`.
    pub label: String,
    pub scopes: Vec<ApiKeyScope>,
}

/// A key request whose label and scopes were checked; scopes without repeats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedApiKey {
    pub label: String,
    pub scopes: Vec<ApiKeyScope>,
}

impl NewApiKey {
    pub fn parse(&self) -> Result<CheckedApiKey, Vec<FieldError>> {
        let mut errors = Vec::new();
        let label = bounded_text("label", &self.label, 1, 100, &mut errors);
        let mut scopes = Vec::new();
        for scope in &self.scopes {
            if !scopes.contains(scope) {
                scopes.push(*scope);
            }
        }
        if scopes.is_empty() {
            errors.push(FieldError::new(
                "scopes",
                "required",
                "Cần chọn ít nhất một quyền cho khóa",
            ));
        }
        if errors.is_empty() {
            Ok(CheckedApiKey { label, scopes })
        } else {
            Err(errors)
        }
    }
}

/// A key as listed: never the key itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ApiKey {
    pub id: i64,
    pub label: String,
    /// The key's public start, to tell keys apart.
    #[cfg_attr(feature = "server", schema(example = "wpk_3f9a0c7b1e"))]
    pub prefix: String,
    pub scopes: Vec<ApiKeyScope>,
    /// The account that made it.
    pub created_by: Option<i64>,
    pub created_at: DateTime<FixedOffset>,
    pub last_used_at: Option<DateTime<FixedOffset>>,
    pub revoked_at: Option<DateTime<FixedOffset>>,
}

/// `201` of `POST …/api-keys`: the key, shown this once and never again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct IssuedApiKey {
    /// The whole key, to hand to the third party; only its hash is kept.
    pub secret: String,
    pub key: ApiKey,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_needs_a_label_and_a_scope_and_repeats_collapse() {
        let empty = NewApiKey {
            label: " ".into(),
            scopes: vec![],
        };
        let fields: Vec<String> = empty
            .parse()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["label", "scopes"]);
        let twice = NewApiKey {
            label: "Ứng dụng Công dân số".into(),
            scopes: vec![ApiKeyScope::FeedbackWrite, ApiKeyScope::FeedbackWrite],
        };
        assert_eq!(twice.parse().unwrap().scopes, [ApiKeyScope::FeedbackWrite]);
    }

    #[test]
    fn scopes_travel_as_resource_colon_action() {
        assert_eq!(
            serde_json::to_string(&ApiKeyScope::FeedbackWrite).unwrap(),
            "\"feedback:write\""
        );
        assert_eq!(
            ApiKeyScope::parse("feedback:read"),
            Some(ApiKeyScope::FeedbackRead)
        );
    }
}

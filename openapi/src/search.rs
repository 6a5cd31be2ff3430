//! Search across what the portal publishes, insensitive to case and Vietnamese
//! diacritics ("thu tuc" finds "thủ tục", "duong" finds "đường").

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::content::{ContentKind, UnitLabel};

/// One thing found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SearchHit {
    pub kind: ContentKind,
    pub unit: UnitLabel,
    pub slug: String,
    pub title: String,
    /// HTML: the text around the first match, escaped, each match in `<mark>`.
    pub snippet: String,
    pub published_at: DateTime<FixedOffset>,
}

/// `GET /api/v1/search`: best matches first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct SearchResults {
    /// The words searched for, folded (no case, no diacritics).
    pub terms: Vec<String>,
    pub hits: Vec<SearchHit>,
}

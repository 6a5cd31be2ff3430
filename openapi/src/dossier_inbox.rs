//! The intake inbox's live signal, sent as server-sent events on
//! `GET /api/v1/units/{unit}/dossier-inbox/events` (`text/event-stream`).
//!
//! Each `inbox` event's data is an [`InboxSignal`] as JSON: one when the stream opens,
//! then one whenever a dossier of the ward is filed or changes. Lines starting with
//! `:` keep the connection alive. The stream ends when the session ends or after a
//! few minutes; the client reconnects (with a fresh access token).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The SSE event name of an [`InboxSignal`].
pub const INBOX_EVENT: &str = "inbox";

/// What the intake officer's badge and list need to know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct InboxSignal {
    /// Dossiers waiting for intake: submitted, or resubmitted after a supplement.
    pub waiting: u64,
    /// The code of the most recently filed dossier of the ward, if any.
    pub newest_code: Option<String>,
    pub newest_submitted_at: Option<DateTime<Utc>>,
    /// When any dossier of the ward last changed: a list on screen is stale after it.
    pub changed_at: Option<DateTime<Utc>>,
}

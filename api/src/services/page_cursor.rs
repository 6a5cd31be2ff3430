//! Page cursors: opaque base64url text a client hands back unchanged to get the
//! next page. A list whose order is a time and then an id uses a `TimeCursor`.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, Condition};

use crate::error::ApiError;

/// The answer to a cursor that no page of ours gave out.
pub fn invalid() -> ApiError {
    ApiError::InvalidQuery("cursor không hợp lệ: hãy dùng next_cursor của trang trước".to_owned())
}

/// The text a cursor carries.
pub fn seal(text: &str) -> String {
    URL_SAFE_NO_PAD.encode(text)
}

/// The text inside a cursor, or 400 when it is not one of ours.
pub fn open(value: &str) -> Result<String, ApiError> {
    let raw = URL_SAFE_NO_PAD.decode(value).map_err(|_| invalid())?;
    String::from_utf8(raw).map_err(|_| invalid())
}

/// The lists paged by time and id. Each marks its cursors, so that a cursor of
/// one list is refused by another instead of starting it somewhere arbitrary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeList {
    Dossiers,
    Feedback,
}

impl TimeList {
    fn mark(self) -> char {
        match self {
            TimeList::Dossiers => 'd',
            TimeList::Feedback => 'f',
        }
    }
}

/// Where the previous page ended: its last row's time and id. The time keeps its
/// nanoseconds: SQLite stores them, and a cursor rounded to microseconds would
/// compare as later than its own row there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeCursor {
    pub at: DateTime<Utc>,
    pub id: i64,
}

impl TimeCursor {
    pub fn encode(&self, list: TimeList) -> String {
        let nanos = self.at.timestamp_nanos_opt().unwrap_or_default();
        seal(&format!("{}{nanos}:{}", list.mark(), self.id))
    }

    pub fn decode(value: &str, list: TimeList) -> Result<TimeCursor, ApiError> {
        let text = open(value)?;
        let (nanos, id) = text
            .strip_prefix(list.mark())
            .and_then(|rest| rest.split_once(':'))
            .ok_or_else(invalid)?;
        Ok(TimeCursor {
            at: DateTime::from_timestamp_nanos(nanos.parse().map_err(|_| invalid())?),
            id: id.parse().map_err(|_| invalid())?,
        })
    }

    /// The rows after this one in a list ordered newest first by `time`, then `id`.
    pub fn older<C: ColumnTrait>(&self, time: C, id: C) -> Condition {
        Condition::any()
            .add(time.lt(self.at))
            .add(Condition::all().add(time.eq(self.at)).add(id.lt(self.id)))
    }

    /// The rows after this one in a list ordered oldest first by `time`, then `id`.
    pub fn newer<C: ColumnTrait>(&self, time: C, id: C) -> Condition {
        Condition::any()
            .add(time.gt(self.at))
            .add(Condition::all().add(time.eq(self.at)).add(id.gt(self.id)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_reads_back_what_it_encodes_to_the_nanosecond() {
        let cursor = TimeCursor {
            at: "2026-11-30T02:15:00.123456789Z".parse().unwrap(),
            id: 42,
        };
        let encoded = cursor.encode(TimeList::Dossiers);
        assert_eq!(
            TimeCursor::decode(&encoded, TimeList::Dossiers).unwrap(),
            cursor
        );
    }

    #[test]
    fn a_cursor_of_another_list_or_garbage_is_an_invalid_query() {
        let feedback = TimeCursor {
            at: Utc::now(),
            id: 2,
        }
        .encode(TimeList::Feedback);
        for value in [feedback.as_str(), "not-a-cursor", "ZDE6"] {
            assert!(matches!(
                TimeCursor::decode(value, TimeList::Dossiers),
                Err(ApiError::InvalidQuery(_))
            ));
        }
    }
}

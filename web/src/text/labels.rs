//! The Vietnamese words the console shows for kinds and states of content.

use chrono::{DateTime, FixedOffset};
use openapi::content::{RevisionState, RevisionSummary, StaffContentItem};

pub fn state_label(state: RevisionState) -> &'static str {
    match state {
        RevisionState::Draft => "Nháp",
        RevisionState::InReview => "Chờ duyệt",
        RevisionState::Returned => "Bị trả lại",
        RevisionState::Published => "Đã đăng",
    }
}

/// Where an item stands as a whole, as the content list shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemStatus {
    Draft,
    InReview,
    Returned,
    /// Approved, public from a later time.
    Scheduled,
    Published,
    Archived,
}

impl ItemStatus {
    pub fn of(item: &StaffContentItem) -> ItemStatus {
        match (&item.working, &item.live) {
            (Some(working), _) => match working.state {
                RevisionState::Draft => ItemStatus::Draft,
                RevisionState::InReview => ItemStatus::InReview,
                RevisionState::Returned => ItemStatus::Returned,
                RevisionState::Published => ItemStatus::Scheduled,
            },
            _ if item.archived => ItemStatus::Archived,
            (None, Some(_)) => ItemStatus::Published,
            (None, None) => ItemStatus::Draft,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ItemStatus::Draft => "Nháp",
            ItemStatus::InReview => "Chờ duyệt",
            ItemStatus::Returned => "Bị trả lại",
            ItemStatus::Scheduled => "Hẹn giờ đăng",
            ItemStatus::Published => "Đã đăng",
            ItemStatus::Archived => "Đã lưu trữ",
        }
    }

    /// The class of its badge; the label says the same in words, never colour alone.
    pub fn class(self) -> &'static str {
        match self {
            ItemStatus::Draft => "badge badge-draft",
            ItemStatus::InReview => "badge badge-review",
            ItemStatus::Returned => "badge badge-returned",
            ItemStatus::Scheduled | ItemStatus::Published => "badge badge-published",
            ItemStatus::Archived => "badge badge-archived",
        }
    }
}

/// The revision being worked on, else the live one.
pub fn newest(item: &StaffContentItem) -> Option<&RevisionSummary> {
    item.working.as_ref().or(item.live.as_ref())
}

/// The last time anything happened to a revision: written, submitted or reviewed.
pub fn last_change(revision: &RevisionSummary) -> DateTime<FixedOffset> {
    [revision.submitted_at, revision.reviewed_at]
        .into_iter()
        .flatten()
        .fold(revision.created_at, |latest, at| latest.max(at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use openapi::content::{ContentDraft, ContentKind};

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).unwrap()
    }

    fn revision(state: RevisionState) -> RevisionSummary {
        RevisionSummary {
            number: 1,
            state,
            title: "Tin".into(),
            author_id: 1,
            author_name: "Nguyễn Văn Biên".into(),
            created_at: at("2026-11-01T08:00:00+07:00"),
            submitted_at: None,
            reviewed_by: None,
            reviewed_at: None,
            return_reason: None,
            publish_at: None,
        }
    }

    fn item(working: Option<RevisionState>, live: bool, archived: bool) -> StaffContentItem {
        StaffContentItem {
            id: 1,
            unit: "phuong-1".into(),
            kind: ContentKind::Article,
            slug: "tin".into(),
            archived,
            live: live.then(|| revision(RevisionState::Published)),
            working: working.map(revision),
            draft: ContentDraft {
                title: "Tin".into(),
                category: None,
                summary: String::new(),
                body: String::new(),
                details: Default::default(),
            },
        }
    }

    #[test]
    fn the_working_revision_decides_and_a_published_working_one_is_scheduled() {
        assert_eq!(
            ItemStatus::of(&item(Some(RevisionState::Returned), true, false)),
            ItemStatus::Returned
        );
        assert_eq!(
            ItemStatus::of(&item(Some(RevisionState::Published), false, false)),
            ItemStatus::Scheduled
        );
        assert_eq!(
            ItemStatus::of(&item(None, true, false)),
            ItemStatus::Published
        );
        assert_eq!(
            ItemStatus::of(&item(None, true, true)),
            ItemStatus::Archived
        );
    }

    #[test]
    fn the_last_change_is_the_latest_of_its_dates() {
        let mut reviewed = revision(RevisionState::Published);
        reviewed.submitted_at = Some(at("2026-11-02T08:00:00+07:00"));
        reviewed.reviewed_at = Some(at("2026-11-03T09:00:00+07:00"));
        assert_eq!(last_change(&reviewed), at("2026-11-03T09:00:00+07:00"));
        assert_eq!(
            last_change(&revision(RevisionState::Draft)),
            at("2026-11-01T08:00:00+07:00")
        );
    }
}

//! Content with editorial review: articles, pages, announcements, legal documents.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::FieldError;
use crate::legal_documents::DocumentFields;
use crate::organization::OrganizationFields;
use crate::planning::PlanningFields;
use crate::schedule::WeekSchedule;
use crate::spokesperson::Spokesperson;
use crate::values::{Slug, bounded_text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContentKind {
    /// Tin tức, hoạt động.
    Article,
    /// Giới thiệu, chức năng nhiệm vụ…: addressed by slug, in the ward's menu.
    Page,
    /// Thông báo.
    Announcement,
    /// Văn bản chỉ đạo, điều hành.
    LegalDocument,
    /// Bộ máy tổ chức: one per unit, slug `co-cau-to-chuc`.
    Organization,
    /// Người phát ngôn: one per unit, slug `nguoi-phat-ngon`.
    Spokesperson,
    /// Lịch công tác tuần: one per ISO week, slug `lich-2026-w48`.
    WeeklySchedule,
    /// Thông tin quy hoạch.
    Planning,
}

/// The slug of a unit's one organization item.
pub const ORGANIZATION_SLUG: &str = "co-cau-to-chuc";
/// The slug of a unit's one spokesperson item.
pub const SPOKESPERSON_SLUG: &str = "nguoi-phat-ngon";

impl ContentKind {
    pub const ALL: [ContentKind; 8] = [
        ContentKind::Article,
        ContentKind::Page,
        ContentKind::Announcement,
        ContentKind::LegalDocument,
        ContentKind::Organization,
        ContentKind::Spokesperson,
        ContentKind::WeeklySchedule,
        ContentKind::Planning,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ContentKind::Article => "article",
            ContentKind::Page => "page",
            ContentKind::Announcement => "announcement",
            ContentKind::LegalDocument => "legal_document",
            ContentKind::Organization => "organization",
            ContentKind::Spokesperson => "spokesperson",
            ContentKind::WeeklySchedule => "weekly_schedule",
            ContentKind::Planning => "planning",
        }
    }

    /// The name people read.
    pub fn label(self) -> &'static str {
        match self {
            ContentKind::Article => "Tin bài",
            ContentKind::Page => "Trang",
            ContentKind::Announcement => "Thông báo",
            ContentKind::LegalDocument => "Văn bản",
            ContentKind::Organization => "Cơ cấu tổ chức",
            ContentKind::Spokesperson => "Người phát ngôn",
            ContentKind::WeeklySchedule => "Lịch công tác tuần",
            ContentKind::Planning => "Thông tin quy hoạch",
        }
    }

    /// The one slug an item of this kind may have, where the kind fixes it: a unit
    /// has one organization and one spokesperson item, and one schedule per week.
    pub fn required_slug(self, details: &ContentDetails) -> Option<String> {
        match self {
            ContentKind::Organization => Some(ORGANIZATION_SLUG.to_owned()),
            ContentKind::Spokesperson => Some(SPOKESPERSON_SLUG.to_owned()),
            ContentKind::WeeklySchedule => details.schedule.as_ref().map(|s| s.week.slug()),
            _ => None,
        }
    }

    pub fn parse(value: &str) -> Option<ContentKind> {
        ContentKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == value)
    }
}

/// Where a revision stands: `draft → in_review → published`, or
/// `in_review → returned (reason) → draft`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RevisionState {
    Draft,
    InReview,
    Returned,
    /// Approved; public from `publish_at` (now or a scheduled time).
    Published,
}

impl RevisionState {
    pub fn as_str(self) -> &'static str {
        match self {
            RevisionState::Draft => "draft",
            RevisionState::InReview => "in_review",
            RevisionState::Returned => "returned",
            RevisionState::Published => "published",
        }
    }

    pub fn parse(value: &str) -> Option<RevisionState> {
        [
            RevisionState::Draft,
            RevisionState::InReview,
            RevisionState::Returned,
            RevisionState::Published,
        ]
        .into_iter()
        .find(|state| state.as_str() == value)
    }
}

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_SUMMARY_CHARS: usize = 1_000;
pub const MAX_BODY_CHARS: usize = 200_000;

/// The text of a revision as an editor writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ContentDraft {
    #[cfg_attr(feature = "server", schema(example = "Ra quân chiến dịch Mùa hè xanh"))]
    pub title: String,
    /// A slug such as `tin-tuc` or `hoat-dong`; articles only.
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub summary: String,
    /// Markdown; rendered and sanitized by the server.
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub details: ContentDetails,
}

pub const MAX_MENU_ORDER: i32 = 999;

/// The fields only some kinds carry; a field given for another kind is refused.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ContentDetails {
    /// Articles: the key of the uploaded cover image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover_image: Option<String>,
    /// Pages: place in the ward's menu, smallest first (0–999); absent keeps the
    /// page out of the menu.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub menu_order: Option<i32>,
    /// Announcements: no longer current after this instant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<DateTime<FixedOffset>>,
    /// Legal documents (required for them): number, issuer, dates, validity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentFields>,
    /// Organization (required for it): the bodies and their members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<OrganizationFields>,
    /// Spokesperson (required for it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spokesperson: Option<Spokesperson>,
    /// Weekly schedule (required for it): the week and its entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<WeekSchedule>,
    /// Planning (required for it): document fields, plan type, status, zones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planning: Option<PlanningFields>,
}

/// Parses a kind's own part of the details: absent when another kind is meant,
/// required when this kind is, reported by name either way.
fn part<T>(
    field: &str,
    given: Option<&T>,
    owner: ContentKind,
    kind: ContentKind,
    parse: impl Fn(&T) -> Result<T, Vec<FieldError>>,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    match (given, kind == owner) {
        (Some(_), false) => {
            errors.push(FieldError::new(
                &format!("details.{field}"),
                "not_allowed",
                "Loại nội dung này không có trường này",
            ));
            None
        }
        (None, true) => {
            errors.push(FieldError::new(
                &format!("details.{field}"),
                "required",
                &format!("{} cần trường này", owner.label()),
            ));
            None
        }
        (Some(value), true) => match parse(value) {
            Ok(value) => Some(value),
            Err(found) => {
                errors.extend(found);
                None
            }
        },
        (None, false) => None,
    }
}

impl ContentDetails {
    fn parse(&self, kind: ContentKind, errors: &mut Vec<FieldError>) -> ContentDetails {
        let mut refuse = |field: &str, given: bool, allowed: ContentKind| {
            if given && kind != allowed {
                errors.push(FieldError::new(
                    &format!("details.{field}"),
                    "not_allowed",
                    "Loại nội dung này không có trường này",
                ));
            }
        };
        refuse(
            "cover_image",
            self.cover_image.is_some(),
            ContentKind::Article,
        );
        refuse("menu_order", self.menu_order.is_some(), ContentKind::Page);
        refuse(
            "expires_at",
            self.expires_at.is_some(),
            ContentKind::Announcement,
        );
        refuse(
            "document",
            self.document.is_some(),
            ContentKind::LegalDocument,
        );
        if self
            .menu_order
            .is_some_and(|order| !(0..=MAX_MENU_ORDER).contains(&order))
        {
            errors.push(FieldError::new(
                "details.menu_order",
                "out_of_range",
                &format!("Thứ tự từ 0 đến {MAX_MENU_ORDER}"),
            ));
        }
        let document = part(
            "document",
            self.document.as_ref(),
            ContentKind::LegalDocument,
            kind,
            DocumentFields::parse,
            errors,
        );
        let organization = part(
            "organization",
            self.organization.as_ref(),
            ContentKind::Organization,
            kind,
            OrganizationFields::parse,
            errors,
        );
        let spokesperson = part(
            "spokesperson",
            self.spokesperson.as_ref(),
            ContentKind::Spokesperson,
            kind,
            Spokesperson::parse,
            errors,
        );
        let schedule = part(
            "schedule",
            self.schedule.as_ref(),
            ContentKind::WeeklySchedule,
            kind,
            WeekSchedule::parse,
            errors,
        );
        let planning = part(
            "planning",
            self.planning.as_ref(),
            ContentKind::Planning,
            kind,
            PlanningFields::parse,
            errors,
        );
        ContentDetails {
            cover_image: self
                .cover_image
                .as_deref()
                .map(str::trim)
                .filter(|key| !key.is_empty())
                .map(str::to_owned),
            menu_order: self.menu_order,
            expires_at: self.expires_at,
            document,
            organization,
            spokesperson,
            schedule,
            planning,
        }
    }
}

/// A draft whose every field has been checked and normalized (NFC, trimmed).
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedDraft {
    pub title: String,
    pub category: Option<Slug>,
    pub summary: String,
    pub body: String,
    pub details: ContentDetails,
}

impl ContentDraft {
    /// Checks the draft of an item of `kind`, reporting every problem at once.
    pub fn parse(&self, kind: ContentKind) -> Result<CheckedDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let details = self.details.parse(kind, &mut errors);
        let title = bounded_text("title", &self.title, 1, MAX_TITLE_CHARS, &mut errors);
        let summary = bounded_text("summary", &self.summary, 0, MAX_SUMMARY_CHARS, &mut errors);
        let body = bounded_text("body", &self.body, 0, MAX_BODY_CHARS, &mut errors);
        let category = match self.category.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(value) => match Slug::parse(value) {
                Ok(slug) => Some(slug),
                Err(error) => {
                    errors.push(error.on("category"));
                    None
                }
            },
        };
        if errors.is_empty() {
            Ok(CheckedDraft {
                title,
                category,
                summary,
                body,
                details,
            })
        } else {
            Err(errors)
        }
    }
}

/// `POST /api/v1/units/{unit}/content`: a new item with its first draft.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateContentRequest {
    pub kind: ContentKind,
    /// The item's address, e.g. `mua-he-xanh-2026`; unique per unit and kind.
    pub slug: String,
    pub title: String,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub details: ContentDetails,
}

impl CreateContentRequest {
    /// The first draft's text (serde cannot both flatten and refuse unknown fields).
    pub fn draft(&self) -> ContentDraft {
        ContentDraft {
            title: self.title.clone(),
            category: self.category.clone(),
            summary: self.summary.clone(),
            body: self.body.clone(),
            details: self.details.clone(),
        }
    }
}

/// `POST /api/v1/content/preview`: what the editor's Markdown will look like.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PreviewRequest {
    pub body: String,
}

/// The Markdown rendered and sanitized exactly as it will be published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Preview {
    pub html: String,
}

/// `POST …/approve`: publish now, or from a later time.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ApproveRequest {
    /// Visible to the public from this instant; absent or past means now.
    #[serde(default)]
    pub publish_at: Option<DateTime<FixedOffset>>,
    #[serde(default)]
    pub comment: Option<String>,
}

/// `POST …/return`: back to the author, with the reason they must read.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReturnRequest {
    pub reason: String,
}

/// A revision as staff see it in lists and history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct RevisionSummary {
    pub number: i32,
    pub state: RevisionState,
    pub title: String,
    pub author_id: i64,
    pub author_name: String,
    pub created_at: DateTime<FixedOffset>,
    pub submitted_at: Option<DateTime<FixedOffset>>,
    pub reviewed_by: Option<i64>,
    pub reviewed_at: Option<DateTime<FixedOffset>>,
    pub return_reason: Option<String>,
    pub publish_at: Option<DateTime<FixedOffset>>,
}

/// An item in the staff console: what the public sees and what is being worked on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct StaffContentItem {
    pub id: i64,
    pub unit: String,
    pub kind: ContentKind,
    pub slug: String,
    pub archived: bool,
    /// The revision the public sees now, if any.
    pub live: Option<RevisionSummary>,
    /// The newest revision when it is not the live one: a draft, one in review, a
    /// returned one, or one scheduled for later.
    pub working: Option<RevisionSummary>,
    /// The working (else live) revision's text, for the editor.
    pub draft: ContentDraft,
}

/// One revision waiting for a reviewer, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ReviewQueueEntry {
    pub item_id: i64,
    pub kind: ContentKind,
    pub slug: String,
    pub revision: RevisionSummary,
    /// Seconds since it was submitted.
    pub waiting_seconds: i64,
}

/// The unit an item belongs to, for lists that mix units (the district portal).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct UnitLabel {
    pub slug: String,
    pub name: String,
}

/// A published article in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ArticleSummary {
    pub unit: UnitLabel,
    pub slug: String,
    pub title: String,
    pub category: Option<String>,
    pub summary: String,
    /// Where the cover image is, if the article has one.
    pub cover_image_url: Option<String>,
    pub published_at: DateTime<FixedOffset>,
}

/// A published article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Article {
    pub unit: UnitLabel,
    pub slug: String,
    pub title: String,
    pub category: Option<String>,
    pub summary: String,
    pub cover_image_url: Option<String>,
    /// Sanitized HTML rendered from the author's Markdown.
    pub body_html: String,
    /// When this revision went public.
    pub published_at: DateTime<FixedOffset>,
    /// When the item first went public.
    pub first_published_at: DateTime<FixedOffset>,
}

/// A published page (giới thiệu, chức năng nhiệm vụ…).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PublishedPage {
    pub unit: UnitLabel,
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// Sanitized HTML rendered from the author's Markdown.
    pub body_html: String,
    pub published_at: DateTime<FixedOffset>,
}

/// A page in the ward's menu.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct MenuPage {
    pub slug: String,
    pub title: String,
    pub menu_order: i32,
}

/// A published announcement in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AnnouncementSummary {
    pub unit: UnitLabel,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub published_at: DateTime<FixedOffset>,
    /// No longer current after this instant.
    pub expires_at: Option<DateTime<FixedOffset>>,
}

/// A published announcement with its rendered body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct Announcement {
    #[serde(flatten)]
    pub announcement: AnnouncementSummary,
    /// Sanitized HTML rendered from the author's Markdown.
    pub body_html: String,
}

/// One page of announcements, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct AnnouncementPage {
    pub items: Vec<AnnouncementSummary>,
    pub next_cursor: Option<String>,
}

/// One page of a list: pass `next_cursor` as `cursor` for the next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct ArticlePage {
    pub items: Vec<ArticleSummary>,
    pub next_cursor: Option<String>,
}

/// One step of a revision through review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct TransitionRecord {
    /// `null` when the revision was created.
    pub from: Option<RevisionState>,
    pub to: RevisionState,
    pub actor_id: i64,
    pub actor_name: String,
    pub at: DateTime<FixedOffset>,
    pub comment: Option<String>,
}

/// A revision with every step it went through, for the history view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct RevisionHistoryEntry {
    pub revision: RevisionSummary,
    pub transitions: Vec<TransitionRecord>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DiffChange {
    Equal,
    Insert,
    Delete,
}

/// One line of a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct DiffLine {
    pub change: DiffChange,
    pub text: String,
}

/// Line-by-line differences between two revisions of an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct RevisionDiff {
    pub from: i32,
    pub to: i32,
    pub title: Vec<DiffLine>,
    pub summary: Vec<DiffLine>,
    pub body: Vec<DiffLine>,
}

/// One entry of an item's public change log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(utoipa::ToSchema))]
pub struct PublicChange {
    pub revision: i32,
    pub published_at: DateTime<FixedOffset>,
    /// The reviewer who approved this revision.
    pub approved_by: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(title: &str, category: Option<&str>) -> ContentDraft {
        ContentDraft {
            title: title.into(),
            category: category.map(str::to_owned),
            summary: String::new(),
            body: "Nội dung".into(),
            details: ContentDetails::default(),
        }
    }

    #[test]
    fn a_draft_needs_a_title() {
        let errors = draft("   ", None).parse(ContentKind::Article).unwrap_err();
        assert_eq!(
            (errors[0].field.as_str(), errors[0].code.as_str()),
            ("title", "required")
        );
    }

    #[test]
    fn a_category_must_be_a_slug() {
        let errors = draft("Tin mới", Some("Tin Tức"))
            .parse(ContentKind::Article)
            .unwrap_err();
        assert_eq!(errors[0].field, "category");
        assert!(
            draft("Tin mới", Some("tin-tuc"))
                .parse(ContentKind::Article)
                .is_ok()
        );
    }

    #[test]
    fn a_legal_document_needs_its_register_fields() {
        let errors = draft("Quyết định", None)
            .parse(ContentKind::LegalDocument)
            .unwrap_err();
        assert_eq!(errors[0].field, "details.document");
    }

    #[test]
    fn a_field_of_another_kind_is_refused_by_name() {
        let mut page = draft("Giới thiệu", None);
        page.details.expires_at = Some(DateTime::UNIX_EPOCH.fixed_offset());
        let errors = page.parse(ContentKind::Page).unwrap_err();
        assert_eq!(
            (errors[0].field.as_str(), errors[0].code.as_str()),
            ("details.expires_at", "not_allowed")
        );
    }

    #[test]
    fn a_menu_position_stays_in_range() {
        let mut page = draft("Giới thiệu", None);
        page.details.menu_order = Some(1_000);
        let errors = page.parse(ContentKind::Page).unwrap_err();
        assert_eq!(errors[0].code, "out_of_range");
        page.details.menu_order = Some(10);
        assert!(page.parse(ContentKind::Page).is_ok());
    }

    #[test]
    fn kinds_and_states_round_trip_through_their_wire_names() {
        for kind in ContentKind::ALL {
            assert_eq!(ContentKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(
            RevisionState::parse("in_review"),
            Some(RevisionState::InReview)
        );
    }
}

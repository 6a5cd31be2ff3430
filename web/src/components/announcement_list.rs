//! Announcements in a list: on a home page and on "/thong-bao".

use leptos::either::Either;
use leptos::prelude::*;
use openapi::content::AnnouncementSummary;

use crate::api::encode_component;
use crate::components::content_link::{ContentHref, ContentLink, content_href};
use crate::components::published_date::PublishedDate;
use crate::state::site::use_site;

pub const EMPTY_TEXT: &str = "Hiện không có thông báo nào.";

/// Seconds since 1970 by the reader's clock, to tell which announcements have expired.
pub fn now_seconds() -> i64 {
    // Milliseconds as a float; whole seconds are precise enough for a date.
    (web_sys::js_sys::Date::now() / 1000.0) as i64
}

/// Whether the announcement's expiry has passed at `now` (seconds since 1970).
pub fn is_expired(announcement: &AnnouncementSummary, now: i64) -> bool {
    announcement
        .expires_at
        .is_some_and(|expires| expires.timestamp() <= now)
}

/// Where an announcement is read: on its own unit's site.
pub fn announcement_href(
    site: &openapi::units::Site,
    unit: &str,
    slug: &str,
) -> Option<ContentHref> {
    content_href(site, unit, &format!("thong-bao/{}", encode_component(slug)))
}

/// Announcements as a list, or the sentence saying there are none.
#[component]
pub fn AnnouncementList(
    items: Vec<AnnouncementSummary>,
    /// The level of each title: one below the heading the list sits under.
    heading_level: u8,
) -> impl IntoView {
    if items.is_empty() {
        return Either::Left(view! { <p class="empty">{EMPTY_TEXT}</p> });
    }
    let now = now_seconds();
    Either::Right(view! {
        <ul class="article-list announcement-list">
            {items
                .into_iter()
                .map(|announcement| view! { <AnnouncementItem announcement heading_level now /> })
                .collect_view()}
        </ul>
    })
}

/// One announcement: its title linking to it, whose it is on a portal, its date,
/// its expiry, and its summary.
#[component]
pub fn AnnouncementItem(
    announcement: AnnouncementSummary,
    heading_level: u8,
    /// Seconds since 1970, to mark an expired one.
    now: i64,
) -> impl IntoView {
    let site = use_site();
    let expired = is_expired(&announcement, now);
    let href = announcement_href(&site, &announcement.unit.slug, &announcement.slug);
    let title = view! { <ContentLink href text=announcement.title /> };
    let title = if heading_level <= 2 {
        Either::Left(view! { <h2 class="article-item-title">{title}</h2> })
    } else {
        Either::Right(view! { <h3 class="article-item-title">{title}</h3> })
    };
    let unit = site
        .is_portal
        .then(|| view! { <span class="article-unit">{announcement.unit.name}</span> });
    let summary = (!announcement.summary.is_empty())
        .then(|| view! { <p class="article-summary">{announcement.summary}</p> });
    view! {
        <li>
            <article class="article-item" class:expired=expired>
                {title}
                <p class="article-meta">
                    {unit}
                    <PublishedDate unix_seconds=announcement.published_at.timestamp() />
                    <Expiry expires_at=announcement.expires_at.map(|at| at.timestamp()) expired />
                </p>
                {summary}
            </article>
        </li>
    }
}

/// "Hết hạn ngày 30/06/2026", and "Đã hết hạn" once that has passed.
#[component]
pub fn Expiry(
    /// Seconds since 1970; none for an announcement without expiry.
    expires_at: Option<i64>,
    expired: bool,
) -> impl IntoView {
    expires_at.map(|at| {
        view! {
            <span class="expiry">
                {expired.then(|| view! { <strong class="badge badge-muted">"Đã hết hạn"</strong> " " })}
                "Hết hạn ngày "
                <PublishedDate unix_seconds=at />
            </span>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use openapi::content::UnitLabel;

    fn announcement(expires_at: Option<&str>) -> AnnouncementSummary {
        AnnouncementSummary {
            unit: UnitLabel {
                slug: "phuong-1".into(),
                name: "Phường 1".into(),
            },
            slug: "x".into(),
            title: "X".into(),
            summary: String::new(),
            published_at: chrono::DateTime::parse_from_rfc3339("2026-01-01T08:00:00+07:00")
                .unwrap(),
            expires_at: expires_at.map(|at| chrono::DateTime::parse_from_rfc3339(at).unwrap()),
        }
    }

    #[test]
    fn an_announcement_expires_at_its_instant_and_not_before() {
        let ends = announcement(Some("2026-06-30T17:00:00Z"));
        let at = ends.expires_at.unwrap().timestamp();
        assert!(!is_expired(&ends, at - 1));
        assert!(is_expired(&ends, at));
    }

    #[test]
    fn an_announcement_without_expiry_stays_current() {
        assert!(!is_expired(&announcement(None), i64::MAX));
    }
}

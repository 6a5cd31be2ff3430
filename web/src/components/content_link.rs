//! Links to content that may belong to another unit's site: on a portal, a ward's
//! announcement or document is read on that ward's site.

use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_router::components::A;
use openapi::content::ContentKind;
use openapi::units::Site;

use crate::api::encode_component;

/// Where an item in a list is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentHref {
    /// On this site: a path the router follows.
    Here(String),
    /// On the site of a unit below this one: an absolute address.
    Elsewhere(String),
}

/// The address of `path` (e.g. `thong-bao/lich-cat-dien`, already encoded) on the
/// site of the unit `unit_slug`: here for this site's own items, on the child site
/// for a unit below. `None` for a unit this site has no link to (one dissolved
/// since, say): a link would only lead to "not found".
pub fn content_href(site: &Site, unit_slug: &str, path: &str) -> Option<ContentHref> {
    if unit_slug == site.unit.slug {
        return Some(ContentHref::Here(format!("/{path}")));
    }
    site.children
        .iter()
        .find(|child| child.slug == unit_slug)
        .map(|child| ContentHref::Elsewhere(format!("{}/{path}", child.url.trim_end_matches('/'))))
}

/// The path (without the leading `/`) where the public reads an item of `kind`
/// on its unit's site.
pub fn public_path(kind: ContentKind, slug: &str) -> String {
    let slug = encode_component(slug);
    match kind {
        ContentKind::Article => format!("tin-tuc/{slug}"),
        ContentKind::Page => format!("trang/{slug}"),
        ContentKind::Announcement => format!("thong-bao/{slug}"),
        ContentKind::LegalDocument => format!("van-ban/{slug}"),
        ContentKind::Organization | ContentKind::Spokesperson => "to-chuc".to_owned(),
        ContentKind::WeeklySchedule => "lich-cong-tac".to_owned(),
        ContentKind::Planning => "quy-hoach".to_owned(),
    }
}

/// `text` linking to `href`, or plain text without one.
#[component]
pub fn ContentLink(href: Option<ContentHref>, #[prop(into)] text: String) -> impl IntoView {
    match href {
        Some(ContentHref::Here(href)) => EitherOf3::A(view! { <A href=href>{text}</A> }),
        Some(ContentHref::Elsewhere(href)) => EitherOf3::B(view! { <a href=href>{text}</a> }),
        None => EitherOf3::C(text),
    }
}

use leptos::either::Either;
use leptos::prelude::*;
use openapi::content::ArticleSummary;
use openapi::units::Site;

use crate::api::encode_component;
use crate::components::content_link::{ContentHref, ContentLink, content_href};
use crate::components::published_date::PublishedDate;
use crate::state::site::use_site;

/// The categories articles are filed under, with the names people read.
pub const CATEGORIES: [(&str, &str); 2] = [("tin-tuc", "Tin tức"), ("hoat-dong", "Hoạt động")];

pub const EMPTY_TEXT: &str = "Chưa có tin bài nào được công bố.";

/// The Vietnamese name of a category; an unknown slug is shown as it is rather
/// than hidden.
pub fn category_label(slug: &str) -> &str {
    CATEGORIES
        .iter()
        .find(|(known, _)| *known == slug)
        .map_or(slug, |(_, label)| label)
}

/// Articles as a list, or the sentence saying there are none yet.
#[component]
pub fn ArticleList(
    items: Vec<ArticleSummary>,
    /// The level of each title: one below the heading the list sits under.
    heading_level: u8,
) -> impl IntoView {
    if items.is_empty() {
        Either::Left(view! { <p class="empty">{EMPTY_TEXT}</p> })
    } else {
        Either::Right(view! {
            <ul class="article-list">
                {items
                    .into_iter()
                    .map(|article| view! { <ArticleItem article heading_level /> })
                    .collect_view()}
            </ul>
        })
    }
}

/// One article in a list: its title linking to it, date, category, whose it is on a
/// portal, and its summary.
#[component]
pub fn ArticleItem(article: ArticleSummary, heading_level: u8) -> impl IntoView {
    let site = use_site();
    let href = article_href(&site, &article.unit.slug, &article.slug);
    let title = view! { <ContentLink href text=article.title /> };
    let title = if heading_level <= 2 {
        Either::Left(view! { <h2 class="article-item-title">{title}</h2> })
    } else {
        Either::Right(view! { <h3 class="article-item-title">{title}</h3> })
    };
    // On a portal the list mixes units; on a ward site every article is the ward's own.
    let unit = site
        .is_portal
        .then(|| view! { <span class="article-unit">{article.unit.name}</span> });
    let category = article.category.map(|slug| {
        view! { <span class="article-category">{category_label(&slug).to_owned()}</span> }
    });
    let summary = (!article.summary.is_empty())
        .then(|| view! { <p class="article-summary">{article.summary}</p> });
    // Empty alt text: the title next to it says what the picture is about.
    let cover = article.cover_image_url.map(|src| {
        view! { <img class="article-thumbnail" src=src alt="" loading="lazy" width="96" height="72" /> }
    });
    view! {
        <li>
            <article class="article-item">
                {cover}
                {title}
                <p class="article-meta">
                    {unit}
                    <PublishedDate unix_seconds=article.published_at.timestamp() />
                    {category}
                </p>
                {summary}
            </article>
        </li>
    }
}

/// An article is read on its own unit's site, whose pages know its unit by host
/// name: the portal's own articles here, a ward's on the ward site the portal links
/// to (see [`content_href`]).
pub fn article_href(site: &Site, unit_slug: &str, slug: &str) -> Option<ContentHref> {
    content_href(
        site,
        unit_slug,
        &format!("tin-tuc/{}", encode_component(slug)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use openapi::units::{SiteLink, Unit, UnitContact, UnitKind};

    fn unit(slug: &str, name: &str, kind: UnitKind) -> Unit {
        Unit {
            slug: slug.into(),
            code: "0".into(),
            name: name.into(),
            kind,
            parent: None,
            host: format!("{slug}.localhost"),
            valid_from: Default::default(),
            valid_to: None,
            contact: UnitContact::default(),
        }
    }

    fn portal() -> Site {
        Site {
            unit: unit("quan-10", "Quận 10", UnitKind::District),
            ancestors: Vec::new(),
            is_portal: true,
            children: vec![
                SiteLink {
                    slug: "phuong-1".into(),
                    name: "Phường 1".into(),
                    kind: UnitKind::Ward,
                    url: "http://phuong-1.localhost:8080/".into(),
                },
                SiteLink {
                    slug: "phuong-2".into(),
                    name: "Phường 2".into(),
                    kind: UnitKind::Ward,
                    url: "https://phuong2.quan10.gov.vn".into(),
                },
            ],
        }
    }

    #[test]
    fn a_wards_article_is_read_on_the_ward_site() {
        assert_eq!(
            article_href(&portal(), "phuong-1", "mua-he-xanh"),
            Some(ContentHref::Elsewhere(
                "http://phuong-1.localhost:8080/tin-tuc/mua-he-xanh".into()
            ))
        );
        assert_eq!(
            article_href(&portal(), "phuong-2", "mua-he-xanh"),
            Some(ContentHref::Elsewhere(
                "https://phuong2.quan10.gov.vn/tin-tuc/mua-he-xanh".into()
            ))
        );
    }

    #[test]
    fn the_sites_own_article_is_read_here() {
        assert_eq!(
            article_href(&portal(), "quan-10", "hop-bao"),
            Some(ContentHref::Here("/tin-tuc/hop-bao".into()))
        );
    }

    #[test]
    fn an_article_of_a_unit_without_a_site_link_gets_no_link() {
        assert_eq!(article_href(&portal(), "phuong-99", "cu"), None);
    }

    #[test]
    fn known_categories_read_in_vietnamese_and_others_as_they_are() {
        assert_eq!(category_label("tin-tuc"), "Tin tức");
        assert_eq!(category_label("hoat-dong"), "Hoạt động");
        assert_eq!(category_label("thong-bao"), "thong-bao");
    }
}

use leptos::prelude::*;
use openapi::units::SiteLink;

use crate::components::document_title::DocumentTitle;
use crate::components::latest_announcements::LatestAnnouncements;
use crate::components::latest_articles::LatestArticles;
use crate::state::site::use_site;

/// The home of a district (or city) portal: the sites of the units below it and
/// their latest news and current announcements, each item read on its own unit's
/// site.
#[component]
pub fn PortalHomePage() -> impl IntoView {
    let site = use_site();
    let name = site.unit.name.clone();
    let heading = children_heading(&site.children);
    let children = site.children.clone();
    view! {
        <DocumentTitle page=name.clone() />
        <h1>{name.clone()}</h1>
        <p class="lead">"Chào mừng bạn đến với Cổng thông tin điện tử " {name} "."</p>
        <section aria-labelledby="don-vi-truc-thuoc">
            <h2 id="don-vi-truc-thuoc">{heading}</h2>
            {if children.is_empty() {
                view! { <p>"Chưa có đơn vị trực thuộc."</p> }.into_any()
            } else {
                view! {
                    <ul class="site-list">
                        {children
                            .into_iter()
                            .map(|child| {
                                view! {
                                    <li>
                                        <a href=child.url>{child.name}</a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
        <div class="home-columns">
            <LatestArticles id="tin-moi" heading="Tin mới từ các phường" />
            <LatestAnnouncements id="thong-bao" heading="Thông báo" />
        </div>
    }
}

/// "Các phường trực thuộc" when every child is a ward, a neutral title for a mix.
fn children_heading(children: &[SiteLink]) -> String {
    let mut kinds = children.iter().map(|child| child.kind);
    match kinds.next() {
        Some(first) if kinds.all(|kind| kind == first) => {
            format!("Các {} trực thuộc", first.label().to_lowercase())
        }
        _ => "Các đơn vị hành chính trực thuộc".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use openapi::units::UnitKind;

    fn link(kind: UnitKind) -> SiteLink {
        SiteLink {
            slug: "x".into(),
            name: "X".into(),
            kind,
            url: "http://x.localhost/".into(),
        }
    }

    #[test]
    fn the_heading_names_the_kind_of_children_when_they_share_one() {
        assert_eq!(
            children_heading(&[link(UnitKind::Ward), link(UnitKind::Ward)]),
            "Các phường trực thuộc"
        );
        assert_eq!(
            children_heading(&[link(UnitKind::Ward), link(UnitKind::Commune)]),
            "Các đơn vị hành chính trực thuộc"
        );
    }
}

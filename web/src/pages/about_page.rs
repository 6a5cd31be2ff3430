use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use openapi::content::MenuPage;

use crate::api;
use crate::components::api_errors::ApiErrors;
use crate::components::document_title::DocumentTitle;
use crate::components::loading::Loading;
use crate::components::ward_information_links::WardInformationLinks;
use crate::pages::site_page::page_href;
use crate::state::site::use_site;

/// "/gioi-thieu": the unit's menu of pages (giới thiệu chung, chức năng nhiệm vụ…),
/// in the order the ward set.
#[component]
pub fn AboutPage() -> impl IntoView {
    let unit = use_site().unit.slug;
    let menu = LocalResource::new(move || {
        let unit = unit.clone();
        async move { api::pages::menu(&unit).await }
    });
    view! {
        <DocumentTitle page="Giới thiệu" />
        <h1>"Giới thiệu"</h1>
        <WardInformationLinks />
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move { menu.await.map(|pages| view! { <Menu pages /> }) })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn Menu(pages: Vec<MenuPage>) -> impl IntoView {
    if pages.is_empty() {
        return Either::Left(
            view! { <p class="empty">"Chưa có trang giới thiệu nào được công bố."</p> },
        );
    }
    Either::Right(view! {
        <nav aria-label="Các trang giới thiệu">
            <ul class="site-list page-menu">
                {pages
                    .into_iter()
                    .map(|page| {
                        view! {
                            <li>
                                <A href=page_href(&page.slug)>{page.title}</A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    })
}

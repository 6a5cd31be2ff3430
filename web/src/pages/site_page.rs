use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use openapi::ErrorCode;
use openapi::content::PublishedPage;

use crate::api::{self, encode_component};
use crate::components::api_errors::ApiErrors;
use crate::components::document_title::DocumentTitle;
use crate::components::loading::Loading;
use crate::pages::not_found_page::NotFound;
use crate::state::site::use_site;

/// Where the page `slug` of this site is read.
pub fn page_href(slug: &str) -> String {
    format!("/trang/{}", encode_component(slug))
}

/// "/trang/:slug": one published page of this site's unit.
#[component]
pub fn SitePage() -> impl IntoView {
    let unit = use_site().unit.slug;
    let params = use_params_map();
    let slug = Memo::new(move |_| params.with(|params| params.get("slug").unwrap_or_default()));
    let page = LocalResource::new(move || {
        let unit = unit.clone();
        let slug = slug.get();
        async move { api::pages::get(&unit, &slug).await }
    });
    view! {
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(page) => Ok(Either::Left(view! { <PageView page /> })),
                        Err(error) if error.code() == Some(ErrorCode::NotFound) => {
                            Ok(Either::Right(view! {
                                <NotFound
                                    title="Không tìm thấy trang"
                                    text="Trang không tồn tại, chưa được công bố hoặc đã được gỡ xuống."
                                    back_href="/gioi-thieu"
                                    back_text="Xem các trang giới thiệu"
                                />
                            }))
                        }
                        Err(error) => Err(error),
                    }
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn PageView(page: PublishedPage) -> impl IntoView {
    let lead = (!page.summary.is_empty())
        .then(|| view! { <p class="lead article-lead">{page.summary}</p> });
    view! {
        <DocumentTitle page=page.title.clone() />
        <article class="article">
            <header class="article-header">
                <h1>{page.title}</h1>
            </header>
            {lead}
            // Sanitized by the server (see the article page); clicks on links inside stay
            // with the browser, not the router.
            <div class="article-body" inner_html=page.body_html on:click=|event| event.stop_propagation()></div>
        </article>
        <p class="back-link">
            <A href="/gioi-thieu">
                <span aria-hidden="true">"← "</span>
                "Giới thiệu"
            </A>
        </p>
    }
}

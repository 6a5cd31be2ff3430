use leptos::either::Either;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use openapi::search::{SearchHit, SearchResults};

use crate::api;
use crate::components::api_errors::ApiErrors;
use crate::components::content_link::{ContentLink, content_href, public_path};
use crate::components::document_title::DocumentTitle;
use crate::components::loading::Loading;
use crate::components::published_date::PublishedDate;
use crate::components::search_box::search_href;
use crate::state::site::use_site;

/// "/tim-kiem?q=": what this site (a portal: with its wards) has published that
/// matches the words, with or without diacritics.
#[component]
pub fn SearchPage() -> impl IntoView {
    let query_map = use_query_map();
    let query = Memo::new(move |_| {
        query_map.with(|map| {
            map.get("q")
                .map(|q| q.trim().to_owned())
                .unwrap_or_default()
        })
    });
    view! {
        <DocumentTitle page="Tìm kiếm" />
        <h1>"Tìm kiếm"</h1>
        <SearchForm query />
        {move || {
            let query = query.get();
            if query.is_empty() {
                Either::Left(view! {
                    <p class="notice">
                        "Nhập từ khóa, có dấu hoặc không dấu, ví dụ: “thu tuc khai sinh”."
                    </p>
                })
            } else {
                Either::Right(view! { <Results query /> })
            }
        }}
    }
}

#[component]
fn SearchForm(query: Memo<String>) -> impl IntoView {
    let navigate = use_navigate();
    let typed = RwSignal::new(query.get_untracked());
    // Another search from the header box changes the address: show its words here too.
    Effect::new(move || typed.set(query.get()));
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        navigate(&search_href(&typed.get_untracked()), Default::default());
    };
    view! {
        <form class="search-form" role="search" on:submit=submit>
            <div class="field">
                <label for="tu-khoa">"Từ khóa"</label>
                <input id="tu-khoa" name="q" type="search" bind:value=typed />
            </div>
            <button type="submit" class="button button-primary">
                "Tìm kiếm"
            </button>
        </form>
    }
}

#[component]
fn Results(query: String) -> impl IntoView {
    let unit = use_site().unit.slug;
    let results = LocalResource::new(move || {
        let (query, unit) = (query.clone(), unit.clone());
        async move { api::search::run(&query, &unit).await }
    });
    view! {
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    results.await.map(|results| view! { <HitList results /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn HitList(results: SearchResults) -> impl IntoView {
    let count = results.hits.len();
    view! {
        <p class="search-count" role="status">
            {if count == 0 {
                "Không tìm thấy kết quả nào.".to_owned()
            } else {
                format!("Tìm thấy {count} kết quả.")
            }}
        </p>
        <ul class="article-list search-results">
            {results.hits.into_iter().map(|hit| view! { <Hit hit /> }).collect_view()}
        </ul>
    }
}

#[component]
fn Hit(hit: SearchHit) -> impl IntoView {
    let site = use_site();
    let href = content_href(&site, &hit.unit.slug, &public_path(hit.kind, &hit.slug));
    let title = view! { <ContentLink href text=hit.title /> };
    view! {
        <li>
            <article class="article-item">
                <h2 class="article-item-title">{title}</h2>
                <p class="article-meta">
                    <span class="article-unit">{hit.unit.name}</span>
                    <span>{hit.kind.label()}</span>
                    <PublishedDate unix_seconds=hit.published_at.timestamp() />
                </p>
                // Inserted as HTML because the server builds it that way on purpose: the
                // text is HTML-escaped character by character and only its own <mark>
                // tags are added (api/src/text/fold.rs, `highlight`).
                <p class="search-snippet" inner_html=hit.snippet></p>
            </article>
        </li>
    }
}

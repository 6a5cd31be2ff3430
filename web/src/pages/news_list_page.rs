use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;
use openapi::content::{ArticlePage, ArticleSummary};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::api::{self, ApiError, encode_component};
use crate::components::api_errors::ApiErrors;
use crate::components::article_list::{ArticleItem, CATEGORIES, EMPTY_TEXT};
use crate::components::document_title::DocumentTitle;
use crate::components::error_message::ErrorMessage;
use crate::components::loading::Loading;
use crate::state::site::use_site;

const PAGE_SIZE: u8 = 10;
const LIST_ID: &str = "danh-sach-tin";

/// "/tin-tuc": the site's articles, newest first, optionally of one category
/// (`?category=`, so a filtered list can be bookmarked and shared), ten at a time.
#[component]
pub fn NewsListPage() -> impl IntoView {
    let unit = use_site().unit.slug;
    let query = use_query_map();
    let category = Memo::new(move |_| {
        query.with(|query| {
            query
                .get("category")
                .filter(|category| !category.is_empty())
        })
    });
    let first_page = LocalResource::new(move || {
        let unit = unit.clone();
        let category = category.get();
        async move {
            let page = api::articles::list(&unit, category.as_deref(), None, PAGE_SIZE).await?;
            Ok::<_, ApiError>((category, page))
        }
    });
    view! {
        <DocumentTitle page="Tin tức" />
        <h1>"Tin tức"</h1>
        <CategoryFilter current=category />
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    first_page
                        .await
                        .map(|(category, first)| view! { <NewsFeed first category /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

/// Links rather than a form: each choice is an address that can be shared or opened
/// in a new tab, and choosing needs no second step.
#[component]
fn CategoryFilter(current: Memo<Option<String>>) -> impl IntoView {
    let choices = std::iter::once((None, "Tất cả"))
        .chain(CATEGORIES.map(|(slug, label)| (Some(slug), label)))
        .map(|(slug, label)| {
            let href = match slug {
                Some(slug) => format!("/tin-tuc?category={}", encode_component(slug)),
                None => "/tin-tuc".to_owned(),
            };
            let selected = move || current.with(|current| current.as_deref() == slug);
            view! {
                <li>
                    <a href=href aria-current=move || selected().then_some("page")>
                        {label}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="category-filter" aria-label="Chuyên mục">
            <ul>{choices}</ul>
        </nav>
    }
}

/// The first page, then each page "Xem thêm" brings, appended.
#[component]
fn NewsFeed(first: ArticlePage, category: Option<String>) -> impl IntoView {
    if first.items.is_empty() {
        return Either::Left(view! { <p class="empty">{EMPTY_TEXT}</p> });
    }
    let unit = use_site().unit.slug;
    let items = RwSignal::new(first.items);
    let next_cursor = RwSignal::new(first.next_cursor);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);

    let load_more = move |_| {
        if pending.get_untracked() {
            return;
        }
        let Some(cursor) = next_cursor.get_untracked() else {
            return;
        };
        let unit = unit.clone();
        let category = category.clone();
        let shown = items.with_untracked(Vec::len);
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let result =
                api::articles::list(&unit, category.as_deref(), Some(&cursor), PAGE_SIZE).await;
            pending.set(false);
            match result {
                Ok(page) => {
                    items.update(|items| items.extend(page.items));
                    next_cursor.set(page.next_cursor);
                    // The list is drawn on the next tick.
                    request_animation_frame(move || focus_item(shown + 1));
                }
                Err(failure) => error.set(Some(failure)),
            }
        });
    };

    Either::Right(view! {
        <ul class="article-list" id=LIST_ID>
            <For
                each=move || items.get()
                key=|article: &ArticleSummary| (article.unit.slug.clone(), article.slug.clone())
                let:article
            >
                <ArticleItem article heading_level=2 />
            </For>
        </ul>
        {move || error.get().map(|error| view! { <ErrorMessage error /> })}
        {move || {
            let load_more = load_more.clone();
            next_cursor
                .with(Option::is_some)
                .then(|| {
                    view! {
                        <div class="load-more">
                            <button
                                type="button"
                                class="button button-primary"
                                on:click=load_more
                                aria-disabled=move || pending.get().then_some("true")
                            >
                                "Xem thêm"
                            </button>
                            <span class="loading" role="status">
                                {move || pending.get().then_some("Đang tải…")}
                            </span>
                        </div>
                    }
                })
        }}
    })
}

/// Puts the keyboard on the link of the `position`-th article (from 1), the first of
/// a page just loaded: a keyboard user reads on from there, and the button they
/// pressed is gone after the last page.
fn focus_item(position: usize) {
    let selector = format!("#{LIST_ID} > li:nth-child({position}) a");
    let link = document()
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<HtmlElement>().ok());
    if let Some(link) = link {
        let _ = link.focus();
    }
}

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use openapi::content::{ArticlePage, ArticleSummary};

use crate::api::{self, ApiError, encode_component};
use crate::components::api_errors::ApiErrors;
use crate::components::article_list::{ArticleItem, CATEGORIES, EMPTY_TEXT};
use crate::components::document_title::DocumentTitle;
use crate::components::load_more::LoadMore;
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
    let fetch = move |cursor: String| {
        let (unit, category) = (unit.clone(), category.clone());
        async move {
            let page =
                api::articles::list(&unit, category.as_deref(), Some(&cursor), PAGE_SIZE).await?;
            Ok((page.items, page.next_cursor))
        }
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
        <LoadMore items next_cursor list_id=LIST_ID fetch />
    })
}

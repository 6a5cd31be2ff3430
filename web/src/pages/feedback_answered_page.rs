use leptos::either::Either;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use openapi::feedback_workflow::{PublishedFeedbackPage, PublishedFeedbackSummary};

use crate::api::{self, ApiError, encode_component};
use crate::components::api_errors::ApiErrors;
use crate::components::content_link::{ContentLink, content_href};
use crate::components::document_title::DocumentTitle;
use crate::components::load_more::LoadMore;
use crate::components::loading::Loading;
use crate::components::published_date::PublishedDate;
use crate::state::site::use_site;

const PAGE_SIZE: u8 = 10;
const LIST_ID: &str = "danh-sach-phan-anh";

/// "/phan-anh/da-tra-loi?q=": the answers the ward published (a portal: every
/// ward's), newest first, searchable with or without diacritics.
#[component]
pub fn FeedbackAnsweredPage() -> impl IntoView {
    let unit = use_site().unit.slug;
    let query_map = use_query_map();
    let query = Memo::new(move |_| {
        query_map.with(|map| {
            map.get("q")
                .map(|q| q.trim().to_owned())
                .filter(|q| !q.is_empty())
        })
    });
    let first_page = LocalResource::new(move || {
        let unit = unit.clone();
        let query = query.get();
        async move {
            let page = api::feedback::published(&unit, query.as_deref(), None, PAGE_SIZE).await?;
            Ok::<_, ApiError>((query, page))
        }
    });
    view! {
        <DocumentTitle page="Phản ánh đã trả lời" />
        <p class="back-link">
            <A href="/phan-anh"><span aria-hidden="true">"← "</span>"Phản ánh kiến nghị"</A>
        </p>
        <h1>"Phản ánh đã trả lời"</h1>
        <AnsweredSearch query />
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    first_page.await.map(|(query, first)| view! { <AnsweredList first query /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

fn answered_href(query: &str) -> String {
    let query = query.trim();
    if query.is_empty() {
        "/phan-anh/da-tra-loi".to_owned()
    } else {
        format!("/phan-anh/da-tra-loi?q={}", encode_component(query))
    }
}

#[component]
fn AnsweredSearch(query: Memo<Option<String>>) -> impl IntoView {
    let navigate = use_navigate();
    let typed = RwSignal::new(query.get_untracked().unwrap_or_default());
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        navigate(&answered_href(&typed.get_untracked()), Default::default());
    };
    view! {
        <form class="search-form" role="search" on:submit=submit>
            <div class="field">
                <label for="tim-phan-anh">"Tìm trong phản ánh đã trả lời"</label>
                <input
                    id="tim-phan-anh"
                    name="q"
                    type="search"
                    bind:value=typed
                    aria-describedby="tim-phan-anh-huong-dan"
                />
                <p id="tim-phan-anh-huong-dan" class="field-hint">
                    "Gõ có dấu hoặc không dấu, ví dụ: “lan chiem via he”."
                </p>
            </div>
            <button type="submit" class="button button-primary">"Tìm"</button>
        </form>
    }
}

#[component]
fn AnsweredList(first: PublishedFeedbackPage, query: Option<String>) -> impl IntoView {
    if first.items.is_empty() {
        let text = if query.is_some() {
            "Không có phản ánh đã trả lời nào khớp với từ khóa."
        } else {
            "Chưa có phản ánh nào được trả lời công khai."
        };
        return Either::Left(view! { <p class="empty" role="status">{text}</p> });
    }
    let unit = use_site().unit.slug;
    let items = RwSignal::new(first.items);
    let next_cursor = RwSignal::new(first.next_cursor);
    let fetch = move |cursor: String| {
        let (unit, query) = (unit.clone(), query.clone());
        async move {
            let page =
                api::feedback::published(&unit, query.as_deref(), Some(&cursor), PAGE_SIZE).await?;
            Ok((page.items, page.next_cursor))
        }
    };
    Either::Right(view! {
        <ul class="article-list" id=LIST_ID>
            <For
                each=move || items.get()
                key=|item: &PublishedFeedbackSummary| item.code.clone()
                let:item
            >
                <AnsweredItem item />
            </For>
        </ul>
        <LoadMore items next_cursor list_id=LIST_ID fetch />
    })
}

#[component]
fn AnsweredItem(item: PublishedFeedbackSummary) -> impl IntoView {
    let site = use_site();
    let href = content_href(
        &site,
        &item.unit.slug,
        &format!("phan-anh/{}", encode_component(&item.code)),
    );
    let unit = site
        .is_portal
        .then(|| view! { <span class="article-unit">{item.unit.name.clone()}</span> });
    view! {
        <li>
            <article class="article-item">
                <h2 class="article-item-title"><ContentLink href text=item.title /></h2>
                <p class="article-meta">
                    {unit}
                    <span>{item.category.name}</span>
                    <span>"Trả lời ngày " <PublishedDate unix_seconds=item.published_at.timestamp() /></span>
                </p>
            </article>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_lives_in_the_address_and_an_empty_one_clears_it() {
        assert_eq!(answered_href(" via he "), "/phan-anh/da-tra-loi?q=via%20he");
        assert_eq!(answered_href(""), "/phan-anh/da-tra-loi");
    }
}

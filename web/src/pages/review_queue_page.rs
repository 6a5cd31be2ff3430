use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use openapi::content::ReviewQueueEntry;

use crate::api;
use crate::components::api_errors::ApiErrors;
use crate::components::date_time_text::DateTimeText;
use crate::components::document_title::DocumentTitle;
use crate::components::loading::Loading;
use crate::state::session::use_session;
use crate::state::site::use_site;
use crate::text::waiting::waiting_text;

/// "/quan-tri/duyet-bai": what waits for a reviewer of this unit, oldest first.
#[component]
pub fn ReviewQueuePage() -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let queue = LocalResource::new(move || {
        let unit = unit.clone();
        async move {
            session
                .authorized(move |token| {
                    let unit = unit.clone();
                    async move { api::content::review_queue(&token, &unit).await }
                })
                .await
        }
    });
    view! {
        <DocumentTitle page="Duyệt bài" />
        <h1>"Duyệt bài"</h1>
        <p class="lead">"Bài chờ duyệt, bài gửi sớm nhất ở trên cùng."</p>
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    queue.await.map(|entries| view! { <QueueList entries /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn QueueList(entries: Vec<ReviewQueueEntry>) -> impl IntoView {
    if entries.is_empty() {
        return Either::Left(view! { <p class="empty">"Không có bài nào đang chờ duyệt."</p> });
    }
    Either::Right(view! {
        <ul class="article-list review-queue">
            {entries.into_iter().map(|entry| view! { <QueueEntry entry /> }).collect_view()}
        </ul>
    })
}

#[component]
fn QueueEntry(entry: ReviewQueueEntry) -> impl IntoView {
    let submitted = entry.revision.submitted_at.map(|at| {
        view! {
            <span>"Gửi lúc " <DateTimeText at /></span>
        }
    });
    view! {
        <li>
            <article class="article-item">
                <h2 class="article-item-title">
                    <A href=format!("/quan-tri/duyet-bai/{}", entry.item_id)>{entry.revision.title}</A>
                </h2>
                <p class="article-meta">
                    <span>{entry.kind.label()}</span>
                    <span>"Tác giả: " {entry.revision.author_name}</span>
                    <strong class="waiting">{waiting_text(entry.waiting_seconds)}</strong>
                    {submitted}
                </p>
            </article>
        </li>
    }
}

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use openapi::feedback_workflow::{FeedbackQueue, StaffFeedbackPage, StaffFeedbackSummary};

use crate::api::{self, encode_component};
use crate::components::api_errors::ApiErrors;
use crate::components::calendar_date::CalendarDate;
use crate::components::date_time_text::DateTimeText;
use crate::components::document_title::DocumentTitle;
use crate::components::load_more::LoadMore;
use crate::components::loading::Loading;
use crate::state::feedback_access::{my_queues, queue_href, queue_label};
use crate::state::session::use_session;
use crate::state::site::use_site;
use crate::text::feedback::feedback_state_class;

const LIST_ID: &str = "hang-doi-phan-anh";

/// "/quan-tri/phan-anh?hang=": one queue of feedback the user works on (the first of
/// theirs unless chosen), oldest first, overdue ones marked in words and counted.
#[component]
pub fn FeedbackQueuePage() -> impl IntoView {
    let session = use_session();
    let site = use_site();
    let query = use_query_map();
    let queues = {
        let site = site.clone();
        Memo::new(move |_| {
            session
                .me()
                .map(|me| my_queues(&me, &site))
                .unwrap_or_default()
        })
    };
    let chosen = Memo::new(move |_| {
        let asked = query.with(|query| {
            query
                .get("hang")
                .and_then(|name| FeedbackQueue::parse(&name))
        });
        let mine = queues.get();
        asked
            .filter(|queue| mine.contains(queue))
            .or_else(|| mine.first().copied())
    });
    view! {
        <DocumentTitle page="Phản ánh kiến nghị" />
        <h1>"Phản ánh kiến nghị"</h1>
        {move || {
            let mine = queues.get();
            if mine.is_empty() {
                return Either::Left(view! {
                    <p class="notice">
                        "Phản ánh do cán bộ phụ trách web, cán bộ chuyên môn và người kiểm duyệt của phường xử lý. "
                        "Tài khoản của bạn chưa được giao vai trò nào trong số đó."
                    </p>
                });
            }
            Either::Right(view! {
                <nav class="category-filter" aria-label="Hàng đợi phản ánh">
                    <ul>
                        {mine
                            .into_iter()
                            .map(|queue| view! {
                                <li>
                                    <A
                                        href=queue_href(queue)
                                        attr:aria-current=move || (chosen.get() == Some(queue)).then_some("page")
                                    >
                                        {queue_label(queue)}
                                    </A>
                                </li>
                            })
                            .collect_view()}
                        <li><A href="/quan-tri/phan-anh/thong-ke">"Thống kê"</A></li>
                    </ul>
                </nav>
            })
        }}
        {move || chosen.get().map(|queue| view! { <Queue queue /> })}
    }
}

#[component]
fn Queue(queue: FeedbackQueue) -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let first = LocalResource::new(move || {
        let unit = unit.clone();
        async move {
            session
                .authorized(move |token| {
                    let unit = unit.clone();
                    async move { api::feedback_staff::queue(&token, &unit, queue, None).await }
                })
                .await
        }
    });
    view! {
        <section aria-labelledby="hang-doi">
            <h2 id="hang-doi">{queue_label(queue)}</h2>
            <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
                <Suspense fallback=Loading>
                    {move || Suspend::new(async move {
                        first.await.map(|page| view! { <QueueList queue page /> })
                    })}
                </Suspense>
            </ErrorBoundary>
        </section>
    }
}

/// "3 phản ánh, 1 quá hạn".
pub fn counts_text(total: u64, overdue: u64) -> String {
    if overdue == 0 {
        format!("{total} phản ánh, không có phản ánh quá hạn.")
    } else {
        format!("{total} phản ánh, trong đó {overdue} quá hạn.")
    }
}

#[component]
fn QueueList(queue: FeedbackQueue, page: StaffFeedbackPage) -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let counts = view! {
        <p class="queue-counts" role="status">
            {counts_text(page.total, page.overdue)}
        </p>
    };
    if page.items.is_empty() {
        return Either::Left(view! {
            {counts}
            <p class="empty">"Không có phản ánh nào trong hàng đợi này."</p>
        });
    }
    let items = RwSignal::new(page.items);
    let next_cursor = RwSignal::new(page.next_cursor);
    let fetch = move |cursor: String| {
        let unit = unit.clone();
        async move {
            let page =
                session
                    .authorized(move |token| {
                        let (unit, cursor) = (unit.clone(), cursor.clone());
                        async move {
                            api::feedback_staff::queue(&token, &unit, queue, Some(&cursor)).await
                        }
                    })
                    .await?;
            Ok((page.items, page.next_cursor))
        }
    };
    Either::Right(view! {
        {counts}
        <ul class="article-list feedback-queue" id=LIST_ID>
            <For each=move || items.get() key=|item: &StaffFeedbackSummary| item.code.clone() let:item>
                <QueueItem item />
            </For>
        </ul>
        <LoadMore items next_cursor list_id=LIST_ID fetch />
    })
}

#[component]
fn QueueItem(item: StaffFeedbackSummary) -> impl IntoView {
    let href = format!("/quan-tri/phan-anh/{}", encode_component(&item.code));
    let overdue = item.overdue.then(|| {
        view! { <strong class="overdue-flag"><span aria-hidden="true">"⚠ "</span>"Quá hạn"</strong> }
    });
    let due = item
        .due_date
        .map(|date| view! { <span>"Hạn " <CalendarDate date /></span> });
    let department = item
        .department
        .map(|department| view! { <span>{department.name}</span> });
    let multi = item
        .multi_agency
        .then(|| view! { <span>"Nhiều cơ quan"</span> });
    view! {
        <li class:overdue=item.overdue>
            <article class="article-item">
                <h3 class="article-item-title"><A href=href>{item.title}</A></h3>
                <p class="article-meta">
                    {overdue}
                    <span>{item.code}</span>
                    <span class=feedback_state_class(item.state)>{item.state_label}</span>
                    <span>{item.category.name}</span>
                    {department}
                    {multi}
                    <span>"Nhận " <DateTimeText at=item.received_at /></span>
                    {due}
                </p>
            </article>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_counts_say_how_many_are_overdue() {
        assert_eq!(counts_text(3, 1), "3 phản ánh, trong đó 1 quá hạn.");
        assert_eq!(counts_text(0, 0), "0 phản ánh, không có phản ánh quá hạn.");
    }
}

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use openapi::content::{RevisionState, StaffContentItem};

use crate::api::{self, ApiError};
use crate::components::api_errors::ApiErrors;
use crate::components::article_list::category_label;
use crate::components::date_time_text::DateTimeText;
use crate::components::diff_view::DiffView;
use crate::components::document_title::DocumentTitle;
use crate::components::kind_fields_view::KindFieldsView;
use crate::components::loading::Loading;
use crate::components::markdown_preview::MarkdownPreview;
use crate::components::review_actions::ReviewActions;
use crate::state::session::use_session;
use crate::state::site::use_site;
use crate::text::labels::ItemStatus;

/// "/quan-tri/duyet-bai/:id": the revision in review as it would be published, what
/// it changes in the live one, and the reviewer's decision.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params.with(|params| params.get("id").and_then(|id| id.parse::<i64>().ok()))
    });
    let item = LocalResource::new(move || {
        let unit = unit.clone();
        let id = id.get();
        async move {
            let Some(id) = id else {
                return Err(ApiError::from_status(404));
            };
            session
                .authorized(move |token| {
                    let unit = unit.clone();
                    async move { api::content::get(&token, &unit, id).await }
                })
                .await
        }
    });
    view! {
        <DocumentTitle page="Duyệt bài" />
        <p class="back-link">
            <A href="/quan-tri/duyet-bai">
                <span aria-hidden="true">"← "</span>
                "Danh sách chờ duyệt"
            </A>
        </p>
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    item.await.map(|item| view! { <Revision item /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn Revision(item: StaffContentItem) -> impl IntoView {
    let status = ItemStatus::of(&item);
    let working = item.working.clone();
    let in_review = working
        .as_ref()
        .filter(|working| working.state == RevisionState::InReview)
        .cloned();
    let meta = working.as_ref().map(|working| {
        let submitted = working
            .submitted_at
            .map(|at| view! { <span>"Gửi lúc " <DateTimeText at /></span> });
        view! {
            <span>"Tác giả: " {working.author_name.clone()}</span>
            {submitted}
        }
    });
    let category = item
        .draft
        .category
        .clone()
        .map(|slug| view! { <span>{category_label(&slug).to_owned()}</span> });
    let summary = (!item.draft.summary.is_empty())
        .then(|| view! { <p class="lead article-lead">{item.draft.summary.clone()}</p> });
    let changes = match (&item.live, &working) {
        (Some(live), Some(working)) => Some(view! {
            <ChangesSinceLive item_id=item.id from=live.number to=working.number />
        }),
        _ => None,
    };
    view! {
        <article class="review">
            <header>
                <h1>{item.draft.title.clone()}</h1>
                <p class="article-meta">
                    <span>{item.kind.label()}</span>
                    <span class=status.class()>{status.label()}</span>
                    {category}
                    {meta}
                </p>
            </header>
            <section aria-labelledby="ban-xem-truoc">
                <h2 id="ban-xem-truoc">"Nội dung sẽ đăng"</h2>
                {summary}
                <MarkdownPreview body=item.draft.body.clone() />
            </section>
            <KindFieldsView kind=item.kind details=item.draft.details.clone() />
            {changes}
        </article>
        {match in_review {
            Some(revision) => Either::Left(view! { <ReviewActions item_id=item.id revision /> }),
            None => Either::Right(view! {
                <p class="notice">"Bài này hiện không chờ duyệt."</p>
            }),
        }}
    }
}

/// The live revision against the one in review, line by line.
#[component]
fn ChangesSinceLive(item_id: i64, from: i32, to: i32) -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let diff = LocalResource::new(move || {
        let unit = unit.clone();
        async move {
            session
                .authorized(move |token| {
                    let unit = unit.clone();
                    async move { api::content::diff(&token, &unit, item_id, from, to).await }
                })
                .await
        }
    });
    view! {
        <section aria-labelledby="thay-doi">
            <h2 id="thay-doi">"Thay đổi so với bản đang đăng"</h2>
            <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
                <Suspense fallback=Loading>
                    {move || Suspend::new(async move { diff.await.map(|diff| view! { <DiffView diff /> }) })}
                </Suspense>
            </ErrorBoundary>
        </section>
    }
}

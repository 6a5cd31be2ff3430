use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use openapi::feedback_workflow::PublishedFeedback;

use crate::api::{self, ApiError};
use crate::components::api_errors::ApiErrors;
use crate::components::document_title::DocumentTitle;
use crate::components::loading::Loading;
use crate::components::published_date::PublishedDate;
use crate::state::site::use_site;

/// "/phan-anh/:code": a published feedback with the ward's answer, personal data
/// hidden.
#[component]
pub fn FeedbackPublicPage() -> impl IntoView {
    let unit = use_site().unit.slug;
    let params = use_params_map();
    let code = Memo::new(move |_| params.with(|params| params.get("code").unwrap_or_default()));
    let feedback = LocalResource::new(move || {
        let (unit, code) = (unit.clone(), code.get());
        async move {
            if code.is_empty() {
                return Err(ApiError::from_status(404));
            }
            api::feedback::published_one(&unit, &code).await
        }
    });
    view! {
        <p class="back-link">
            <A href="/phan-anh/da-tra-loi"><span aria-hidden="true">"← "</span>"Phản ánh đã trả lời"</A>
        </p>
        <ErrorBoundary fallback=|errors| view! { <DocumentTitle page="Phản ánh" /> <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    feedback.await.map(|feedback| view! { <Published feedback /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn Published(feedback: PublishedFeedback) -> impl IntoView {
    let department = feedback
        .department
        .map(|department| view! { <p class="article-meta">"Đơn vị trả lời: " {department}</p> });
    view! {
        <DocumentTitle page=feedback.title.clone() />
        <article class="article feedback-published">
            <header class="article-header">
                <h1>{feedback.title}</h1>
                <p class="article-meta">
                    <span>"Mã " {feedback.code}</span>
                    <span>{feedback.unit.name}</span>
                    <span>{feedback.category.name}</span>
                    <span>"Gửi ngày " <PublishedDate unix_seconds=feedback.received_at.timestamp() /></span>
                </p>
            </header>
            <section aria-labelledby="noi-dung-phan-anh">
                <h2 id="noi-dung-phan-anh">"Nội dung phản ánh"</h2>
                <div class="plain-text">{feedback.content}</div>
            </section>
            <section class="feedback-reply" aria-labelledby="tra-loi-cua-phuong">
                <h2 id="tra-loi-cua-phuong">"Trả lời của phường"</h2>
                {department}
                <div class="plain-text">{feedback.reply}</div>
                <p class="article-meta">
                    "Đăng ngày " <PublishedDate unix_seconds=feedback.published_at.timestamp() />
                </p>
            </section>
        </article>
    }
}

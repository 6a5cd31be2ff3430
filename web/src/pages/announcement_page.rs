use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use openapi::ErrorCode;
use openapi::content::Announcement;

use crate::api;
use crate::components::announcement_list::{Expiry, is_expired, now_seconds};
use crate::components::api_errors::ApiErrors;
use crate::components::document_title::DocumentTitle;
use crate::components::loading::Loading;
use crate::components::published_date::PublishedDate;
use crate::pages::not_found_page::NotFound;
use crate::state::site::use_site;

/// "/thong-bao/:slug": one announcement of this site's unit, also once expired (old
/// links keep working, and say it has expired).
#[component]
pub fn AnnouncementPage() -> impl IntoView {
    let unit = use_site().unit.slug;
    let params = use_params_map();
    let slug = Memo::new(move |_| params.with(|params| params.get("slug").unwrap_or_default()));
    let announcement = LocalResource::new(move || {
        let unit = unit.clone();
        let slug = slug.get();
        async move { api::announcements::get(&unit, &slug).await }
    });
    view! {
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match announcement.await {
                        Ok(announcement) => {
                            Ok(Either::Left(view! { <AnnouncementView announcement /> }))
                        }
                        Err(error) if error.code() == Some(ErrorCode::NotFound) => {
                            Ok(Either::Right(view! {
                                <NotFound
                                    title="Không tìm thấy thông báo"
                                    text="Thông báo không tồn tại, chưa được công bố hoặc đã được gỡ xuống."
                                    back_href="/thong-bao"
                                    back_text="Xem các thông báo khác"
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
fn AnnouncementView(announcement: Announcement) -> impl IntoView {
    let Announcement {
        announcement: summary,
        body_html,
    } = announcement;
    let expired = is_expired(&summary, now_seconds());
    let lead = (!summary.summary.is_empty())
        .then(|| view! { <p class="lead article-lead">{summary.summary}</p> });
    view! {
        <DocumentTitle page=summary.title.clone() />
        <article class="article">
            <header class="article-header">
                <p class="kicker">"Thông báo"</p>
                <h1>{summary.title}</h1>
                <p class="article-meta">
                    <PublishedDate unix_seconds=summary.published_at.timestamp() />
                    <Expiry expires_at=summary.expires_at.map(|at| at.timestamp()) expired />
                </p>
            </header>
            {lead}
            // Sanitized by the server (see the article page); clicks on links inside stay
            // with the browser, not the router.
            <div class="article-body" inner_html=body_html on:click=|event| event.stop_propagation()></div>
        </article>
        <p class="back-link">
            <A href="/thong-bao">
                <span aria-hidden="true">"← "</span>
                "Thông báo"
            </A>
        </p>
    }
}

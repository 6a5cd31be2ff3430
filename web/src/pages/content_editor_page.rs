use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use openapi::content::ContentKind;

use crate::api;
use crate::components::api_errors::ApiErrors;
use crate::components::content_form::ContentForm;
use crate::components::document_title::DocumentTitle;
use crate::components::loading::Loading;
use crate::state::session::use_session;
use crate::state::site::use_site;

/// "/quan-tri/tin-bai/moi?loai=": a new item, of the kind the link chose (an article
/// by default).
#[component]
pub fn NewContentPage() -> impl IntoView {
    let kind = use_query_map()
        .with_untracked(|query| query.get("loai"))
        .and_then(|kind| ContentKind::parse(&kind));
    let heading = match kind {
        None | Some(ContentKind::Article) => "Viết bài mới".to_owned(),
        Some(kind) => format!("Tạo mới: {}", kind.label()),
    };
    view! {
        <DocumentTitle page=heading.clone() />
        <h1>{heading}</h1>
        <ContentForm existing=None kind=kind.unwrap_or(ContentKind::Article) />
    }
}

/// "/quan-tri/tin-bai/:id": the item's newest text, to edit and submit.
#[component]
pub fn EditContentPage() -> impl IntoView {
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
                return Err(api::ApiError::from_status(404));
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
        <DocumentTitle page="Soạn thảo" />
        <h1>"Soạn thảo"</h1>
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    item.await.map(|item| view! { <ContentForm existing=Some(item) /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

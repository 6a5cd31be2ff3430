use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use openapi::auth::Role;
use openapi::content::RevisionHistoryEntry;

use crate::api::{self, ApiError};
use crate::components::api_errors::ApiErrors;
use crate::components::document_title::DocumentTitle;
use crate::components::loading::Loading;
use crate::components::revision_compare::RevisionCompare;
use crate::components::revision_entry::RevisionEntry;
use crate::state::access::may_act_as;
use crate::state::session::use_session;
use crate::state::site::use_site;

/// "/quan-tri/tin-bai/:id/lich-su": every revision with who moved it when and why;
/// two of them compared; an old one restored as the new draft.
#[component]
pub fn ContentHistoryPage() -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params.with(|params| params.get("id").and_then(|id| id.parse::<i64>().ok()))
    });
    let history = LocalResource::new(move || {
        let unit = unit.clone();
        let id = id.get();
        async move {
            let Some(id) = id else {
                return Err(ApiError::from_status(404));
            };
            let entries = session
                .authorized(move |token| {
                    let unit = unit.clone();
                    async move { api::content::history(&token, &unit, id).await }
                })
                .await?;
            Ok((id, entries))
        }
    });
    view! {
        <DocumentTitle page="Lịch sử phiên bản" />
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    history.await.map(|(id, entries)| view! { <History id entries /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn History(id: i64, entries: Vec<RevisionHistoryEntry>) -> impl IntoView {
    let session = use_session();
    let site = use_site();
    let can_restore = session
        .me()
        .is_some_and(|me| may_act_as(&me, Role::Editor, &site));
    let title = entries
        .first()
        .map(|entry| entry.revision.title.clone())
        .unwrap_or_default();
    let numbers: Vec<i32> = entries.iter().map(|entry| entry.revision.number).collect();
    let newest = numbers.first().copied();
    view! {
        <h1>"Lịch sử phiên bản"</h1>
        <p class="lead">{title}</p>
        <p class="back-link">
            <A href=format!("/quan-tri/tin-bai/{id}")>
                <span aria-hidden="true">"← "</span>
                "Về trang soạn thảo"
            </A>
        </p>
        {(numbers.len() > 1).then(|| view! { <RevisionCompare item_id=id numbers=numbers.clone() /> })}
        <section aria-labelledby="cac-phien-ban">
            <h2 id="cac-phien-ban">"Các phiên bản"</h2>
            <ol class="revision-list" reversed>
                {entries
                    .into_iter()
                    .map(|entry| {
                        let restorable = can_restore && Some(entry.revision.number) != newest;
                        view! { <RevisionEntry item_id=id entry restorable /> }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}

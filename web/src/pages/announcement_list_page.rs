use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use openapi::content::{AnnouncementPage, AnnouncementSummary};

use crate::api::{self, ApiError};
use crate::components::announcement_list::{AnnouncementItem, EMPTY_TEXT, now_seconds};
use crate::components::api_errors::ApiErrors;
use crate::components::document_title::DocumentTitle;
use crate::components::load_more::LoadMore;
use crate::components::loading::Loading;
use crate::state::site::use_site;

const PAGE_SIZE: u8 = 10;
const LIST_ID: &str = "danh-sach-thong-bao";
/// The address of the list with the expired announcements shown too.
const WITH_EXPIRED: &str = "/thong-bao?include_expired=true";

/// "/thong-bao": the site's current announcements, newest first, ten at a time; with
/// `?include_expired=true` the expired ones too, marked as such.
#[component]
pub fn AnnouncementListPage() -> impl IntoView {
    let unit = use_site().unit.slug;
    let query = use_query_map();
    let include_expired = Memo::new(move |_| {
        query.with(|query| query.get("include_expired").as_deref() == Some("true"))
    });
    let first_page = LocalResource::new(move || {
        let unit = unit.clone();
        let include_expired = include_expired.get();
        async move {
            let page = api::announcements::list(&unit, include_expired, None, PAGE_SIZE).await?;
            Ok::<_, ApiError>((include_expired, page))
        }
    });
    view! {
        <DocumentTitle page="Thông báo" />
        <h1>"Thông báo"</h1>
        <ExpiredToggle include_expired />
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    first_page
                        .await
                        .map(|(include_expired, first)| {
                            view! { <AnnouncementFeed first include_expired /> }
                        })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

/// A checkbox whose state is in the address, so the longer list can be shared.
#[component]
fn ExpiredToggle(include_expired: Memo<bool>) -> impl IntoView {
    let navigate = use_navigate();
    let toggle = move |event: leptos::ev::Event| {
        let href = if event_target_checked(&event) {
            WITH_EXPIRED
        } else {
            "/thong-bao"
        };
        navigate(href, NavigateOptions::default());
    };
    view! {
        <p class="check-field">
            <input
                type="checkbox"
                id="hien-het-han"
                prop:checked=move || include_expired.get()
                on:change=toggle
            />
            <label for="hien-het-han">"Hiện cả thông báo đã hết hạn"</label>
        </p>
    }
}

/// The first page, then each page "Xem thêm" brings, appended.
#[component]
fn AnnouncementFeed(first: AnnouncementPage, include_expired: bool) -> impl IntoView {
    if first.items.is_empty() {
        return Either::Left(view! { <p class="empty">{EMPTY_TEXT}</p> });
    }
    let unit = use_site().unit.slug;
    let items = RwSignal::new(first.items);
    let next_cursor = RwSignal::new(first.next_cursor);
    let now = now_seconds();
    let fetch = move |cursor: String| {
        let unit = unit.clone();
        async move {
            let page =
                api::announcements::list(&unit, include_expired, Some(&cursor), PAGE_SIZE).await?;
            Ok((page.items, page.next_cursor))
        }
    };
    Either::Right(view! {
        <ul class="article-list announcement-list" id=LIST_ID>
            <For
                each=move || items.get()
                key=|announcement: &AnnouncementSummary| {
                    (announcement.unit.slug.clone(), announcement.slug.clone())
                }
                let:announcement
            >
                <AnnouncementItem announcement heading_level=2 now />
            </For>
        </ul>
        <LoadMore items next_cursor list_id=LIST_ID fetch />
    })
}

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use openapi::legal_documents::LegalDocumentPage;

use crate::api::documents::DocumentFilter;
use crate::api::{self, ApiError};
use crate::components::api_errors::ApiErrors;
use crate::components::document_filter_form::DocumentFilterForm;
use crate::components::document_table::DocumentTable;
use crate::components::document_title::DocumentTitle;
use crate::components::load_more::LoadMore;
use crate::components::loading::Loading;
use crate::state::site::use_site;

const PAGE_SIZE: u8 = 20;
const BODY_ID: &str = "danh-sach-van-ban";

/// "/van-ban": the legal documents register, newest issue date first, narrowed by
/// the filters in the address (`?type=&validity=&year=&q=`).
#[component]
pub fn DocumentListPage() -> impl IntoView {
    let unit = use_site().unit.slug;
    let query = use_query_map();
    let filter =
        Memo::new(move |_| query.with(|query| DocumentFilter::from_query(|name| query.get(name))));
    let first_page = LocalResource::new(move || {
        let unit = unit.clone();
        let filter = filter.get();
        async move {
            let page = api::documents::list(&unit, &filter, None, PAGE_SIZE).await?;
            Ok::<_, ApiError>((filter, page))
        }
    });
    view! {
        <DocumentTitle page="Văn bản" />
        <h1>"Văn bản chỉ đạo, điều hành"</h1>
        <DocumentFilterForm current=filter />
        <section aria-labelledby="ket-qua-van-ban">
            <h2 id="ket-qua-van-ban" class="visually-hidden">
                "Kết quả"
            </h2>
            <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
                <Suspense fallback=Loading>
                    {move || Suspend::new(async move {
                        first_page
                            .await
                            .map(|(filter, first)| view! { <DocumentFeed first filter /> })
                    })}
                </Suspense>
            </ErrorBoundary>
        </section>
    }
}

/// The first page, then each page "Xem thêm" brings, appended.
#[component]
fn DocumentFeed(first: LegalDocumentPage, filter: DocumentFilter) -> impl IntoView {
    if first.items.is_empty() {
        let text = if filter.is_empty() {
            "Chưa có văn bản nào được công bố."
        } else {
            "Không có văn bản nào khớp với bộ lọc."
        };
        return Either::Left(view! { <p class="empty" role="status">{text}</p> });
    }
    let unit = use_site().unit.slug;
    let items = RwSignal::new(first.items);
    let next_cursor = RwSignal::new(first.next_cursor);
    let fetch = move |cursor: String| {
        let unit = unit.clone();
        let filter = filter.clone();
        async move {
            let page = api::documents::list(&unit, &filter, Some(&cursor), PAGE_SIZE).await?;
            Ok((page.items, page.next_cursor))
        }
    };
    Either::Right(view! {
        <DocumentTable items body_id=BODY_ID />
        <LoadMore items next_cursor list_id=BODY_ID fetch />
    })
}

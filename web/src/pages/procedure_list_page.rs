//! "/dich-vu-cong?q=&linh-vuc=": the ward's online public services (its procedure
//! catalog) with a search box and a filter by field; on a portal, the wards, whose
//! sites each have their own catalog.

use leptos::either::Either;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use openapi::procedures::{ProcedureList, ProcedureSummary};

use crate::api;
use crate::components::api_errors::ApiErrors;
use crate::components::document_title::DocumentTitle;
use crate::components::loading::Loading;
use crate::state::site::use_site;
use crate::text::procedures::{catalog_href, fee_text, procedure_href};

#[component]
pub fn ProcedureListPage() -> impl IntoView {
    let portal = use_site().is_portal;
    view! {
        <DocumentTitle page="Dịch vụ công" />
        <h1>"Dịch vụ công trực tuyến"</h1>
        {if portal {
            Either::Left(view! { <WardChoice /> })
        } else {
            Either::Right(view! { <Catalog /> })
        }}
    }
}

#[component]
fn Catalog() -> impl IntoView {
    let unit = use_site().unit.slug;
    let query_map = use_query_map();
    let read = move |name: &'static str| {
        Memo::new(move |_| {
            query_map.with(|map| {
                map.get(name)
                    .map(|value| value.trim().to_owned())
                    .unwrap_or_default()
            })
        })
    };
    let query = read("q");
    let field = read("linh-vuc");
    let catalog = LocalResource::new(move || {
        let unit = unit.clone();
        let (query, field) = (query.get(), field.get());
        async move {
            let optional = |text: &str| (!text.is_empty()).then(|| text.to_owned());
            api::procedures::list(
                &unit,
                optional(&query).as_deref(),
                optional(&field).as_deref(),
            )
            .await
        }
    });
    view! {
        <p class="lead">
            "Tra cứu thủ tục hành chính của phường: giấy tờ cần chuẩn bị, thời hạn giải quyết, lệ phí. "
            "Thủ tục nộp được trực tuyến có nút “Nộp hồ sơ trực tuyến”."
        </p>
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    catalog.await.map(|list| view! { <CatalogSearch list query field /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

/// The search form (its choices of field come with the list) and the results.
#[component]
fn CatalogSearch(list: ProcedureList, query: Memo<String>, field: Memo<String>) -> impl IntoView {
    let navigate = use_navigate();
    let typed = RwSignal::new(query.get_untracked());
    let chosen = RwSignal::new(field.get_untracked());
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        navigate(
            &catalog_href(&typed.get_untracked(), &chosen.get_untracked()),
            Default::default(),
        );
    };
    let searching = !query.get_untracked().is_empty() || !field.get_untracked().is_empty();
    let count = list.items.len();
    view! {
        <form class="search-form procedure-search" role="search" on:submit=submit>
            <div class="field">
                <label for="tim-thu-tuc">"Tìm thủ tục"</label>
                <input
                    id="tim-thu-tuc"
                    name="q"
                    type="search"
                    bind:value=typed
                    aria-describedby="tim-thu-tuc-huong-dan"
                />
                <p id="tim-thu-tuc-huong-dan" class="field-hint">
                    "Gõ có dấu hoặc không dấu, ví dụ: “khai sinh”."
                </p>
            </div>
            <div class="field">
                <label for="linh-vuc">"Lĩnh vực"</label>
                <select id="linh-vuc" on:change=move |event| chosen.set(event_target_value(&event))>
                    <option value="" prop:selected=move || chosen.get().is_empty()>"Tất cả lĩnh vực"</option>
                    {list
                        .fields
                        .iter()
                        .map(|name| {
                            let value = name.clone();
                            let selected = name.clone();
                            view! {
                                <option value=value prop:selected=move || chosen.get() == selected>
                                    {name.clone()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <button type="submit" class="button button-primary">"Tìm"</button>
        </form>
        <p class="procedure-count" role="status">
            {if searching { format!("{count} thủ tục phù hợp") } else { format!("{count} thủ tục") }}
        </p>
        {if list.items.is_empty() {
            Either::Left(view! {
                <p class="empty">
                    "Không có thủ tục nào khớp. " <A href="/dich-vu-cong">"Xem tất cả thủ tục"</A>
                </p>
            })
        } else {
            Either::Right(view! {
                <ul class="procedure-list">
                    {list.items.into_iter().map(|item| view! { <ProcedureItem item /> }).collect_view()}
                </ul>
            })
        }}
    }
}

#[component]
fn ProcedureItem(item: ProcedureSummary) -> impl IntoView {
    view! {
        <li class="procedure-item">
            <h2 class="procedure-item-title">
                <A href=procedure_href(&item.code)>{item.name.clone()}</A>
            </h2>
            <dl class="procedure-facts">
                <div><dt>"Lĩnh vực"</dt><dd>{item.field.clone()}</dd></div>
                <div><dt>"Thời hạn"</dt><dd>{item.processing_time.clone()}</dd></div>
                <div><dt>"Lệ phí"</dt><dd>{fee_text(&item.fee)}</dd></div>
                <div><dt>"Mức độ trực tuyến"</dt><dd>{item.online_level.label()}</dd></div>
            </dl>
        </li>
    }
}

/// The portal's wards, each linking to its own catalog.
#[component]
fn WardChoice() -> impl IntoView {
    let children = use_site().children;
    view! {
        <p class="lead">
            "Hồ sơ thủ tục hành chính được nộp và giải quyết tại phường. "
            "Chọn phường nơi bạn cư trú để xem thủ tục và nộp hồ sơ trực tuyến."
        </p>
        <ul class="procedure-wards">
            {children
                .into_iter()
                .map(|child| {
                    let base = child.url.trim_end_matches('/').to_owned();
                    view! {
                        <li>
                            <a href=format!("{base}/dich-vu-cong")>
                                "Dịch vụ công – " {child.name.clone()}
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

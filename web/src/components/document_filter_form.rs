use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use openapi::legal_documents::{DocumentType, Validity};

use crate::api::documents::DocumentFilter;

/// The address of the document list narrowed to `filter`, to share or bookmark.
pub fn document_list_href(filter: &DocumentFilter) -> String {
    let mut href = "/van-ban".to_owned();
    filter.push_params(&mut href);
    href
}

/// The filters of the document list. Applying them changes the address, which the
/// list follows: back and forward step through earlier filters, and a filtered list
/// can be shared.
#[component]
pub fn DocumentFilterForm(
    /// The filter the address names now.
    current: Memo<DocumentFilter>,
) -> impl IntoView {
    let document_type = RwSignal::new(String::new());
    let validity = RwSignal::new(String::new());
    let year = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    // The fields show what the list shows, also after back or forward.
    Effect::new(move |_| {
        let filter = current.get();
        document_type.set(
            filter
                .document_type
                .map(DocumentType::as_str)
                .unwrap_or_default()
                .to_owned(),
        );
        validity.set(
            filter
                .validity
                .map(Validity::as_str)
                .unwrap_or_default()
                .to_owned(),
        );
        year.set(filter.year.map(|year| year.to_string()).unwrap_or_default());
        text.set(filter.text.unwrap_or_default());
    });
    let navigate = use_navigate();
    let apply = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let filter = DocumentFilter::from_query(|name| {
            let field = match name {
                "type" => document_type,
                "validity" => validity,
                "year" => year,
                "q" => text,
                _ => return None,
            };
            Some(field.get_untracked())
        });
        navigate(&document_list_href(&filter), NavigateOptions::default());
    };
    let type_options = DocumentType::ALL
        .map(|kind| {
            view! {
                <option value=kind.as_str() prop:selected=move || document_type.get() == kind.as_str()>
                    {kind.label()}
                </option>
            }
        })
        .collect_view();
    let validity_options = Validity::ALL
        .map(|state| {
            view! {
                <option value=state.as_str() prop:selected=move || validity.get() == state.as_str()>
                    {state.label()}
                </option>
            }
        })
        .collect_view();
    view! {
        <form class="filter-form" role="search" aria-label="Lọc văn bản" on:submit=apply>
            <div class="field">
                <label for="loai-van-ban">"Loại văn bản"</label>
                <select
                    id="loai-van-ban"
                    name="type"
                    on:change=move |event| document_type.set(event_target_value(&event))
                >
                    <option value="" prop:selected=move || document_type.get().is_empty()>
                        "Tất cả"
                    </option>
                    {type_options}
                </select>
            </div>
            <div class="field">
                <label for="hieu-luc">"Hiệu lực"</label>
                <select
                    id="hieu-luc"
                    name="validity"
                    on:change=move |event| validity.set(event_target_value(&event))
                >
                    <option value="" prop:selected=move || validity.get().is_empty()>
                        "Tất cả"
                    </option>
                    {validity_options}
                </select>
            </div>
            <div class="field">
                <label for="nam-ban-hanh">"Năm ban hành"</label>
                <input
                    id="nam-ban-hanh"
                    name="year"
                    type="number"
                    inputmode="numeric"
                    min="1945"
                    max="9999"
                    prop:value=move || year.get()
                    on:input=move |event| year.set(event_target_value(&event))
                />
            </div>
            <div class="field">
                <label for="tu-khoa">"Từ khóa"</label>
                <input
                    id="tu-khoa"
                    name="q"
                    type="search"
                    placeholder="Số ký hiệu, trích yếu…"
                    prop:value=move || text.get()
                    on:input=move |event| text.set(event_target_value(&event))
                />
            </div>
            <div class="form-actions">
                <button type="submit" class="button button-primary">
                    "Lọc văn bản"
                </button>
                {move || {
                    (!current.with(DocumentFilter::is_empty))
                        .then(|| view! { <A href="/van-ban">"Bỏ lọc"</A> })
                }}
            </div>
        </form>
    }
}

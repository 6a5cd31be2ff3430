//! "Xem thêm": the next page of a list, appended below what is shown.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::api::ApiError;
use crate::components::error_message::ErrorMessage;

/// The items of one page and the cursor of the next, if there is one.
pub type Fetched<T> = Result<(Vec<T>, Option<String>), ApiError>;

/// The button that fetches the page after `next_cursor` and appends it to `items`;
/// gone after the last page. An error shows above it and pressing again retries.
#[component]
pub fn LoadMore<T, F, Fut>(
    items: RwSignal<Vec<T>>,
    next_cursor: RwSignal<Option<String>>,
    /// The id of the element whose children are the items (a `ul`, a `tbody`).
    list_id: &'static str,
    /// Fetches the page that starts at the cursor.
    fetch: F,
) -> impl IntoView
where
    T: Send + Sync + 'static,
    F: Fn(String) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Fetched<T>> + 'static,
{
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let load_more = move |_| {
        if pending.get_untracked() {
            return;
        }
        let Some(cursor) = next_cursor.get_untracked() else {
            return;
        };
        let shown = items.with_untracked(Vec::len);
        let page = fetch(cursor);
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let result = page.await;
            pending.set(false);
            match result {
                Ok((more, cursor)) => {
                    items.update(|items| items.extend(more));
                    next_cursor.set(cursor);
                    // The list is drawn on the next tick.
                    request_animation_frame(move || focus_item(list_id, shown + 1));
                }
                Err(failure) => error.set(Some(failure)),
            }
        });
    };
    view! {
        {move || error.get().map(|error| view! { <ErrorMessage error /> })}
        {move || {
            let load_more = load_more.clone();
            next_cursor
                .with(Option::is_some)
                .then(|| {
                    view! {
                        <div class="load-more">
                            <button
                                type="button"
                                class="button button-primary"
                                on:click=load_more
                                aria-disabled=move || pending.get().then_some("true")
                            >
                                "Xem thêm"
                            </button>
                            <span class="loading" role="status">
                                {move || pending.get().then_some("Đang tải…")}
                            </span>
                        </div>
                    }
                })
        }}
    }
}

/// Puts the keyboard on the first link of the `position`-th item (from 1), the first
/// of a page just loaded: a keyboard user reads on from there, and the button they
/// pressed is gone after the last page.
fn focus_item(list_id: &str, position: usize) {
    let selector = format!("#{list_id} > :nth-child({position}) a");
    let link = document()
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<HtmlElement>().ok());
    if let Some(link) = link {
        let _ = link.focus();
    }
}

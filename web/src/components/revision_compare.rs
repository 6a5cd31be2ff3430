use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openapi::content::RevisionDiff;

use crate::api::{self, ApiError};
use crate::components::diff_view::DiffView;
use crate::components::error_message::ErrorMessage;
use crate::state::session::use_session;
use crate::state::site::use_site;

/// Two revisions picked, their differences shown; the newest two to start with.
#[component]
pub fn RevisionCompare(
    item_id: i64,
    /// Newest first.
    numbers: Vec<i32>,
) -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let to = RwSignal::new(numbers.first().copied().unwrap_or(1));
    let from = RwSignal::new(numbers.get(1).copied().unwrap_or(1));
    let diff = RwSignal::new(None::<RevisionDiff>);
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);

    let compare = move |event: SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        // Older first, whichever order they were picked in.
        let (a, b) = (from.get_untracked(), to.get_untracked());
        let (older, newer) = (a.min(b), a.max(b));
        let unit = unit.clone();
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let result = session
                .authorized(move |token| {
                    let unit = unit.clone();
                    async move { api::content::diff(&token, &unit, item_id, older, newer).await }
                })
                .await;
            pending.set(false);
            match result {
                Ok(found) => diff.set(Some(found)),
                Err(failure) => error.set(Some(failure)),
            }
        });
    };

    let options = move |selected: RwSignal<i32>| {
        numbers
            .iter()
            .map(|&number| {
                view! {
                    <option value=number.to_string() prop:selected=move || selected.get() == number>
                        "Bản " {number}
                    </option>
                }
            })
            .collect_view()
    };
    let pick = |signal: RwSignal<i32>| {
        move |event: leptos::ev::Event| {
            if let Ok(number) = event_target_value(&event).parse() {
                signal.set(number);
            }
        }
    };
    view! {
        <section class="revision-compare" aria-labelledby="so-sanh">
            <h2 id="so-sanh">"So sánh hai phiên bản"</h2>
            <form class="form compare-form" on:submit=compare>
                <div class="field">
                    <label for="so-sanh-tu">"Bản cũ"</label>
                    <select id="so-sanh-tu" on:change=pick(from)>{options.clone()(from)}</select>
                </div>
                <div class="field">
                    <label for="so-sanh-den">"Bản mới"</label>
                    <select id="so-sanh-den" on:change=pick(to)>{options(to)}</select>
                </div>
                <div class="form-actions">
                    <button type="submit" class="button button-primary" aria-disabled=move || pending.get().then_some("true")>
                        "Xem khác biệt"
                    </button>
                </div>
            </form>
            {move || error.get().map(|error| view! { <ErrorMessage error /> })}
            <div>{move || diff.get().map(|diff| view! { <DiffView diff /> })}</div>
        </section>
    }
}

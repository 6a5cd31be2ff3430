use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use openapi::content::{RevisionHistoryEntry, RevisionState, TransitionRecord};

use crate::api::{self, ApiError};
use crate::components::date_time_text::DateTimeText;
use crate::components::error_message::ErrorMessage;
use crate::state::flash::use_flash;
use crate::state::session::use_session;
use crate::state::site::use_site;
use crate::text::labels::state_label;

/// One revision of the history: its state, author, every step, and "Khôi phục bản này".
#[component]
pub fn RevisionEntry(item_id: i64, entry: RevisionHistoryEntry, restorable: bool) -> impl IntoView {
    let revision = entry.revision;
    let number = revision.number;
    let heading_id = format!("ban-{number}");
    let labelled_by = heading_id.clone();
    view! {
        <li class="revision">
            <article aria-labelledby=labelled_by>
                <h3 id=heading_id>"Bản " {number} ": " {revision.title}</h3>
                <p class="article-meta">
                    <span class="badge">{state_label(revision.state)}</span>
                    <span>"Tác giả: " {revision.author_name}</span>
                    <span>"Tạo lúc " <DateTimeText at=revision.created_at /></span>
                </p>
                <ol class="transition-list">
                    {entry
                        .transitions
                        .into_iter()
                        .map(|transition| view! { <Transition transition /> })
                        .collect_view()}
                </ol>
                {restorable.then(|| view! { <RestoreButton item_id number /> })}
            </article>
        </li>
    }
}

#[component]
fn Transition(transition: TransitionRecord) -> impl IntoView {
    let step = match transition.from {
        None => format!("tạo bản {}", state_label(transition.to).to_lowercase()),
        Some(from) => format!("{} → {}", state_label(from), state_label(transition.to)),
    };
    let note_label = if transition.to == RevisionState::Returned {
        "Lý do: "
    } else {
        "Ghi chú: "
    };
    let comment = transition
        .comment
        .filter(|comment| !comment.is_empty())
        .map(|comment| view! { <span class="transition-comment">{note_label} {comment}</span> });
    view! {
        <li>
            <DateTimeText at=transition.at /> " — " <strong>{transition.actor_name}</strong> ": " {step}
            {comment}
        </li>
    }
}

/// Makes this revision's text the new draft, which then goes through review again.
#[component]
fn RestoreButton(item_id: i64, number: i32) -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let flash = use_flash();
    let navigate = use_navigate();
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let restore = move |_| {
        if pending.get_untracked() {
            return;
        }
        let unit = unit.clone();
        let navigate = navigate.clone();
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let result = session
                .authorized(move |token| {
                    let unit = unit.clone();
                    async move { api::content::restore(&token, &unit, item_id, number).await }
                })
                .await;
            pending.set(false);
            match result {
                Ok(_) => {
                    let path = format!("/quan-tri/tin-bai/{item_id}");
                    flash.show(
                        path.clone(),
                        format!("Đã khôi phục nội dung bản {number} thành bản nháp mới."),
                    );
                    navigate(&path, Default::default());
                }
                Err(failure) => error.set(Some(failure)),
            }
        });
    };
    view! {
        <div class="form-actions">
            <button
                type="button"
                class="button button-secondary"
                aria-disabled=move || pending.get().then_some("true")
                on:click=restore
            >
                "Khôi phục bản này"
                <span class="visually-hidden">" (bản " {number} ")"</span>
            </button>
        </div>
        {move || error.get().map(|error| view! { <ErrorMessage error /> })}
    }
}

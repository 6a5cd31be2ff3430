//! A download of a file only an account may read: a dossier's PDF documents for its
//! owner, its attached files for staff. Shared by the citizen and staff pages.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiError};
use crate::browser::save_file;
use crate::components::error_message::ErrorMessage;
use crate::state::session::use_session;

/// A button that fetches `path` with the session's token and saves the answer as
/// `file_name`. While it fetches, the button says so and cannot be pressed twice; a
/// refusal (gone, no longer allowed, offline) is shown beside it.
#[component]
pub fn ProtectedDownload(
    /// The API path, e.g. `/api/v1/dossiers/{code}/documents/receipt.pdf`; its
    /// segments already percent-encoded by the caller.
    #[prop(into)]
    path: String,
    /// The name the browser saves the file under, e.g. `tiep-nhan-HS-123.pdf`.
    #[prop(into)]
    file_name: String,
    /// The button's text, e.g. "Tải giấy tiếp nhận (PDF)".
    #[prop(into)]
    label: String,
) -> impl IntoView {
    let session = use_session();
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let path = StoredValue::new(path);
    let file_name = StoredValue::new(file_name);
    let download = move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let path = path.get_value();
            let fetched = session
                .authorized(|token| {
                    let path = path.clone();
                    async move { api::downloads::protected_file(&path, &token).await }
                })
                .await;
            let outcome = fetched.and_then(|blob| {
                save_file::save(&blob, &file_name.get_value())
                    .map_err(|()| ApiError::from_status(500))
            });
            pending.set(false);
            error.set(outcome.err());
        });
    };
    view! {
        <span class="protected-download">
            <button
                type="button"
                class="button button-secondary"
                aria-busy=move || pending.get().then_some("true")
                disabled=move || pending.get()
                on:click=download
            >
                {move || if pending.get() { "Đang tải…".to_owned() } else { label.clone() }}
            </button>
            {move || error.get().map(|error| view! { <ErrorMessage error /> })}
        </span>
    }
}

//! A download of a file only staff (or its owner) may fetch: a plain link cannot send
//! the access token, so the file is fetched, kept as a `Blob`, and saved through a
//! temporary `<a download>` pointing at an object URL.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::{Blob, HtmlAnchorElement, Url};

use crate::api::{self, ApiError};
use crate::components::error_message::ErrorMessage;
use crate::state::session::use_session;

/// A button "Tải xuống" (named with the file for screen readers) that saves the file
/// at `url` (an API path) as `filename`.
#[component]
pub fn ProtectedDownload(
    #[prop(into)] url: String,
    #[prop(into)] filename: String,
) -> impl IntoView {
    let session = use_session();
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let label = format!("Tải xuống {filename}");
    let download = move |_| {
        if pending.get_untracked() {
            return;
        }
        let (url, filename) = (url.clone(), filename.clone());
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let result = session
                .authorized(|token| {
                    let url = url.clone();
                    async move { api::dossiers_staff::download(&token, &url).await }
                })
                .await;
            pending.try_set(false);
            if let Err(failure) = result.and_then(|blob| save(&blob, &filename)) {
                error.try_set(Some(failure));
            }
        });
    };
    view! {
        <button
            type="button"
            class="button button-secondary dossier-small-button"
            aria-label=label
            aria-disabled=move || pending.get().then_some("true")
            on:click=download
        >
            {move || if pending.get() { "Đang tải…" } else { "Tải xuống" }}
        </button>
        {move || error.get().map(|error| view! { <ErrorMessage error /> })}
    }
}

/// Hands `blob` to the browser as a download named `filename`.
fn save(blob: &Blob, filename: &str) -> Result<(), ApiError> {
    let failed = |_| ApiError::from_status(500);
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or(ApiError::from_status(500))?;
    let object_url = Url::create_object_url_with_blob(blob).map_err(failed)?;
    let link: HtmlAnchorElement = document
        .create_element("a")
        .map_err(failed)?
        .unchecked_into();
    link.set_href(&object_url);
    link.set_download(filename);
    link.set_hidden(true);
    let body = document.body().ok_or(ApiError::from_status(500))?;
    let _ = body.append_child(&link);
    link.click();
    let _ = body.remove_child(&link);
    // Some browsers read the object URL after the click returns; free it a little later.
    set_timeout(
        move || {
            let _ = Url::revoke_object_url(&object_url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

//! A GeoJSON file chosen in the console and read in the browser: its JSON goes into
//! the request (a planning item's zones, a unit's boundary), nothing is uploaded until
//! the form is sent. A file that is not JSON is said at once; the server's judgment of
//! the geometry shows in the same place.

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, HtmlInputElement};

use crate::components::field_message::message_id;
use crate::text::geojson::read_geojson;

/// Larger than any ward's boundary at survey precision (the server counts points).
const MAX_BYTES: f64 = 8.0 * 1024.0 * 1024.0;

async fn file_text(file: &File) -> Result<String, String> {
    if file.size() > MAX_BYTES {
        return Err("Tệp quá lớn: tối đa 8 MB; hãy đơn giản hóa ranh giới.".to_owned());
    }
    JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| "Không đọc được tệp này.".to_owned())
}

#[component]
pub fn GeoJsonFileField(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    /// The server's message for what the file held.
    message: Signal<Option<String>>,
    disabled: Signal<bool>,
    /// The file's name and its JSON, once read.
    on_read: Callback<(String, Value)>,
) -> impl IntoView {
    let local = RwSignal::new(None::<String>);
    let reading = RwSignal::new(false);
    // The server's message was about the file sent before: a new one hides it, until
    // the server answers again.
    let answered = Memo::new(move |_| message.get());
    let stale = RwSignal::new(false);
    Effect::new(move || {
        answered.track();
        stale.set(false);
    });
    let shown = Signal::derive(move || {
        local
            .get()
            .or_else(|| answered.get().filter(|_| !stale.get()))
    });
    let hint_id = format!("{id}-huong-dan");
    let error_id = message_id(id);

    let on_change = move |event: leptos::ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // The same file can be chosen again once it is corrected.
        input.set_value("");
        reading.set(true);
        local.set(None);
        spawn_local(async move {
            let read = file_text(&file).await.and_then(|text| read_geojson(&text));
            reading.set(false);
            match read {
                Ok(value) => {
                    stale.set(true);
                    on_read.run((file.name(), value));
                }
                Err(problem) => local.set(Some(problem)),
            }
        });
    };

    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if shown.get().is_some() {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    view! {
        <div class="field upload-field geojson-field">
            <label for=id>{label}</label>
            <input
                id=id
                type="file"
                accept=".geojson,.json,application/geo+json,application/json"
                aria-describedby=described
                aria-invalid=move || shown.get().map(|_| "true")
                disabled=move || disabled.get() || reading.get()
                on:change=on_change
            />
            <p id=hint_id class="field-hint">{hint}</p>
            {move || shown.get().map(|text| view! {
                <p id=error_id.clone() class="field-error">{text}</p>
            })}
            <div role="status">
                {move || reading.get().then(|| view! { <p class="loading">"Đang đọc tệp…"</p> })}
            </div>
        </div>
    }
}

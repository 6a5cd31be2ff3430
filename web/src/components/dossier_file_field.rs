//! One `file` field of a dossier form: up to five files (a document photographed page
//! by page, or a PDF), each uploaded as soon as it is chosen, listed by name with its
//! status and its own "Xóa" button, and handed to the form by upload id.

use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openapi::procedures::{FormField, MAX_FILES_PER_FIELD};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};

use crate::api;
use crate::components::error_message::ErrorMessage;
use crate::components::field_message::message_id;
use crate::components::photo_field::{Photo, PhotoState};
use crate::state::session::use_session;
use crate::text::citizen_dossiers::{accept_attribute, accepts, field_hint, field_input_id};

/// A file of a draft the citizen saved earlier: the draft keeps only its id.
pub fn saved_file(key: u32, id: String) -> Photo {
    Photo {
        key,
        name: "Tệp đã tải lên trước đó".to_owned(),
        state: PhotoState::Uploaded(id),
    }
}

#[component]
pub fn DossierFileField(
    field: FormField,
    files: RwSignal<Vec<Photo>>,
    locked: Signal<bool>,
    message: Signal<Option<String>>,
) -> impl IntoView {
    let session = use_session();
    let input_id = field_input_id(&field.key);
    let hint_id = format!("{input_id}-huong-dan");
    let error_id = message_id(&input_id);
    let accept = field.accept.clone();
    let next_key = StoredValue::new(
        files.with_untracked(|files| files.iter().map(|file| file.key + 1).max().unwrap_or(0)),
    );
    let notice = RwSignal::new(None::<String>);

    let on_change = move |event: leptos::ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(chosen) = input.files() else {
            return;
        };
        let chosen: Vec<web_sys::File> =
            (0..chosen.length()).filter_map(|i| chosen.get(i)).collect();
        // The same file can be chosen again after removing it.
        input.set_value("");
        let room = MAX_FILES_PER_FIELD.saturating_sub(files.with_untracked(Vec::len));
        let (taken, wrong_kind): (Vec<_>, Vec<_>) = chosen
            .into_iter()
            .partition(|file| accepts(&accept, &file.type_()));
        let over = taken.len().saturating_sub(room);
        notice.set(skipped_notice(wrong_kind.len(), over));
        for file in taken.into_iter().take(room) {
            let key = next_key.get_value();
            next_key.set_value(key + 1);
            files.update(|files| {
                files.push(Photo {
                    key,
                    name: file.name(),
                    state: PhotoState::Uploading,
                })
            });
            spawn_local(async move {
                let uploaded = session
                    .authorized(|token| {
                        let file = file.clone();
                        async move { api::uploads::upload_as(&token, &file).await }
                    })
                    .await;
                let state = match uploaded {
                    Ok(upload) => PhotoState::Uploaded(upload.id),
                    Err(error) => PhotoState::Failed(error),
                };
                files.update(|files| {
                    if let Some(file) = files.iter_mut().find(|file| file.key == key) {
                        file.state = state;
                    }
                });
            });
        }
    };

    let focus_id = input_id.clone();
    let remove = Callback::new(move |key: u32| {
        files.update(|files| files.retain(|file| file.key != key));
        notice.set(None);
        // The button pressed is gone: the keyboard goes back to the picker.
        if let Some(input) = document()
            .get_element_by_id(&focus_id)
            .and_then(|element| element.dyn_into::<HtmlElement>().ok())
        {
            let _ = input.focus();
        }
    });
    let full = move || files.with(Vec::len) >= MAX_FILES_PER_FIELD;
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || match message.get() {
            Some(_) => format!("{hint_id} {error_id}"),
            None => hint_id.clone(),
        }
    };
    let hint = field_hint(&field).unwrap_or_default();
    let label = field.label.clone();
    view! {
        <div class="field dossier-file-field">
            <label for=input_id.clone()>
                {field.label.clone()}
                {(!field.required).then_some(" (không bắt buộc)")}
            </label>
            <input
                id=input_id
                type="file"
                accept=accept_attribute(&field.accept)
                multiple
                required=field.required
                aria-describedby=described
                aria-invalid=move || message.get().map(|_| "true")
                disabled=move || locked.get() || full()
                on:change=on_change
            />
            <p id=hint_id class="field-hint">
                {hint} " Tệp được gửi ngay khi chọn. "
                {move || format!("Đã chọn {}/{MAX_FILES_PER_FIELD} tệp.", files.with(Vec::len))}
            </p>
            {move || message.get().map(|text| view! {
                <p id=error_id.clone() class="field-error">{text}</p>
            })}
            <div role="status">
                {move || notice.get().map(|text| view! { <p class="field-error">{text}</p> })}
            </div>
            <ul class="file-list">
                <For each=move || files.get() key=|file: &Photo| (file.key, stage(&file.state)) let:file>
                    <FileItem file remove locked field_label=label.clone() />
                </For>
            </ul>
        </div>
    }
}

#[component]
fn FileItem(
    file: Photo,
    remove: Callback<u32>,
    locked: Signal<bool>,
    field_label: String,
) -> impl IntoView {
    let key = file.key;
    let status = match file.state {
        PhotoState::Uploading => EitherOf3::A(view! {
            <span class="loading">"Đang tải lên…"</span>
        }),
        PhotoState::Uploaded(_) => {
            EitherOf3::B(view! { <span class="success">"Đã tải lên"</span> })
        }
        PhotoState::Failed(error) => EitherOf3::C(view! { <ErrorMessage error /> }),
    };
    view! {
        <li class="file-item">
            <span class="file-name">{file.name.clone()}</span>
            {status}
            <button
                type="button"
                class="button button-secondary button-small"
                aria-label=format!("Xóa {} – {}", file.name, field_label)
                disabled=move || locked.get()
                on:click=move |_| remove.run(key)
            >
                "Xóa"
            </button>
        </li>
    }
}

/// Redraws an item when its upload finishes, not on every change of the list.
fn stage(state: &PhotoState) -> u8 {
    match state {
        PhotoState::Uploading => 0,
        PhotoState::Uploaded(_) => 1,
        PhotoState::Failed(_) => 2,
    }
}

fn skipped_notice(wrong_kind: usize, over: usize) -> Option<String> {
    let mut parts = Vec::new();
    if wrong_kind > 0 {
        parts.push(format!(
            "Đã bỏ qua {wrong_kind} tệp không đúng loại giấy tờ này nhận."
        ));
    }
    if over > 0 {
        parts.push(format!(
            "Đã bỏ qua {over} tệp vì mỗi giấy tờ nhận tối đa {MAX_FILES_PER_FIELD} tệp."
        ));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

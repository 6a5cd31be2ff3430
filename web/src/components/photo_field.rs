//! Up to five photos of a feedback: each uploaded as soon as it is chosen, shown as a
//! preview with its own "Xóa" button, and handed to the form by upload id.

use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, HtmlElement, HtmlInputElement};

use crate::api::{self, ApiError};
use crate::browser::photo_preview;
use crate::components::error_message::ErrorMessage;
use crate::components::field_message::message_id;

use openapi::uploads::MAX_PHOTOS;

const ACCEPT: &str = "image/jpeg,image/png,image/webp";
const INPUT_ID: &str = "anh";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoState {
    Uploading,
    Uploaded(String),
    Failed(ApiError),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    /// Distinguishes two photos of the same name; never sent.
    pub key: u32,
    pub name: String,
    pub state: PhotoState,
}

/// The ids of the photos stored so far, in the order they were chosen.
pub fn uploaded_ids(photos: &[Photo]) -> Vec<String> {
    photos
        .iter()
        .filter_map(|photo| match &photo.state {
            PhotoState::Uploaded(id) => Some(id.clone()),
            _ => None,
        })
        .collect()
}

pub fn any_uploading(photos: &[Photo]) -> bool {
    photos
        .iter()
        .any(|photo| photo.state == PhotoState::Uploading)
}

fn canvas_id(key: u32) -> String {
    format!("anh-xem-truoc-{key}")
}

#[component]
pub fn PhotoField(
    photos: RwSignal<Vec<Photo>>,
    locked: Signal<bool>,
    /// The server's message about the photos, if any.
    message: Signal<Option<String>>,
) -> impl IntoView {
    let next_key = StoredValue::new(0_u32);
    let notice = RwSignal::new(None::<String>);
    let hint_id = format!("{INPUT_ID}-huong-dan");

    let on_change = move |event: leptos::ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(files) = input.files() else {
            return;
        };
        let chosen: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        // The same photo can be chosen again after removing it.
        input.set_value("");
        let room = MAX_PHOTOS.saturating_sub(photos.with_untracked(Vec::len));
        let mut skipped_kind = 0;
        let mut taken = Vec::new();
        for file in chosen {
            if !ACCEPT.split(',').any(|kind| kind == file.type_()) {
                skipped_kind += 1;
            } else {
                taken.push(file);
            }
        }
        let over = taken.len().saturating_sub(room);
        taken.truncate(room);
        notice.set(skipped_notice(skipped_kind, over));
        for file in taken {
            let key = next_key.get_value();
            next_key.set_value(key + 1);
            photos.update(|photos| {
                photos.push(Photo {
                    key,
                    name: file.name(),
                    state: PhotoState::Uploading,
                })
            });
            let preview = file.clone();
            // The canvas exists once the list has been drawn.
            request_animation_frame(move || {
                spawn_local(async move {
                    let canvas = document()
                        .get_element_by_id(&canvas_id(key))
                        .and_then(|element| element.dyn_into::<HtmlCanvasElement>().ok());
                    if let Some(canvas) = canvas {
                        // A photo the browser cannot draw still goes; the server decides.
                        let _ = photo_preview::draw(&preview, &canvas).await;
                    }
                });
            });
            spawn_local(async move {
                let state = match api::uploads::upload(&file).await {
                    Ok(upload) => PhotoState::Uploaded(upload.id),
                    Err(error) => PhotoState::Failed(error),
                };
                photos.update(|photos| {
                    if let Some(photo) = photos.iter_mut().find(|photo| photo.key == key) {
                        photo.state = state;
                    }
                });
            });
        }
    };

    let remove = move |key: u32| {
        photos.update(|photos| photos.retain(|photo| photo.key != key));
        notice.set(None);
        // The button pressed is gone: the keyboard goes back to the picker.
        if let Some(input) = document()
            .get_element_by_id(INPUT_ID)
            .and_then(|element| element.dyn_into::<HtmlElement>().ok())
        {
            let _ = input.focus();
        }
    };

    let full = move || photos.with(Vec::len) >= MAX_PHOTOS;
    let described = {
        let hint_id = hint_id.clone();
        move || {
            if message.get().is_some() {
                format!("{hint_id} {}", message_id(INPUT_ID))
            } else {
                hint_id.clone()
            }
        }
    };
    view! {
        <fieldset class="photo-field">
            <legend>"Hình ảnh (không bắt buộc)"</legend>
            <div class="field">
                <label for=INPUT_ID>"Chọn ảnh"</label>
                <input
                    id=INPUT_ID
                    type="file"
                    accept=ACCEPT
                    multiple
                    aria-describedby=described
                    aria-invalid=move || message.get().map(|_| "true")
                    disabled=move || locked.get() || full()
                    on:change=on_change
                />
                <p id=hint_id class="field-hint">
                    "Tối đa 5 ảnh JPG, PNG hoặc WebP. Ảnh được gửi ngay khi chọn; vị trí chụp ghi trong ảnh sẽ được xóa. "
                    {move || format!("Đã chọn {}/{MAX_PHOTOS} ảnh.", photos.with(Vec::len))}
                </p>
                {move || message.get().map(|text| view! {
                    <p id=message_id(INPUT_ID) class="field-error">{text}</p>
                })}
                <div role="status">
                    {move || notice.get().map(|text| view! { <p class="field-error">{text}</p> })}
                </div>
            </div>
            <ul class="photo-list">
                <For
                    each=move || photos.get()
                    // By key alone: a finished upload must not redraw the preview.
                    key=|photo: &Photo| photo.key
                    let:photo
                >
                    <PhotoItem key=photo.key name=photo.name photos remove locked />
                </For>
            </ul>
        </fieldset>
    }
}

fn skipped_notice(wrong_kind: usize, over: usize) -> Option<String> {
    let mut parts = Vec::new();
    if wrong_kind > 0 {
        parts.push(format!(
            "Đã bỏ qua {wrong_kind} tệp không phải ảnh JPG, PNG hoặc WebP."
        ));
    }
    if over > 0 {
        parts.push(format!(
            "Chỉ gửi được tối đa {MAX_PHOTOS} ảnh: đã bỏ qua {over} ảnh."
        ));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

#[component]
fn PhotoItem(
    key: u32,
    name: String,
    photos: RwSignal<Vec<Photo>>,
    remove: impl Fn(u32) + Copy + Send + Sync + 'static,
    locked: Signal<bool>,
) -> impl IntoView {
    let state = move || {
        photos.with(|photos| {
            photos
                .iter()
                .find(|photo| photo.key == key)
                .map(|photo| photo.state.clone())
        })
    };
    let status = move || match state() {
        Some(PhotoState::Uploading) | None => {
            EitherOf3::A(view! { <p class="loading">"Đang tải lên…"</p> })
        }
        Some(PhotoState::Uploaded(_)) => {
            EitherOf3::B(view! { <p class="success">"Đã tải lên."</p> })
        }
        Some(PhotoState::Failed(error)) => EitherOf3::C(view! { <ErrorMessage error /> }),
    };
    let label = format!("Ảnh xem trước: {name}");
    view! {
        <li class="photo-item">
            <canvas id=canvas_id(key) class="photo-preview" role="img" aria-label=label width="1" height="1"></canvas>
            <div class="photo-info">
                <p class="photo-name">{name.clone()}</p>
                <div role="status">{status}</div>
                <button
                    type="button"
                    class="button button-quiet"
                    disabled=move || locked.get()
                    on:click=move |_| remove(key)
                >
                    "Xóa ảnh"
                    <span class="visually-hidden">" " {name}</span>
                </button>
            </div>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn photo(key: u32, state: PhotoState) -> Photo {
        Photo {
            key,
            name: format!("anh-{key}.jpg"),
            state,
        }
    }

    #[test]
    fn only_stored_photos_are_sent_in_the_order_chosen() {
        let photos = [
            photo(0, PhotoState::Uploaded("b".into())),
            photo(1, PhotoState::Uploading),
            photo(2, PhotoState::Failed(ApiError::Network)),
            photo(3, PhotoState::Uploaded("a".into())),
        ];
        assert_eq!(uploaded_ids(&photos), ["b", "a"]);
        assert!(any_uploading(&photos));
    }

    #[test]
    fn skipped_files_are_explained_by_reason() {
        assert_eq!(skipped_notice(0, 0), None);
        assert_eq!(
            skipped_notice(1, 2).unwrap(),
            "Đã bỏ qua 1 tệp không phải ảnh JPG, PNG hoặc WebP. Chỉ gửi được tối đa 5 ảnh: đã bỏ qua 2 ảnh."
        );
    }
}

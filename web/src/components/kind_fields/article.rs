//! Articles: the cover image, uploaded and kept by its key.

use leptos::prelude::*;
use openapi::attachments::{Attachment, file_url};
use openapi::content::ContentDetails;

use crate::api::ApiError;
use crate::components::field_message::path_message;
use crate::components::upload_field::UploadField;

#[derive(Clone, Copy)]
pub struct CoverForm {
    pub key: RwSignal<Option<String>>,
}

impl CoverForm {
    pub fn new(details: &ContentDetails) -> CoverForm {
        CoverForm {
            key: RwSignal::new(details.cover_image.clone()),
        }
    }

    pub fn read(self) -> Option<String> {
        self.key.get_untracked()
    }
}

#[component]
pub fn CoverImageField(
    form: CoverForm,
    locked: Signal<bool>,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    let message = path_message(error, "details.cover_image".to_owned());
    let on_uploaded = Callback::new(move |uploaded: Attachment| form.key.set(Some(uploaded.key)));
    view! {
        <div class="kind-fields">
            {move || form.key.get().map(|key| view! {
                <figure class="cover-preview">
                    <img src=file_url(&key) alt="Ảnh đại diện đang chọn" />
                    <figcaption>
                        <button
                            type="button"
                            class="button button-quiet"
                            disabled=move || locked.get()
                            on:click=move |_| form.key.set(None)
                        >
                            "Gỡ ảnh đại diện"
                        </button>
                    </figcaption>
                </figure>
            })}
            <UploadField
                id="anh-dai-dien"
                label="Ảnh đại diện"
                accept="image/jpeg,image/png,image/webp"
                hint="Ảnh JPG, PNG hoặc WebP, hiện ở đầu tin bài và trong danh sách tin."
                images_only=true
                on_uploaded
                disabled=locked
                message
            />
        </div>
    }
}

//! One file for a field of the item (a cover image, a document's full text): uploaded
//! to the unit at once, its key handed to `on_uploaded`.

use leptos::either::EitherOf4;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openapi::attachments::Attachment;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::api::{self, ApiError};
use crate::components::error_message::ErrorMessage;
use crate::components::field_message::message_id;
use crate::state::session::use_session;
use crate::state::site::use_site;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Upload {
    Idle,
    Sending(String),
    Done(String),
    Failed(ApiError),
    /// Stored, but not what this field takes (a PDF chosen as a cover image).
    WrongType,
}

#[component]
pub fn UploadField(
    #[prop(into)] id: String,
    label: &'static str,
    /// The `accept` list of the file picker.
    accept: &'static str,
    hint: &'static str,
    /// Only images are taken (checked on the type the server found in the bytes).
    #[prop(optional)]
    images_only: bool,
    /// What the status says once the file is stored ("Đã tải lên tệp.pdf.").
    #[prop(default = "Đã tải lên ")]
    done: &'static str,
    on_uploaded: Callback<Attachment>,
    disabled: Signal<bool>,
    message: Signal<Option<String>>,
) -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let upload = RwSignal::new(Upload::Idle);
    let hint_id = format!("{id}-huong-dan");
    let error_id = message_id(&id);

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
        // The same file can be chosen again after a failure.
        input.set_value("");
        let unit = unit.clone();
        upload.set(Upload::Sending(file.name()));
        spawn_local(async move {
            let result = session
                .authorized(move |token| {
                    let unit = unit.clone();
                    let file = file.clone();
                    async move { api::attachments::upload(&token, &unit, &file).await }
                })
                .await;
            match result {
                Ok(uploaded) if images_only && !uploaded.content_type.starts_with("image/") => {
                    upload.set(Upload::WrongType);
                }
                Ok(uploaded) => {
                    upload.set(Upload::Done(uploaded.filename.clone()));
                    on_uploaded.run(uploaded);
                }
                Err(error) => upload.set(Upload::Failed(error)),
            }
        });
    };

    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if message.get().is_some() {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    view! {
        <div class="field upload-field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="file"
                accept=accept
                aria-describedby=described
                aria-invalid=move || message.get().map(|_| "true")
                disabled=move || disabled.get() || matches!(upload.get(), Upload::Sending(_))
                on:change=on_change
            />
            <p id=hint_id class="field-hint">{hint}</p>
            {move || message.get().map(|text| view! {
                <p id=error_id.clone() class="field-error">{text}</p>
            })}
            <div role="status">
                {move || match upload.get() {
                    Upload::Idle => None,
                    Upload::Sending(name) => Some(EitherOf4::A(view! {
                        <p class="loading">"Đang tải lên " {name} "…"</p>
                    })),
                    Upload::Done(name) => Some(EitherOf4::B(view! {
                        <p class="success">{done} {name} "."</p>
                    })),
                    Upload::Failed(error) => Some(EitherOf4::C(view! { <ErrorMessage error /> })),
                    Upload::WrongType => Some(EitherOf4::D(view! {
                        <p class="field-error">"Tệp này không phải ảnh: hãy chọn ảnh JPG, PNG hoặc WebP."</p>
                    })),
                }}
            </div>
        </div>
    }
}

use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::api::{self, ApiError};
use crate::components::error_message::ErrorMessage;
use crate::state::session::use_session;
use crate::state::site::use_site;

const INPUT_ID: &str = "dinh-kem";

#[derive(Debug, Clone, PartialEq, Eq)]
enum Upload {
    Idle,
    Sending(String),
    Done(String),
    Failed(ApiError),
}

/// "Đính kèm tệp": uploads the chosen file to the unit and hands the Markdown that
/// links it (or shows it, for an image) to `on_uploaded`.
#[component]
pub fn AttachmentInput(
    on_uploaded: Callback<String>,
    #[prop(into)] disabled: Signal<bool>,
) -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let upload = RwSignal::new(Upload::Idle);

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
                Ok(uploaded) => {
                    on_uploaded.run(api::attachments::markdown_link(&uploaded));
                    upload.set(Upload::Done(uploaded.filename));
                }
                Err(error) => upload.set(Upload::Failed(error)),
            }
        });
    };

    view! {
        <div class="field attachment-field">
            <label for=INPUT_ID>"Đính kèm tệp"</label>
            <input
                id=INPUT_ID
                type="file"
                accept="image/jpeg,image/png,image/webp,application/pdf,.doc,.docx,.xls,.xlsx"
                aria-describedby="dinh-kem-huong-dan"
                disabled=move || disabled.get() || matches!(upload.get(), Upload::Sending(_))
                on:change=on_change
            />
            <p id="dinh-kem-huong-dan" class="field-hint">
                "Ảnh (JPG, PNG, WebP), PDF, Word hoặc Excel. Liên kết tới tệp được thêm vào cuối nội dung."
            </p>
            <div role="status">
                {move || match upload.get() {
                    Upload::Idle => None,
                    Upload::Sending(name) => Some(EitherOf3::A(view! {
                        <p class="loading">"Đang tải lên " {name} "…"</p>
                    })),
                    Upload::Done(name) => Some(EitherOf3::B(view! {
                        <p class="success">"Đã đính kèm " {name} "."</p>
                    })),
                    Upload::Failed(error) => Some(EitherOf3::C(view! { <ErrorMessage error /> })),
                }}
            </div>
        </div>
    }
}

use leptos::prelude::*;
use openapi::attachments::Attachment;

use crate::api;
use crate::components::upload_field::UploadField;

/// "Đính kèm tệp": uploads the chosen file to the unit and hands the Markdown that
/// links it (or shows it, for an image) to `on_uploaded`.
#[component]
pub fn AttachmentInput(
    on_uploaded: Callback<String>,
    #[prop(into)] disabled: Signal<bool>,
) -> impl IntoView {
    let linked = Callback::new(move |uploaded: Attachment| {
        on_uploaded.run(api::attachments::markdown_link(&uploaded));
    });
    view! {
        <UploadField
            id="dinh-kem"
            label="Đính kèm tệp"
            accept="image/jpeg,image/png,image/webp,application/pdf,.doc,.docx,.xls,.xlsx"
            hint="Ảnh (JPG, PNG, WebP), PDF, Word hoặc Excel. Liên kết tới tệp được thêm vào cuối nội dung."
            done="Đã đính kèm "
            on_uploaded=linked
            disabled
            message=Signal::derive(|| None)
        />
    }
}

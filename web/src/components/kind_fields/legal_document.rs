//! Legal documents: the register fields a citizen looks a document up by, and its full
//! text. Also the document part of a planning item (`prefix` says where it sits).

use chrono::NaiveDate;
use leptos::prelude::*;
use openapi::FieldError;
use openapi::attachments::{Attachment, file_url};
use openapi::legal_documents::{DocumentFields, DocumentType, Validity};

use crate::api::ApiError;
use crate::components::field_message::{GroupMessage, path_message};
use crate::components::text_field::{Input, SelectField, TextField};
use crate::components::upload_field::UploadField;
use crate::text::form_values::{day_text, read_day};

#[derive(Clone, Copy)]
pub struct DocumentForm {
    pub number: RwSignal<String>,
    pub document_type: RwSignal<DocumentType>,
    pub issuer: RwSignal<String>,
    pub signer: RwSignal<String>,
    pub issued_on: RwSignal<String>,
    pub effective_on: RwSignal<String>,
    pub validity: RwSignal<Validity>,
    pub replaced_by: RwSignal<String>,
    pub file: RwSignal<Option<String>>,
    /// The uploaded file's own name, while this page knows it.
    pub file_name: RwSignal<Option<String>>,
}

impl DocumentForm {
    pub fn new(fields: Option<&DocumentFields>) -> DocumentForm {
        let text = |pick: fn(&DocumentFields) -> String| {
            RwSignal::new(fields.map(pick).unwrap_or_default())
        };
        DocumentForm {
            number: text(|f| f.number.clone()),
            document_type: RwSignal::new(
                fields.map_or(DocumentType::QuyetDinh, |f| f.document_type),
            ),
            issuer: text(|f| f.issuer.clone()),
            signer: text(|f| f.signer.clone()),
            issued_on: text(|f| day_text(f.issued_on)),
            effective_on: text(|f| f.effective_on.map(day_text).unwrap_or_default()),
            validity: RwSignal::new(fields.map_or(Validity::InForce, |f| f.validity)),
            replaced_by: text(|f| f.replaced_by.clone().unwrap_or_default()),
            file: RwSignal::new(fields.and_then(|f| f.file.clone())),
            file_name: RwSignal::new(None),
        }
    }

    /// The fields as typed, for the contract's parse; a date that cannot be read is
    /// reported in `errors` and stands in as the earliest day, so every other problem
    /// is still found in the same pass.
    pub fn read(self, prefix: &str, errors: &mut Vec<FieldError>) -> DocumentFields {
        let at = |name: &str| format!("{prefix}.{name}");
        let issued_on = read_day(
            &self.issued_on.get_untracked(),
            &at("issued_on"),
            true,
            errors,
        );
        let effective_on = read_day(
            &self.effective_on.get_untracked(),
            &at("effective_on"),
            false,
            errors,
        );
        let validity = self.validity.get_untracked();
        DocumentFields {
            number: self.number.get_untracked(),
            document_type: self.document_type.get_untracked(),
            issuer: self.issuer.get_untracked(),
            signer: self.signer.get_untracked(),
            issued_on: issued_on.unwrap_or(NaiveDate::MIN),
            effective_on,
            validity,
            // Only a replaced document names its replacement; a slug typed before the
            // choice changed is not sent.
            replaced_by: (validity == Validity::Replaced).then(|| self.replaced_by.get_untracked()),
            file: self.file.get_untracked(),
        }
    }
}

#[component]
pub fn DocumentFieldsEditor(
    form: DocumentForm,
    /// Where the fields sit in the request: `details.document`.
    prefix: &'static str,
    /// What the inputs' ids start with.
    id_prefix: &'static str,
    locked: Signal<bool>,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    let message = move |name: &str| path_message(error, format!("{prefix}.{name}"));
    let id = move |name: &str| format!("{id_prefix}-{name}");
    let on_uploaded = Callback::new(move |uploaded: Attachment| {
        form.file.set(Some(uploaded.key));
        form.file_name.set(Some(uploaded.filename));
    });
    view! {
        <fieldset class="kind-fields document-fields">
            <legend>"Thông tin văn bản"</legend>
            <GroupMessage message=path_message(error, prefix.to_owned()) />
            <TextField
                id=id("so-ky-hieu")
                label="Số ký hiệu"
                value=form.number
                message=message("number")
                locked
                placeholder="125/QĐ-UBND"
            />
            <SelectField
                id=id("loai")
                label="Loại văn bản"
                value=form.document_type
                options=DocumentType::ALL.into_iter().map(|t| (t, t.label().to_owned())).collect()
                locked
                message=message("document_type")
            />
            <TextField
                id=id("co-quan")
                label="Cơ quan ban hành"
                value=form.issuer
                message=message("issuer")
                locked
                placeholder="Ủy ban nhân dân Phường 1"
            />
            <TextField id=id("nguoi-ky") label="Người ký" value=form.signer message=message("signer") locked />
            <TextField
                id=id("ngay-ban-hanh")
                label="Ngày ban hành (ngày/tháng/năm)"
                value=form.issued_on
                message=message("issued_on")
                locked
                input=Input::Numeric
                placeholder="05/12/2026"
            />
            <TextField
                id=id("ngay-hieu-luc")
                label="Ngày hiệu lực (ngày/tháng/năm)"
                value=form.effective_on
                message=message("effective_on")
                locked
                input=Input::Numeric
                placeholder="05/12/2026"
                hint="Để trống nếu văn bản có hiệu lực từ ngày ký."
            />
            <SelectField
                id=id("hieu-luc")
                label="Hiệu lực"
                value=form.validity
                options=Validity::ALL.into_iter().map(|v| (v, v.label().to_owned())).collect()
                locked
                message=message("validity")
            />
            {move || (form.validity.get() == Validity::Replaced).then(|| view! {
                <TextField
                    id=id("thay-the")
                    label="Văn bản thay thế"
                    value=form.replaced_by
                    message=message("replaced_by")
                    locked
                    hint="Đường dẫn của văn bản thay thế, ví dụ qd-130-2026."
                />
            })}
            {move || form.file.get().map(|key| {
                let name = form.file_name.get().unwrap_or_else(|| key.clone());
                view! {
                    <p class="uploaded-file">
                        "Tệp toàn văn: " <a href=file_url(&key)>{name}</a> " "
                        <button
                            type="button"
                            class="button button-quiet"
                            disabled=move || locked.get()
                            on:click=move |_| {
                                form.file.set(None);
                                form.file_name.set(None);
                            }
                        >
                            "Gỡ tệp"
                        </button>
                    </p>
                }
            })}
            <UploadField
                id=if prefix == "details.document" { "tep-toan-van" } else { "quy-hoach-tep-toan-van" }
                label="Tệp toàn văn"
                accept="application/pdf,.doc,.docx"
                hint="Bản PDF hoặc Word của văn bản, để người dân tải về."
                on_uploaded
                disabled=locked
                message=message("file")
            />
        </fieldset>
    }
}

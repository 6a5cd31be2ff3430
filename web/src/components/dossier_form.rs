//! A procedure's online form, drawn from its fields: checked in the browser with the
//! contract's `check_form` (the server's own check), each problem beside its field
//! and the first one focused; saved as a draft or filed once per form content.

use std::collections::BTreeMap;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openapi::FieldError;
use openapi::dossiers::{Dossier, NewDossierDraft, SubmitDossier, UpdateDossierDraft};
use openapi::procedures::{Completeness, FieldType, FormField, Procedure, check_form};
use wasm_bindgen::JsCast;

use crate::api::{self, ApiError};
use crate::browser::random::new_idempotency_key;
use crate::components::dossier_file_field::{DossierFileField, saved_file};
use crate::components::error_message::ErrorMessage;
use crate::components::field_message::message_id;
use crate::components::photo_field::{Photo, any_uploading, uploaded_ids};
use crate::state::session::use_session;
use crate::text::attempt::Attempt;
use crate::text::citizen_dossiers::{Answers, field_hint, field_input_id, input_mode, input_type};

/// Each field's input state: typed text, or the files of a file field.
#[derive(Clone, Copy)]
enum Input {
    Text(RwSignal<String>),
    Files(RwSignal<Vec<Photo>>),
}

#[component]
pub fn DossierForm(
    procedure: Procedure,
    /// The answers to start from (a resumed draft's), else empty.
    initial: Answers,
    /// The draft being finished, if any: "Lưu nháp" updates it, filing deletes it.
    draft_id: Option<i64>,
    on_filed: Callback<Dossier>,
) -> impl IntoView {
    let session = use_session();
    let unit = procedure.unit.slug.clone();
    let code = procedure.definition.code.clone();
    let fields = StoredValue::new(procedure.definition.form.clone());
    let inputs: StoredValue<BTreeMap<String, Input>> = StoredValue::new(
        procedure
            .definition
            .form
            .iter()
            .map(|field| {
                let input = if field.field_type == FieldType::File {
                    let ids = initial.files.get(&field.key).cloned().unwrap_or_default();
                    let files = ids
                        .into_iter()
                        .enumerate()
                        .map(|(index, id)| saved_file(index as u32, id))
                        .collect();
                    Input::Files(RwSignal::new(files))
                } else {
                    let text = initial.texts.get(&field.key).cloned().unwrap_or_default();
                    Input::Text(RwSignal::new(text))
                };
                (field.key.clone(), input)
            })
            .collect(),
    );
    let draft = RwSignal::new(draft_id);
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(None::<&'static str>);
    let saved_note = RwSignal::new(None::<String>);
    let attempt = StoredValue::new(Attempt::default());
    let locked = Signal::derive(move || pending.get().is_some());

    let answers = move || {
        let mut answers = Answers::default();
        inputs.with_value(|inputs| {
            for (key, input) in inputs {
                match input {
                    Input::Text(text) => {
                        answers.texts.insert(key.clone(), text.get_untracked());
                    }
                    Input::Files(files) => {
                        answers.files.insert(
                            key.clone(),
                            files.with_untracked(|files| uploaded_ids(files)),
                        );
                    }
                }
            }
        });
        answers
    };
    // Files still on their way would be missing from what is sent.
    let still_uploading = move || {
        inputs.with_value(|inputs| {
            inputs.iter().find_map(|(key, input)| match input {
                Input::Files(files) if files.with_untracked(|files| any_uploading(files)) => {
                    Some(key.clone())
                }
                _ => None,
            })
        })
    };
    let refuse = move |failure: ApiError| {
        fields.with_value(|fields| focus_first_named(fields, &failure));
        error.set(Some(failure));
    };
    let checked_form = move |completeness: Completeness| {
        if let Some(key) = still_uploading() {
            refuse(ApiError::invalid_fields(vec![FieldError::new(
                &key,
                "uploading",
                "Vui lòng chờ tệp tải lên xong",
            )]));
            return None;
        }
        let form = fields.with_value(|fields| answers().to_form(fields));
        match fields.with_value(|fields| check_form(fields, &form, completeness)) {
            Ok(_) => Some(form),
            Err(errors) => {
                refuse(ApiError::invalid_fields(errors));
                None
            }
        }
    };

    let save_unit = unit.clone();
    let save_code = code.clone();
    let save_draft = move |_| {
        if pending.get_untracked().is_some() {
            return;
        }
        let Some(form) = checked_form(Completeness::Draft) else {
            return;
        };
        let (unit, procedure_code) = (save_unit.clone(), save_code.clone());
        pending.set(Some("Đang lưu nháp…"));
        error.set(None);
        saved_note.set(None);
        spawn_local(async move {
            let id = draft.get_untracked();
            let saved = session
                .authorized(|token| {
                    let (unit, procedure_code, form) =
                        (unit.clone(), procedure_code.clone(), form.clone());
                    async move {
                        match id {
                            Some(id) => {
                                let body = UpdateDossierDraft { form };
                                api::dossier_drafts::update(&token, id, &body).await
                            }
                            None => {
                                let body = NewDossierDraft {
                                    procedure_code,
                                    form,
                                };
                                api::dossier_drafts::create(&token, &unit, &body).await
                            }
                        }
                    }
                })
                .await;
            pending.set(None);
            match saved {
                Ok(saved) => {
                    draft.set(Some(saved.id));
                    saved_note.set(Some(format!(
                        "Đã lưu nháp lúc {}. Bạn có thể tiếp tục sau trong \"Hồ sơ của tôi\".",
                        saved.updated_at.format("%H:%M %d/%m/%Y")
                    )));
                }
                Err(failure) => refuse(failure),
            }
        });
    };

    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked().is_some() {
            return;
        }
        let Some(form) = checked_form(Completeness::Complete) else {
            return;
        };
        let body = SubmitDossier {
            procedure_code: code.clone(),
            form,
            draft_id: draft.get_untracked(),
        };
        let sent = serde_json::to_string(&body).ok();
        let key = attempt
            .try_update_value(|attempt| attempt.key_for(sent, new_idempotency_key))
            .unwrap_or_else(new_idempotency_key);
        let unit = unit.clone();
        pending.set(Some("Đang nộp hồ sơ…"));
        error.set(None);
        saved_note.set(None);
        spawn_local(async move {
            let filed = session
                .authorized(|token| {
                    let (unit, key, body) = (unit.clone(), key.clone(), body.clone());
                    async move { api::dossiers::submit(&token, &unit, &key, &body).await }
                })
                .await;
            pending.set(None);
            match filed {
                Ok(dossier) => on_filed.run(dossier),
                Err(failure) => refuse(failure),
            }
        });
    };

    let summary = move || {
        error.get().map(|failure| {
            let named = fields.with_value(|fields| {
                fields
                    .iter()
                    .filter(|field| failure.message_under(&field.key).is_some())
                    .count()
            });
            if named > 0 {
                view! {
                    <div class="alert alert-error" role="alert">
                        <p class="alert-title">
                            {format!("Vui lòng kiểm tra lại {named} mục được đánh dấu bên dưới.")}
                        </p>
                    </div>
                }
                .into_any()
            } else {
                view! { <ErrorMessage error=failure /> }.into_any()
            }
        })
    };
    let field_views = procedure
        .definition
        .form
        .iter()
        .cloned()
        .map(|field| {
            let key = field.key.clone();
            let message = Signal::derive(move || {
                error.with(|error| error.as_ref().and_then(|error| error.message_under(&key)))
            });
            match inputs.with_value(|inputs| inputs.get(&field.key).copied()) {
                Some(Input::Files(files)) => {
                    view! { <DossierFileField field files locked message /> }.into_any()
                }
                Some(Input::Text(value)) => {
                    view! { <AnswerField field value locked message /> }.into_any()
                }
                None => ().into_any(),
            }
        })
        .collect_view();
    view! {
        {summary}
        <form class="form dossier-form" on:submit=submit novalidate>
            {field_views}
            <div class="form-actions">
                <button
                    type="submit"
                    class="button button-primary"
                    aria-disabled=move || locked.get().then_some("true")
                >
                    "Nộp hồ sơ"
                </button>
                <button
                    type="button"
                    class="button button-secondary"
                    aria-disabled=move || locked.get().then_some("true")
                    on:click=save_draft
                >
                    "Lưu nháp"
                </button>
                <span role="status">
                    {move || pending.get().map(|text| view! { <span class="loading">{text}</span> })}
                    {move || saved_note.get().map(|text| view! { <span class="success">{text}</span> })}
                </span>
            </div>
        </form>
    }
}

/// One field that takes typed text: the input its type calls for, its label, a
/// hint where one helps, and its message.
#[component]
pub fn AnswerField(
    field: FormField,
    value: RwSignal<String>,
    locked: Signal<bool>,
    message: Signal<Option<String>>,
) -> impl IntoView {
    let id = field_input_id(&field.key);
    let error_id = message_id(&id);
    let hint = field_hint(&field);
    let hint_id = format!("{id}-huong-dan");
    let described = {
        let (hint_id, error_id, has_hint) = (hint_id.clone(), error_id.clone(), hint.is_some());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if message.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || message.get().map(|_| "true");
    let control = match field.field_type {
        FieldType::Textarea => view! {
            <textarea
                id=id.clone()
                rows="4"
                required=field.required
                bind:value=value
                disabled=move || locked.get()
                aria-invalid=invalid
                aria-describedby=described
            ></textarea>
        }
        .into_any(),
        FieldType::Select => {
            let options = field
                .options
                .iter()
                .cloned()
                .map(|option| {
                    let chosen = option.clone();
                    let text = option.clone();
                    view! {
                        <option value=option prop:selected=move || value.with(|value| *value == chosen)>
                            {text}
                        </option>
                    }
                })
                .collect_view();
            view! {
                <select
                    id=id.clone()
                    required=field.required
                    disabled=move || locked.get()
                    on:change=move |event| value.set(event_target_value(&event))
                    aria-invalid=invalid
                    aria-describedby=described
                >
                    <option value="" prop:selected=move || value.with(String::is_empty)>"— Chọn —"</option>
                    {options}
                </select>
            }
            .into_any()
        }
        field_type => view! {
            <input
                id=id.clone()
                type=input_type(field_type)
                inputmode=input_mode(field_type)
                min=field.min.map(|min| min.to_string())
                max=field.max.map(|max| max.to_string())
                required=field.required
                bind:value=value
                disabled=move || locked.get()
                aria-invalid=invalid
                aria-describedby=described
            />
        }
        .into_any(),
    };
    view! {
        <div class="field">
            <label for=id.clone()>
                {field.label.clone()}
                {(!field.required).then_some(" (không bắt buộc)")}
            </label>
            {control}
            {hint.map(|hint| view! { <p id=hint_id class="field-hint">{hint}</p> })}
            {move || message.get().map(|text| view! { <p id=error_id.clone() class="field-error">{text}</p> })}
        </div>
    }
}

/// Puts the keyboard on the first field, in the form's order, the failure names.
fn focus_first_named(fields: &[FormField], failure: &ApiError) {
    let Some(field) = fields
        .iter()
        .find(|field| failure.message_under(&field.key).is_some())
    else {
        return;
    };
    if let Some(element) = document()
        .get_element_by_id(&field_input_id(&field.key))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

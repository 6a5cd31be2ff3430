//! What the owner of a dossier can do on its page: answer a supplement request,
//! rate the service once the result is returned, withdraw it while that is allowed.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openapi::FieldError;
use openapi::dossier_workflow::{RateDossier, Resubmit, WithdrawDossier};
use openapi::dossiers::Dossier;
use openapi::procedures::{Completeness, FieldType, FormField, FormValue, check_form};

use crate::api::{self, ApiError};
use crate::components::api_errors::ApiErrors;
use crate::components::confirm_action::ConfirmAction;
use crate::components::dossier_file_field::DossierFileField;
use crate::components::dossier_form::AnswerField;
use crate::components::error_message::ErrorMessage;
use crate::components::loading::Loading;
use crate::components::photo_field::{Photo, any_uploading, uploaded_ids};
use crate::state::session::use_session;
use crate::text::citizen_dossiers::{Answers, RATING_LABELS, SupplementFields, supplement_fields};

/// The items the ward asked for, and under them the fields they name (current
/// answers filled in, file fields empty for the new files), the rest of the form
/// folded away when an item names no field, and a note: sent together with "Gửi bổ
/// sung".
#[component]
pub fn SupplementForm(dossier: Dossier, on_changed: Callback<Dossier>) -> impl IntoView {
    let unit = dossier.unit.slug.clone();
    let procedure_code = dossier.procedure.code.clone();
    let procedure = LocalResource::new(move || {
        let (unit, procedure_code) = (unit.clone(), procedure_code.clone());
        async move { api::procedures::get(&unit, &procedure_code).await }
    });
    let requested = dossier.supplement_items.clone();
    view! {
        <section class="supplement" aria-labelledby="can-bo-sung">
            <h2 id="can-bo-sung">"Phường yêu cầu bổ sung"</h2>
            <ul>
                {requested.iter().map(|item| view! { <li class="plain-text">{item.description.clone()}</li> }).collect_view()}
            </ul>
            <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
                <Suspense fallback=Loading>
                    {move || {
                        // Owned copies, not stored values: the procedure may arrive after this
                        // form was replaced, when its stored values are already gone.
                        let (dossier, requested) = (dossier.clone(), requested.clone());
                        Suspend::new(async move {
                            procedure.await.map(|procedure| {
                                let fields = supplement_fields(procedure.definition.form, &requested);
                                view! { <SupplementAnswers dossier fields on_changed /> }
                            })
                        })
                    }}
                </Suspense>
            </ErrorBoundary>
        </section>
    }
}

#[derive(Clone, Copy)]
enum Input {
    Text(RwSignal<String>),
    Files(RwSignal<Vec<Photo>>),
}

#[component]
fn SupplementAnswers(
    dossier: Dossier,
    fields: SupplementFields,
    on_changed: Callback<Dossier>,
) -> impl IntoView {
    let session = use_session();
    let code = dossier.code.clone();
    let others_open = fields.named.is_empty();
    let input_of = |field: FormField| {
        let input = if field.field_type == FieldType::File {
            Input::Files(RwSignal::new(Vec::new()))
        } else {
            let current = match dossier.form.get(&field.key) {
                Some(FormValue::Text(text)) => text.clone(),
                Some(FormValue::Number(number)) => number.to_string(),
                _ => String::new(),
            };
            Input::Text(RwSignal::new(current))
        };
        (field, input)
    };
    let named: Vec<(FormField, Input)> = fields.named.into_iter().map(input_of).collect();
    let others: Vec<(FormField, Input)> = fields.others.into_iter().map(input_of).collect();
    let named_count = named.len();
    let inputs: Vec<(FormField, Input)> = named.into_iter().chain(others).collect();
    let inputs = StoredValue::new(inputs);
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let locked = Signal::derive(move || pending.get());

    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let mut answers = Answers::default();
        let mut uploading = None;
        let fields: Vec<FormField> = inputs.with_value(|inputs| {
            for (field, input) in inputs {
                match input {
                    Input::Text(text) => {
                        answers
                            .texts
                            .insert(field.key.clone(), text.get_untracked());
                    }
                    Input::Files(files) => {
                        if files.with_untracked(|files| any_uploading(files)) {
                            uploading = Some(field.key.clone());
                        }
                        answers.files.insert(
                            field.key.clone(),
                            files.with_untracked(|files| uploaded_ids(files)),
                        );
                    }
                }
            }
            inputs.iter().map(|(field, _)| field.clone()).collect()
        });
        if let Some(key) = uploading {
            error.set(Some(ApiError::invalid_fields(vec![FieldError::new(
                &key,
                "uploading",
                "Vui lòng chờ tệp tải lên xong",
            )])));
            return;
        }
        let form = answers.to_form(&fields);
        // What is given must be valid; the server checks the whole form as it then stands.
        if let Err(errors) = check_form(&fields, &form, Completeness::Draft) {
            error.set(Some(ApiError::invalid_fields(errors)));
            return;
        }
        let note_text = note.get_untracked().trim().to_owned();
        let code = code.clone();
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let result = session
                .authorized(|token| {
                    let (code, form, note_text) = (code.clone(), form.clone(), note_text.clone());
                    async move {
                        let body = Resubmit {
                            form,
                            note: (!note_text.is_empty()).then_some(note_text),
                        };
                        api::dossier_actions::resubmit(&token, &code, &body).await
                    }
                })
                .await;
            pending.set(false);
            match result {
                Ok(dossier) => on_changed.run(dossier),
                Err(failure) => error.set(Some(failure)),
            }
        });
    };

    let field_view = move |(field, input): (FormField, Input)| {
        let key = field.key.clone();
        let message = Signal::derive(move || {
            error.with(|error| error.as_ref().and_then(|error| error.message_under(&key)))
        });
        match input {
            Input::Text(value) => view! { <AnswerField field value locked message /> }.into_any(),
            Input::Files(files) => {
                view! { <DossierFileField field files locked message /> }.into_any()
            }
        }
    };
    let (named_views, other_views) = inputs.with_value(|inputs| {
        let (named, others) = inputs.split_at(named_count);
        (
            named.iter().cloned().map(field_view).collect_view(),
            (!others.is_empty()).then(|| others.iter().cloned().map(field_view).collect_view()),
        )
    });
    let other_views = other_views.map(|views| {
        view! {
            <details class="supplement-others" open=others_open>
                <summary>"Sửa thông tin hoặc giấy tờ khác của hồ sơ"</summary>
                {views}
            </details>
        }
    });
    let other_error = move || {
        error.get().filter(|failure| {
            inputs.with_value(|inputs| {
                inputs
                    .iter()
                    .all(|(field, _)| failure.message_under(&field.key).is_none())
            })
        })
    };
    view! {
        <form class="form supplement-form" on:submit=submit novalidate>
            {named_views}
            {other_views}
            <div class="field">
                <label for="ghi-chu-bo-sung">"Ghi chú cho cán bộ (không bắt buộc)"</label>
                <textarea id="ghi-chu-bo-sung" rows="3" bind:value=note disabled=move || locked.get()></textarea>
            </div>
            {move || other_error().map(|error| view! { <ErrorMessage error /> })}
            <div class="form-actions">
                <button type="submit" class="button button-primary" aria-disabled=move || pending.get().then_some("true")>
                    "Gửi bổ sung"
                </button>
                {move || pending.get().then(|| view! { <span class="loading" role="status">"Đang gửi…"</span> })}
            </div>
        </form>
    }
}

/// Five radio buttons, "Rất không hài lòng" to "Rất hài lòng", in one group the
/// arrow keys move through, and an optional comment.
#[component]
pub fn RatingForm(code: String, on_changed: Callback<Dossier>) -> impl IntoView {
    let session = use_session();
    let chosen = RwSignal::new(None::<u8>);
    let comment = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let Some(rating) = chosen.get_untracked() else {
            error.set(Some(ApiError::invalid_fields(vec![FieldError::new(
                "rating",
                "required",
                "Vui lòng chọn mức độ hài lòng",
            )])));
            return;
        };
        let comment_text = comment.get_untracked().trim().to_owned();
        let code = code.clone();
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let result = session
                .authorized(|token| {
                    let (code, comment_text) = (code.clone(), comment_text.clone());
                    async move {
                        let body = RateDossier {
                            rating,
                            comment: (!comment_text.is_empty()).then_some(comment_text),
                        };
                        api::dossier_actions::rate(&token, &code, &body).await
                    }
                })
                .await;
            pending.set(false);
            match result {
                Ok(dossier) => on_changed.run(dossier),
                Err(failure) => error.set(Some(failure)),
            }
        });
    };
    let rating_message = move || {
        error.with(|error| {
            error
                .as_ref()
                .and_then(|error| error.field_message("rating"))
        })
    };
    let other_error = move || {
        error
            .get()
            .filter(|failure| failure.field_message("rating").is_none())
    };
    view! {
        <section aria-labelledby="danh-gia">
            <h2 id="danh-gia">"Đánh giá mức độ hài lòng"</h2>
            <form class="form rating-form" on:submit=submit novalidate>
                <fieldset class="rating-choices" aria-describedby="muc-danh-gia-loi">
                    <legend>"Bạn hài lòng với việc giải quyết hồ sơ ở mức nào?"</legend>
                    {RATING_LABELS.iter().enumerate().map(|(index, label)| {
                        let score = u8::try_from(index + 1).unwrap_or(1);
                        let id = format!("muc-danh-gia-{score}");
                        view! {
                            <div class="check-field">
                                <input
                                    id=id.clone()
                                    type="radio"
                                    name="muc-danh-gia"
                                    value=score.to_string()
                                    prop:checked=move || chosen.get() == Some(score)
                                    on:change=move |_| chosen.set(Some(score))
                                    disabled=move || pending.get()
                                />
                                <label for=id>{*label}</label>
                            </div>
                        }
                    }).collect_view()}
                    {move || rating_message().map(|text| view! { <p id="muc-danh-gia-loi" class="field-error">{text}</p> })}
                </fieldset>
                <div class="field">
                    <label for="gop-y">"Góp ý (không bắt buộc)"</label>
                    <textarea id="gop-y" rows="3" bind:value=comment disabled=move || pending.get()></textarea>
                </div>
                {move || other_error().map(|error| view! { <ErrorMessage error /> })}
                <div class="form-actions">
                    <button type="submit" class="button button-primary" aria-disabled=move || pending.get().then_some("true")>
                        "Gửi đánh giá"
                    </button>
                </div>
            </form>
        </section>
    }
}

/// "Rút hồ sơ", confirmed before it happens.
#[component]
pub fn WithdrawAction(code: String, on_changed: Callback<Dossier>) -> impl IntoView {
    let session = use_session();
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let withdraw = Callback::new(move |()| {
        let code = code.clone();
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let result = session
                .authorized(|token| {
                    let code = code.clone();
                    async move {
                        api::dossier_actions::withdraw(&token, &code, &WithdrawDossier::default())
                            .await
                    }
                })
                .await;
            pending.set(false);
            match result {
                Ok(dossier) => on_changed.run(dossier),
                Err(failure) => error.set(Some(failure)),
            }
        });
    });
    view! {
        <section aria-labelledby="rut-ho-so">
            <h2 id="rut-ho-so">"Rút hồ sơ"</h2>
            <p>"Bạn có thể rút hồ sơ khi chưa có kết quả. Hồ sơ đã rút không thể tiếp tục xử lý."</p>
            <ConfirmAction
                button="Rút hồ sơ"
                group_label="Xác nhận rút hồ sơ".to_owned()
                question="Hồ sơ sẽ dừng xử lý và không thể khôi phục. Bạn chắc chắn muốn rút?".to_owned()
                confirm="Xác nhận rút hồ sơ"
                pending
                on_confirm=withdraw
            />
            {move || error.get().map(|error| view! { <ErrorMessage error /> })}
        </section>
    }
}

//! The steps staff take on a dossier, one small form each, offered as the dossier's
//! status and the user's roles allow. A done step shows the dossier as the server
//! answers it, with a message read out to screen readers; when another officer acted
//! first (409) the form says so and offers to reload.

use std::future::Future;

use chrono::NaiveDate;
use leptos::either::Either;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openapi::FieldError;
use openapi::dossier_workflow::{
    AcceptDossier, Apologize, AssignDossier, DepartmentOfficer, RefuseDossier, RequestSupplement,
    ResultReady, ReturnResult,
};
use openapi::dossiers::{Dossier, SupplementItem};

use crate::api::{self, ApiError};
use crate::components::calendar_date::{CalendarDate, vietnamese};
use crate::components::confirm_action::ConfirmAction;
use crate::components::error_message::ErrorMessage;
use crate::components::field_message::{
    FieldMessage, GroupMessage, checked, described_by, field_message, message_id,
};
use crate::components::loading::Loading;
use crate::components::text_field::{Input, TextField};
use crate::state::session::use_session;
use crate::text::dossiers::date_in_force;

/// The id of the line that says what the last step did; focus moves there after a
/// step, since the step's form is gone with the status it belonged to.
pub const NOTICE_ID: &str = "ket-qua-xu-ly";

fn focus_notice() {
    // The message is drawn on the next tick.
    request_animation_frame(|| {
        if let Some(notice) = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id(NOTICE_ID))
            .and_then(|element| {
                wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element).ok()
            })
        {
            let _ = notice.focus();
        }
    });
}

/// What "another officer acted first" means for the one who pressed the button.
pub const CONFLICT_TEXT: &str = "Hồ sơ vừa được người khác xử lý; tải lại để xem trạng thái mới.";

/// The dossier on screen, what the last step said, and a way to read it again.
#[derive(Clone, Copy)]
pub struct DossierHandle {
    pub current: RwSignal<Dossier>,
    pub notice: RwSignal<Option<String>>,
    pub reload: Callback<()>,
}

/// Sends one step; the answer replaces the dossier on screen and `done` says what
/// happened. A failure stays on the form with each field's message beside it.
fn run_action<F, Fut>(
    handle: DossierHandle,
    pending: RwSignal<bool>,
    error: RwSignal<Option<ApiError>>,
    done: fn(&Dossier) -> String,
    call: F,
) -> impl Fn() + Clone + 'static
where
    F: Fn(String, String) -> Fut + Clone + 'static,
    Fut: Future<Output = Result<Dossier, ApiError>> + 'static,
{
    let session = use_session();
    move || {
        if pending.get_untracked() {
            return;
        }
        let code = handle
            .current
            .with_untracked(|dossier| dossier.code.clone());
        let call = call.clone();
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let result = session
                .authorized(move |token| call(token, code.clone()))
                .await;
            pending.try_set(false);
            match result {
                Ok(after) => {
                    handle.notice.try_set(Some(done(&after)));
                    handle.current.try_set(after);
                    focus_notice();
                }
                Err(failure) => {
                    error.try_set(Some(failure));
                }
            }
        });
    }
}

fn is_conflict(error: &ApiError) -> bool {
    matches!(error, ApiError::Problem(problem) if problem.status == 409)
}

fn optional(text: RwSignal<String>) -> Option<String> {
    let text = text.get_untracked().trim().to_owned();
    (!text.is_empty()).then_some(text)
}

/// The failure no field of the form explains, above the form; a conflict explained
/// with a button to read the dossier again.
#[component]
fn ActionError(
    error: RwSignal<Option<ApiError>>,
    fields: &'static [&'static str],
    reload: Callback<()>,
) -> impl IntoView {
    move || {
        let failure = error.get()?;
        if fields
            .iter()
            .any(|field| failure.message_under(field).is_some())
        {
            return None;
        }
        Some(if is_conflict(&failure) {
            let detail = failure.detail().map(str::to_owned);
            Either::Left(view! {
                <div class="alert alert-error" role="alert">
                    <p class="alert-title">{CONFLICT_TEXT}</p>
                    {detail.map(|detail| view! { <p>{detail}</p> })}
                    <button type="button" class="button button-secondary" on:click=move |_| reload.run(())>
                        "Tải lại hồ sơ"
                    </button>
                </div>
            })
        } else {
            Either::Right(view! { <ErrorMessage error=failure /> })
        })
    }
}

/// The submit button of a step, announced as busy while it is sent.
#[component]
fn StepButton(
    text: &'static str,
    pending: RwSignal<bool>,
    #[prop(optional)] secondary: bool,
) -> impl IntoView {
    let class = if secondary {
        "button button-secondary"
    } else {
        "button button-primary"
    };
    view! {
        <div class="form-actions">
            <button type="submit" class=class aria-disabled=move || pending.get().then_some("true")>
                {text}
            </button>
        </div>
    }
}

/// The intake officer accepts a complete dossier; the server sets the appointment
/// date and the page shows it.
#[component]
pub fn AcceptForm(handle: DossierHandle) -> impl IntoView {
    let (unit, procedure) = handle
        .current
        .with_untracked(|dossier| (dossier.unit.slug.clone(), dossier.procedure.code.clone()));
    // What the catalog says an acceptance now would give (absent until the catalog's
    // endpoint is there, or when the year's calendar is not confirmed).
    let preview = LocalResource::new(move || {
        let (unit, procedure) = (unit.clone(), procedure.clone());
        let now = String::from(js_sys::Date::new_0().to_iso_string());
        async move {
            api::procedures::appointment(&unit, &procedure, &now)
                .await
                .ok()
        }
    });
    let verification = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let send = run_action(
        handle,
        pending,
        error,
        |after| match date_in_force(after.due_on, after.rescheduled_due_on) {
            Some(date) => format!(
                "Đã tiếp nhận hồ sơ. Ngày hẹn trả kết quả: {}.",
                vietnamese(date)
            ),
            None => "Đã tiếp nhận hồ sơ.".to_owned(),
        },
        move |token, code| {
            let body = AcceptDossier {
                verification: verification.get_untracked(),
            };
            async move { api::dossiers_staff::accept(&token, &code, &body).await }
        },
    );
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        send();
    };
    view! {
        <section class="review-form" aria-labelledby="tiep-nhan-ho-so">
            <h2 id="tiep-nhan-ho-so">"Tiếp nhận hồ sơ"</h2>
            <ActionError error fields=&[] reload=handle.reload />
            <form class="form" on:submit=submit>
                <p>
                    "Ngày hẹn trả kết quả được tính khi tiếp nhận, theo thời hạn của thủ tục và lịch làm việc "
                    "(sau 15 giờ tính từ ngày làm việc kế tiếp), rồi hiện ở đây và được gửi cho người nộp."
                </p>
                {move || preview.get().flatten().map(|preview| view! {
                    <p class="dossier-appointment">
                        "Nếu tiếp nhận bây giờ: hẹn trả kết quả ngày " <CalendarDate date=preview.due_date />
                        " (tính từ ngày " <CalendarDate date=preview.counted_from />
                        "; theo thời hạn thông thường, chưa tính trường hợp cần xác minh)."
                    </p>
                })}
                <div class="field check-field">
                    <input id="can-xac-minh" type="checkbox" bind:checked=verification aria-describedby="can-xac-minh-huong-dan" />
                    <label for="can-xac-minh">"Hồ sơ cần xác minh"</label>
                    <p id="can-xac-minh-huong-dan" class="field-hint">"Áp dụng thời hạn dài hơn nếu thủ tục có quy định."</p>
                </div>
                <StepButton text="Tiếp nhận" pending />
            </form>
        </section>
    }
}

/// One missing item of a supplement request, as typed.
#[derive(Clone, Copy)]
struct SupplementRow {
    id: usize,
    text: RwSignal<String>,
    /// The form field it concerns, "" for none.
    field: RwSignal<String>,
}

impl SupplementRow {
    fn new(id: usize) -> SupplementRow {
        SupplementRow {
            id,
            text: RwSignal::new(String::new()),
            field: RwSignal::new(String::new()),
        }
    }
}

/// The intake officer lists everything missing at once, each item optionally tied
/// to a field of the form (`fields`: key and label, which follow the form's labels
/// once the catalog has answered).
#[component]
pub fn SupplementForm(
    handle: DossierHandle,
    fields: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let next_id = StoredValue::new(1usize);
    let rows = RwSignal::new(vec![SupplementRow::new(0)]);
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let body = move || {
        let items = rows
            .get_untracked()
            .iter()
            .map(|row| SupplementItem {
                field_key: Some(row.field.get_untracked()).filter(|key| !key.is_empty()),
                description: row.text.get_untracked(),
            })
            .collect();
        RequestSupplement {
            items,
            note: optional(note),
        }
    };
    let send = run_action(
        handle,
        pending,
        error,
        |_| "Đã yêu cầu người nộp bổ sung hồ sơ.".to_owned(),
        move |token, code| {
            let body = body();
            async move { api::dossiers_staff::request_supplement(&token, &code, &body).await }
        },
    );
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if checked(body().parse(), error).is_some() {
            send();
        }
    };
    let add = move |_| {
        let id = next_id.get_value();
        next_id.set_value(id + 1);
        rows.update(|rows| rows.push(SupplementRow::new(id)));
        // The new row's text box is drawn on the next tick.
        request_animation_frame(move || {
            if let Some(input) = web_sys::window()
                .and_then(|window| window.document())
                .and_then(|document| document.get_element_by_id(&format!("muc-bo-sung-{id}")))
                .and_then(|element| {
                    wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element).ok()
                })
            {
                let _ = input.focus();
            }
        });
    };
    let locked = Signal::derive(move || pending.get());
    view! {
        <section class="review-form" aria-labelledby="yeu-cau-bo-sung">
            <h2 id="yeu-cau-bo-sung">"Yêu cầu bổ sung hồ sơ"</h2>
            <ActionError error fields=&["items", "note"] reload=handle.reload />
            <form class="form" on:submit=submit novalidate>
                <fieldset class="supplement-items">
                    <legend>"Giấy tờ hoặc thông tin còn thiếu (liệt kê tất cả một lần)"</legend>
                    <GroupMessage message=field_message(error, "items") />
                    <For each=move || rows.get() key=|row| row.id let:row>
                        <SupplementRowFields row rows fields error locked />
                    </For>
                    <button type="button" class="button button-secondary dossier-small-button" on:click=add>
                        "Thêm mục"
                    </button>
                </fieldset>
                <TextField
                    id="ghi-chu-bo-sung"
                    label="Ghi chú cho người nộp (không bắt buộc)"
                    value=note
                    message=field_message(error, "note")
                    locked
                    input=Input::Multiline
                />
                <StepButton text="Gửi yêu cầu bổ sung" pending />
            </form>
        </section>
    }
}

#[component]
fn SupplementRowFields(
    row: SupplementRow,
    rows: RwSignal<Vec<SupplementRow>>,
    fields: Signal<Vec<(String, String)>>,
    error: RwSignal<Option<ApiError>>,
    locked: Signal<bool>,
) -> impl IntoView {
    let position = move || {
        rows.with(|rows| rows.iter().position(|other| other.id == row.id))
            .unwrap_or_default()
    };
    let text_id = format!("muc-bo-sung-{}", row.id);
    let field_id = format!("truong-bo-sung-{}", row.id);
    let message = Signal::derive(move || {
        let path = format!("items[{}].description", position());
        error.with(|error| error.as_ref().and_then(|error| error.field_message(&path)))
    });
    let field_message = Signal::derive(move || {
        let path = format!("items[{}].field_key", position());
        error.with(|error| error.as_ref().and_then(|error| error.field_message(&path)))
    });
    let error_id = message_id(&text_id);
    let field_error_id = message_id(&field_id);
    let remove = move |_| rows.update(|rows| rows.retain(|other| other.id != row.id));
    view! {
        <div class="supplement-row" role="group" aria-label=move || format!("Mục {}", position() + 1)>
            <div class="field">
                <label for=text_id.clone()>{move || format!("Mục {} còn thiếu", position() + 1)}</label>
                <input
                    id=text_id.clone()
                    type="text"
                    autocomplete="off"
                    bind:value=row.text
                    disabled=move || locked.get()
                    aria-invalid=move || message.get().map(|_| "true")
                    aria-describedby=move || message.get().map(|_| error_id.clone())
                />
                {move || message.get().map(|text| view! {
                    <p id=message_id(&format!("muc-bo-sung-{}", row.id)) class="field-error">{text}</p>
                })}
            </div>
            <div class="field">
                <label for=field_id.clone()>{move || format!("Trường liên quan của mục {}", position() + 1)}</label>
                <select
                    id=field_id.clone()
                    on:change=move |event| row.field.set(event_target_value(&event))
                    disabled=move || locked.get()
                    aria-invalid=move || field_message.get().map(|_| "true")
                    aria-describedby=move || field_message.get().map(|_| field_error_id.clone())
                >
                    <option value="" prop:selected=move || row.field.with(String::is_empty)>
                        "Không gắn với trường nào"
                    </option>
                    {move || {
                        fields
                            .get()
                            .into_iter()
                            .map(|(key, label)| {
                                let chosen = key.clone();
                                view! {
                                    <option value=key prop:selected=move || row.field.with(|field| *field == chosen)>
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
                {move || field_message.get().map(|text| view! {
                    <p id=message_id(&format!("truong-bo-sung-{}", row.id)) class="field-error">{text}</p>
                })}
            </div>
            <button
                type="button"
                class="button button-secondary dossier-small-button"
                disabled=move || rows.with(|rows| rows.len() <= 1)
                on:click=remove
            >
                {move || format!("Xóa mục {}", position() + 1)}
            </button>
        </div>
    }
}

/// The intake officer refuses the dossier, saying why; confirmed before it is sent,
/// since it cannot be undone.
#[component]
pub fn RefuseForm(handle: DossierHandle) -> impl IntoView {
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let body = move || RefuseDossier {
        reason: reason.get_untracked(),
    };
    let send = run_action(
        handle,
        pending,
        error,
        |_| "Đã từ chối tiếp nhận hồ sơ; người nộp được báo lý do.".to_owned(),
        move |token, code| {
            let body = body();
            async move { api::dossiers_staff::refuse(&token, &code, &body).await }
        },
    );
    let confirm = Callback::new(move |()| {
        if checked(body().parse(), error).is_some() {
            send();
        }
    });
    let submit = move |event: SubmitEvent| event.prevent_default();
    view! {
        <section class="review-form" aria-labelledby="tu-choi-ho-so">
            <h2 id="tu-choi-ho-so">"Từ chối tiếp nhận"</h2>
            <ActionError error fields=&["reason"] reload=handle.reload />
            <form class="form" on:submit=submit novalidate>
                <TextField
                    id="ly-do-tu-choi-ho-so"
                    label="Lý do từ chối"
                    value=reason
                    message=field_message(error, "reason")
                    locked=Signal::derive(move || pending.get())
                    input=Input::Multiline
                    hint="Người nộp đọc lý do này; nêu căn cứ và hướng giải quyết nếu có."
                />
                <ConfirmAction
                    button="Từ chối hồ sơ"
                    group_label="Xác nhận từ chối tiếp nhận".to_owned()
                    question="Hồ sơ sẽ bị từ chối tiếp nhận và người nộp được báo lý do. Không thể hoàn tác.".to_owned()
                    confirm="Xác nhận từ chối"
                    pending
                    on_confirm=confirm
                />
            </form>
        </section>
    }
}

/// The intake officer (or a ward admin) gives an accepted dossier to a department
/// officer of the ward, chosen by name.
#[component]
pub fn AssignForm(handle: DossierHandle) -> impl IntoView {
    let session = use_session();
    let unit = handle
        .current
        .with_untracked(|dossier| dossier.unit.slug.clone());
    let officers = LocalResource::new(move || {
        let unit = unit.clone();
        async move {
            session
                .authorized(move |token| {
                    let unit = unit.clone();
                    async move { api::dossiers_staff::department_officers(&token, &unit).await }
                })
                .await
        }
    });
    view! {
        <section class="review-form" aria-labelledby="chuyen-xu-ly-ho-so">
            <h2 id="chuyen-xu-ly-ho-so">"Chuyển cán bộ chuyên môn xử lý"</h2>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match officers.await {
                        Ok(officers) if officers.is_empty() => Either::Left(view! {
                            <p class="notice">
                                "Phường chưa có cán bộ chuyên môn để giao hồ sơ. Quản trị viên phường cấp vai trò "
                                "“Cán bộ chuyên môn” ở trang Cán bộ, rồi tải lại trang này."
                            </p>
                        }.into_any()),
                        Ok(officers) => Either::Left(view! { <AssignFields handle officers /> }.into_any()),
                        Err(failure) => Either::Right(view! { <ErrorMessage error=failure /> }),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// An officer as the list shows them: name, and the departments they work in.
pub fn officer_label(officer: &DepartmentOfficer) -> String {
    if officer.departments.is_empty() {
        officer.full_name.clone()
    } else {
        format!("{} — {}", officer.full_name, officer.departments.join(", "))
    }
}

#[component]
fn AssignFields(handle: DossierHandle, officers: Vec<DepartmentOfficer>) -> impl IntoView {
    let officer = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let body = move || {
        officer
            .get_untracked()
            .parse::<i64>()
            .ok()
            .map(|officer_id| AssignDossier {
                officer_id,
                note: optional(note),
            })
    };
    let send = run_action(
        handle,
        pending,
        error,
        |after| match &after.assigned_to {
            Some(officer) => format!("Đã chuyển hồ sơ cho cán bộ {} xử lý.", officer.full_name),
            None => "Đã chuyển hồ sơ cho cán bộ chuyên môn xử lý.".to_owned(),
        },
        move |token, code| {
            let body = body();
            async move {
                match body {
                    Some(body) => api::dossiers_staff::assign(&token, &code, &body).await,
                    None => Err(ApiError::from_status(422)),
                }
            }
        },
    );
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let parsed = match body() {
            None => Err(vec![FieldError::new(
                "officer_id",
                "required",
                "Vui lòng chọn cán bộ xử lý",
            )]),
            Some(body) => body.parse().map(drop),
        };
        if checked(parsed, error).is_some() {
            send();
        }
    };
    let message = field_message(error, "officer_id");
    view! {
        <ActionError error fields=&["officer_id", "note"] reload=handle.reload />
        <form class="form" on:submit=submit novalidate>
            <div class="field">
                <label for="can-bo-xu-ly">"Cán bộ xử lý"</label>
                <select
                    id="can-bo-xu-ly"
                    on:change=move |event| officer.set(event_target_value(&event))
                    disabled=move || pending.get()
                    aria-invalid=move || message.get().map(|_| "true")
                    aria-describedby=described_by("can-bo-xu-ly", message)
                >
                    <option value="" prop:selected=move || officer.with(String::is_empty)>"— Chọn cán bộ —"</option>
                    {officers
                        .iter()
                        .map(|choice| {
                            let value = choice.account_id.to_string();
                            let chosen = value.clone();
                            view! {
                                <option value=value prop:selected=move || officer.with(|officer| *officer == chosen)>
                                    {officer_label(choice)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <FieldMessage field_id="can-bo-xu-ly" message />
            </div>
            <TextField
                id="ghi-chu-chuyen"
                label="Ghi chú cho cán bộ xử lý (không bắt buộc)"
                value=note
                message=field_message(error, "note")
                locked=Signal::derive(move || pending.get())
                input=Input::Multiline
            />
            <StepButton text="Chuyển xử lý" pending />
        </form>
    }
}

/// A step whose only data is an optional note: result ready, return.
#[component]
fn NoteStep(
    handle: DossierHandle,
    heading_id: &'static str,
    heading: &'static str,
    note_id: &'static str,
    note_label: &'static str,
    button: &'static str,
    explanation: &'static str,
    done: fn(&Dossier) -> String,
    /// Which step: `true` reports the result ready, `false` returns it.
    result_ready: bool,
) -> impl IntoView {
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let send = run_action(handle, pending, error, done, move |token, code| {
        let note = optional(note);
        async move {
            if result_ready {
                api::dossiers_staff::result_ready(&token, &code, &ResultReady { note }).await
            } else {
                api::dossiers_staff::return_result(&token, &code, &ReturnResult { note }).await
            }
        }
    });
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let parsed = ResultReady {
            note: optional(note),
        }
        .parse();
        if checked(parsed, error).is_some() {
            send();
        }
    };
    view! {
        <section class="review-form" aria-labelledby=heading_id>
            <h2 id=heading_id>{heading}</h2>
            <ActionError error fields=&["note"] reload=handle.reload />
            <form class="form" on:submit=submit novalidate>
                <p>{explanation}</p>
                <TextField
                    id=note_id
                    label=note_label
                    value=note
                    message=field_message(error, "note")
                    locked=Signal::derive(move || pending.get())
                    input=Input::Multiline
                />
                <StepButton text=button pending />
            </form>
        </section>
    }
}

/// The assigned department officer reports the result ready.
#[component]
pub fn ResultReadyForm(handle: DossierHandle) -> impl IntoView {
    view! {
        <NoteStep
            handle
            heading_id="bao-co-ket-qua"
            heading="Báo có kết quả"
            note_id="ghi-chu-ket-qua"
            note_label="Ghi chú về kết quả (không bắt buộc)"
            button="Báo có kết quả"
            explanation="Bộ phận tiếp nhận sẽ trả kết quả cho người nộp."
            done=|_| "Đã báo hồ sơ có kết quả.".to_owned()
            result_ready=true
        />
    }
}

/// The intake officer hands the result to the citizen.
#[component]
pub fn ReturnForm(handle: DossierHandle) -> impl IntoView {
    view! {
        <NoteStep
            handle
            heading_id="tra-ket-qua"
            heading="Trả kết quả cho người nộp"
            note_id="ghi-chu-tra-ket-qua"
            note_label="Ghi chú trả kết quả (không bắt buộc)"
            button="Trả kết quả"
            explanation="Ghi nhận người nộp đã nhận kết quả; hồ sơ kết thúc."
            done=|_| "Đã trả kết quả cho người nộp.".to_owned()
            result_ready=false
        />
    }
}

/// `YYYY-MM-DD` from a date input; anything else is no date.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok()
}

/// A late dossier: an apology with the new date promised and the reason.
#[component]
pub fn ApologizeForm(handle: DossierHandle) -> impl IntoView {
    let new_date = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let body = move || {
        parse_date(&new_date.get_untracked()).map(|new_due_on| Apologize {
            reason: reason.get_untracked(),
            new_due_on,
        })
    };
    let send = run_action(
        handle,
        pending,
        error,
        |after| match after.rescheduled_due_on {
            Some(date) => format!(
                "Đã gửi lời xin lỗi; ngày hẹn trả mới: {}.",
                vietnamese(date)
            ),
            None => "Đã gửi lời xin lỗi.".to_owned(),
        },
        move |token, code| {
            let body = body();
            async move {
                match body {
                    Some(body) => api::dossiers_staff::apologize(&token, &code, &body).await,
                    None => Err(ApiError::from_status(422)),
                }
            }
        },
    );
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let parsed = match body() {
            Some(body) => body.parse().map(drop),
            None => {
                let mut errors = vec![FieldError::new(
                    "new_due_on",
                    "required",
                    "Vui lòng chọn ngày hẹn trả mới",
                )];
                let reason_check = Apologize {
                    reason: reason.get_untracked(),
                    new_due_on: NaiveDate::MIN,
                }
                .parse();
                errors.extend(reason_check.err().unwrap_or_default());
                Err(errors)
            }
        };
        if checked(parsed, error).is_some() {
            send();
        }
    };
    let date_message = field_message(error, "new_due_on");
    view! {
        <section class="review-form" aria-labelledby="xin-loi-hen-lai">
            <h2 id="xin-loi-hen-lai">"Xin lỗi và hẹn lại ngày trả"</h2>
            <ActionError error fields=&["new_due_on", "reason"] reload=handle.reload />
            <form class="form" on:submit=submit novalidate>
                <p>"Ngày hẹn ban đầu vẫn được ghi trong phiếu kiểm soát; hồ sơ vẫn tính là trễ hạn."</p>
                <div class="field">
                    <label for="ngay-hen-moi">"Ngày hẹn trả mới"</label>
                    <input
                        id="ngay-hen-moi"
                        type="date"
                        bind:value=new_date
                        disabled=move || pending.get()
                        aria-invalid=move || date_message.get().map(|_| "true")
                        aria-describedby=described_by("ngay-hen-moi", date_message)
                    />
                    <FieldMessage field_id="ngay-hen-moi" message=date_message />
                </div>
                <TextField
                    id="ly-do-tre-han"
                    label="Lý do chậm trả kết quả"
                    value=reason
                    message=field_message(error, "reason")
                    locked=Signal::derive(move || pending.get())
                    input=Input::Multiline
                />
                <StepButton text="Gửi lời xin lỗi và hẹn lại" pending secondary=true />
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_officer_is_listed_with_the_departments_they_work_in() {
        let mut officer = DepartmentOfficer {
            account_id: 7,
            full_name: "Lê Văn Tư Pháp".into(),
            departments: vec!["Tư pháp – Hộ tịch".into()],
        };
        assert_eq!(
            officer_label(&officer),
            "Lê Văn Tư Pháp — Tư pháp – Hộ tịch"
        );
        officer.departments.clear();
        assert_eq!(officer_label(&officer), "Lê Văn Tư Pháp");
    }

    #[test]
    fn a_date_input_gives_an_iso_date() {
        assert_eq!(
            parse_date("2026-12-08"),
            NaiveDate::from_ymd_opt(2026, 12, 8)
        );
        assert_eq!(parse_date(""), None);
        assert_eq!(parse_date("08/12/2026"), None);
    }
}

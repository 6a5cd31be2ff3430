//! The steps staff take on a feedback, one form each, offered as the server's
//! `actions` say. A done step goes back to the queue it came from, with a message.

use std::future::Future;

use leptos::either::Either;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use openapi::FieldError;
use openapi::feedback_workflow::{
    AnswerRequest, ApproveFeedbackRequest, CloseRequest, Department, FeedbackQueue, ForwardRequest,
    HiddenKind, RedactionPreview, RejectRequest, RejectionKind, ReturnRequest, StaffFeedback,
};

use crate::api::{self, ApiError};
use crate::components::api_errors::ApiErrors;
use crate::components::error_message::ErrorMessage;
use crate::components::field_message::{FieldMessage, checked, described_by, field_message};
use crate::components::loading::Loading;
use crate::components::text_field::{Input, TextField};
use crate::state::feedback_access::queue_href;
use crate::state::flash::use_flash;
use crate::state::session::use_session;
use crate::state::site::use_site;

/// Sends one step, then shows `done` on the queue `back_to`; a failure stays on the
/// form with each field's message beside it.
fn run_step<F, Fut>(
    pending: RwSignal<bool>,
    error: RwSignal<Option<ApiError>>,
    done: &'static str,
    back_to: FeedbackQueue,
    call: F,
) -> impl Fn() + Clone + 'static
where
    F: Fn(String, String) -> Fut + Clone + 'static,
    Fut: Future<Output = Result<StaffFeedback, ApiError>> + 'static,
{
    let session = use_session();
    let unit = use_site().unit.slug;
    let flash = use_flash();
    let navigate = use_navigate();
    move || {
        if pending.get_untracked() {
            return;
        }
        let (unit, call, navigate) = (unit.clone(), call.clone(), navigate.clone());
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let result = session
                .authorized(move |token| call(token, unit.clone()))
                .await;
            pending.set(false);
            match result {
                Ok(_) => {
                    let href = queue_href(back_to);
                    flash.show("/quan-tri/phan-anh", done);
                    navigate(&href, Default::default());
                }
                Err(failure) => error.set(Some(failure)),
            }
        });
    }
}

/// A problem the form shows above its fields: one no field of it explains.
fn other_error(
    error: RwSignal<Option<ApiError>>,
    fields: &'static [&'static str],
) -> impl Fn() -> Option<ApiError> + Send + Sync + 'static {
    move || {
        error.get().filter(|failure| {
            fields
                .iter()
                .all(|field| failure.field_message(field).is_none())
        })
    }
}

/// The web officer sends a new feedback to a department, saying what to do.
#[component]
pub fn ForwardForm(code: String) -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let departments = LocalResource::new(move || {
        let unit = unit.clone();
        async move {
            session
                .authorized(move |token| {
                    let unit = unit.clone();
                    async move { api::feedback_staff::departments(&token, &unit).await }
                })
                .await
        }
    });
    view! {
        <section class="review-form" aria-labelledby="chuyen-xu-ly">
            <h2 id="chuyen-xu-ly">"Chuyển bộ phận xử lý"</h2>
            <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
                <Suspense fallback=Loading>
                    {move || {
                        let code = code.clone();
                        Suspend::new(async move {
                            departments.await.map(|departments| view! { <ForwardFields code departments /> })
                        })
                    }}
                </Suspense>
            </ErrorBoundary>
        </section>
    }
}

#[component]
fn ForwardFields(code: String, departments: Vec<Department>) -> impl IntoView {
    let department = RwSignal::new(String::new());
    let instruction = RwSignal::new(String::new());
    let multi_agency = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let body = move || ForwardRequest {
        department: department.get_untracked(),
        instruction: instruction.get_untracked(),
        multi_agency: multi_agency.get_untracked(),
    };
    let send = run_step(
        pending,
        error,
        "Đã chuyển phản ánh cho bộ phận xử lý.",
        FeedbackQueue::Triage,
        move |token, unit| {
            let (code, body) = (code.clone(), body());
            async move { api::feedback_staff::forward(&token, &unit, &code, &body).await }
        },
    );
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let mut parsed = body().parse();
        if department.get_untracked().is_empty() {
            // "Required" says less than naming the list to choose from.
            let mut errors = parsed.err().unwrap_or_default();
            errors.retain(|error| error.field != "department");
            errors.insert(
                0,
                FieldError::new("department", "required", "Vui lòng chọn bộ phận xử lý"),
            );
            parsed = Err(errors);
        }
        if checked(parsed, error).is_some() {
            send();
        }
    };
    let department_message = field_message(error, "department");
    let locked = Signal::derive(move || pending.get());
    view! {
        {move || other_error(error, &["department", "instruction"])().map(|error| view! { <ErrorMessage error /> })}
        <form class="form" on:submit=submit novalidate>
            <div class="field">
                <label for="bo-phan">"Bộ phận xử lý"</label>
                <select
                    id="bo-phan"
                    on:change=move |event| department.set(event_target_value(&event))
                    aria-invalid=move || department_message.get().map(|_| "true")
                    aria-describedby=described_by("bo-phan", department_message)
                >
                    <option value="" prop:selected=move || department.get().is_empty()>"— Chọn bộ phận —"</option>
                    {departments
                        .into_iter()
                        .map(|choice| {
                            let slug = choice.slug.clone();
                            view! {
                                <option
                                    value=choice.slug
                                    prop:selected=move || department.with(|chosen| *chosen == slug)
                                >
                                    {choice.name}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <FieldMessage field_id="bo-phan" message=department_message />
            </div>
            <TextField
                id="chi-dao"
                label="Nội dung chỉ đạo"
                value=instruction
                message=field_message(error, "instruction")
                locked
                input=Input::Multiline
                hint="Việc bộ phận cần làm và thời hạn, nếu có."
            />
            <div class="field check-field">
                <input id="nhieu-co-quan" type="checkbox" bind:checked=multi_agency aria-describedby="nhieu-co-quan-huong-dan" />
                <label for="nhieu-co-quan">"Cần phối hợp nhiều cơ quan"</label>
                <p id="nhieu-co-quan-huong-dan" class="field-hint">"Hạn trả lời thành 15 ngày làm việc thay vì 10."</p>
            </div>
            <div class="form-actions">
                <button type="submit" class="button button-primary" aria-disabled=move || pending.get().then_some("true")>
                    "Chuyển xử lý"
                </button>
            </div>
        </form>
    }
}

/// The web officer declines a feedback: spam, a duplicate of another code, or not
/// the ward's to settle (then naming who is).
#[component]
pub fn RejectForm(code: String) -> impl IntoView {
    let kind = RwSignal::new(RejectionKind::Spam);
    let reason = RwSignal::new(String::new());
    let duplicate_of = RwSignal::new(String::new());
    let competent_body = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let body = move || {
        let given = |signal: RwSignal<String>| {
            let value = signal.get_untracked().trim().to_owned();
            (!value.is_empty()).then_some(value)
        };
        let kind = kind.get_untracked();
        RejectRequest {
            kind,
            reason: reason.get_untracked(),
            duplicate_of: (kind == RejectionKind::Duplicate)
                .then(|| given(duplicate_of))
                .flatten(),
            competent_body: (kind == RejectionKind::OutsideCompetence)
                .then(|| given(competent_body))
                .flatten(),
        }
    };
    let send = run_step(
        pending,
        error,
        "Đã ghi nhận không tiếp nhận phản ánh.",
        FeedbackQueue::Triage,
        move |token, unit| {
            let (code, body) = (code.clone(), body());
            async move { api::feedback_staff::reject(&token, &unit, &code, &body).await }
        },
    );
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if checked(body().parse(), error).is_some() {
            send();
        }
    };
    let locked = Signal::derive(move || pending.get());
    let kinds = [
        (RejectionKind::Spam, "loai-spam"),
        (RejectionKind::Duplicate, "loai-trung"),
        (RejectionKind::OutsideCompetence, "loai-tham-quyen"),
    ];
    view! {
        <section class="review-form" aria-labelledby="khong-tiep-nhan">
            <h2 id="khong-tiep-nhan">"Không tiếp nhận"</h2>
            {move || other_error(error, &["reason", "duplicate_of", "competent_body"])().map(|error| view! { <ErrorMessage error /> })}
            <form class="form" on:submit=submit novalidate>
                <fieldset class="choice-group">
                    <legend>"Lý do"</legend>
                    {kinds
                        .into_iter()
                        .map(|(choice, id)| view! {
                            <div class="check-field">
                                <input
                                    id=id
                                    type="radio"
                                    name="loai-tu-choi"
                                    prop:checked=move || kind.get() == choice
                                    on:change=move |_| kind.set(choice)
                                />
                                <label for=id>{choice.label()}</label>
                            </div>
                        })
                        .collect_view()}
                </fieldset>
                {move || (kind.get() == RejectionKind::Duplicate).then(|| view! {
                    <TextField
                        id="trung-ma"
                        label="Mã phản ánh bị trùng"
                        value=duplicate_of
                        message=field_message(error, "duplicate_of")
                        locked
                        placeholder="PA-XXXXX-XXXXX"
                    />
                })}
                {move || (kind.get() == RejectionKind::OutsideCompetence).then(|| view! {
                    <TextField
                        id="co-quan-tham-quyen"
                        label="Cơ quan có thẩm quyền"
                        value=competent_body
                        message=field_message(error, "competent_body")
                        locked
                        hint="Người gửi sẽ được hướng dẫn liên hệ cơ quan này."
                    />
                })}
                <TextField
                    id="ly-do-tu-choi"
                    label="Giải thích cho người gửi"
                    value=reason
                    message=field_message(error, "reason")
                    locked
                    input=Input::Multiline
                />
                <div class="form-actions">
                    <button type="submit" class="button button-secondary" aria-disabled=move || pending.get().then_some("true")>
                        "Không tiếp nhận"
                    </button>
                </div>
            </form>
        </section>
    }
}

/// The department drafts the reply; after a return, the reviewer's reason is shown
/// above it and the earlier draft is kept to edit.
#[component]
pub fn AnswerForm(code: String, draft: Option<String>) -> impl IntoView {
    let reply = RwSignal::new(draft.unwrap_or_default());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let send = run_step(
        pending,
        error,
        "Đã gửi dự thảo trả lời để duyệt.",
        FeedbackQueue::Department,
        move |token, unit| {
            let code = code.clone();
            let body = AnswerRequest {
                reply: reply.get_untracked(),
            };
            async move { api::feedback_staff::answer(&token, &unit, &code, &body).await }
        },
    );
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let body = AnswerRequest {
            reply: reply.get_untracked(),
        };
        if checked(body.parse(), error).is_some() {
            send();
        }
    };
    view! {
        <section class="review-form" aria-labelledby="soan-tra-loi">
            <h2 id="soan-tra-loi">"Soạn trả lời"</h2>
            {move || other_error(error, &["reply"])().map(|error| view! { <ErrorMessage error /> })}
            <form class="form" on:submit=submit novalidate>
                <TextField
                    id="tra-loi"
                    label="Nội dung trả lời"
                    value=reply
                    message=field_message(error, "reply")
                    locked=Signal::derive(move || pending.get())
                    input=Input::Multiline
                    hint="Người kiểm duyệt xem và duyệt trước khi gửi cho người dân."
                />
                <div class="form-actions">
                    <button type="submit" class="button button-primary" aria-disabled=move || pending.get().then_some("true")>
                        "Gửi trả lời để duyệt"
                    </button>
                </div>
            </form>
        </section>
    }
}

pub fn hidden_kind_label(kind: HiddenKind) -> &'static str {
    match kind {
        HiddenKind::IdNumber => "Số định danh",
        HiddenKind::Phone => "Số điện thoại",
        HiddenKind::Email => "Thư điện tử",
        HiddenKind::Name => "Họ tên người gửi",
    }
}

/// What the reviewer changed: `None` keeps the automatic redaction of that text.
pub fn changed(edited: &str, automatic: &str) -> Option<String> {
    (edited.trim() != automatic.trim()).then(|| edited.to_owned())
}

/// The reviewer reads the texts as they will be published, with what was hidden
/// automatically, adjusts them if needed, and approves; or returns the reply.
#[component]
pub fn ApprovalForms(code: String, may_approve: bool, may_return: bool) -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let preview = {
        let code = code.clone();
        LocalResource::new(move || {
            let (unit, code) = (unit.clone(), code.clone());
            async move {
                session
                    .authorized(move |token| {
                        let (unit, code) = (unit.clone(), code.clone());
                        async move { api::feedback_staff::redaction(&token, &unit, &code).await }
                    })
                    .await
            }
        })
    };
    view! {
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || {
                    let code = code.clone();
                    Suspend::new(async move {
                        preview.await.map(|preview| view! {
                            {may_approve.then(|| view! { <ApproveForm code=code.clone() preview /> })}
                            {may_return.then(|| view! { <ReturnForm code /> })}
                        })
                    })
                }}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn ApproveForm(code: String, preview: RedactionPreview) -> impl IntoView {
    let automatic = StoredValue::new(preview.clone());
    let title = RwSignal::new(preview.public_title.clone());
    let content = RwSignal::new(preview.public_content.clone());
    let reply = RwSignal::new(preview.public_reply.clone().unwrap_or_default());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let body = move || {
        automatic.with_value(|automatic| ApproveFeedbackRequest {
            public_title: changed(&title.get_untracked(), &automatic.public_title),
            public_content: changed(&content.get_untracked(), &automatic.public_content),
            public_reply: changed(
                &reply.get_untracked(),
                automatic.public_reply.as_deref().unwrap_or_default(),
            ),
        })
    };
    let send = run_step(
        pending,
        error,
        "Đã duyệt trả lời.",
        FeedbackQueue::Review,
        move |token, unit| {
            let (code, body) = (code.clone(), body());
            async move { api::feedback_staff::approve(&token, &unit, &code, &body).await }
        },
    );
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if checked(body().parse(), error).is_some() {
            send();
        }
    };
    let hidden = if preview.hidden.is_empty() {
        Either::Left(view! { <p>"Không tìm thấy thông tin cá nhân cần che."</p> })
    } else {
        Either::Right(view! {
            <ul class="hidden-list">
                {preview
                    .hidden
                    .into_iter()
                    .map(|hidden| view! {
                        <li>{hidden_kind_label(hidden.kind)} ": " <span class="hidden-original">{hidden.original}</span></li>
                    })
                    .collect_view()}
            </ul>
        })
    };
    let locked = Signal::derive(move || pending.get());
    view! {
        <section class="review-form redaction" aria-labelledby="duyet-tra-loi">
            <h2 id="duyet-tra-loi">"Duyệt trả lời và nội dung công khai"</h2>
            <section class="redaction-hidden" aria-labelledby="da-che">
                <h3 id="da-che">"Thông tin đã được che tự động"</h3>
                {hidden}
            </section>
            {move || other_error(error, &["public_title", "public_content", "public_reply"])().map(|error| view! { <ErrorMessage error /> })}
            <form class="form" on:submit=submit novalidate>
                <TextField
                    id="tieu-de-cong-khai"
                    label="Tiêu đề công khai"
                    value=title
                    message=field_message(error, "public_title")
                    locked
                />
                <TextField
                    id="noi-dung-cong-khai"
                    label="Nội dung công khai"
                    value=content
                    message=field_message(error, "public_content")
                    locked
                    input=Input::Multiline
                    hint="Đã che thông tin cá nhân; có thể sửa thêm trước khi duyệt."
                />
                <TextField
                    id="tra-loi-cong-khai"
                    label="Trả lời công khai"
                    value=reply
                    message=field_message(error, "public_reply")
                    locked
                    input=Input::Multiline
                />
                <div class="form-actions">
                    <button type="submit" class="button button-primary" aria-disabled=move || pending.get().then_some("true")>
                        "Duyệt trả lời"
                    </button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn ReturnForm(code: String) -> impl IntoView {
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let send = run_step(
        pending,
        error,
        "Đã trả lại bộ phận xử lý.",
        FeedbackQueue::Review,
        move |token, unit| {
            let code = code.clone();
            let body = ReturnRequest {
                reason: reason.get_untracked(),
            };
            async move { api::feedback_staff::return_to_department(&token, &unit, &code, &body).await }
        },
    );
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let body = ReturnRequest {
            reason: reason.get_untracked(),
        };
        if checked(body.parse(), error).is_some() {
            send();
        }
    };
    view! {
        <section class="review-form" aria-labelledby="tra-lai-bo-phan">
            <h2 id="tra-lai-bo-phan">"Trả lại bộ phận xử lý"</h2>
            {move || other_error(error, &["reason"])().map(|error| view! { <ErrorMessage error /> })}
            <form class="form" on:submit=submit novalidate>
                <TextField
                    id="ly-do-tra-lai"
                    label="Lý do trả lại"
                    value=reason
                    message=field_message(error, "reason")
                    locked=Signal::derive(move || pending.get())
                    input=Input::Multiline
                />
                <div class="form-actions">
                    <button type="submit" class="button button-secondary" aria-disabled=move || pending.get().then_some("true")>
                        "Trả lại"
                    </button>
                </div>
            </form>
        </section>
    }
}

/// The web officer publishes the approved reply.
#[component]
pub fn PublishForm(code: String) -> impl IntoView {
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let send = run_step(
        pending,
        error,
        "Đã đăng phản ánh và câu trả lời.",
        FeedbackQueue::Publish,
        move |token, unit| {
            let code = code.clone();
            async move { api::feedback_staff::publish(&token, &unit, &code).await }
        },
    );
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        send();
    };
    view! {
        <section class="review-form" aria-labelledby="dang-cong-khai">
            <h2 id="dang-cong-khai">"Đăng công khai"</h2>
            {move || error.get().map(|error| view! { <ErrorMessage error /> })}
            <form class="form" on:submit=submit>
                <p>"Nội dung và câu trả lời đã duyệt sẽ được đăng trên trang của phường; người gửi được báo tin."</p>
                <div class="form-actions">
                    <button type="submit" class="button button-primary" aria-disabled=move || pending.get().then_some("true")>
                        "Đăng lên trang"
                    </button>
                </div>
            </form>
        </section>
    }
}

/// The web officer closes a feedback (one kept private, or settled otherwise).
#[component]
pub fn CloseForm(code: String) -> impl IntoView {
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let send = run_step(
        pending,
        error,
        "Đã đóng phản ánh.",
        FeedbackQueue::Publish,
        move |token, unit| {
            let code = code.clone();
            let note = note.get_untracked().trim().to_owned();
            let body = CloseRequest {
                note: (!note.is_empty()).then_some(note),
            };
            async move { api::feedback_staff::close(&token, &unit, &code, &body).await }
        },
    );
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        send();
    };
    view! {
        <section class="review-form" aria-labelledby="dong-phan-anh">
            <h2 id="dong-phan-anh">"Đóng phản ánh"</h2>
            {move || error.get().map(|error| view! { <ErrorMessage error /> })}
            <form class="form" on:submit=submit>
                <TextField
                    id="ghi-chu-dong"
                    label="Ghi chú (không bắt buộc)"
                    value=note
                    message=field_message(error, "note")
                    locked=Signal::derive(move || pending.get())
                    input=Input::Multiline
                />
                <div class="form-actions">
                    <button type="submit" class="button button-secondary" aria-disabled=move || pending.get().then_some("true")>
                        "Đóng phản ánh"
                    </button>
                </div>
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unchanged_text_keeps_the_automatic_redaction() {
        assert_eq!(changed("Gọi [đã che]", "Gọi [đã che]"), None);
        assert_eq!(changed("Gọi [đã che] ", "Gọi [đã che]"), None);
        assert_eq!(
            changed("Gọi lại sau", "Gọi [đã che]").as_deref(),
            Some("Gọi lại sau")
        );
    }
}

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use openapi::FieldError;
use openapi::feedback::{FeedbackState, FeedbackStatus};

use crate::api::{self, ApiError};
use crate::components::calendar_date::CalendarDate;
use crate::components::date_time_text::DateTimeText;
use crate::components::document_title::DocumentTitle;
use crate::components::error_message::ErrorMessage;
use crate::components::feedback_messages::CitizenThread;
use crate::components::text_field::{Input, TextField};
use crate::text::feedback::feedback_state_class;

/// "/phan-anh/tra-cuu?ma=": the sender's own view of a feedback, by its code and the
/// phone or e-mail they gave. The contact never goes into the address.
#[component]
pub fn FeedbackLookupPage() -> impl IntoView {
    let query = use_query_map();
    let code = RwSignal::new(query.with_untracked(|query| query.get("ma").unwrap_or_default()));
    let contact = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let found = RwSignal::new(None::<(FeedbackStatus, String)>);

    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let typed_code = code.get_untracked().trim().to_uppercase();
        let typed_contact = contact.get_untracked().trim().to_owned();
        let mut errors = Vec::new();
        if typed_code.is_empty() {
            errors.push(FieldError::new(
                "code",
                "required",
                "Vui lòng nhập mã tra cứu",
            ));
        }
        if typed_contact.is_empty() {
            errors.push(FieldError::new(
                "contact",
                "required",
                "Vui lòng nhập số điện thoại hoặc thư điện tử đã dùng khi gửi",
            ));
        }
        if !errors.is_empty() {
            error.set(Some(ApiError::invalid_fields(errors)));
            return;
        }
        pending.set(true);
        error.set(None);
        found.set(None);
        spawn_local(async move {
            let result = api::feedback::lookup(&typed_code, &typed_contact).await;
            pending.set(false);
            match result {
                Ok(status) => found.set(Some((status, typed_contact))),
                Err(failure) => error.set(Some(failure)),
            }
        });
    };

    let message = |field: &'static str| {
        Signal::derive(move || {
            error.with(|error| error.as_ref().and_then(|e| e.field_message(field)))
        })
    };
    let other_error = move || {
        error.get().filter(|failure| {
            failure.field_message("code").is_none() && failure.field_message("contact").is_none()
        })
    };
    let locked = Signal::derive(move || pending.get());
    view! {
        <DocumentTitle page="Tra cứu phản ánh" />
        <p class="back-link">
            <A href="/phan-anh"><span aria-hidden="true">"← "</span>"Phản ánh kiến nghị"</A>
        </p>
        <h1>"Tra cứu phản ánh"</h1>
        <p class="lead">"Nhập mã tra cứu và số điện thoại hoặc thư điện tử bạn đã dùng khi gửi phản ánh."</p>
        <form class="form lookup-form" on:submit=submit novalidate>
            <TextField
                id="ma"
                label="Mã tra cứu"
                value=code
                message=message("code")
                locked
                placeholder="PA-XXXXX-XXXXX"
            />
            <TextField
                id="lien-he"
                label="Số điện thoại hoặc thư điện tử"
                value=contact
                message=message("contact")
                locked
                input=Input::Text
                autocomplete="tel"
            />
            <div class="form-actions">
                <button type="submit" class="button button-primary" aria-disabled=move || pending.get().then_some("true")>
                    "Tra cứu"
                </button>
                {move || pending.get().then(|| view! { <span class="loading" role="status">"Đang tra cứu…"</span> })}
            </div>
        </form>
        {move || other_error().map(|error| {
            let not_found = error.code() == Some(openapi::ErrorCode::NotFound);
            view! {
                <ErrorMessage error />
                {not_found.then(|| view! {
                    <p class="notice">"Không tìm thấy phản ánh với mã và thông tin liên hệ này. Hãy kiểm tra lại cả hai."</p>
                })}
            }
        })}
        {move || found.get().map(|(status, contact)| view! { <FeedbackStatusView status contact /> })}
    }
}

#[component]
fn FeedbackStatusView(status: FeedbackStatus, contact: String) -> impl IntoView {
    let open = !matches!(
        status.state,
        FeedbackState::Published | FeedbackState::Rejected | FeedbackState::Closed
    );
    let due = status
        .due_date
        .map(|date| view! { <p>"Hạn trả lời: " <CalendarDate date /></p> });
    let rejection = status.rejection.clone().map(|rejection| {
        view! {
            <section class="rejection" aria-labelledby="ly-do-khong-tiep-nhan">
                <h3 id="ly-do-khong-tiep-nhan">"Lý do không tiếp nhận: " {rejection.kind_label}</h3>
                <p class="plain-text">{rejection.reason}</p>
                {rejection.duplicate_of.map(|code| view! { <p>"Trùng với phản ánh " <strong>{code}</strong></p> })}
                {rejection.competent_body.map(|body| view! { <p>"Cơ quan có thẩm quyền: " <strong>{body}</strong></p> })}
            </section>
        }
    });
    let reply = status.reply.clone().map(|reply| {
        view! {
            <section class="feedback-reply" aria-labelledby="tra-loi">
                <h3 id="tra-loi">"Trả lời của phường"</h3>
                <div class="plain-text">{reply}</div>
            </section>
        }
    });
    let code = status.code.clone();
    let messages = status.messages.clone();
    let photos = (!status.photos.is_empty()).then(|| {
        let count = status.photos.len();
        view! {
            <section aria-labelledby="anh-da-gui">
                <h3 id="anh-da-gui">"Ảnh đã gửi"</h3>
                <ul class="photo-list sent-photos">
                    {status
                        .photos
                        .iter()
                        .enumerate()
                        .map(|(index, photo)| view! {
                            <li>
                                <img
                                    class="photo-preview"
                                    src=photo.url.clone()
                                    alt=format!("Ảnh {} trên {count} bạn đã gửi", index + 1)
                                />
                            </li>
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    });
    view! {
        <article class="feedback-status" aria-labelledby="ket-qua-tra-cuu">
            <h2 id="ket-qua-tra-cuu" tabindex="-1">{status.title.clone()}</h2>
            <p class="article-meta">
                <span>"Mã " {status.code.clone()}</span>
                <span>{status.unit.name.clone()}</span>
                <span>{status.category.name.clone()}</span>
            </p>
            <p>
                "Trạng thái: "
                <span class=feedback_state_class(status.state)>{status.state_label.clone()}</span>
            </p>
            <p>"Gửi lúc " <DateTimeText at=status.received_at /></p>
            {due}
            <section aria-labelledby="noi-dung-da-gui">
                <h3 id="noi-dung-da-gui">"Nội dung đã gửi"</h3>
                <div class="plain-text">{status.content.clone()}</div>
            </section>
            <section aria-labelledby="cac-buoc">
                <h3 id="cac-buoc">"Các bước xử lý"</h3>
                <ol class="step-list">
                    {status
                        .steps
                        .into_iter()
                        .map(|step| view! {
                            <li>
                                <span class="step-state">{step.state.label()}</span>
                                " — "
                                <DateTimeText at=step.at />
                            </li>
                        })
                        .collect_view()}
                </ol>
            </section>
            {photos}
            {rejection}
            {reply}
            <CitizenThread code contact messages open />
        </article>
    }
}

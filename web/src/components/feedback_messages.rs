//! The thread of a feedback. The citizen reads the public messages and, while the
//! feedback is open, adds to them; staff read public messages and internal notes in
//! two separate, labelled sections, and write either.

use leptos::either::Either;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openapi::feedback_thread::{
    MessageSender, MessageVisibility, NewCitizenMessage, NewStaffMessage, PublicMessage,
    ThreadMessage,
};

use crate::api::{self, ApiError};
use crate::components::api_errors::ApiErrors;
use crate::components::date_time_text::DateTimeText;
use crate::components::error_message::ErrorMessage;
use crate::components::field_message::field_message;
use crate::components::loading::Loading;
use crate::components::text_field::{Input, TextField};
use crate::state::session::use_session;
use crate::state::site::use_site;

/// The public messages of a feedback as its sender sees them, and their reply box.
#[component]
pub fn CitizenThread(
    code: String,
    contact: String,
    messages: Vec<PublicMessage>,
    /// Replies are taken only while the ward is still working on it.
    open: bool,
) -> impl IntoView {
    let messages = RwSignal::new(messages);
    let body = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let sent = RwSignal::new(false);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let request = NewCitizenMessage {
            contact: Some(contact.clone()),
            body: body.get_untracked(),
        };
        if let Err(errors) = request.parse() {
            error.set(Some(ApiError::invalid_fields(errors)));
            return;
        }
        let code = code.clone();
        pending.set(true);
        error.set(None);
        sent.set(false);
        spawn_local(async move {
            let result = api::feedback::reply(&code, &request).await;
            pending.set(false);
            match result {
                Ok(message) => {
                    messages.update(|messages| messages.push(message));
                    body.set(String::new());
                    sent.set(true);
                }
                Err(failure) => error.set(Some(failure)),
            }
        });
    };
    let other_error = move || {
        error
            .get()
            .filter(|failure| failure.field_message("body").is_none())
    };
    view! {
        <section class="thread thread-public" aria-labelledby="trao-doi">
            <h3 id="trao-doi">"Trao đổi với phường"</h3>
            {move || {
                let list = messages.get();
                if list.is_empty() {
                    Either::Left(view! { <p class="empty">"Chưa có tin nhắn nào."</p> })
                } else {
                    Either::Right(view! {
                        <ol class="message-list">
                            {list.into_iter().map(|message| view! { <PublicMessageItem message /> }).collect_view()}
                        </ol>
                    })
                }
            }}
            {open.then(|| view! {
                {move || other_error().map(|error| view! { <ErrorMessage error /> })}
                <form class="form" on:submit=submit novalidate>
                    <TextField
                        id="tin-nhan-cong-dan"
                        label="Bổ sung thông tin hoặc trả lời phường"
                        value=body
                        message=field_message(error, "body")
                        locked=Signal::derive(move || pending.get())
                        input=Input::Multiline
                    />
                    <div class="form-actions">
                        <button type="submit" class="button button-primary" aria-disabled=move || pending.get().then_some("true")>
                            "Gửi tin nhắn"
                        </button>
                        <span role="status">
                            {move || sent.get().then_some("Đã gửi tin nhắn.")}
                        </span>
                    </div>
                </form>
            })}
        </section>
    }
}

#[component]
fn PublicMessageItem(message: PublicMessage) -> impl IntoView {
    let class = match message.from {
        MessageSender::Citizen => "message message-citizen",
        MessageSender::Unit => "message message-unit",
    };
    view! {
        <li class=class>
            <p class="message-meta"><strong>{message.from_label}</strong> " — " <DateTimeText at=message.at /></p>
            <div class="plain-text">{message.body}</div>
        </li>
    }
}

/// The whole thread as staff see it: public messages and internal notes apart.
#[component]
pub fn StaffThread(code: String) -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let reload = RwSignal::new(0_u32);
    let thread = {
        let code = code.clone();
        LocalResource::new(move || {
            reload.track();
            let (unit, code) = (unit.clone(), code.clone());
            async move {
                session
                    .authorized(move |token| {
                        let (unit, code) = (unit.clone(), code.clone());
                        async move { api::feedback_staff::messages(&token, &unit, &code).await }
                    })
                    .await
            }
        })
    };
    let on_posted = Callback::new(move |()| reload.update(|count| *count += 1));
    view! {
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Transition fallback=Loading>
                {move || Suspend::new(async move {
                    thread.await.map(|messages| view! { <ThreadSections messages /> })
                })}
            </Transition>
        </ErrorBoundary>
        <div class="thread-forms">
            <MessageForm code=code.clone() visibility=MessageVisibility::Public on_posted />
            <MessageForm code visibility=MessageVisibility::Internal on_posted />
        </div>
    }
}

#[component]
fn ThreadSections(messages: Vec<ThreadMessage>) -> impl IntoView {
    let (public, internal): (Vec<_>, Vec<_>) = messages
        .into_iter()
        .partition(|message| message.visibility == MessageVisibility::Public);
    let list = |messages: Vec<ThreadMessage>, empty: &'static str| {
        if messages.is_empty() {
            Either::Left(view! { <p class="empty">{empty}</p> })
        } else {
            Either::Right(view! {
                <ol class="message-list">
                    {messages.into_iter().map(|message| view! { <StaffMessageItem message /> }).collect_view()}
                </ol>
            })
        }
    };
    view! {
        <section class="thread thread-public" aria-labelledby="tin-nhan-cong-khai">
            <h2 id="tin-nhan-cong-khai">"Trao đổi với người dân"</h2>
            <p class="field-hint">"Người gửi đọc được các tin nhắn này, dưới tên của phường."</p>
            {list(public, "Chưa có tin nhắn nào với người dân.")}
        </section>
        <section class="thread thread-internal" aria-labelledby="ghi-chu-noi-bo">
            <h2 id="ghi-chu-noi-bo">
                <span class="internal-flag">"Nội bộ"</span>
                " Ghi chú nội bộ"
            </h2>
            <p class="field-hint">"Chỉ cán bộ của phường đọc được; người dân không bao giờ thấy."</p>
            {list(internal, "Chưa có ghi chú nội bộ.")}
        </section>
    }
}

#[component]
fn StaffMessageItem(message: ThreadMessage) -> impl IntoView {
    let class = match (message.visibility, message.by_citizen) {
        (MessageVisibility::Internal, _) => "message message-internal",
        (MessageVisibility::Public, true) => "message message-citizen",
        (MessageVisibility::Public, false) => "message message-unit",
    };
    let who = if message.by_citizen {
        format!("{} (người gửi)", message.author_name)
    } else {
        message.author_name
    };
    view! {
        <li class=class>
            <p class="message-meta"><strong>{who}</strong> " — " <DateTimeText at=message.at /></p>
            <div class="plain-text">{message.body}</div>
        </li>
    }
}

#[component]
fn MessageForm(
    code: String,
    visibility: MessageVisibility,
    on_posted: Callback<()>,
) -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let body = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let sent = RwSignal::new(false);
    let (id, label, button, done) = match visibility {
        MessageVisibility::Public => (
            "tin-nhan-nguoi-dan",
            "Tin nhắn gửi người dân",
            "Gửi người dân",
            "Đã gửi tin nhắn cho người dân.",
        ),
        MessageVisibility::Internal => (
            "ghi-chu-moi",
            "Ghi chú nội bộ mới",
            "Lưu ghi chú nội bộ",
            "Đã lưu ghi chú nội bộ.",
        ),
    };
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let request = NewStaffMessage {
            visibility,
            body: body.get_untracked(),
        };
        if let Err(errors) = request.parse() {
            error.set(Some(ApiError::invalid_fields(errors)));
            return;
        }
        let (unit, code) = (unit.clone(), code.clone());
        pending.set(true);
        error.set(None);
        sent.set(false);
        spawn_local(async move {
            let result = session
                .authorized(move |token| {
                    let (unit, code, request) = (unit.clone(), code.clone(), request.clone());
                    async move {
                        api::feedback_staff::post_message(&token, &unit, &code, &request).await
                    }
                })
                .await;
            pending.set(false);
            match result {
                Ok(_) => {
                    body.set(String::new());
                    sent.set(true);
                    on_posted.run(());
                }
                Err(failure) => error.set(Some(failure)),
            }
        });
    };
    let other_error = move || {
        error
            .get()
            .filter(|failure| failure.field_message("body").is_none())
    };
    view! {
        <form class="form message-form" on:submit=submit novalidate>
            {move || other_error().map(|error| view! { <ErrorMessage error /> })}
            <TextField
                id
                label
                value=body
                message=field_message(error, "body")
                locked=Signal::derive(move || pending.get())
                input=Input::Multiline
            />
            <div class="form-actions">
                <button type="submit" class="button button-secondary" aria-disabled=move || pending.get().then_some("true")>
                    {button}
                </button>
                <span role="status">{move || sent.get().then_some(done)}</span>
            </div>
        </form>
    }
}

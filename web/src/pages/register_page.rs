use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use openapi::auth::{LoginRequest, RegisterRequest};

use crate::api::{self, ApiError};
use crate::components::document_title::DocumentTitle;
use crate::components::error_message::ErrorMessage;
use crate::components::text_field::{Input, TextField};
use crate::state::session::use_session;
use crate::text::next_path::{self, safe_next, with_next};

/// "/dang-ky": a citizen's account, needed to file dossiers and follow them. Signed
/// in at once afterwards and sent back to the page they came from (`?tiep=`).
#[component]
pub fn RegisterPage() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let query = use_query_map();
    let next = move || {
        query
            .with_untracked(|query| query.get(next_path::PARAMETER))
            .and_then(|raw| safe_next(&raw))
    };
    let full_name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let locked = Signal::derive(move || pending.get());

    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let optional = |value: RwSignal<String>| {
            let text = value.get_untracked().trim().to_owned();
            (!text.is_empty()).then_some(text)
        };
        let registration = RegisterRequest {
            full_name: full_name.get_untracked(),
            email: optional(email),
            phone: optional(phone),
            password: password.get_untracked(),
        };
        // The same checks the server makes, so a slip costs no round trip.
        if let Err(errors) = registration.parse() {
            error.set(Some(ApiError::invalid_fields(errors)));
            return;
        }
        pending.set(true);
        error.set(None);
        let navigate = navigate.clone();
        let destination = next().unwrap_or_else(|| "/".to_owned());
        spawn_local(async move {
            let signed_in = async {
                api::auth::register(&registration).await?;
                let login = registration
                    .email
                    .clone()
                    .or(registration.phone.clone())
                    .unwrap_or_default();
                session
                    .sign_in(&LoginRequest {
                        login,
                        password: registration.password.clone(),
                    })
                    .await
            };
            match signed_in.await {
                Ok(_) => navigate(&destination, Default::default()),
                Err(failure) => {
                    pending.set(false);
                    error.set(Some(failure));
                }
            }
        });
    };

    let message = move |field: &'static str| {
        Signal::derive(move || {
            error.with(|error| error.as_ref().and_then(|error| error.field_message(field)))
        })
    };
    let sign_in_link = move || match next() {
        Some(path) => with_next("/dang-nhap", &path),
        None => "/dang-nhap".to_owned(),
    };

    view! {
        <DocumentTitle page="Đăng ký tài khoản" />
        <div class="narrow">
            <h1>"Đăng ký tài khoản"</h1>
            <p>
                "Tài khoản công dân dùng để nộp và theo dõi hồ sơ trực tuyến. "
                "Cần ít nhất thư điện tử hoặc số điện thoại."
            </p>
            {move || error.get().map(|error| view! { <ErrorMessage error /> })}
            <form class="form" on:submit=submit novalidate>
                <TextField
                    id="full_name"
                    label="Họ và tên"
                    value=full_name
                    message=message("full_name")
                    locked
                    autocomplete="name"
                />
                <TextField
                    id="email"
                    label="Thư điện tử"
                    value=email
                    message=message("email")
                    locked
                    input=Input::Email
                    autocomplete="email"
                    hint="Để nhận thông báo khi hồ sơ đổi trạng thái."
                />
                <TextField
                    id="phone"
                    label="Số điện thoại"
                    value=phone
                    message=message("phone")
                    locked
                    input=Input::Tel
                    autocomplete="tel"
                />
                <TextField
                    id="password"
                    label="Mật khẩu"
                    value=password
                    message=message("password")
                    locked
                    input=Input::Password
                    autocomplete="new-password"
                    hint="Từ 8 ký tự trở lên."
                />
                <div class="form-actions">
                    <button
                        type="submit"
                        class="button button-primary"
                        aria-disabled=move || pending.get().then_some("true")
                    >
                        "Đăng ký"
                    </button>
                    {move || {
                        pending
                            .get()
                            .then(|| view! { <span class="loading" role="status">"Đang đăng ký…"</span> })
                    }}
                </div>
            </form>
            <p>"Đã có tài khoản? " <A href=sign_in_link>"Đăng nhập"</A></p>
        </div>
    }
}

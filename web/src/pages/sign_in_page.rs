use leptos::either::Either;
use leptos::ev::SubmitEvent;
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use openapi::FieldError;
use openapi::auth::{Login, LoginRequest};

use crate::api::ApiError;
use crate::components::document_title::DocumentTitle;
use crate::components::error_message::ErrorMessage;
use crate::state::session::use_session;
use crate::text::next_path::{self, safe_next, with_next};

/// "/dang-nhap": sign in with an e-mail address or phone number and a password; then
/// back to the page that asked for it (`?tiep=`), else home (or the console for staff).
#[component]
pub fn SignInPage() -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let next = query
        .with_untracked(|query| query.get(next_path::PARAMETER))
        .and_then(|raw| safe_next(&raw));
    let register_link = match &next {
        Some(path) => with_next("/dang-ky", path),
        None => "/dang-ky".to_owned(),
    };
    view! {
        <DocumentTitle page="Đăng nhập" />
        <div class="narrow">
            <h1>"Đăng nhập"</h1>
            {move || match session.me() {
                Some(me) => {
                    let staff = me.is_staff();
                    Either::Left(view! { <AlreadySignedIn full_name=me.full_name staff /> })
                }
                None => Either::Right(view! { <SignInForm next=next.clone() /> }),
            }}
            <p>"Công dân chưa có tài khoản? " <A href=register_link>"Đăng ký"</A></p>
        </div>
    }
}

#[component]
fn AlreadySignedIn(full_name: String, staff: bool) -> impl IntoView {
    view! {
        <p>"Bạn đang đăng nhập với tên " <strong>{full_name}</strong> "."</p>
        <p>
            {if staff {
                Either::Left(view! { <A href="/quan-tri">"Vào trang quản trị"</A> })
            } else {
                Either::Right(view! { <A href="/">"Về trang chủ"</A> })
            }}
        </p>
    }
}

#[component]
fn SignInForm(next: Option<String>) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let login = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let login_input = NodeRef::<Input>::new();
    let password_input = NodeRef::<Input>::new();

    // Puts the keyboard where the first thing to fix is.
    let focus_first_invalid = move |failure: &ApiError| {
        let target = if failure.field_message("login").is_some() {
            login_input.get_untracked()
        } else if failure.field_message("password").is_some() {
            password_input.get_untracked()
        } else {
            None
        };
        if let Some(input) = target {
            let _ = input.focus();
        }
    };

    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let credentials = LoginRequest {
            login: login.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
        };
        if let Err(invalid) = check(&credentials) {
            focus_first_invalid(&invalid);
            error.set(Some(invalid));
            return;
        }
        pending.set(true);
        error.set(None);
        let navigate = navigate.clone();
        let next = next.clone();
        spawn_local(async move {
            match session.sign_in(&credentials).await {
                Ok(me) => {
                    let home = if me.is_staff() { "/quan-tri" } else { "/" };
                    navigate(next.as_deref().unwrap_or(home), Default::default());
                }
                Err(failure) => {
                    pending.set(false);
                    focus_first_invalid(&failure);
                    error.set(Some(failure));
                }
            }
        });
    };

    let message = move |field: &'static str| {
        move || error.with(|error| error.as_ref().and_then(|error| error.field_message(field)))
    };

    view! {
        {move || {
            error
                .get()
                .map(|error| view! { <ErrorMessage error /> })
        }}
        // The browser's own bubbles would speak the browser's language; ours speak Vietnamese.
        <form class="form" on:submit=submit novalidate>
            <Field
                id="login"
                label="Thư điện tử hoặc số điện thoại"
                input_type="text"
                autocomplete="username"
                value=login
                node_ref=login_input
                message=Signal::derive(message("login"))
            />
            <Field
                id="password"
                label="Mật khẩu"
                input_type="password"
                autocomplete="current-password"
                value=password
                node_ref=password_input
                message=Signal::derive(message("password"))
            />
            <div class="form-actions">
                <button type="submit" class="button button-primary" aria-disabled=move || pending.get().then_some("true")>
                    "Đăng nhập"
                </button>
                {move || pending.get().then(|| view! { <span class="loading" role="status">"Đang đăng nhập…"</span> })}
            </div>
        </form>
    }
}

/// A labelled input with its error message tied to it for screen readers.
#[component]
fn Field(
    id: &'static str,
    label: &'static str,
    input_type: &'static str,
    autocomplete: &'static str,
    value: RwSignal<String>,
    node_ref: NodeRef<Input>,
    message: Signal<Option<String>>,
) -> impl IntoView {
    let message_id = format!("{id}-loi");
    let described_by = {
        let message_id = message_id.clone();
        move || message.get().map(|_| message_id.clone())
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                name=id
                type=input_type
                autocomplete=autocomplete
                required
                bind:value=value
                node_ref=node_ref
                aria-invalid=move || message.get().map(|_| "true")
                aria-describedby=described_by
            />
            {move || {
                message
                    .get()
                    .map(|text| {
                        view! {
                            <p id=message_id.clone() class="field-error" role="alert">
                                {text}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// The checks the server would make, done first so an obvious slip costs no round trip
/// and reads the same as the server's answer.
fn check(credentials: &LoginRequest) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    if credentials.login.is_empty() {
        errors.push(FieldError::new(
            "login",
            "required",
            "Vui lòng nhập thư điện tử hoặc số điện thoại",
        ));
    } else if let Err(error) = Login::parse(&credentials.login) {
        errors.push(error);
    }
    if credentials.password.is_empty() {
        errors.push(FieldError::new(
            "password",
            "required",
            "Vui lòng nhập mật khẩu",
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::invalid_fields(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credentials(login: &str, password: &str) -> LoginRequest {
        LoginRequest {
            login: login.into(),
            password: password.into(),
        }
    }

    #[test]
    fn empty_fields_are_named_before_anything_is_sent() {
        let error = check(&credentials("", "")).unwrap_err();
        assert!(error.field_message("login").is_some());
        assert!(error.field_message("password").is_some());
    }

    #[test]
    fn a_login_is_checked_like_the_server_does() {
        assert!(check(&credentials("lan", "x")).is_err());
        assert!(check(&credentials("lan@example.com", "x")).is_ok());
        assert!(check(&credentials("0901234567", "x")).is_ok());
    }
}

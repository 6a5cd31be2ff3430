//! "/quan-tri/khoa-api": the keys third parties use to send feedback to the ward
//! through Open311. The unit's admins make one per third party, hand it over from the
//! box shown right after it is made (the server keeps only its hash), and revoke it
//! when the third party should stop.

use leptos::either::Either;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openapi::api_keys::{ApiKey, ApiKeyScope, IssuedApiKey, NewApiKey};

use crate::api::{self, ApiError};
use crate::components::api_errors::ApiErrors;
use crate::components::confirm_action::ConfirmAction;
use crate::components::date_time_text::DateTimeText;
use crate::components::document_title::DocumentTitle;
use crate::components::error_message::ErrorMessage;
use crate::components::field_message::{GroupMessage, field_message};
use crate::components::loading::Loading;
use crate::components::text_field::TextField;
use crate::state::session::use_session;
use crate::state::site::use_site;

/// What a scope lets the third party do, in the words of the form.
pub fn scope_label(scope: ApiKeyScope) -> &'static str {
    match scope {
        ApiKeyScope::FeedbackWrite => "Gửi phản ánh",
        ApiKeyScope::FeedbackRead => "Đọc phản ánh",
    }
}

fn scope_hint(scope: ApiKeyScope) -> &'static str {
    match scope {
        ApiKeyScope::FeedbackWrite => {
            "Ứng dụng được gửi phản ánh, kiến nghị của người dân đến phường thay cho người dân."
        }
        ApiKeyScope::FeedbackRead => {
            "Ứng dụng được đọc phản ánh đã công khai và xưng danh khi đọc; không xem được thông tin liên hệ của người gửi."
        }
    }
}

fn scope_field_id(scope: ApiKeyScope) -> &'static str {
    match scope {
        ApiKeyScope::FeedbackWrite => "khoa-quyen-gui",
        ApiKeyScope::FeedbackRead => "khoa-quyen-doc",
    }
}

/// The scopes as the list shows them: "Gửi phản ánh, Đọc phản ánh".
pub fn scopes_text(scopes: &[ApiKeyScope]) -> String {
    scopes
        .iter()
        .map(|scope| scope_label(*scope))
        .collect::<Vec<_>>()
        .join(", ")
}

#[component]
pub fn ApiKeysPage() -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let keys = LocalResource::new(move || {
        let unit = unit.clone();
        async move {
            session
                .authorized(move |token| {
                    let unit = unit.clone();
                    async move { api::api_keys::list(&token, &unit).await }
                })
                .await
        }
    });
    view! {
        <DocumentTitle page="Khóa API" />
        <h1>"Khóa API"</h1>
        <p class="lead">
            "Khóa API cho phép ứng dụng của bên thứ ba (ví dụ ứng dụng công dân số của quận, thành phố) "
            "gửi và đọc phản ánh, kiến nghị của phường qua chuẩn Open311."
        </p>
        <p>
            "Bên thứ ba tìm địa chỉ dịch vụ tại "
            <a href="/open311/v2/discovery.json">
                <code>"/open311/v2/discovery.json"</code>
            </a>
            " và gửi khóa trong tham số " <code>"api_key"</code> ". Tài liệu đầy đủ: "
            <a href="/api/docs/">"Tài liệu API"</a> "."
        </p>
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    keys.await.map(|keys| view! { <KeysManager keys /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn KeysManager(keys: Vec<ApiKey>) -> impl IntoView {
    let keys = RwSignal::new(keys);
    let issued = RwSignal::new(None::<IssuedApiKey>);
    let on_issued = Callback::new(move |new: IssuedApiKey| {
        keys.update(|keys| keys.insert(0, new.key.clone()));
        issued.set(Some(new));
    });
    let session = use_session();
    let unit = use_site().unit.slug;
    // The server stamps the revocation; the list is read again to show its time.
    let on_revoked = Callback::new(move |()| {
        let unit = unit.clone();
        spawn_local(async move {
            let fresh = session
                .authorized(move |token| {
                    let unit = unit.clone();
                    async move { api::api_keys::list(&token, &unit).await }
                })
                .await;
            if let Ok(fresh) = fresh {
                keys.set(fresh);
            }
        });
    });
    view! {
        {move || issued.get().map(|key| view! { <IssuedKey key on_hide=Callback::new(move |()| issued.set(None)) /> })}
        <NewKeyForm on_issued />
        <section aria-labelledby="khoa-danh-sach">
            <h2 id="khoa-danh-sach">"Các khóa đã cấp"</h2>
            {move || {
                let list = keys.get();
                if list.is_empty() {
                    Either::Left(view! { <p class="empty">"Chưa cấp khóa nào."</p> })
                } else {
                    Either::Right(view! { <KeyTable keys=list on_revoked /> })
                }
            }}
        </section>
    }
}

/// The whole key, right after it was made: the only time anyone sees it.
#[component]
fn IssuedKey(key: IssuedApiKey, on_hide: Callback<()>) -> impl IntoView {
    let copied = RwSignal::new(None::<bool>);
    let secret = key.secret.clone();
    let heading = NodeRef::<leptos::html::H2>::new();
    // Brings keyboard and screen-reader users to the key they must copy now.
    Effect::new(move || {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    let copy = move |_| {
        let secret = secret.clone();
        spawn_local(async move {
            copied.set(Some(copy_text(&secret).await));
        });
    };
    view! {
        <section class="issued-key" aria-labelledby="khoa-moi-tieu-de">
            <h2 id="khoa-moi-tieu-de" tabindex="-1" node_ref=heading>
                "Khóa mới cho “" {key.key.label} "”"
            </h2>
            <p class="issued-key-warning">
                <strong>"Khóa chỉ hiển thị một lần này."</strong>
                " Hãy chép và gửi cho bên sử dụng ngay bây giờ. Phường chỉ lưu mã băm của khóa: "
                "sau khi ẩn hoặc rời trang, không ai xem lại được. Nếu làm mất khóa, hãy thu hồi và cấp khóa mới."
            </p>
            <div class="field">
                <label for="khoa-moi">"Khóa API"</label>
                <div class="issued-key-value">
                    <input id="khoa-moi" type="text" readonly value=key.secret autocomplete="off" spellcheck="false" />
                    <button type="button" class="button button-primary" on:click=copy>
                        "Chép khóa"
                    </button>
                </div>
            </div>
            <p role="status" class="issued-key-status">
                {move || match copied.get() {
                    Some(true) => "Đã chép khóa vào bộ nhớ tạm.",
                    Some(false) => "Trình duyệt không cho chép tự động: hãy chọn khóa trong ô trên rồi chép.",
                    None => "",
                }}
            </p>
            <button type="button" class="button button-secondary" on:click=move |_| on_hide.run(())>
                "Tôi đã lưu khóa, ẩn khóa"
            </button>
        </section>
    }
}

/// Puts `text` on the clipboard; false when the browser refuses.
async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

#[component]
fn NewKeyForm(on_issued: Callback<IssuedApiKey>) -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let label = RwSignal::new(String::new());
    let chosen: Vec<(ApiKeyScope, RwSignal<bool>)> = ApiKeyScope::ALL
        .into_iter()
        .map(|scope| (scope, RwSignal::new(scope == ApiKeyScope::FeedbackWrite)))
        .collect();
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let locked = Signal::derive(move || pending.get());

    let scopes_chosen = chosen.clone();
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let body = NewApiKey {
            label: label.get_untracked(),
            scopes: scopes_chosen
                .iter()
                .filter(|(_, on)| on.get_untracked())
                .map(|(scope, _)| *scope)
                .collect(),
        };
        // The same checks as the server's, so a missing label shows at once.
        if let Err(errors) = body.parse() {
            error.set(Some(ApiError::invalid_fields(errors)));
            return;
        }
        pending.set(true);
        error.set(None);
        let unit = unit.clone();
        spawn_local(async move {
            let made = session
                .authorized(move |token| {
                    let (unit, body) = (unit.clone(), body.clone());
                    async move { api::api_keys::create(&token, &unit, &body).await }
                })
                .await;
            pending.set(false);
            match made {
                Ok(issued) => {
                    label.set(String::new());
                    on_issued.run(issued);
                }
                Err(failure) => error.set(Some(failure)),
            }
        });
    };

    let scopes_message = field_message(error, "scopes");
    let general = move || {
        error.get().filter(|error| {
            error.field_message("label").is_none() && error.field_message("scopes").is_none()
        })
    };
    view! {
        <section aria-labelledby="khoa-tao-moi">
            <h2 id="khoa-tao-moi">"Cấp khóa mới"</h2>
            {move || general().map(|error| view! { <ErrorMessage error /> })}
            <form class="form api-key-form" on:submit=on_submit novalidate>
                <TextField
                    id="khoa-ten"
                    label="Tên bên sử dụng khóa"
                    value=label
                    message=field_message(error, "label")
                    locked
                    hint="Ví dụ: Ứng dụng Công dân số Quận 10. Giúp nhận ra khóa khi cần thu hồi."
                />
                <fieldset class="scope-fields">
                    <legend>"Quyền của khóa"</legend>
                    <GroupMessage message=scopes_message />
                    {chosen
                        .into_iter()
                        .map(|(scope, on)| {
                            let id = scope_field_id(scope);
                            let hint_id = format!("{id}-huong-dan");
                            view! {
                                <div class="field checkbox-field">
                                    <input
                                        id=id
                                        type="checkbox"
                                        bind:checked=on
                                        disabled=move || locked.get()
                                        aria-describedby=hint_id.clone()
                                    />
                                    <label for=id>
                                        {scope_label(scope)} " (" <code>{scope.as_str()}</code> ")"
                                    </label>
                                    <p id=hint_id class="field-hint">{scope_hint(scope)}</p>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <div class="form-actions">
                    <button type="submit" class="button button-primary" disabled=move || locked.get()>
                        "Cấp khóa"
                    </button>
                    {move || pending.get().then(|| view! { <span class="loading" role="status">"Đang cấp khóa…"</span> })}
                </div>
            </form>
        </section>
    }
}

#[component]
fn KeyTable(keys: Vec<ApiKey>, on_revoked: Callback<()>) -> impl IntoView {
    view! {
        <div class="table-scroll">
            <table class="stack-table api-key-table">
                <thead>
                    <tr>
                        <th scope="col">"Tên"</th>
                        <th scope="col">"Tiền tố"</th>
                        <th scope="col">"Quyền"</th>
                        <th scope="col">"Ngày cấp"</th>
                        <th scope="col">"Dùng lần cuối"</th>
                        <th scope="col">"Trạng thái"</th>
                    </tr>
                </thead>
                <tbody>
                    {keys.into_iter().map(|key| view! { <KeyRow key on_revoked /> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn KeyRow(key: ApiKey, on_revoked: Callback<()>) -> impl IntoView {
    let last_used = match key.last_used_at {
        Some(at) => Either::Left(view! { <DateTimeText at /> }),
        None => Either::Right("Chưa dùng"),
    };
    let status = match key.revoked_at {
        Some(at) => Either::Left(view! {
            <span class="badge badge-muted">"Đã thu hồi"</span>
            " "
            <DateTimeText at />
        }),
        None => Either::Right(view! { <RevokeControl key=key.clone() on_revoked /> }),
    };
    view! {
        <tr>
            <th scope="row" data-label="Tên">{key.label.clone()}</th>
            <td data-label="Tiền tố">
                <code>{key.prefix.clone()} "…"</code>
            </td>
            <td data-label="Quyền">{scopes_text(&key.scopes)}</td>
            <td data-label="Ngày cấp">
                <DateTimeText at=key.created_at />
            </td>
            <td data-label="Dùng lần cuối">{last_used}</td>
            <td data-label="Trạng thái">{status}</td>
        </tr>
    }
}

/// "Thu hồi", then a second, explicit "Xác nhận thu hồi": a revoked key cannot come back.
#[component]
fn RevokeControl(key: ApiKey, on_revoked: Callback<()>) -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let label = key.label.clone();
    let id = key.id;
    let revoke = move |()| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        let unit = unit.clone();
        spawn_local(async move {
            let done = session
                .authorized(move |token| {
                    let unit = unit.clone();
                    async move { api::api_keys::revoke(&token, &unit, id).await }
                })
                .await;
            pending.set(false);
            match done {
                Ok(()) => on_revoked.run(()),
                Err(failure) => error.set(Some(failure)),
            }
        });
    };
    view! {
        <span class="badge badge-published">"Đang dùng"</span>
        <ConfirmAction
            button="Thu hồi"
            group_label=format!("Xác nhận thu hồi khóa {label}")
            question=format!("Thu hồi khóa “{label}”? Ứng dụng dùng khóa này sẽ không gửi được phản ánh nữa. Không hoàn tác được.")
            confirm="Xác nhận thu hồi"
            pending
            on_confirm=Callback::new(revoke)
        />
        {move || error.get().map(|error| view! { <ErrorMessage error /> })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_read_as_what_the_third_party_may_do() {
        assert_eq!(
            scopes_text(&[ApiKeyScope::FeedbackWrite, ApiKeyScope::FeedbackRead]),
            "Gửi phản ánh, Đọc phản ánh"
        );
        assert_eq!(scopes_text(&[]), "");
    }
}

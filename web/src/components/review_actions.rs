use leptos::either::Either;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use openapi::FieldError;
use openapi::auth::Role;
use openapi::content::{ApproveRequest, ReturnRequest, RevisionSummary};

use crate::api::{self, ApiError};
use crate::components::error_message::ErrorMessage;
use crate::components::field_message::{FieldMessage, checked, described_by, field_message};
use crate::state::access::may_act_as;
use crate::state::flash::use_flash;
use crate::state::session::use_session;
use crate::state::site::use_site;
use crate::text::schedule::{date_time_text, parse_schedule};

const QUEUE: &str = "/quan-tri/duyet-bai";

/// "Duyệt đăng" and "Trả lại" for a revision in review, offered only to a reviewer of
/// this unit who did not write it.
#[component]
pub fn ReviewActions(item_id: i64, revision: RevisionSummary) -> impl IntoView {
    let session = use_session();
    let site = use_site();
    let Some(me) = session.me() else {
        return Either::Left(None);
    };
    if revision.author_id == me.id {
        return Either::Left(Some(view! {
            <p class="notice">"Bạn là tác giả của bản này nên không thể tự duyệt. Bài cần người kiểm duyệt khác."</p>
        }));
    }
    if !may_act_as(&me, Role::Reviewer, &site) {
        return Either::Left(Some(view! {
            <p class="notice">"Chỉ người kiểm duyệt của đơn vị mới duyệt hoặc trả lại được bài."</p>
        }));
    }
    Either::Right(view! {
        <div class="review-actions">
            <ApproveForm item_id />
            <ReturnForm item_id />
        </div>
    })
}

#[component]
fn ApproveForm(item_id: i64) -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let flash = use_flash();
    let navigate = use_navigate();
    let date = RwSignal::new(String::new());
    let time = RwSignal::new(String::new());
    let comment = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);

    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let Some(publish_at) = checked(
            parse_schedule(&date.get_untracked(), &time.get_untracked()),
            error,
        ) else {
            return;
        };
        let comment = comment.get_untracked().trim().to_owned();
        let body = ApproveRequest {
            publish_at,
            comment: (!comment.is_empty()).then_some(comment),
        };
        let unit = unit.clone();
        let navigate = navigate.clone();
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let result = session
                .authorized(move |token| {
                    let (unit, body) = (unit.clone(), body.clone());
                    async move { api::content::approve(&token, &unit, item_id, &body).await }
                })
                .await;
            pending.set(false);
            match result {
                Ok(_) => {
                    let text = match publish_at {
                        Some(at) => format!("Đã duyệt bài, hẹn đăng lúc {}.", date_time_text(&at)),
                        None => "Đã duyệt và đăng bài.".to_owned(),
                    };
                    flash.show(QUEUE, text);
                    navigate(QUEUE, Default::default());
                }
                Err(failure) => error.set(Some(failure)),
            }
        });
    };

    let date_message = field_message(error, "publish_date");
    let time_message = field_message(error, "publish_time");
    view! {
        <section class="review-form" aria-labelledby="duyet-dang">
            <h2 id="duyet-dang">"Duyệt đăng"</h2>
            {move || error.get().map(|error| view! { <ErrorMessage error /> })}
            <form class="form" on:submit=submit novalidate>
                <fieldset class="schedule">
                    <legend>"Hẹn giờ đăng theo giờ Việt Nam (để trống để đăng ngay)"</legend>
                    <div class="field">
                        <label for="ngay-dang">"Ngày (ngày/tháng/năm)"</label>
                        <input
                            id="ngay-dang"
                            type="text"
                            inputmode="numeric"
                            placeholder="05/12/2026"
                            autocomplete="off"
                            bind:value=date
                            aria-invalid=move || date_message.get().map(|_| "true")
                            aria-describedby=described_by("ngay-dang", date_message)
                        />
                        <FieldMessage field_id="ngay-dang" message=date_message />
                    </div>
                    <div class="field">
                        <label for="gio-dang">"Giờ (giờ:phút)"</label>
                        <input
                            id="gio-dang"
                            type="text"
                            inputmode="numeric"
                            placeholder="08:30"
                            autocomplete="off"
                            bind:value=time
                            aria-invalid=move || time_message.get().map(|_| "true")
                            aria-describedby=described_by("gio-dang", time_message)
                        />
                        <FieldMessage field_id="gio-dang" message=time_message />
                    </div>
                </fieldset>
                <div class="field">
                    <label for="ghi-chu-duyet">"Ghi chú (không bắt buộc)"</label>
                    <textarea id="ghi-chu-duyet" rows="2" bind:value=comment></textarea>
                </div>
                <div class="form-actions">
                    <button type="submit" class="button button-primary" aria-disabled=move || pending.get().then_some("true")>
                        "Duyệt đăng"
                    </button>
                </div>
            </form>
        </section>
    }
}

#[component]
fn ReturnForm(item_id: i64) -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let flash = use_flash();
    let navigate = use_navigate();
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);

    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let text = reason.get_untracked().trim().to_owned();
        // The author must learn what to fix: no reason, no request.
        if text.is_empty() {
            error.set(Some(ApiError::invalid_fields(vec![FieldError::new(
                "reason",
                "required",
                "Vui lòng nhập lý do trả lại để tác giả biết cần sửa gì",
            )])));
            if let Some(input) = document().get_element_by_id("ly-do") {
                use wasm_bindgen::JsCast;
                if let Ok(input) = input.dyn_into::<web_sys::HtmlElement>() {
                    let _ = input.focus();
                }
            }
            return;
        }
        let body = ReturnRequest { reason: text };
        let unit = unit.clone();
        let navigate = navigate.clone();
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let result =
                session
                    .authorized(move |token| {
                        let (unit, body) = (unit.clone(), body.clone());
                        async move {
                            api::content::return_to_author(&token, &unit, item_id, &body).await
                        }
                    })
                    .await;
            pending.set(false);
            match result {
                Ok(_) => {
                    flash.show(QUEUE, "Đã trả lại bài cho tác giả.");
                    navigate(QUEUE, Default::default());
                }
                Err(failure) => error.set(Some(failure)),
            }
        });
    };

    let message = field_message(error, "reason");
    // A problem other than the reason itself is shown above the form.
    let other_error = move || {
        error
            .get()
            .filter(|error| error.field_message("reason").is_none())
    };
    view! {
        <section class="review-form" aria-labelledby="tra-lai">
            <h2 id="tra-lai">"Trả lại cho tác giả"</h2>
            {move || other_error().map(|error| view! { <ErrorMessage error /> })}
            <form class="form" on:submit=submit novalidate>
                <div class="field">
                    <label for="ly-do">"Lý do trả lại"</label>
                    <textarea
                        id="ly-do"
                        rows="3"
                        required
                        bind:value=reason
                        aria-invalid=move || message.get().map(|_| "true")
                        aria-describedby=described_by("ly-do", message)
                    ></textarea>
                    <FieldMessage field_id="ly-do" message />
                </div>
                <div class="form-actions">
                    <button type="submit" class="button button-secondary" aria-disabled=move || pending.get().then_some("true")>
                        "Trả lại"
                    </button>
                </div>
            </form>
        </section>
    }
}

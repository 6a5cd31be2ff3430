use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;
use openapi::FieldError;
use openapi::dossiers::{DossierLookup, PublicStep};

use crate::api::{self, ApiError};
use crate::components::date_time_text::DateTimeText;
use crate::components::document_title::DocumentTitle;
use crate::components::dossier_steps::DossierSteps;
use crate::components::error_message::ErrorMessage;
use crate::components::text_field::{Input, TextField};
use crate::text::citizen_dossiers::appointment_text;

/// "/tra-cuu-ho-so?ma=": where a dossier stands, for anyone with its code and the
/// phone given when filing. The phone never goes into the address.
#[component]
pub fn DossierLookupPage() -> impl IntoView {
    let query = use_query_map();
    let code = RwSignal::new(query.with_untracked(|query| query.get("ma").unwrap_or_default()));
    let phone = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let found = RwSignal::new(None::<DossierLookup>);

    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let typed_code = code.get_untracked().trim().to_uppercase();
        let typed_phone = phone.get_untracked().trim().to_owned();
        let mut errors = Vec::new();
        if typed_code.is_empty() {
            errors.push(FieldError::new(
                "code",
                "required",
                "Vui lòng nhập mã hồ sơ",
            ));
        }
        if typed_phone.is_empty() {
            errors.push(FieldError::new(
                "contact",
                "required",
                "Vui lòng nhập số điện thoại đã khai khi nộp hồ sơ",
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
            let result = api::dossiers::lookup(&typed_code, &typed_phone).await;
            pending.set(false);
            match result {
                Ok(dossier) => found.set(Some(dossier)),
                Err(failure) => error.set(Some(failure)),
            }
        });
    };

    let message = |field: &'static str| {
        Signal::derive(move || {
            error.with(|error| error.as_ref().and_then(|error| error.field_message(field)))
        })
    };
    let other_error = move || {
        error.get().filter(|failure| {
            failure.field_message("code").is_none() && failure.field_message("contact").is_none()
        })
    };
    let locked = Signal::derive(move || pending.get());
    view! {
        <DocumentTitle page="Tra cứu hồ sơ" />
        <h1>"Tra cứu hồ sơ"</h1>
        <p class="lead">"Nhập mã hồ sơ và số điện thoại bạn đã khai khi nộp hồ sơ."</p>
        <form class="form lookup-form" on:submit=submit novalidate>
            <TextField id="ma-ho-so" label="Mã hồ sơ" value=code message=message("code") locked />
            <TextField
                id="so-dien-thoai"
                label="Số điện thoại"
                value=phone
                message=message("contact")
                locked
                input=Input::Tel
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
            // One answer for an unknown code and a wrong phone: nothing tells which.
            if error.code() == Some(openapi::ErrorCode::NotFound) {
                view! {
                    <div class="alert alert-error" role="alert">
                        <p class="alert-title">"Không tìm thấy hồ sơ"</p>
                        <p>"Không có hồ sơ nào với mã và số điện thoại này. Hãy kiểm tra lại cả hai."</p>
                    </div>
                }
                .into_any()
            } else {
                view! { <ErrorMessage error /> }.into_any()
            }
        })}
        {move || found.get().map(|dossier| view! { <LookupResult dossier /> })}
    }
}

#[component]
fn LookupResult(dossier: DossierLookup) -> impl IntoView {
    let steps: Vec<PublicStep> = dossier.steps;
    view! {
        <section class="dossier-status" aria-labelledby="ket-qua-tra-cuu">
            <h2 id="ket-qua-tra-cuu">"Hồ sơ " {dossier.code}</h2>
            <dl class="field-list">
                <dt>"Trạng thái"</dt>
                <dd><strong>{dossier.status_label}</strong></dd>
                <dt>"Thủ tục"</dt>
                <dd>{dossier.procedure_name}</dd>
                <dt>"Nơi tiếp nhận"</dt>
                <dd>{dossier.unit.name}</dd>
                <dt>"Ngày nộp"</dt>
                <dd><DateTimeText at=dossier.submitted_at /></dd>
                <dt>"Ngày tiếp nhận"</dt>
                <dd>{match dossier.accepted_at {
                    Some(at) => view! { <DateTimeText at /> }.into_any(),
                    None => "Chưa tiếp nhận".into_any(),
                }}</dd>
                <dt>"Ngày hẹn trả kết quả"</dt>
                <dd>{appointment_text(dossier.due_on, dossier.rescheduled_due_on)}</dd>
            </dl>
            <p>"Tiếp theo: " {dossier.status.next_step()}</p>
            <h3>"Quá trình xử lý"</h3>
            <DossierSteps steps />
        </section>
    }
}

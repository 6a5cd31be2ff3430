use leptos::prelude::*;
use openapi::dossiers::{DossierLookup, PublicStep};

use crate::api::{self, ApiError};
use crate::components::code_lookup_form::{CodeLookupForm, LookupFields};
use crate::components::date_time_text::DateTimeText;
use crate::components::document_title::DocumentTitle;
use crate::components::dossier_steps::DossierSteps;
use crate::components::text_field::Input;
use crate::text::citizen_dossiers::appointment_text;

/// The code and the contact given with it, as this lookup names them.
const FIELDS: LookupFields = LookupFields {
    code_id: "ma-ho-so",
    code_label: "Mã hồ sơ",
    code_placeholder: None,
    code_missing: "Vui lòng nhập mã hồ sơ",
    contact_id: "so-dien-thoai",
    contact_label: "Số điện thoại",
    contact_input: Input::Tel,
    contact_missing: "Vui lòng nhập số điện thoại đã khai khi nộp hồ sơ",
};

/// One answer for an unknown code and a wrong phone: nothing tells which.
fn not_found(_: ApiError) -> AnyView {
    view! {
        <div class="alert alert-error" role="alert">
            <p class="alert-title">"Không tìm thấy hồ sơ"</p>
            <p>"Không có hồ sơ nào với mã và số điện thoại này. Hãy kiểm tra lại cả hai."</p>
        </div>
    }
    .into_any()
}

/// "/tra-cuu-ho-so?ma=": where a dossier stands, for anyone with its code and the
/// phone given when filing. The phone never goes into the address.
#[component]
pub fn DossierLookupPage() -> impl IntoView {
    let found = RwSignal::new(None::<DossierLookup>);
    let lookup =
        |code: String, phone: String| async move { api::dossiers::lookup(&code, &phone).await };
    view! {
        <DocumentTitle page="Tra cứu hồ sơ" />
        <h1>"Tra cứu hồ sơ"</h1>
        <p class="lead">"Nhập mã hồ sơ và số điện thoại bạn đã khai khi nộp hồ sơ."</p>
        <CodeLookupForm fields=FIELDS lookup found not_found />
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

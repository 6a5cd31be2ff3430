use leptos::prelude::*;
use leptos_router::components::A;
use openapi::feedback::{FeedbackState, FeedbackStatus};

use crate::api::{self, ApiError};
use crate::components::calendar_date::CalendarDate;
use crate::components::code_lookup_form::{CodeLookupForm, LookupFields};
use crate::components::date_time_text::DateTimeText;
use crate::components::document_title::DocumentTitle;
use crate::components::error_message::ErrorMessage;
use crate::components::feedback_messages::CitizenThread;
use crate::components::text_field::Input;
use crate::text::feedback::feedback_state_class;

/// The code and the contact given with it, as this lookup names them.
const FIELDS: LookupFields = LookupFields {
    code_id: "ma",
    code_label: "Mã tra cứu",
    code_placeholder: Some("PA-XXXXX-XXXXX"),
    code_missing: "Vui lòng nhập mã tra cứu",
    contact_id: "lien-he",
    contact_label: "Số điện thoại hoặc thư điện tử",
    contact_input: Input::Text,
    contact_missing: "Vui lòng nhập số điện thoại hoặc thư điện tử đã dùng khi gửi",
};

/// The usual message, then what to check.
fn not_found(error: ApiError) -> AnyView {
    view! {
        <ErrorMessage error />
        <p class="notice">"Không tìm thấy phản ánh với mã và thông tin liên hệ này. Hãy kiểm tra lại cả hai."</p>
    }
    .into_any()
}

/// "/phan-anh/tra-cuu?ma=": the sender's own view of a feedback, by its code and the
/// phone or e-mail they gave. The contact never goes into the address.
#[component]
pub fn FeedbackLookupPage() -> impl IntoView {
    let found = RwSignal::new(None::<(FeedbackStatus, String)>);
    // The contact goes with the status: the thread below is written with it.
    let lookup = |code: String, contact: String| async move {
        api::feedback::lookup(&code, &contact)
            .await
            .map(|status| (status, contact))
    };
    view! {
        <DocumentTitle page="Tra cứu phản ánh" />
        <p class="back-link">
            <A href="/phan-anh"><span aria-hidden="true">"← "</span>"Phản ánh kiến nghị"</A>
        </p>
        <h1>"Tra cứu phản ánh"</h1>
        <p class="lead">"Nhập mã tra cứu và số điện thoại hoặc thư điện tử bạn đã dùng khi gửi phản ánh."</p>
        <CodeLookupForm fields=FIELDS lookup found not_found />
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

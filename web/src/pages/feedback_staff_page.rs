use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use openapi::feedback_workflow::{FeedbackAction, StaffFeedback};

use crate::api::{self, ApiError};
use crate::components::api_errors::ApiErrors;
use crate::components::calendar_date::CalendarDate;
use crate::components::date_time_text::DateTimeText;
use crate::components::document_title::DocumentTitle;
use crate::components::feedback_actions::{
    AnswerForm, ApprovalForms, CloseForm, ForwardForm, PublishForm, RejectForm,
};
use crate::components::feedback_messages::StaffThread;
use crate::components::loading::Loading;
use crate::state::session::use_session;
use crate::state::site::use_site;
use crate::text::feedback::{feedback_state_class, point_text};

/// "/quan-tri/phan-anh/:code": one feedback as staff see it, with the sender's
/// contact, its history, and the steps the user may take now.
#[component]
pub fn FeedbackStaffPage() -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let params = use_params_map();
    let code = Memo::new(move |_| params.with(|params| params.get("code").unwrap_or_default()));
    let feedback = LocalResource::new(move || {
        let (unit, code) = (unit.clone(), code.get());
        async move {
            if code.is_empty() {
                return Err(ApiError::from_status(404));
            }
            session
                .authorized(move |token| {
                    let (unit, code) = (unit.clone(), code.clone());
                    async move { api::feedback_staff::get(&token, &unit, &code).await }
                })
                .await
        }
    });
    view! {
        <DocumentTitle page="Phản ánh kiến nghị" />
        <p class="back-link">
            <A href="/quan-tri/phan-anh"><span aria-hidden="true">"← "</span>"Hàng đợi phản ánh"</A>
        </p>
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    feedback.await.map(|feedback| view! { <StaffFeedbackView feedback /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn StaffFeedbackView(feedback: StaffFeedback) -> impl IntoView {
    let may = |action: FeedbackAction| feedback.actions.contains(&action);
    let code = feedback.code.clone();
    let overdue = feedback.overdue.then(|| {
        view! { <strong class="overdue-flag"><span aria-hidden="true">"⚠ "</span>"Quá hạn"</strong> }
    });
    let due = feedback
        .due_date
        .map(|date| view! { <span>"Hạn trả lời " <CalendarDate date /></span> });
    let place = {
        let point = feedback.latitude.zip(feedback.longitude).map(
            |(latitude, longitude)| view! { <p>"Tọa độ: " {point_text(latitude, longitude)}</p> },
        );
        let address = feedback
            .address
            .clone()
            .map(|address| view! { <p>"Địa chỉ: " {address}</p> });
        view! { {address} {point} }
    };
    let private = (!feedback.public).then(|| {
        view! {
            <p class="notice">
                <strong>"Người gửi đề nghị không công khai. "</strong>
                "Phản ánh được trả lời riêng và đóng, không đăng lên trang."
            </p>
        }
    });
    let handling = feedback.department.clone().map(|department| {
        let instruction = feedback
            .instruction
            .clone()
            .map(|text| view! { <p class="plain-text">"Chỉ đạo: " {text}</p> });
        let multi = feedback
            .multi_agency
            .then(|| view! { <p>"Cần phối hợp nhiều cơ quan (hạn 15 ngày làm việc)."</p> });
        view! {
            <section aria-labelledby="bo-phan-xu-ly">
                <h2 id="bo-phan-xu-ly">"Bộ phận xử lý: " {department.name}</h2>
                {instruction}
                {multi}
            </section>
        }
    });
    let returned = feedback.return_reason.clone().map(|reason| {
        view! {
            <section class="returned-notice" aria-labelledby="ly-do-bi-tra-lai">
                <h2 id="ly-do-bi-tra-lai">"Trả lời bị trả lại"</h2>
                <p class="returned-reason plain-text">{reason}</p>
            </section>
        }
    });
    let reply = feedback.reply.clone().map(|reply| {
        let by = feedback
            .answered_by
            .clone()
            .map(|by| view! { <p class="article-meta">"Người soạn: " {by.full_name}</p> });
        view! {
            <section aria-labelledby="du-thao-tra-loi">
                <h2 id="du-thao-tra-loi">"Dự thảo trả lời"</h2>
                {by}
                <div class="plain-text">{reply}</div>
            </section>
        }
    });
    let published_texts = feedback.public_reply.clone().map(|public_reply| {
        view! {
            <section aria-labelledby="ban-cong-khai">
                <h2 id="ban-cong-khai">"Bản công khai đã duyệt"</h2>
                <h3>{feedback.public_title.clone().unwrap_or_default()}</h3>
                <div class="plain-text">{feedback.public_content.clone().unwrap_or_default()}</div>
                <h3>"Trả lời"</h3>
                <div class="plain-text">{public_reply}</div>
            </section>
        }
    });
    let rejection = feedback.rejection.clone().map(|rejection| {
        view! {
            <section class="rejection" aria-labelledby="khong-tiep-nhan-ly-do">
                <h2 id="khong-tiep-nhan-ly-do">"Không tiếp nhận: " {rejection.kind_label}</h2>
                <p class="plain-text">{rejection.reason}</p>
                {rejection.duplicate_of.map(|code| view! { <p>"Trùng với " {code}</p> })}
                {rejection.competent_body.map(|body| view! { <p>"Cơ quan có thẩm quyền: " {body}</p> })}
            </section>
        }
    });
    let contact = feedback.contact.clone();
    let events = feedback
        .events
        .iter()
        .cloned()
        .map(|event| {
            let actor = event
                .actor
                .map_or_else(|| "Người gửi / hệ thống".to_owned(), |actor| actor.full_name);
            view! {
                <li>
                    <DateTimeText at=event.at />
                    " — " <strong>{event.to.label()}</strong> " — " {actor}
                    {event.note.map(|note| view! { <p class="transition-comment plain-text">{note}</p> })}
                </li>
            }
        })
        .collect_view();
    let actions = view! {
        {may(FeedbackAction::Forward).then(|| view! { <ForwardForm code=code.clone() /> })}
        {may(FeedbackAction::Reject).then(|| view! { <RejectForm code=code.clone() /> })}
        {may(FeedbackAction::Answer).then(|| view! { <AnswerForm code=code.clone() draft=feedback.reply.clone() /> })}
        {(may(FeedbackAction::Approve) || may(FeedbackAction::Return)).then(|| view! {
            <ApprovalForms
                code=code.clone()
                may_approve=may(FeedbackAction::Approve)
                may_return=may(FeedbackAction::Return)
            />
        })}
        {may(FeedbackAction::Publish).then(|| view! { <PublishForm code=code.clone() /> })}
        {may(FeedbackAction::Close).then(|| view! { <CloseForm code=code.clone() /> })}
    };
    view! {
        <article class="review feedback-staff">
            <header>
                <h1>{feedback.title.clone()}</h1>
                <p class="article-meta">
                    {overdue}
                    <span>{feedback.code.clone()}</span>
                    <span class=feedback_state_class(feedback.state)>{feedback.state_label.clone()}</span>
                    <span>{feedback.category.name.clone()}</span>
                    <span>"Nhận " <DateTimeText at=feedback.received_at /></span>
                    {due}
                </p>
            </header>
            {private}
            <section aria-labelledby="noi-dung-phan-anh">
                <h2 id="noi-dung-phan-anh">"Nội dung phản ánh"</h2>
                <div class="plain-text">{feedback.content.clone()}</div>
                {place}
            </section>
            <section class="contact-card" aria-labelledby="nguoi-gui">
                <h2 id="nguoi-gui">"Người gửi (không công khai)"</h2>
                <p>{contact.name}</p>
                {contact.phone.map(|phone| view! { <p>"Điện thoại: " {phone}</p> })}
                {contact.email.map(|email| view! { <p>"Thư điện tử: " {email}</p> })}
            </section>
            {handling}
            {returned}
            {reply}
            {published_texts}
            {rejection}
            <section aria-labelledby="lich-su-xu-ly">
                <h2 id="lich-su-xu-ly">"Lịch sử xử lý"</h2>
                <ol class="transition-list">{events}</ol>
            </section>
        </article>
        <StaffThread code=code.clone() />
        <div class="review-actions">{actions}</div>
    }
}

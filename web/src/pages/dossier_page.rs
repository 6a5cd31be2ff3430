use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use openapi::dossier_workflow::DossierAction;
use openapi::dossiers::{Dossier, PublicStep};

use crate::api::{self, encode_component};
use crate::components::api_errors::ApiErrors;
use crate::components::date_time_text::DateTimeText;
use crate::components::document_title::DocumentTitle;
use crate::components::dossier_steps::DossierSteps;
use crate::components::loading::Loading;
use crate::components::owner_dossier_actions::{RatingForm, SupplementForm, WithdrawAction};
use crate::components::protected_download::ProtectedDownload;
use crate::state::session::{SessionState, use_session};
use crate::text::citizen_dossiers::{
    appointment_text, document_file_name, issued_documents, rating_label,
};
use crate::text::next_path::with_next;

/// "/ho-so/:code": a dossier as its owner follows it: status and next step, the
/// appointment date, what the ward asked for and the answer to it, the process
/// record, the files and documents, withdrawing and rating.
#[component]
pub fn DossierPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let code = move || params.with(|params| params.get("code").unwrap_or_default());
    view! {
        <DocumentTitle page="Hồ sơ" />
        {move || match session.state() {
            SessionState::Restoring => EitherOf3::A(view! { <Loading /> }),
            SessionState::SignedOut => EitherOf3::B(view! {
                <h1>"Hồ sơ"</h1>
                <p>
                    "Vui lòng "
                    <A href=with_next("/dang-nhap", &format!("/ho-so/{}", encode_component(&code())))>"đăng nhập"</A>
                    " để xem hồ sơ, hoặc "
                    <A href=format!("/tra-cuu-ho-so?ma={}", encode_component(&code()))>"tra cứu bằng mã hồ sơ và số điện thoại"</A>
                    "."
                </p>
            }),
            SessionState::SignedIn(_) => EitherOf3::C(view! { <OwnDossier code=code() /> }),
        }}
    }
}

#[component]
fn OwnDossier(code: String) -> impl IntoView {
    let session = use_session();
    // Each action answers the dossier as it then stands; the page shows that.
    let current = RwSignal::new(None::<Dossier>);
    let loaded = LocalResource::new(move || {
        let code = code.clone();
        async move {
            session
                .authorized(|token| {
                    let code = code.clone();
                    async move { api::dossiers::show(&token, &code).await }
                })
                .await
        }
    });
    let on_changed = Callback::new(move |dossier: Dossier| current.set(Some(dossier)));
    view! {
        <ErrorBoundary fallback=|errors| view! { <h1>"Hồ sơ"</h1> <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    loaded.await.map(|dossier| {
                        move || {
                            let dossier = current.get().unwrap_or_else(|| dossier.clone());
                            view! { <DossierView dossier on_changed /> }
                        }
                    })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn DossierView(dossier: Dossier, on_changed: Callback<Dossier>) -> impl IntoView {
    let code = dossier.code.clone();
    let steps: Vec<PublicStep> = dossier
        .steps
        .iter()
        .map(|step| PublicStep {
            step: step.step,
            label: step.label.clone(),
            to_status: step.to_status,
            at: step.at,
            due_on: step.due_on,
            on_time: step.on_time,
        })
        .collect();
    let kinds: Vec<_> = dossier.steps.iter().map(|step| step.step).collect();
    let documents = issued_documents(&kinds);
    let files: Vec<_> = dossier.files.values().flatten().cloned().collect();
    // The server says what the owner may do now.
    let may = |action: DossierAction| dossier.actions.contains(&action);
    let supplement = may(DossierAction::Resubmit).then(|| dossier.clone());
    let can_rate = may(DossierAction::Rate);
    let can_withdraw = may(DossierAction::Withdraw);
    view! {
        <DocumentTitle page=format!("Hồ sơ {code}") />
        <p class="back-link">
            <A href="/ho-so-cua-toi"><span aria-hidden="true">"← "</span>"Hồ sơ của tôi"</A>
        </p>
        <h1>{dossier.procedure.name.clone()}</h1>
        <section class="dossier-status" aria-labelledby="tinh-trang">
            <h2 id="tinh-trang">"Tình trạng"</h2>
            <dl class="field-list">
                <dt>"Mã hồ sơ"</dt>
                <dd>{code.clone()}</dd>
                <dt>"Trạng thái"</dt>
                <dd><strong class=format!("status status-{}", dossier.status.as_str())>{dossier.status_label.clone()}</strong></dd>
                <dt>"Nơi tiếp nhận"</dt>
                <dd>{dossier.unit.name.clone()}</dd>
                <dt>"Ngày nộp"</dt>
                <dd><DateTimeText at=dossier.submitted_at /></dd>
                <dt>"Ngày hẹn trả kết quả"</dt>
                <dd>{appointment_text(dossier.due_on, dossier.rescheduled_due_on)}</dd>
            </dl>
            <p class="next-step">"Tiếp theo: " {dossier.status.next_step()}</p>
            {dossier.refusal_reason.clone().map(|reason| view! {
                <div class="alert alert-error">
                    <p class="alert-title">"Lý do từ chối tiếp nhận"</p>
                    <p class="plain-text">{reason}</p>
                </div>
            })}
        </section>
        {supplement.map(|dossier| view! { <SupplementForm dossier on_changed /> })}
        {(!documents.is_empty()).then(|| {
            let code = code.clone();
            view! {
                <section aria-labelledby="giay-to-phuong-cap">
                    <h2 id="giay-to-phuong-cap">"Giấy tờ phường đã gửi"</h2>
                    <ul class="download-list">
                        {documents.into_iter().map(|document| view! {
                            <li>
                                <ProtectedDownload
                                    path=api::dossiers::document_path(&code, document.kind)
                                    file_name=document_file_name(document.kind, &code)
                                    label=format!("Tải {} (PDF)", document.title)
                                />
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        })}
        {(!files.is_empty()).then(|| view! {
            <section aria-labelledby="tep-da-nop">
                <h2 id="tep-da-nop">"Tệp đã nộp"</h2>
                <ul class="download-list">
                    {files.into_iter().map(|file| view! {
                        <li>
                            <ProtectedDownload
                                path=file.url.clone()
                                file_name=file.filename.clone()
                                label=format!("Tải {}", file.filename)
                            />
                            {(file.round > 0).then(|| format!(" (bổ sung lần {})", file.round))}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        <section aria-labelledby="qua-trinh">
            <h2 id="qua-trinh">"Quá trình xử lý"</h2>
            <DossierSteps steps />
        </section>
        {dossier.rating.clone().map(|rating| view! {
            <section aria-labelledby="danh-gia-da-gui">
                <h2 id="danh-gia-da-gui">"Đánh giá của bạn"</h2>
                <p>{rating_label(rating.score).unwrap_or_default()}</p>
                {rating.comment.map(|comment| view! { <p class="plain-text">{comment}</p> })}
            </section>
        })}
        {can_rate.then(|| view! { <RatingForm code=code.clone() on_changed /> })}
        {can_withdraw.then(|| view! { <WithdrawAction code=code.clone() on_changed /> })}
    }
}

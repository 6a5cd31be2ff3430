//! "/quan-tri/ho-so/:code": one dossier as the ward's staff read it — procedure,
//! applicant and contact, the answers, the files, the process record — and the steps
//! the server says the user may take now.

use leptos::either::Either;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use openapi::dossier_workflow::DossierAction;
use openapi::dossiers::{Dossier, DossierFile, ProcessStep};
use openapi::procedures::FormValue;

use crate::api::{self, ApiError};
use crate::components::api_errors::ApiErrors;
use crate::components::calendar_date::CalendarDate;
use crate::components::date_time_text::DateTimeText;
use crate::components::document_title::DocumentTitle;
use crate::components::dossier_actions::{
    AcceptForm, ApologizeForm, AssignForm, DossierHandle, NOTICE_ID, RefuseForm, ResultReadyForm,
    ReturnForm, SupplementForm,
};
use crate::components::loading::Loading;
use crate::components::protected_download::ProtectedDownload;
use crate::state::session::use_session;
use crate::text::dossiers::{
    INBOX_PATH, due_words, file_size_text, form_value_text, humanize_key, on_time_words,
    ordered_fields, status_class,
};

#[component]
pub fn DossierStaffPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let code = Memo::new(move |_| params.with(|params| params.get("code").unwrap_or_default()));
    let dossier = LocalResource::new(move || {
        let code = code.get();
        async move {
            if code.is_empty() {
                return Err(ApiError::from_status(404));
            }
            session
                .authorized(move |token| {
                    let code = code.clone();
                    async move { api::dossiers_staff::get(&token, &code).await }
                })
                .await
        }
    });
    view! {
        <DocumentTitle page="Hồ sơ trực tuyến" />
        <p class="back-link">
            <A href=INBOX_PATH><span aria-hidden="true">"← "</span>"Danh sách hồ sơ"</A>
        </p>
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    dossier.await.map(|dossier| view! { <StaffDossier dossier /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

/// The dossier kept in a signal: each step's answer replaces it, and "Tải lại" after
/// a conflict reads it again.
#[component]
fn StaffDossier(dossier: Dossier) -> impl IntoView {
    let session = use_session();
    let current = RwSignal::new(dossier);
    let notice = RwSignal::new(None::<String>);
    let reload = Callback::new(move |()| {
        let code = current.with_untracked(|dossier| dossier.code.clone());
        spawn_local(async move {
            let result = session
                .authorized(move |token| {
                    let code = code.clone();
                    async move { api::dossiers_staff::get(&token, &code).await }
                })
                .await;
            match result {
                Ok(dossier) => {
                    notice.try_set(Some("Đã tải lại hồ sơ.".to_owned()));
                    current.try_set(dossier);
                }
                Err(error) => {
                    notice.try_set(Some(error.to_string()));
                }
            }
        });
    });
    let handle = DossierHandle {
        current,
        notice,
        reload,
    };
    // The server says what the user may do now; the page offers exactly that.
    let actions = Memo::new(move |_| current.with(|dossier| dossier.actions.clone()));
    // The labels of the version the dossier was filed under; until the catalog
    // answers, the keys as words.
    let version_form = LocalResource::new(move || {
        let (unit, code, version) = current.with_untracked(|dossier| {
            (
                dossier.unit.slug.clone(),
                dossier.procedure.code.clone(),
                dossier.procedure.version,
            )
        });
        async move {
            session
                .authorized(move |token| {
                    let (unit, code) = (unit.clone(), code.clone());
                    async move { api::procedures::version_form(&token, &unit, &code, version).await }
                })
                .await
                .unwrap_or_default()
        }
    });
    let fields = Memo::new(move |_| {
        let form = version_form.get().unwrap_or_default();
        current
            .with(|dossier| ordered_fields(&form, dossier.form.keys().chain(dossier.files.keys())))
    });
    view! {
        <p id=NOTICE_ID class="dossier-notice" role="status" aria-live="polite" tabindex="-1">{move || notice.get()}</p>
        {move || view! { <DossierDetails dossier=current.get() fields=fields.get() /> }}
        {move || {
            let actions = actions.get();
            (!actions.is_empty()).then(|| {
                let forms = actions
                    .into_iter()
                    .map(|action| match action {
                        DossierAction::Accept => view! { <AcceptForm handle /> }.into_any(),
                        DossierAction::RequestSupplement => {
                            view! { <SupplementForm handle fields=Signal::from(fields) /> }.into_any()
                        }
                        DossierAction::Refuse => view! { <RefuseForm handle /> }.into_any(),
                        DossierAction::Assign => view! { <AssignForm handle /> }.into_any(),
                        DossierAction::ResultReady => view! { <ResultReadyForm handle /> }.into_any(),
                        DossierAction::Return => view! { <ReturnForm handle /> }.into_any(),
                        DossierAction::Apologize => view! { <ApologizeForm handle /> }.into_any(),
                        _ => ().into_any(),
                    })
                    .collect_view();
                view! {
                    <section class="review-actions dossier-actions" aria-labelledby="xu-ly-ho-so">
                        <h2 id="xu-ly-ho-so">"Xử lý hồ sơ"</h2>
                        {forms}
                    </section>
                }
            })
        }}
    }
}

#[component]
fn DossierDetails(
    dossier: Dossier,
    /// (key, label) of every field, in the form's order.
    fields: Vec<(String, String)>,
) -> impl IntoView {
    let label = |key: &str| {
        fields
            .iter()
            .find(|(known, _)| known == key)
            .map_or_else(|| humanize_key(key), |(_, label)| label.clone())
    };
    let due = dossier.due_on.map(|date| {
        let rescheduled = dossier.rescheduled_due_on.map(|date| {
            view! { <span>"Hẹn lại " <CalendarDate date /></span> }
        });
        view! {
            <span>"Hẹn trả " <CalendarDate date /></span>
            {rescheduled}
        }
    });
    let warning = due_words(dossier.late, dossier.at_risk).map(|words| {
        view! {
            <strong class="due-flag" class:due-flag-late=dossier.late>
                <span aria-hidden="true">"⚠ "</span>{words}
            </strong>
        }
    });
    let accepted = dossier
        .accepted_at
        .map(|at| view! { <span>"Tiếp nhận " <DateTimeText at /></span> });
    let email = dossier
        .contact_email
        .clone()
        .map(|email| view! { <p>"Thư điện tử: " {email}</p> });
    let answers: Vec<(String, String)> = fields
        .iter()
        .filter_map(|(key, label)| {
            let value = dossier.form.get(key)?;
            (!matches!(value, FormValue::Files(_))).then(|| (label.clone(), form_value_text(value)))
        })
        .collect();
    let answers = if answers.is_empty() {
        Either::Left(view! { <p>"Không có thông tin kê khai."</p> })
    } else {
        Either::Right(view! {
            <dl class="dossier-answers">
                {answers
                    .into_iter()
                    .map(|(label, value)| view! {
                        <dt>{label}</dt>
                        <dd class="plain-text">{value}</dd>
                    })
                    .collect_view()}
            </dl>
        })
    };
    let files = if dossier.files.values().all(Vec::is_empty) {
        Either::Left(view! { <p>"Hồ sơ không có tệp đính kèm."</p> })
    } else {
        Either::Right(
            dossier
                .files
                .iter()
                .filter(|(_, files)| !files.is_empty())
                .map(|(key, files)| {
                    view! {
                        <h3>{label(key)}</h3>
                        <ul class="dossier-files">
                            {files.iter().cloned().map(|file| view! { <FileItem file /> }).collect_view()}
                        </ul>
                    }
                })
                .collect_view(),
        )
    };
    let supplement = (!dossier.supplement_items.is_empty()).then(|| {
        let items = dossier
            .supplement_items
            .iter()
            .map(|item| {
                let field = item
                    .field_key
                    .as_deref()
                    .map(|key| view! { <strong>{label(key)} ": "</strong> });
                view! { <li>{field}{item.description.clone()}</li> }
            })
            .collect_view();
        view! {
            <section class="notice" aria-labelledby="can-bo-sung">
                <h2 id="can-bo-sung">"Đã yêu cầu bổ sung"</h2>
                <ul>{items}</ul>
            </section>
        }
    });
    let refusal = dossier.refusal_reason.clone().map(|reason| {
        view! {
            <section class="rejection" aria-labelledby="ly-do-tu-choi">
                <h2 id="ly-do-tu-choi">"Lý do từ chối tiếp nhận"</h2>
                <p class="plain-text">{reason}</p>
            </section>
        }
    });
    let rating = dossier.rating.clone().map(|rating| {
        view! {
            <section aria-labelledby="danh-gia">
                <h2 id="danh-gia">"Đánh giá của người nộp"</h2>
                <p>{format!("{}/5", rating.score)} " — " <DateTimeText at=rating.rated_at /></p>
                {rating.comment.map(|comment| view! { <p class="plain-text">{comment}</p> })}
            </section>
        }
    });
    let steps = dossier
        .steps
        .iter()
        .cloned()
        .map(|step| view! { <StepRow step /> })
        .collect_view();
    view! {
        <article class="review dossier-staff">
            <header>
                <h1>"Hồ sơ " {dossier.code.clone()}</h1>
                // Flags and status on their own line: marked boxes do not take the
                // separating dots of the dates below.
                <p class="dossier-flags">
                    {warning}
                    <span class=status_class(dossier.status)>{dossier.status_label.clone()}</span>
                </p>
                <p class="article-meta">
                    <span>"Nộp " <DateTimeText at=dossier.submitted_at /></span>
                    {accepted}
                    {due}
                </p>
            </header>
            <div class="dossier-summary">
                <section aria-labelledby="thu-tuc">
                    <h2 id="thu-tuc">"Thủ tục"</h2>
                    <p>{dossier.procedure.name.clone()}</p>
                    <p class="dossier-muted">
                        "Mã " {dossier.procedure.code.clone()} ", phiên bản " {dossier.procedure.version}
                    </p>
                </section>
                {dossier.assigned_to.clone().map(|officer| view! {
                    <section aria-labelledby="can-bo-xu-ly-ho-so">
                        <h2 id="can-bo-xu-ly-ho-so">"Cán bộ xử lý"</h2>
                        <p>{officer.full_name}</p>
                    </section>
                })}
                <section class="contact-card" aria-labelledby="nguoi-nop">
                    <h2 id="nguoi-nop">"Người nộp"</h2>
                    <p>{dossier.applicant_name.clone()}</p>
                    <p>"Điện thoại: " {dossier.contact_phone.clone()}</p>
                    {email}
                </section>
            </div>
            {supplement}
            {refusal}
            <section aria-labelledby="thong-tin-ke-khai">
                <h2 id="thong-tin-ke-khai">"Thông tin kê khai"</h2>
                {answers}
            </section>
            <section aria-labelledby="giay-to">
                <h2 id="giay-to">"Giấy tờ đính kèm"</h2>
                {files}
            </section>
            <section aria-labelledby="phieu-kiem-soat">
                <h2 id="phieu-kiem-soat">"Phiếu kiểm soát quá trình giải quyết"</h2>
                <div class="table-scroll">
                    <table class="process-table">
                        <thead>
                            <tr>
                                <th scope="col">"Bước"</th>
                                <th scope="col">"Trạng thái"</th>
                                <th scope="col">"Người thực hiện"</th>
                                <th scope="col">"Thời điểm"</th>
                                <th scope="col">"Hạn"</th>
                                <th scope="col">"Đúng hạn / trễ hạn"</th>
                            </tr>
                        </thead>
                        <tbody>{steps}</tbody>
                    </table>
                </div>
            </section>
            {rating}
        </article>
    }
}

#[component]
fn FileItem(file: DossierFile) -> impl IntoView {
    let round = (file.round > 0).then(|| format!(", bổ sung lần {}", file.round));
    view! {
        <li>
            <span class="file-name">{file.filename.clone()}</span>
            <span class="dossier-muted">" (" {file_size_text(file.size)} {round} ")"</span>
            " "
            <ProtectedDownload path=file.url file_name=file.filename label="Tải xuống" />
        </li>
    }
}

#[component]
fn StepRow(step: ProcessStep) -> impl IntoView {
    let statuses = match step.from_status {
        Some(from) => format!("{} → {}", from.label(), step.to_status.label()),
        None => step.to_status.label().to_owned(),
    };
    let late = step.on_time == Some(false);
    view! {
        <tr>
            <td data-label="Bước">
                {step.label}
                {step.note.map(|note| view! { <p class="transition-comment plain-text">{note}</p> })}
            </td>
            <td data-label="Trạng thái">{statuses}</td>
            <td data-label="Người thực hiện">{step.actor.unwrap_or_else(|| "Người nộp / hệ thống".to_owned())}</td>
            <td data-label="Thời điểm"><DateTimeText at=step.at /></td>
            <td data-label="Hạn">{step.due_on.map(|date| view! { <CalendarDate date /> })}</td>
            <td data-label="Đúng hạn / trễ hạn">
                <span class:due-flag-late=late>{on_time_words(step.on_time)}</span>
            </td>
        </tr>
    }
}

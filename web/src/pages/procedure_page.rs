//! "/dich-vu-cong/:code": one procedure as a citizen prepares for it: documents,
//! time limit, fee, legal basis, agency, online level, the appointment date if the
//! dossier were accepted now, and the way to file it online.

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use openapi::ErrorCode;
use openapi::procedures::Procedure;

use crate::api::{self, ApiError};
use crate::components::api_errors::ApiErrors;
use crate::components::calendar_date::CalendarDate;
use crate::components::document_title::DocumentTitle;
use crate::components::loading::Loading;
use crate::pages::not_found_page::NotFound;
use crate::state::site::use_site;
use crate::text::procedures::{fee_text, filing_href};

#[component]
pub fn ProcedurePage() -> impl IntoView {
    let unit = use_site().unit.slug;
    let params = use_params_map();
    let code = Memo::new(move |_| params.with(|params| params.get("code").unwrap_or_default()));
    let procedure = LocalResource::new(move || {
        let unit = unit.clone();
        let code = code.get();
        async move { api::procedures::get(&unit, &code).await }
    });
    view! {
        <p class="back-link">
            <A href="/dich-vu-cong"><span aria-hidden="true">"← "</span>"Dịch vụ công"</A>
        </p>
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match procedure.await {
                        Ok(procedure) => Ok(Either::Left(view! { <ProcedureView procedure /> })),
                        Err(error) if error.code() == Some(ErrorCode::NotFound) => {
                            Ok(Either::Right(view! {
                                <NotFound
                                    title="Không tìm thấy thủ tục"
                                    text="Thủ tục không có trong danh mục của phường."
                                    back_href="/dich-vu-cong"
                                    back_text="Xem danh mục thủ tục"
                                />
                            }))
                        }
                        Err(error) => Err(error),
                    }
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn ProcedureView(procedure: Procedure) -> impl IntoView {
    let Procedure {
        definition,
        processing_time,
        unit,
        ..
    } = procedure;
    let note = definition
        .note
        .clone()
        .map(|note| view! { <p class="procedure-note"><strong>"Lưu ý: "</strong>{note}</p> });
    view! {
        <DocumentTitle page=definition.name.clone() />
        <article class="procedure">
            <header>
                <p class="kicker">{definition.field.clone()} " · " {definition.code.clone()}</p>
                <h1>{definition.name.clone()}</h1>
            </header>
            <p class="procedure-file">
                <a class="button button-primary button-large" href=filing_href(&definition.code)>
                    "Nộp hồ sơ trực tuyến"
                </a>
            </p>
            <AppointmentIfFiledNow code=definition.code.clone() />
            <section aria-labelledby="thanh-phan-ho-so">
                <h2 id="thanh-phan-ho-so">"Giấy tờ cần chuẩn bị"</h2>
                <ol class="procedure-documents">
                    {definition
                        .required_documents
                        .iter()
                        .map(|document| view! { <li>{document.clone()}</li> })
                        .collect_view()}
                </ol>
            </section>
            <section aria-labelledby="thong-tin-thu-tuc">
                <h2 id="thong-tin-thu-tuc">"Thông tin thủ tục"</h2>
                <dl class="procedure-register">
                    <dt>"Thời hạn giải quyết"</dt>
                    <dd>{processing_time}</dd>
                    <dt>"Lệ phí"</dt>
                    <dd>{fee_text(&definition.fee)}</dd>
                    <dt>"Mức độ trực tuyến"</dt>
                    <dd>{definition.online_level.label()}</dd>
                    <dt>"Cơ quan giải quyết"</dt>
                    <dd>{definition.agency.clone()} " – " {unit.name}</dd>
                    <dt>"Căn cứ pháp lý"</dt>
                    <dd>{definition.legal_basis.clone()}</dd>
                </dl>
                {note}
            </section>
        </article>
    }
}

/// Now, as RFC 3339, for "if accepted now".
fn now_rfc3339() -> String {
    let millis = web_sys::js_sys::Date::now() as i64;
    chrono::DateTime::from_timestamp_millis(millis)
        .unwrap_or_default()
        .to_rfc3339()
}

/// The date the server would give, counted like the officer's acceptance; a year
/// whose calendar is not confirmed yet is said so rather than guessed.
#[component]
fn AppointmentIfFiledNow(code: String) -> impl IntoView {
    let unit = use_site().unit.slug;
    let found = LocalResource::new(move || {
        let (unit, code) = (unit.clone(), code.clone());
        async move { api::procedures::appointment(&unit, &code, &now_rfc3339()).await }
    });
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let shown = match found.await {
                    Ok(appointment) => EitherOf3::A(view! {
                        <p class="procedure-appointment">
                            "Nếu hồ sơ được tiếp nhận ngay bây giờ, ngày hẹn trả kết quả là "
                            <strong><CalendarDate date=appointment.due_date /></strong> "."
                        </p>
                    }),
                    Err(error) if error.code() == Some(ErrorCode::CalendarNotConfirmed) => {
                        EitherOf3::B(view! {
                            <p class="procedure-appointment">
                                "Ngày hẹn trả kết quả sẽ được báo khi tiếp nhận hồ sơ (lịch làm việc năm tới chưa được công bố)."
                            </p>
                        })
                    }
                    Err(error) => EitherOf3::C(show_nothing(error)),
                };
                shown
            })}
        </Suspense>
    }
}

/// The appointment is a courtesy: when it cannot be had, the page goes on without it.
fn show_nothing(_: ApiError) -> impl IntoView {}

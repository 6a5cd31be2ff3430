use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};
use openapi::dossiers::Dossier;
use openapi::procedures::Procedure;

use crate::api::{self, ApiError};
use crate::components::api_errors::ApiErrors;
use crate::components::document_title::DocumentTitle;
use crate::components::dossier_form::DossierForm;
use crate::components::dossier_receipt::DossierReceiptView;
use crate::components::loading::Loading;
use crate::state::session::{SessionState, use_session};
use crate::state::site::use_site;
use crate::text::citizen_dossiers::Answers;
use crate::text::next_path::with_next;
use crate::text::procedures::fee_text;

/// "/dich-vu-cong/:code/nop-ho-so" (`?nhap=<id>` resumes a draft): the procedure's
/// documents and fee, then its online form for a signed-in citizen, then the receipt.
#[component]
pub fn DossierFilingPage() -> impl IntoView {
    let unit = use_site().unit.slug;
    let params = use_params_map();
    let code = move || params.with(|params| params.get("code").unwrap_or_default());
    let procedure = LocalResource::new(move || {
        let (unit, code) = (unit.clone(), code());
        async move { api::procedures::get(&unit, &code).await }
    });
    view! {
        <DocumentTitle page="Nộp hồ sơ trực tuyến" />
        <ErrorBoundary fallback=|errors| view! { <h1>"Nộp hồ sơ trực tuyến"</h1> <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    procedure.await.map(|procedure| view! { <Filing procedure /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn Filing(procedure: Procedure) -> impl IntoView {
    let filed = RwSignal::new(None::<Dossier>);
    let definition = procedure.definition.clone();
    let heading = format!("Nộp hồ sơ: {}", definition.name);
    view! {
        <DocumentTitle page=heading.clone() />
        <h1>{heading}</h1>
        <p class="breadcrumb-back">
            <A href=format!("/dich-vu-cong/{}", crate::api::encode_component(&definition.code))>
                "Thông tin thủ tục"
            </A>
        </p>
        {move || match filed.get() {
            Some(dossier) => Either::Left(view! { <DossierReceiptView dossier /> }),
            None => Either::Right(view! {
                <ProcedureSummary procedure=procedure.clone() />
                <FormOrSignIn procedure=procedure.clone() on_filed=Callback::new(move |dossier| filed.set(Some(dossier))) />
            }),
        }}
    }
}

/// What to bring and what it costs, above the form.
#[component]
fn ProcedureSummary(procedure: Procedure) -> impl IntoView {
    let definition = procedure.definition;
    view! {
        <section class="procedure-summary" aria-labelledby="thanh-phan-ho-so">
            <h2 id="thanh-phan-ho-so">"Thành phần hồ sơ"</h2>
            <ul>
                {definition
                    .required_documents
                    .into_iter()
                    .map(|document| view! { <li>{document}</li> })
                    .collect_view()}
            </ul>
            <dl class="field-list">
                <dt>"Lệ phí"</dt>
                <dd>{fee_text(&definition.fee)}</dd>
                <dt>"Thời hạn giải quyết"</dt>
                <dd>{procedure.processing_time}</dd>
                <dt>"Mức độ"</dt>
                <dd>{definition.online_level.label()}</dd>
            </dl>
        </section>
    }
}

/// The form for a signed-in citizen; otherwise the way to sign in or register and
/// come back here.
#[component]
fn FormOrSignIn(procedure: Procedure, on_filed: Callback<Dossier>) -> impl IntoView {
    let session = use_session();
    let location = use_location();
    let query = use_query_map();
    let draft_id =
        query.with_untracked(|query| query.get("nhap").and_then(|id| id.parse::<i64>().ok()));
    let here = move || {
        let search = location.search.get_untracked();
        let search = if search.is_empty() {
            String::new()
        } else {
            format!("?{}", search.trim_start_matches('?'))
        };
        format!("{}{search}", location.pathname.get_untracked())
    };
    move || match session.state() {
        SessionState::Restoring => EitherOf3::A(view! { <Loading /> }),
        SessionState::SignedOut => EitherOf3::B(view! {
            <section class="sign-in-needed" aria-labelledby="can-dang-nhap">
                <h2 id="can-dang-nhap">"Đăng nhập để nộp hồ sơ"</h2>
                <p>
                    "Hồ sơ trực tuyến được nộp bằng tài khoản của bạn, để bạn theo dõi, bổ sung "
                    "và nhận kết quả. Nếu chưa có tài khoản, hãy đăng ký; sau đó bạn quay lại đúng trang này."
                </p>
                <p class="row-buttons">
                    <A href=with_next("/dang-nhap", &here()) attr:class="button button-primary">"Đăng nhập"</A>
                    <A href=with_next("/dang-ky", &here()) attr:class="button button-secondary">"Đăng ký tài khoản"</A>
                </p>
            </section>
        }),
        SessionState::SignedIn(_) => EitherOf3::C(view! {
            <FilingForm procedure=procedure.clone() draft_id on_filed />
        }),
    }
}

/// The form, with the draft's answers when one is resumed.
#[component]
fn FilingForm(
    procedure: Procedure,
    draft_id: Option<i64>,
    on_filed: Callback<Dossier>,
) -> impl IntoView {
    let session = use_session();
    let draft = LocalResource::new(move || async move {
        match draft_id {
            None => Ok::<_, ApiError>(None),
            Some(id) => session
                .authorized(|token| async move { api::dossier_drafts::show(&token, id).await })
                .await
                .map(Some),
        }
    });
    let procedure = StoredValue::new(procedure);
    view! {
        <section aria-labelledby="to-khai">
            <h2 id="to-khai">"Tờ khai trực tuyến"</h2>
            <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
                <Suspense fallback=Loading>
                    {move || Suspend::new(async move {
                        draft.await.map(|draft| {
                            let initial = draft
                                .as_ref()
                                .map(|draft| Answers::from_saved(&draft.form))
                                .unwrap_or_default();
                            let draft_id = draft.map(|draft| draft.id);
                            view! { <DossierForm procedure=procedure.get_value() initial draft_id on_filed /> }
                        })
                    })}
                </Suspense>
            </ErrorBoundary>
        </section>
    }
}

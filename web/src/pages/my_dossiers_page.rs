use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use openapi::dossiers::{DossierDraft, DossierList, DossierSummary};

use crate::api::{self, ApiError, encode_component};
use crate::components::api_errors::ApiErrors;
use crate::components::confirm_action::ConfirmAction;
use crate::components::date_time_text::DateTimeText;
use crate::components::document_title::DocumentTitle;
use crate::components::error_message::ErrorMessage;
use crate::components::load_more::LoadMore;
use crate::components::loading::Loading;
use crate::state::session::{SessionState, use_session};
use crate::text::citizen_dossiers::appointment_text;
use crate::text::next_path::with_next;

/// "/ho-so-cua-toi": the signed-in citizen's dossiers and unfinished drafts.
#[component]
pub fn MyDossiersPage() -> impl IntoView {
    let session = use_session();
    view! {
        <DocumentTitle page="Hồ sơ của tôi" />
        <h1>"Hồ sơ của tôi"</h1>
        <p class="lead">
            <A href="/dich-vu-cong">"Nộp hồ sơ mới"</A>
            " · "
            <A href="/tra-cuu-ho-so">"Tra cứu hồ sơ"</A>
        </p>
        {move || match session.state() {
            SessionState::Restoring => EitherOf3::A(view! { <Loading /> }),
            SessionState::SignedOut => EitherOf3::B(view! {
                <p>
                    "Vui lòng "
                    <A href=with_next("/dang-nhap", "/ho-so-cua-toi")>"đăng nhập"</A>
                    " để xem hồ sơ của bạn."
                </p>
            }),
            SessionState::SignedIn(_) => EitherOf3::C(view! { <Drafts /> <Dossiers /> }),
        }}
    }
}

#[component]
fn Dossiers() -> impl IntoView {
    let session = use_session();
    let dossiers = LocalResource::new(move || async move {
        session
            .authorized(|token| async move { api::dossiers::mine(&token, None).await })
            .await
    });
    view! {
        <section aria-labelledby="ho-so-da-nop">
            <h2 id="ho-so-da-nop">"Hồ sơ đã nộp"</h2>
            <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
                <Suspense fallback=Loading>
                    {move || Suspend::new(async move {
                        dossiers.await.map(|first| view! { <DossierFeed first /> })
                    })}
                </Suspense>
            </ErrorBoundary>
        </section>
    }
}

/// The id of the list "Xem thêm" appends to.
const LIST_ID: &str = "ho-so-da-nop-danh-sach";

/// The first page, then each page "Xem thêm" brings, appended.
#[component]
fn DossierFeed(first: DossierList) -> impl IntoView {
    if first.items.is_empty() {
        return Either::Left(view! { <p>"Bạn chưa nộp hồ sơ nào."</p> });
    }
    let session = use_session();
    let items = RwSignal::new(first.items);
    let next_cursor = RwSignal::new(first.next_cursor);
    let fetch = move |cursor: String| async move {
        let page = session
            .authorized(move |token| {
                let cursor = cursor.clone();
                async move { api::dossiers::mine(&token, Some(&cursor)).await }
            })
            .await?;
        Ok((page.items, page.next_cursor))
    };
    Either::Right(view! {
        <ul class="dossier-list" id=LIST_ID>
            <For each=move || items.get() key=|dossier: &DossierSummary| dossier.code.clone() let:dossier>
                <DossierItem dossier />
            </For>
        </ul>
        <LoadMore items next_cursor list_id=LIST_ID fetch />
    })
}

#[component]
fn DossierItem(dossier: DossierSummary) -> impl IntoView {
    let link = format!("/ho-so/{}", encode_component(&dossier.code));
    view! {
        <li class="dossier-item">
            <h3><A href=link>{dossier.procedure_name}</A></h3>
            <p>
                <span class=format!("status status-{}", dossier.status.as_str())>{dossier.status_label}</span>
                " · Mã " <span class="dossier-code">{dossier.code.clone()}</span>
            </p>
            <dl class="field-list">
                // An account files with any ward of the district; each dossier says where.
                <dt>"Nơi tiếp nhận"</dt>
                <dd>{dossier.unit.name.clone()}</dd>
                <dt>"Ngày nộp"</dt>
                <dd><DateTimeText at=dossier.submitted_at /></dd>
                <dt>"Ngày hẹn trả"</dt>
                <dd>{appointment_text(dossier.due_on, dossier.rescheduled_due_on)}</dd>
            </dl>
            <p>"Tiếp theo: " {dossier.next_step}</p>
        </li>
    }
}

#[component]
fn Drafts() -> impl IntoView {
    let session = use_session();
    let drafts = LocalResource::new(move || async move {
        session
            .authorized(|token| async move { api::dossier_drafts::mine(&token).await })
            .await
    });
    let removed = RwSignal::new(Vec::<i64>::new());
    view! {
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    drafts.await.map(|list| {
                        (!list.items.is_empty()).then(|| view! {
                            <section aria-labelledby="ho-so-nhap">
                                <h2 id="ho-so-nhap">"Hồ sơ đang soạn (nháp)"</h2>
                                <ul class="dossier-list">
                                    {list.items.into_iter().map(|draft| {
                                        let id = draft.id;
                                        view! {
                                            <Show when=move || !removed.with(|removed| removed.contains(&id))>
                                                <DraftItem draft=draft.clone() removed />
                                            </Show>
                                        }
                                    }).collect_view()}
                                </ul>
                            </section>
                        })
                    })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn DraftItem(draft: DossierDraft, removed: RwSignal<Vec<i64>>) -> impl IntoView {
    let session = use_session();
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let id = draft.id;
    let resume = format!(
        "/dich-vu-cong/{}/nop-ho-so?nhap={id}",
        encode_component(&draft.procedure_code)
    );
    let delete = Callback::new(move |()| {
        pending.set(true);
        spawn_local(async move {
            let result = session
                .authorized(|token| async move { api::dossier_drafts::delete(&token, id).await })
                .await;
            pending.set(false);
            match result {
                Ok(()) => removed.update(|removed| removed.push(id)),
                Err(failure) => error.set(Some(failure)),
            }
        });
    });
    view! {
        <li class="dossier-item draft-item">
            <h3>{draft.procedure_name.clone()}</h3>
            <p>"Lưu lần cuối: " <DateTimeText at=draft.updated_at /></p>
            <p class="row-buttons">
                <A href=resume attr:class="button button-primary">"Tiếp tục soạn"</A>
                <ConfirmAction
                    button="Xóa nháp"
                    button_label=format!("Xóa nháp – {}", draft.procedure_name)
                    group_label=format!("Xóa nháp {}", draft.procedure_name)
                    question="Bản nháp và các câu trả lời đã lưu sẽ bị xóa.".to_owned()
                    confirm="Xác nhận xóa nháp"
                    pending
                    on_confirm=delete
                />
            </p>
            {move || error.get().map(|error| view! { <ErrorMessage error /> })}
        </li>
    }
}

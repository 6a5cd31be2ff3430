use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use openapi::ErrorCode;
use openapi::legal_documents::{LegalDocument, LegalDocumentSummary};

use crate::api::{self, ApiError};
use crate::components::api_errors::ApiErrors;
use crate::components::calendar_date::CalendarDate;
use crate::components::document_table::{ValidityStatus, document_href};
use crate::components::document_title::DocumentTitle;
use crate::components::loading::Loading;
use crate::pages::not_found_page::NotFound;
use crate::state::site::use_site;

/// "/van-ban/:slug": one legal document of this site's unit: its register entry, the
/// full text to download, and its text.
#[component]
pub fn DocumentPage() -> impl IntoView {
    let unit = use_site().unit.slug;
    let params = use_params_map();
    let slug = Memo::new(move |_| params.with(|params| params.get("slug").unwrap_or_default()));
    let document = LocalResource::new(move || {
        let unit = unit.clone();
        let slug = slug.get();
        async move {
            let document = api::documents::get(&unit, &slug).await?;
            // The replacing document is named by its number; without it (withdrawn since,
            // or no answer) the link still leads to it.
            let replacement = match document.document.replaced_by.as_deref() {
                Some(newer) => api::documents::get(&unit, newer)
                    .await
                    .ok()
                    .map(|newer| newer.document.number),
                None => None,
            };
            Ok::<_, ApiError>((document, replacement))
        }
    });
    view! {
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match document.await {
                        Ok((document, replacement)) => {
                            Ok(Either::Left(view! { <DocumentView document replacement /> }))
                        }
                        Err(error) if error.code() == Some(ErrorCode::NotFound) => {
                            Ok(Either::Right(view! {
                                <NotFound
                                    title="Không tìm thấy văn bản"
                                    text="Văn bản không tồn tại, chưa được công bố hoặc đã được gỡ xuống."
                                    back_href="/van-ban"
                                    back_text="Tra cứu văn bản khác"
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
fn DocumentView(
    document: LegalDocument,
    /// The number of the document that replaced this one, if known.
    replacement: Option<String>,
) -> impl IntoView {
    let LegalDocument {
        document: fields,
        body_html,
    } = document;
    let lead = (!fields.summary.is_empty())
        .then(|| view! { <p class="lead article-lead">{fields.summary.clone()}</p> });
    let download = fields.file_url.clone().map(|url| {
        view! {
            <p class="document-download">
                // `download` keeps the router out of it: the file is not a page of the app.
                <a class="button button-primary" href=url download="">
                    "Tải toàn văn"
                </a>
            </p>
        }
    });
    view! {
        <DocumentTitle page=format!("{} {}", fields.document_type.label(), fields.number) />
        <article class="article document">
            <header class="article-header">
                <p class="kicker">{fields.document_type.label()} " số " {fields.number.clone()}</p>
                <h1>{fields.title.clone()}</h1>
            </header>
            <Register fields=fields.clone() replacement />
            {download}
            {lead}
            // Sanitized by the server (see the article page); clicks on links inside stay
            // with the browser, not the router.
            <div class="article-body" inner_html=body_html on:click=|event| event.stop_propagation()></div>
        </article>
        <p class="back-link">
            <A href="/van-ban">
                <span aria-hidden="true">"← "</span>
                "Văn bản"
            </A>
        </p>
    }
}

/// The register entry as a definition list.
#[component]
fn Register(fields: LegalDocumentSummary, replacement: Option<String>) -> impl IntoView {
    let site = use_site();
    let replacement_text = match replacement {
        Some(number) => format!("Văn bản thay thế: số {number}"),
        None => "Xem văn bản thay thế".to_owned(),
    };
    let replacement = fields
        .replaced_by
        .as_deref()
        .and_then(|slug| document_href(&site, &fields.unit.slug, slug));
    let effective = match fields.effective_on {
        Some(date) => Either::Left(view! { <CalendarDate date /> }),
        None => Either::Right("Kể từ ngày ký"),
    };
    view! {
        <dl class="register">
            <div>
                <dt>"Số, ký hiệu"</dt>
                <dd>{fields.number}</dd>
            </div>
            <div>
                <dt>"Loại văn bản"</dt>
                <dd>{fields.document_type.label()}</dd>
            </div>
            <div>
                <dt>"Cơ quan ban hành"</dt>
                <dd>{fields.issuer}</dd>
            </div>
            <div>
                <dt>"Người ký"</dt>
                <dd>{fields.signer}</dd>
            </div>
            <div>
                <dt>"Ngày ban hành"</dt>
                <dd>
                    <CalendarDate date=fields.issued_on />
                </dd>
            </div>
            <div>
                <dt>"Ngày hiệu lực"</dt>
                <dd>{effective}</dd>
            </div>
            <div>
                <dt>"Tình trạng hiệu lực"</dt>
                <dd>
                    <ValidityStatus validity=fields.validity replacement replacement_text />
                </dd>
            </div>
        </dl>
    }
}

use leptos::either::Either;
use leptos::prelude::*;
use openapi::ErrorCode;

use crate::api::{self, ApiError};
use crate::components::error_message::ErrorMessage;
use crate::components::loading::Loading;
use crate::state::session::use_session;

/// `body` (Markdown) as readers will see it, rendered and sanitized by the server.
#[component]
pub fn MarkdownPreview(body: String) -> impl IntoView {
    let session = use_session();
    let source = body.clone();
    let rendered = LocalResource::new(move || {
        let body = body.clone();
        async move {
            session
                .authorized(move |token| {
                    let body = body.clone();
                    async move { api::preview::render(&token, &body).await }
                })
                .await
        }
    });
    view! {
        <Suspense fallback=Loading>
            {move || {
                let source = source.clone();
                Suspend::new(async move {
                match rendered.await {
                    // Safe to insert: the server renders the Markdown and passes it through
                    // its allow-list sanitizer (api/src/text/markdown.rs), exactly as for
                    // published articles. Clicks stay here, as on the article page: links to
                    // attachments are not routes of this app.
                    Ok(html) => Either::Left(view! {
                        <div
                            class="article-body preview-body"
                            inner_html=html
                            on:click=|event| event.stop_propagation()
                        ></div>
                    }),
                    Err(error) => Either::Right(view! { <PreviewUnavailable error source /> }),
                }
            })
            }}
        </Suspense>
    }
}

/// A server without the preview endpoint answers 404: say so plainly, not "not found".
/// Either way the text itself stays readable, as written.
#[component]
fn PreviewUnavailable(error: ApiError, source: String) -> impl IntoView {
    let explanation = if error.code() == Some(ErrorCode::NotFound) {
        Either::Left(view! {
            <div class="alert alert-error" role="alert">
                <p class="alert-title">"Chưa xem trước được"</p>
                <p>
                    "Máy chủ này chưa hỗ trợ xem trước nội dung. Nội dung vẫn được lưu và "
                    "sẽ hiển thị đúng định dạng khi đăng."
                </p>
            </div>
        })
    } else {
        Either::Right(view! { <ErrorMessage error /> })
    };
    view! {
        {explanation}
        <p class="field-hint">"Nội dung như đã soạn (Markdown):"</p>
        <pre class="markdown-source">{source}</pre>
    }
}

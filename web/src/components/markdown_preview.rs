use leptos::either::Either;
use leptos::prelude::*;

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

/// When the preview cannot be rendered (no connection, session ended), the text
/// itself stays readable, as written.
#[component]
fn PreviewUnavailable(error: ApiError, source: String) -> impl IntoView {
    view! {
        <ErrorMessage error />
        <p class="field-hint">"Nội dung như đã soạn (Markdown):"</p>
        <pre class="markdown-source">{source}</pre>
    }
}

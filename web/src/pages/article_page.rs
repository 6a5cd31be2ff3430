use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use openapi::ErrorCode;
use openapi::content::Article;

use crate::api;
use crate::components::api_errors::ApiErrors;
use crate::components::article_list::category_label;
use crate::components::document_title::DocumentTitle;
use crate::components::loading::Loading;
use crate::components::published_date::{PublishedDate, vietnam_date};
use crate::pages::not_found_page::NotFound;
use crate::state::site::use_site;

/// "/tin-tuc/:slug": one published article of this site's unit.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let unit = use_site().unit.slug;
    let params = use_params_map();
    let slug = Memo::new(move |_| params.with(|params| params.get("slug").unwrap_or_default()));
    let article = LocalResource::new(move || {
        let unit = unit.clone();
        let slug = slug.get();
        async move { api::articles::get(&unit, &slug).await }
    });
    view! {
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    match article.await {
                        Ok(article) => Ok(Either::Left(view! { <ArticleView article /> })),
                        // Never published, withdrawn, or a mistyped address: all read the same.
                        Err(error) if error.code() == Some(ErrorCode::NotFound) => {
                            Ok(Either::Right(view! {
                                <NotFound
                                    title="Không tìm thấy bài viết"
                                    text="Bài viết không tồn tại, chưa được công bố hoặc đã được gỡ xuống."
                                    back_href="/tin-tuc"
                                    back_text="Xem các tin tức khác"
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
fn ArticleView(article: Article) -> impl IntoView {
    let first_published = article.first_published_at.timestamp();
    let published = article.published_at.timestamp();
    // A correction made the same day is not worth a second date.
    let updated = (vietnam_date(published) != vietnam_date(first_published)).then(|| {
        view! {
            <span class="article-updated">
                "Cập nhật " <PublishedDate unix_seconds=published />
            </span>
        }
    });
    let category = article.category.map(|slug| {
        view! { <span class="article-category">{category_label(&slug).to_owned()}</span> }
    });
    let summary = (!article.summary.is_empty())
        .then(|| view! { <p class="lead article-lead">{article.summary}</p> });
    let cover = article.cover_image_url.map(|src| {
        view! { <img class="article-cover" src=src alt=article.title.clone() /> }
    });
    view! {
        <DocumentTitle page=article.title.clone() />
        <article class="article">
            <header class="article-header">
                <h1>{article.title}</h1>
                <p class="article-meta">
                    <PublishedDate unix_seconds=first_published />
                    {updated}
                    {category}
                </p>
            </header>
            {cover}
            {summary}
            // Inserted as HTML because the server already made it safe: it renders the
            // author's Markdown and passes it through an allow-list sanitizer
            // (api/src/text/markdown.rs) before storing it, so no script, style or event
            // handler can reach this page. Clicks stop here: links in an article may point
            // at files this app does not route (attachments), which the router, listening
            // on the window, would otherwise open as an unknown page of the app.
            <div
                class="article-body"
                inner_html=article.body_html
                on:click=|event| event.stop_propagation()
            ></div>
        </article>
        <p class="back-link">
            <A href="/tin-tuc">
                <span aria-hidden="true">"← "</span>
                "Tin tức"
            </A>
        </p>
    }
}

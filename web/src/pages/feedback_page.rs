use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use openapi::feedback::FeedbackReceipt;

use crate::api;
use crate::components::api_errors::ApiErrors;
use crate::components::document_title::DocumentTitle;
use crate::components::feedback_form::FeedbackForm;
use crate::components::feedback_receipt::FeedbackReceiptView;
use crate::components::loading::Loading;
use crate::state::site::use_site;

/// "/phan-anh": on a ward site the form, then its receipt; on a portal, the wards
/// to send feedback to (each ward takes its own).
#[component]
pub fn FeedbackPage() -> impl IntoView {
    let site = use_site();
    view! {
        <DocumentTitle page="Phản ánh kiến nghị" />
        <h1>"Phản ánh kiến nghị"</h1>
        {if site.is_portal {
            Either::Left(view! { <WardChoice /> })
        } else {
            Either::Right(view! { <WardFeedback /> })
        }}
    }
}

#[component]
fn FeedbackLinks() -> impl IntoView {
    view! {
        <nav class="feedback-links" aria-label="Phản ánh kiến nghị">
            <ul>
                <li><A href="/phan-anh/tra-cuu">"Tra cứu phản ánh đã gửi"</A></li>
                <li><A href="/phan-anh/da-tra-loi">"Phản ánh đã được trả lời"</A></li>
            </ul>
        </nav>
    }
}

#[component]
fn WardFeedback() -> impl IntoView {
    let unit = use_site().unit.slug;
    let receipt = RwSignal::new(None::<FeedbackReceipt>);
    let categories = LocalResource::new(move || {
        let unit = unit.clone();
        async move { api::feedback::categories(&unit).await }
    });
    let on_sent = Callback::new(move |sent| receipt.set(Some(sent)));
    // A fresh form, with a fresh key: the old one was replaced by the receipt.
    let on_again = Callback::new(move |()| receipt.set(None));
    view! {
        <p class="lead">
            "Gửi phản ánh, kiến nghị về trật tự đô thị, môi trường, hạ tầng, thủ tục hành chính… "
            "Phường trả lời trong 10 ngày làm việc."
        </p>
        <FeedbackLinks />
        {move || match receipt.get() {
            Some(receipt) => Either::Left(view! { <FeedbackReceiptView receipt on_again /> }),
            None => Either::Right(view! {
                <section aria-labelledby="gui-phan-anh">
                    <h2 id="gui-phan-anh">"Gửi phản ánh"</h2>
                    <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
                        <Suspense fallback=Loading>
                            {move || Suspend::new(async move {
                                categories
                                    .await
                                    .map(|categories| view! { <FeedbackForm categories on_sent /> })
                            })}
                        </Suspense>
                    </ErrorBoundary>
                </section>
            }),
        }}
    }
}

/// The portal's wards, each with its feedback pages.
#[component]
fn WardChoice() -> impl IntoView {
    let children = use_site().children;
    view! {
        <p class="lead">
            "Mỗi phường tiếp nhận và trả lời phản ánh của người dân trên địa bàn. "
            "Chọn phường nơi xảy ra sự việc để gửi phản ánh."
        </p>
        <p><A href="/phan-anh/da-tra-loi">"Phản ánh đã được trả lời ở tất cả các phường"</A></p>
        <section aria-labelledby="cac-phuong">
            <h2 id="cac-phuong">"Các phường"</h2>
            <ul class="ward-feedback-list">
                {children
                    .into_iter()
                    .map(|child| {
                        let base = child.url.trim_end_matches('/').to_owned();
                        // Each link names its ward for those who hear links out of context.
                        let ward = format!(" – {}", child.name);
                        view! {
                            <li>
                                <h3>{child.name.clone()}</h3>
                                <p>
                                    <a href=format!("{base}/phan-anh")>
                                        "Gửi phản ánh"
                                        <span class="visually-hidden">{ward.clone()}</span>
                                    </a>
                                    " · "
                                    <a href=format!("{base}/phan-anh/da-tra-loi")>
                                        "Đã trả lời"
                                        <span class="visually-hidden">{ward.clone()}</span>
                                    </a>
                                    " · "
                                    <a href=format!("{base}/phan-anh/tra-cuu")>
                                        "Tra cứu"
                                        <span class="visually-hidden">{ward}</span>
                                    </a>
                                </p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::document_title::DocumentTitle;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <NotFound
            title="Không tìm thấy trang"
            text="Địa chỉ bạn truy cập không tồn tại hoặc đã được chuyển đi."
        />
    }
}

/// The one look of "not found", for an unknown address and for a page whose content
/// the server does not have.
#[component]
pub fn NotFound(
    title: &'static str,
    text: &'static str,
    #[prop(default = "/")] back_href: &'static str,
    #[prop(default = "Về trang chủ")] back_text: &'static str,
) -> impl IntoView {
    view! {
        <DocumentTitle page=title />
        <h1>{title}</h1>
        <p>{text}</p>
        <p>
            <A href=back_href>{back_text}</A>
        </p>
    }
}

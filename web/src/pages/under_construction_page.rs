use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::document_title::DocumentTitle;

/// A section that exists in the menu but not yet in the product.
#[component]
pub fn UnderConstructionPage(title: &'static str) -> impl IntoView {
    view! {
        <DocumentTitle page=title />
        <h1>{title}</h1>
        <p class="notice">"Đang xây dựng. Nội dung của mục này sẽ sớm được cập nhật."</p>
        <p>
            <A href="/">"Về trang chủ"</A>
        </p>
    }
}

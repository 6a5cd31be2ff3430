use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::document_title::DocumentTitle;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <DocumentTitle page="Không tìm thấy trang" />
        <h1>"Không tìm thấy trang"</h1>
        <p>"Địa chỉ bạn truy cập không tồn tại hoặc đã được chuyển đi."</p>
        <p>
            <A href="/">"Về trang chủ"</A>
        </p>
    }
}

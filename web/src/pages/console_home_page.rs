use leptos::prelude::*;

use crate::components::document_title::DocumentTitle;
use crate::state::session::use_session;

/// The console's start: who is signed in and what they may do where.
#[component]
pub fn ConsoleHomePage() -> impl IntoView {
    let session = use_session();
    move || {
        session.me().map(|me| {
            view! {
                <DocumentTitle page="Trang quản trị" />
                <h1>"Xin chào, " {me.full_name}</h1>
                <section aria-labelledby="vai-tro">
                    <h2 id="vai-tro">"Vai trò của bạn"</h2>
                    <ul class="role-list">
                        {me
                            .roles
                            .into_iter()
                            .map(|assignment| {
                                view! {
                                    <li>{assignment.role.label()} " — " {assignment.unit_name}</li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
                <p class="notice">
                    "Các chức năng quản trị đang được xây dựng và sẽ lần lượt xuất hiện trong trình đơn."
                </p>
            }
        })
    }
}

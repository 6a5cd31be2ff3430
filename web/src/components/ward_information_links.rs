use leptos::prelude::*;
use leptos_router::components::A;

use crate::state::site::use_site;

/// The ways into the unit's information pages, on the introduction page: a list,
/// not a menu, so the menu of pages below stays the page's only navigation.
#[component]
pub fn WardInformationLinks() -> impl IntoView {
    let ward = !use_site().is_portal;
    view! {
        <section aria-labelledby="thong-tin-don-vi">
            <h2 id="thong-tin-don-vi">"Thông tin đơn vị"</h2>
            <ul class="site-list">
                {ward
                    .then(|| {
                        view! {
                            <li>
                                <A href="/to-chuc">"Cơ cấu tổ chức"</A>
                            </li>
                            <li>
                                <A href="/to-chuc#nguoi-phat-ngon">"Người phát ngôn"</A>
                            </li>
                            <li>
                                <A href="/lich-cong-tac">"Lịch công tác"</A>
                            </li>
                        }
                    })}
                <li>
                    <A href="/ban-do">"Bản đồ hành chính"</A>
                </li>
                <li>
                    <A href="/quy-hoach">"Thông tin quy hoạch"</A>
                </li>
            </ul>
        </section>
    }
}

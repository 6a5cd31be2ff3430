use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::account_menu::AccountMenu;
use crate::state::site::use_site;

/// The main menu of a site; the account entries close it. A ward site adds its
/// organization, weekly schedule and online public services (a district has no
/// procedure catalog of its own); every site has its map.
#[component]
pub fn SiteNav() -> impl IntoView {
    let ward = !use_site().is_portal;
    view! {
        <nav class="site-nav" aria-label="Điều hướng chính">
            <ul class="container nav-list">
                <li>
                    <A href="/" exact=true>
                        "Trang chủ"
                    </A>
                </li>
                <li>
                    <A href="/tin-tuc">"Tin tức"</A>
                </li>
                <li>
                    <A href="/thong-bao">"Thông báo"</A>
                </li>
                <li>
                    <A href="/van-ban">"Văn bản"</A>
                </li>
                <li>
                    <A href="/gioi-thieu">"Giới thiệu"</A>
                </li>
                {ward
                    .then(|| {
                        view! {
                            <li>
                                <A href="/to-chuc">"Tổ chức"</A>
                            </li>
                            <li>
                                <A href="/lich-cong-tac">"Lịch công tác"</A>
                            </li>
                        }
                    })}
                <li>
                    <A href="/ban-do">"Bản đồ"</A>
                </li>
                {ward
                    .then(|| {
                        view! {
                            <li>
                                <A href="/dich-vu-cong">"Dịch vụ công"</A>
                            </li>
                        }
                    })}
                <li>
                    <A href="/tra-cuu-ho-so">"Tra cứu hồ sơ"</A>
                </li>
                <li>
                    <A href="/phan-anh">"Phản ánh kiến nghị"</A>
                </li>
                <AccountMenu />
            </ul>
        </nav>
    }
}

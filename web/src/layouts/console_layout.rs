use leptos::either::EitherOf4;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::{A, Outlet};
use leptos_router::hooks::{use_location, use_navigate};
use openapi::auth::Role;

use crate::components::brand::Brand;
use crate::components::document_title::DocumentTitle;
use crate::components::flash_message::FlashMessage;
use crate::components::loading::Loading;
use crate::components::sign_out_button::SignOutButton;
use crate::components::skip_link::{MAIN_ID, SkipLink};
use crate::pages::boundary_page::may_edit_boundary;
use crate::state::access::{may_act_as, may_intake, may_keep_calendar};
use crate::state::dossier_inbox::{InboxWatch, use_inbox_watch};
use crate::state::flash::Flash;
use crate::state::session::{SessionState, use_session};
use crate::state::site::use_site;

/// Who is looking at the console, as far as the frame cares.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Access {
    Checking,
    SignedOut,
    Citizen,
    Staff,
}

/// The staff console frame. Signed-out visitors are sent to the sign-in page;
/// citizens are told the console is for staff.
#[component]
pub fn ConsoleLayout() -> impl IntoView {
    let session = use_session();
    let site = use_site();
    Flash::provide();
    let inbox = InboxWatch::provide();
    // A memo, so that a refreshed token (same user) does not rebuild the page.
    let access = Memo::new(move |_| match session.state() {
        SessionState::Restoring => Access::Checking,
        SessionState::SignedOut => Access::SignedOut,
        SessionState::SignedIn(me) if me.is_staff() => Access::Staff,
        SessionState::SignedIn(_) => Access::Citizen,
    });

    let navigate = use_navigate();
    let location = use_location();
    Effect::new(move || {
        // Only while still here: signing out navigates away before it clears the session.
        let still_here = location.pathname.get_untracked().starts_with("/quan-tri");
        if access.get() == Access::SignedOut && still_here {
            navigate(
                "/dang-nhap",
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });

    view! {
        <SkipLink />
        <header class="site-header console-header">
            <div class="container header-top">
                <Brand href="/quan-tri" kicker="Trang quản trị" />
                <p class="header-account">
                    {move || {
                        session
                            .me()
                            .map(|me| {
                                view! {
                                    <span class="user-name">{me.full_name}</span>
                                    <SignOutButton />
                                }
                            })
                    }}
                </p>
            </div>
        </header>
        {move || match access.get() {
            Access::Checking => EitherOf4::A(view! {
                <main id=MAIN_ID class="container site-main" tabindex="-1">
                    <Loading />
                </main>
            }),
            Access::SignedOut => EitherOf4::B(view! {
                <main id=MAIN_ID class="container site-main" tabindex="-1">
                    <p>
                        "Vui lòng " <A href="/dang-nhap">"đăng nhập"</A> " để vào trang quản trị."
                    </p>
                </main>
            }),
            Access::Citizen => EitherOf4::C(view! { <StaffOnly /> }),
            Access::Staff => EitherOf4::D({
                // Intake officers hear of new dossiers on every console page (the
                // menu's badge); the stream ends with this branch.
                if untrack(|| session.me()).is_some_and(|me| may_intake(&me, &site)) {
                    inbox.listen(site.unit.slug.clone());
                }
                view! {
                <div class="container console">
                    <ConsoleNav />
                    <main id=MAIN_ID class="console-main" tabindex="-1">
                        <FlashMessage />
                        <Outlet />
                    </main>
                </div>
                }
            }),
        }}
    }
}

/// The sections of the console; most are still being built. "Duyệt bài" only for
/// those who may review this unit's content, "Ranh giới" for its admins, "Lịch làm
/// việc" for district admins.
#[component]
fn ConsoleNav() -> impl IntoView {
    let session = use_session();
    let site = use_site();
    let admin_site = site.clone();
    let reviewer = Memo::new(move |_| {
        session
            .me()
            .is_some_and(|me| may_act_as(&me, Role::Reviewer, &site))
    });
    let admin = Memo::new(move |_| {
        session
            .me()
            .is_some_and(|me| may_edit_boundary(&me, &admin_site))
    });
    let calendar_keeper = Memo::new(move |_| session.me().is_some_and(|me| may_keep_calendar(&me)));
    view! {
        <nav class="console-nav" aria-label="Chức năng quản trị">
            <ul>
                <li>
                    <A href="/quan-tri" exact=true>
                        "Tổng quan"
                    </A>
                </li>
                <li>
                    <A href="/quan-tri/tin-bai">"Tin bài"</A>
                </li>
                {move || {
                    reviewer
                        .get()
                        .then(|| {
                            view! {
                                <li>
                                    <A href="/quan-tri/duyet-bai">"Duyệt bài"</A>
                                </li>
                            }
                        })
                }}
                {move || {
                    admin
                        .get()
                        .then(|| {
                            view! {
                                <li>
                                    <A href="/quan-tri/ranh-gioi">"Ranh giới"</A>
                                </li>
                            }
                        })
                }}
                {move || {
                    admin
                        .get()
                        .then(|| {
                            view! {
                                <li>
                                    <A href="/quan-tri/bo-phan">"Bộ phận"</A>
                                </li>
                                <li>
                                    <A href="/quan-tri/thu-tuc">"Thủ tục"</A>
                                </li>
                                <li>
                                    <A href="/quan-tri/khoa-api">"Khóa API"</A>
                                </li>
                            }
                        })
                }}
                {move || {
                    calendar_keeper
                        .get()
                        .then(|| {
                            view! {
                                <li>
                                    <A href="/quan-tri/lich-lam-viec">"Lịch làm việc"</A>
                                </li>
                            }
                        })
                }}
                <li>
                    <A href="/quan-tri/phan-anh">"Phản ánh kiến nghị"</A>
                </li>
                <li>
                    <A href="/quan-tri/ho-so">"Hồ sơ trực tuyến" <InboxBadge /></A>
                </li>
                <li>
                    <A href="/quan-tri/nguoi-dung">"Người dùng"</A>
                </li>
                <li>
                    <a href="/">"Xem cổng thông tin"</a>
                </li>
            </ul>
        </nav>
    }
}

/// How many dossiers wait for intake, beside the menu's "Hồ sơ" entry; nothing until
/// the live signal says, nor when none wait.
#[component]
fn InboxBadge() -> impl IntoView {
    let inbox = use_inbox_watch();
    move || {
        inbox
            .waiting()
            .filter(|waiting| *waiting > 0)
            .map(|waiting| {
                view! {
                    <span class="console-nav-badge">
                        {waiting.to_string()}
                        <span class="visually-hidden">" hồ sơ chờ tiếp nhận"</span>
                    </span>
                }
            })
    }
}

/// A signed-in citizen who found the console's address.
#[component]
fn StaffOnly() -> impl IntoView {
    view! {
        <DocumentTitle page="Trang quản trị" />
        <main id=MAIN_ID class="container site-main" tabindex="-1">
            <h1>"Trang quản trị"</h1>
            <p>
                "Trang quản trị dành cho cán bộ, công chức được phân công quản lý cổng thông tin. "
                "Tài khoản của bạn là tài khoản công dân nên không có chức năng quản trị."
            </p>
            <p>
                <A href="/">"Về trang chủ"</A>
            </p>
        </main>
    }
}

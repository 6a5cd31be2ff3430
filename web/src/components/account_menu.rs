use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::sign_out_button::SignOutButton;
use crate::state::session::{SessionState, use_session};

/// The account entries of a menu list: "Đăng nhập" when signed out; the user's name,
/// the console for staff, a citizen's own dossiers, and "Đăng xuất" when signed in.
#[component]
pub fn AccountMenu() -> impl IntoView {
    let session = use_session();
    move || match session.state() {
        // Nothing yet: a "Đăng nhập" link that vanishes a moment later would mislead.
        SessionState::Restoring => EitherOf3::A(()),
        SessionState::SignedOut => EitherOf3::B(view! {
            <li class="nav-account">
                <A href="/dang-nhap">"Đăng nhập"</A>
            </li>
        }),
        SessionState::SignedIn(me) => {
            let own_page = if me.is_staff() {
                view! {
                    <li class="nav-account">
                        <A href="/quan-tri">"Quản trị"</A>
                    </li>
                }
            } else {
                view! {
                    <li class="nav-account">
                        <A href="/ho-so-cua-toi">"Hồ sơ của tôi"</A>
                    </li>
                }
            };
            EitherOf3::C(view! {
                {own_page}
                <li class="nav-account nav-user">
                    <span class="user-name">{me.full_name}</span>
                    <SignOutButton />
                </li>
            })
        }
    }
}

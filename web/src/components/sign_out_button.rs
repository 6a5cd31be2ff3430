use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use crate::api::ApiError;
use crate::state::session::use_session;

/// "Đăng xuất": ends the session on the server, then goes home signed out.
#[component]
pub fn SignOutButton() -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let sign_out = move |_| {
        let navigate = navigate.clone();
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match session.sign_out_on_server().await {
                Ok(()) => {
                    // Leave first: the console would otherwise see "signed out" and
                    // send the user to the sign-in page instead.
                    navigate("/", Default::default());
                    session.clear();
                }
                // Still signed in on the server: say so rather than pretend.
                Err(failure) => {
                    pending.set(false);
                    error.set(Some(failure));
                }
            }
        });
    };
    view! {
        <button type="button" class="button button-quiet" on:click=sign_out disabled=pending>
            "Đăng xuất"
        </button>
        {move || {
            error
                .get()
                .map(|error| {
                    view! {
                        <span class="inline-error" role="alert">
                            {error.title()}
                        </span>
                    }
                })
        }}
    }
}

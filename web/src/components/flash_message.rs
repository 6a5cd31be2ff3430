use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::state::flash::use_flash;

/// The flash message of the page being shown, read out by screen readers as it appears.
#[component]
pub fn FlashMessage() -> impl IntoView {
    let flash = use_flash();
    let pathname = use_location().pathname;
    view! {
        <div class="flash-region" role="status">
            {move || {
                flash
                    .text_for(&pathname.get())
                    .map(|text| view! { <p class="flash">{text}</p> })
            }}
        </div>
    }
}

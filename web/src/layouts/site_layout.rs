use leptos::prelude::*;
use leptos_router::components::Outlet;

use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::components::skip_link::{MAIN_ID, SkipLink};

/// The public frame of a ward site or a portal: header with menu, content, footer.
#[component]
pub fn SiteLayout() -> impl IntoView {
    view! {
        <SkipLink />
        <SiteHeader />
        // tabindex lets the skip link move focus here.
        <main id=MAIN_ID class="container site-main" tabindex="-1">
            <Outlet />
        </main>
        <SiteFooter />
    }
}

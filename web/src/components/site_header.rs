use leptos::prelude::*;

use crate::components::brand::Brand;
use crate::components::search_box::SearchBox;
use crate::components::site_nav::SiteNav;

#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="container header-top">
                <Brand />
                <SearchBox />
            </div>
            <SiteNav />
        </header>
    }
}

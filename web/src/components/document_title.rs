use leptos::prelude::*;

use crate::state::site::use_site;

/// Names the page in the browser tab and for screen readers, which announce the title
/// after each navigation of a single-page app.
#[component]
pub fn DocumentTitle(#[prop(into)] page: String) -> impl IntoView {
    let site = use_site();
    let title = if page == site.unit.name {
        format!("Cổng thông tin điện tử {}", site.unit.name)
    } else {
        format!("{page} – Cổng thông tin điện tử {}", site.unit.name)
    };
    document().set_title(&title);
}

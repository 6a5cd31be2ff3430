use leptos::prelude::*;

use crate::state::site::{parent_name, use_site};

/// The site's name in the header, linking home: "Cổng thông tin điện tử / Phường 1 / Quận 10".
#[component]
pub fn Brand(
    /// Where the name links to.
    #[prop(default = "/")]
    href: &'static str,
    /// The line above the name.
    #[prop(default = "Cổng thông tin điện tử")]
    kicker: &'static str,
) -> impl IntoView {
    let site = use_site();
    let parent = parent_name(&site).map(str::to_owned);
    view! {
        <a class="brand" href=href>
            <span class="brand-emblem" aria-hidden="true">"★"</span>
            <span class="brand-text">
                <span class="brand-kicker">{kicker}</span>
                <span class="brand-name">{site.unit.name.clone()}</span>
                {parent.map(|parent| view! { <span class="brand-parent">{parent}</span> })}
            </span>
        </a>
    }
}

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::api::encode_component;

/// The search form of every public page's header; it opens "/tim-kiem?q=…".
#[component]
pub fn SearchBox() -> impl IntoView {
    let navigate = use_navigate();
    let query = RwSignal::new(String::new());
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        navigate(&search_href(&query.get_untracked()), Default::default());
    };
    view! {
        <form class="search-box" role="search" action="/tim-kiem" method="get" on:submit=submit>
            <label for="tim-nhanh" class="visually-hidden">
                "Tìm kiếm trên cổng thông tin"
            </label>
            <input
                id="tim-nhanh"
                name="q"
                type="search"
                placeholder="Tìm kiếm…"
                autocomplete="off"
                bind:value=query
            />
            <button type="submit" class="button button-search">
                "Tìm"
            </button>
        </form>
    }
}

/// The search page's address for `query`; without words, the empty search page.
pub fn search_href(query: &str) -> String {
    let query = query.trim();
    if query.is_empty() {
        "/tim-kiem".to_owned()
    } else {
        format!("/tim-kiem?q={}", encode_component(query))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_is_trimmed_and_encoded() {
        assert_eq!(
            search_href("  thu tục & phí "),
            "/tim-kiem?q=thu%20t%E1%BB%A5c%20%26%20ph%C3%AD"
        );
        assert_eq!(search_href("   "), "/tim-kiem");
    }
}

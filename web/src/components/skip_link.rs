use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// The id of every layout's `<main>`, the target of the skip link.
pub const MAIN_ID: &str = "noi-dung";

/// "Bỏ qua điều hướng": the first stop of the keyboard, straight to the content.
#[component]
pub fn SkipLink() -> impl IntoView {
    // The router handles clicks on same-site links itself (from a window listener, so
    // after this one) and only scrolls: the focus would stay on the link. Moving it is
    // what keyboard users need.
    let skip = |event: leptos::ev::MouseEvent| {
        let main = document()
            .get_element_by_id(MAIN_ID)
            .and_then(|element| element.dyn_into::<HtmlElement>().ok());
        if let Some(main) = main {
            event.prevent_default();
            let _ = main.focus();
            main.scroll_into_view();
        }
    };
    view! {
        <a class="skip-link" href=format!("#{MAIN_ID}") on:click=skip>
            "Bỏ qua điều hướng"
        </a>
    }
}

use leptos::prelude::*;

use crate::api::ApiError;

/// An API failure as people should read it: the code's Vietnamese title, the server's
/// explanation, and the request id to quote when reporting it.
#[component]
pub fn ErrorMessage(error: ApiError) -> impl IntoView {
    let detail = error.detail().map(str::to_owned);
    let request_id = error.request_id().map(str::to_owned);
    view! {
        <div class="alert alert-error" role="alert">
            <p class="alert-title">{error.title()}</p>
            {detail.map(|detail| view! { <p>{detail}</p> })}
            {request_id.map(|id| view! { <p class="alert-meta">"Mã yêu cầu: " {id}</p> })}
        </div>
    }
}

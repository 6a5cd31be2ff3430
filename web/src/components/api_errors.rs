use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::error_message::ErrorMessage;

/// What an `ErrorBoundary` caught, each shown by its code in Vietnamese.
#[component]
pub fn ApiErrors(errors: ArcRwSignal<Errors>) -> impl IntoView {
    move || {
        errors
            .get()
            .into_iter()
            .map(|(_, error)| {
                // Only API calls fail here; anything else would be a bug, shown as one.
                let error = error
                    .downcast_ref::<ApiError>()
                    .cloned()
                    .unwrap_or(ApiError::from_status(500));
                view! { <ErrorMessage error /> }
            })
            .collect_view()
    }
}

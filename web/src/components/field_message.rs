//! The error of one form field, tied to its input for screen readers.

use leptos::prelude::*;
use openapi::FieldError;

use crate::api::ApiError;

/// The id of the message of the field whose input has id `field_id`.
pub fn message_id(field_id: &str) -> String {
    format!("{field_id}-loi")
}

/// The message for `field` in the last failure, as a signal a form can show.
pub fn field_message(
    error: RwSignal<Option<ApiError>>,
    field: &'static str,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        error.with(|error| error.as_ref().and_then(|error| error.field_message(field)))
    })
}

/// The checked request, or `None` with its field errors shown on the form: the
/// same checks as the server's, so a slip costs no round trip.
pub fn checked<T>(
    parsed: Result<T, Vec<FieldError>>,
    error: RwSignal<Option<ApiError>>,
) -> Option<T> {
    match parsed {
        Ok(value) => Some(value),
        Err(errors) => {
            error.set(Some(ApiError::invalid_fields(errors)));
            None
        }
    }
}

/// `aria-describedby` of an input: its message, while there is one.
pub fn described_by(
    field_id: &'static str,
    message: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || message.get().map(|_| message_id(field_id))
}

#[component]
pub fn FieldMessage(
    /// The id of the input it explains.
    field_id: &'static str,
    message: Signal<Option<String>>,
) -> impl IntoView {
    move || {
        message.get().map(|text| {
            view! {
                <p id=message_id(field_id) class="field-error">
                    {text}
                </p>
            }
        })
    }
}

/// The message for the field at `path` (`details.document.number`), as a signal.
pub fn path_message(error: RwSignal<Option<ApiError>>, path: String) -> Signal<Option<String>> {
    Signal::derive(move || {
        error.with(|error| error.as_ref().and_then(|error| error.field_message(&path)))
    })
}

/// A message that belongs to a group of inputs rather than one (`details.schedule`:
/// "required"), shown where the group starts.
#[component]
pub fn GroupMessage(message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message
            .get()
            .map(|text| view! { <p class="field-error" role="alert">{text}</p> })
    }
}

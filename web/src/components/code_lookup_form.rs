//! The public lookups' form (a feedback, a dossier): a code and the contact given with
//! it, both required before asking. The code may come in the address (`?ma=`); the
//! contact never goes there.

use std::future::Future;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;
use openapi::{ErrorCode, FieldError};

use crate::api::ApiError;
use crate::components::error_message::ErrorMessage;
use crate::components::text_field::{Input, TextField};

/// What one lookup calls its two fields, and what it says when one is left empty.
#[derive(Debug, Clone, Copy)]
pub struct LookupFields {
    pub code_id: &'static str,
    pub code_label: &'static str,
    pub code_placeholder: Option<&'static str>,
    pub code_missing: &'static str,
    pub contact_id: &'static str,
    pub contact_label: &'static str,
    pub contact_input: Input,
    pub contact_missing: &'static str,
}

/// `lookup` asks the server with the code (trimmed, in capitals) and the contact
/// (trimmed); what it answers goes into `found`, emptied as each lookup starts. A
/// failure that names neither field shows below the form, an unknown code as
/// `not_found` words it (the server answers a wrong contact the same way, so nothing
/// tells which was wrong).
#[component]
pub fn CodeLookupForm<T, L, F>(
    fields: LookupFields,
    lookup: L,
    found: RwSignal<Option<T>>,
    not_found: fn(ApiError) -> AnyView,
) -> impl IntoView
where
    T: Send + Sync + 'static,
    L: Fn(String, String) -> F + Copy + Send + Sync + 'static,
    F: Future<Output = Result<T, ApiError>> + 'static,
{
    let query = use_query_map();
    let code = RwSignal::new(query.with_untracked(|query| query.get("ma").unwrap_or_default()));
    let contact = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);

    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let typed_code = code.get_untracked().trim().to_uppercase();
        let typed_contact = contact.get_untracked().trim().to_owned();
        let mut errors = Vec::new();
        if typed_code.is_empty() {
            errors.push(FieldError::new("code", "required", fields.code_missing));
        }
        if typed_contact.is_empty() {
            errors.push(FieldError::new(
                "contact",
                "required",
                fields.contact_missing,
            ));
        }
        if !errors.is_empty() {
            error.set(Some(ApiError::invalid_fields(errors)));
            return;
        }
        pending.set(true);
        error.set(None);
        found.set(None);
        spawn_local(async move {
            let result = lookup(typed_code, typed_contact).await;
            pending.set(false);
            match result {
                Ok(answer) => found.set(Some(answer)),
                Err(failure) => error.set(Some(failure)),
            }
        });
    };

    let message = |field: &'static str| {
        Signal::derive(move || {
            error.with(|error| error.as_ref().and_then(|error| error.field_message(field)))
        })
    };
    let other_error = move || {
        error.get().filter(|failure| {
            failure.field_message("code").is_none() && failure.field_message("contact").is_none()
        })
    };
    let locked = Signal::derive(move || pending.get());
    view! {
        <form class="form lookup-form" on:submit=submit novalidate>
            <TextField
                id=fields.code_id
                label=fields.code_label
                value=code
                message=message("code")
                locked
                nostrip:placeholder=fields.code_placeholder
            />
            <TextField
                id=fields.contact_id
                label=fields.contact_label
                value=contact
                message=message("contact")
                locked
                input=fields.contact_input
                autocomplete="tel"
            />
            <div class="form-actions">
                <button type="submit" class="button button-primary" aria-disabled=move || pending.get().then_some("true")>
                    "Tra cứu"
                </button>
                {move || pending.get().then(|| view! { <span class="loading" role="status">"Đang tra cứu…"</span> })}
            </div>
        </form>
        {move || other_error().map(|error| {
            if error.code() == Some(ErrorCode::NotFound) {
                not_found(error)
            } else {
                view! { <ErrorMessage error /> }.into_any()
            }
        })}
    }
}

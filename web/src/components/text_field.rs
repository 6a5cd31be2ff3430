//! The labelled inputs of the console's kind-specific fields: each with its label, an
//! optional hint and the server's (or the browser's) message, tied together for
//! screen readers.

use leptos::either::Either;
use leptos::prelude::*;

use crate::components::field_message::message_id;

/// What kind of text the input takes, for the keyboard phones show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Input {
    #[default]
    Text,
    /// Digits, slashes and colons: dates, times, numbers.
    Numeric,
    /// A number with a decimal comma or dot: an area, a coordinate.
    Decimal,
    Tel,
    Email,
    Password,
    /// A few lines of plain text.
    Multiline,
}

fn described_by(
    hint_id: Option<String>,
    error_id: String,
    message: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || {
        let mut ids: Vec<String> = hint_id.iter().cloned().collect();
        if message.get().is_some() {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

#[component]
pub fn TextField(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: RwSignal<String>,
    message: Signal<Option<String>>,
    locked: Signal<bool>,
    #[prop(optional)] input: Input,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] placeholder: Option<&'static str>,
    /// The browser's autofill hint (`name`, `tel`, `email`); off unless given.
    #[prop(default = "off")]
    autocomplete: &'static str,
) -> impl IntoView {
    let hint_id = hint.map(|_| format!("{id}-huong-dan"));
    let error_id = message_id(&id);
    let invalid = move || message.get().map(|_| "true");
    let described = described_by(hint_id.clone(), error_id.clone(), message);
    let control = if input == Input::Multiline {
        Either::Left(view! {
            <textarea
                id=id.clone()
                rows="4"
                bind:value=value
                disabled=move || locked.get()
                aria-invalid=invalid
                aria-describedby=described
            ></textarea>
        })
    } else {
        let (kind, mode) = match input {
            Input::Tel => ("tel", None),
            Input::Email => ("email", None),
            Input::Password => ("password", None),
            Input::Numeric => ("text", Some("numeric")),
            Input::Decimal => ("text", Some("decimal")),
            Input::Text | Input::Multiline => ("text", None),
        };
        Either::Right(view! {
            <input
                id=id.clone()
                type=kind
                inputmode=mode
                placeholder=placeholder
                autocomplete=autocomplete
                bind:value=value
                disabled=move || locked.get()
                aria-invalid=invalid
                aria-describedby=described
            />
        })
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {control}
            {hint.map(|hint| view! { <p id=hint_id class="field-hint">{hint}</p> })}
            {move || message.get().map(|text| view! {
                <p id=error_id.clone() class="field-error">{text}</p>
            })}
        </div>
    }
}

/// A closed list of choices; `options` pairs each value with the words people read.
#[component]
pub fn SelectField<T>(
    #[prop(into)] id: String,
    #[prop(into)] label: String,
    value: RwSignal<T>,
    options: Vec<(T, String)>,
    locked: Signal<bool>,
    #[prop(optional)] message: Option<Signal<Option<String>>>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let message = message.unwrap_or_else(|| Signal::stored(None));
    let error_id = message_id(&id);
    let choices = options.clone();
    let on_change = move |event: leptos::ev::Event| {
        let chosen = event_target_value(&event)
            .parse::<usize>()
            .ok()
            .and_then(|index| choices.get(index));
        if let Some((chosen, _)) = chosen {
            value.set(*chosen);
        }
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                disabled=move || locked.get()
                on:change=on_change
                aria-invalid=move || message.get().map(|_| "true")
                aria-describedby=described_by(None, error_id.clone(), message)
            >
                {options
                    .into_iter()
                    .enumerate()
                    .map(|(index, (option, text))| view! {
                        <option value=index.to_string() prop:selected=move || value.get() == option>
                            {text}
                        </option>
                    })
                    .collect_view()}
            </select>
            {move || message.get().map(|text| view! {
                <p id=error_id.clone() class="field-error">{text}</p>
            })}
        </div>
    }
}

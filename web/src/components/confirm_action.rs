//! An action that cannot be undone: a first button asks, a second one confirms.

use leptos::either::Either;
use leptos::prelude::*;

/// `button` opens the question; `confirm` runs `on_confirm` (disabled while
/// `pending`); "Hủy" closes it. Focus moves to the confirming button, so a keyboard
/// user lands where the decision is.
#[component]
pub fn ConfirmAction(
    /// The first button's text, e.g. "Thu hồi".
    button: &'static str,
    /// The first button's accessible name when its text alone is ambiguous in a list.
    #[prop(optional, into)]
    button_label: Option<String>,
    /// Names the confirmation group for screen readers.
    group_label: String,
    /// What will happen, in a sentence.
    question: String,
    /// The confirming button's text, e.g. "Xác nhận thu hồi".
    confirm: &'static str,
    #[prop(into)] pending: Signal<bool>,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let confirm_ref = NodeRef::<leptos::html::Button>::new();
    Effect::new(move || {
        if let Some(button) = confirm_ref.get() {
            let _ = button.focus();
        }
    });
    move || {
        if confirming.get() {
            Either::Left(view! {
                <div class="confirm-box" role="group" aria-label=group_label.clone()>
                    <p>{question.clone()}</p>
                    <div class="row-buttons">
                        <button
                            type="button"
                            class="button button-danger"
                            node_ref=confirm_ref
                            disabled=move || pending.get()
                            on:click=move |_| on_confirm.run(())
                        >
                            {confirm}
                        </button>
                        <button type="button" class="button button-secondary" on:click=move |_| confirming.set(false)>
                            "Hủy"
                        </button>
                    </div>
                </div>
            })
        } else {
            Either::Right(view! {
                <button
                    type="button"
                    class="button button-secondary"
                    aria-label=button_label.clone()
                    on:click=move |_| confirming.set(true)
                >
                    {button}
                </button>
            })
        }
    }
}

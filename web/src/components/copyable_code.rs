//! A code a citizen must keep (a feedback's tracking code, a dossier's code): written
//! large, with a button that copies it and says whether that worked.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::clipboard;

#[component]
pub fn CopyableCode(
    /// What the code is, above it: "Mã hồ sơ của bạn:".
    intro: &'static str,
    /// The code's element id, which the copy button points to.
    id: &'static str,
    code: String,
) -> impl IntoView {
    let copied = RwSignal::new(None::<bool>);
    let text = code.clone();
    let copy = move |_| {
        let text = text.clone();
        spawn_local(async move { copied.set(Some(clipboard::copy(&text).await)) });
    };
    view! {
        <p>{intro}</p>
        <p class="receipt-code" id=id>{code}</p>
        <div class="receipt-actions">
            <button type="button" class="button button-secondary" on:click=copy aria-describedby=id>
                "Sao chép mã"
            </button>
            <span role="status">
                {move || copied.get().map(|done| if done {
                    "Đã sao chép mã."
                } else {
                    "Không sao chép được, vui lòng ghi lại mã."
                })}
            </span>
        </div>
    }
}

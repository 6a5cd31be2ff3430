//! Where the problem is: an address typed, and the device's position when the
//! citizen asks for it ("Dùng vị trí của tôi"), which they can drop again.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::geolocation::current_position;
use crate::components::text_field::TextField;
use crate::text::feedback::point_text;

#[derive(Debug, Clone, PartialEq)]
enum Locating {
    Idle,
    Asking,
    Failed(&'static str),
}

#[component]
pub fn LocationField(
    address: RwSignal<String>,
    /// (latitude, longitude), once taken.
    point: RwSignal<Option<(f64, f64)>>,
    locked: Signal<bool>,
    address_message: Signal<Option<String>>,
    /// The server's word on the point (outside the ward, incomplete).
    point_message: Signal<Option<String>>,
) -> impl IntoView {
    let locating = RwSignal::new(Locating::Idle);
    let locate = move |_| {
        if locating.get_untracked() == Locating::Asking {
            return;
        }
        locating.set(Locating::Asking);
        spawn_local(async move {
            match current_position().await {
                Ok(position) => {
                    point.set(Some(position));
                    locating.set(Locating::Idle);
                }
                Err(error) => locating.set(Locating::Failed(error.text())),
            }
        });
    };
    view! {
        <fieldset class="location-field">
            <legend>"Địa điểm (không bắt buộc)"</legend>
            <TextField
                id="dia-chi"
                label="Địa chỉ"
                value=address
                message=address_message
                locked
                hint="Số nhà, tên đường, khu phố nơi xảy ra sự việc."
                autocomplete="street-address"
            />
            <div class="location-actions">
                <button
                    type="button"
                    class="button button-secondary"
                    on:click=locate
                    disabled=move || locked.get()
                    aria-disabled=move || (locating.get() == Locating::Asking).then_some("true")
                    aria-describedby="vi-tri-trang-thai"
                >
                    "Dùng vị trí của tôi"
                </button>
                {move || point.get().map(|_| view! {
                    <button
                        type="button"
                        class="button button-quiet"
                        on:click=move |_| point.set(None)
                        disabled=move || locked.get()
                    >
                        "Bỏ vị trí"
                    </button>
                })}
            </div>
            <div id="vi-tri-trang-thai" role="status">
                {move || match (locating.get(), point.get()) {
                    (Locating::Asking, _) => Some(view! { <p class="loading">"Đang lấy vị trí…"</p> }.into_any()),
                    (Locating::Failed(text), _) => Some(view! { <p class="field-error">{text}</p> }.into_any()),
                    (Locating::Idle, Some((latitude, longitude))) => Some(view! {
                        <p class="success">"Đã lấy vị trí: " {point_text(latitude, longitude)}</p>
                    }.into_any()),
                    (Locating::Idle, None) => None,
                }}
            </div>
            {move || point_message.get().map(|text| view! { <p class="field-error" role="alert">{text}</p> })}
        </fieldset>
    }
}

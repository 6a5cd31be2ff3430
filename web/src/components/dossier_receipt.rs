//! What a citizen sees once a dossier is filed: its code, large and easy to copy, the
//! status, what happens next, and the way to the dossier.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use openapi::dossiers::Dossier;
use wasm_bindgen::JsCast;

use crate::api::encode_component;
use crate::browser::clipboard;

#[component]
pub fn DossierReceiptView(dossier: Dossier) -> impl IntoView {
    let copied = RwSignal::new(None::<bool>);
    let code = dossier.code.clone();
    let copy = move |_| {
        let code = code.clone();
        spawn_local(async move { copied.set(Some(clipboard::copy(&code).await)) });
    };
    // The form is gone: the keyboard and screen reader start here.
    request_animation_frame(|| {
        if let Some(heading) = document()
            .get_element_by_id("da-nop-ho-so")
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = heading.focus();
        }
    });
    let link = format!("/ho-so/{}", encode_component(&dossier.code));
    view! {
        <section class="receipt" aria-labelledby="da-nop-ho-so">
            <h2 id="da-nop-ho-so" tabindex="-1">"Đã nộp hồ sơ"</h2>
            <p>"Mã hồ sơ của bạn:"</p>
            <p class="receipt-code" id="ma-ho-so">{dossier.code.clone()}</p>
            <div class="receipt-actions">
                <button type="button" class="button button-secondary" on:click=copy aria-describedby="ma-ho-so">
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
            <p>"Trạng thái: " <strong>{dossier.status_label.clone()}</strong></p>
            <p>"Tiếp theo: " {dossier.status.next_step()}</p>
            <p>
                "Cán bộ tiếp nhận sẽ kiểm tra hồ sơ; khi hồ sơ được tiếp nhận, bạn nhận được ngày hẹn trả kết quả. "
                "Mã hồ sơ cùng số điện thoại đã khai giúp tra cứu hồ sơ mà không cần đăng nhập."
            </p>
            <p class="receipt-links">
                <A href=link>"Xem hồ sơ"</A>
                " · "
                <A href="/ho-so-cua-toi">"Hồ sơ của tôi"</A>
            </p>
        </section>
    }
}

//! What a citizen sees once a dossier is filed: its code, large and easy to copy, the
//! status, what happens next, and the way to the dossier.

use leptos::prelude::*;
use leptos_router::components::A;
use openapi::dossiers::Dossier;

use crate::api::encode_component;
use crate::components::copyable_code::CopyableCode;
use crate::components::kind_fields::focus_later;

#[component]
pub fn DossierReceiptView(dossier: Dossier) -> impl IntoView {
    // The form is gone: the keyboard and screen reader start here.
    focus_later("da-nop-ho-so".to_owned());
    let link = format!("/ho-so/{}", encode_component(&dossier.code));
    view! {
        <section class="receipt" aria-labelledby="da-nop-ho-so">
            <h2 id="da-nop-ho-so" tabindex="-1">"Đã nộp hồ sơ"</h2>
            <CopyableCode intro="Mã hồ sơ của bạn:" id="ma-ho-so" code=dossier.code.clone() />
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

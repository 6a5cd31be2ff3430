//! What a citizen sees once their feedback is received: the tracking code, large and
//! easy to copy, and the day the answer is due.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use openapi::feedback::FeedbackReceipt;
use wasm_bindgen::JsCast;

use crate::api::encode_component;
use crate::browser::clipboard;
use crate::components::calendar_date::CalendarDate;

#[component]
pub fn FeedbackReceiptView(receipt: FeedbackReceipt, on_again: Callback<()>) -> impl IntoView {
    let copied = RwSignal::new(None::<bool>);
    let code = receipt.code.clone();
    let copy = move |_| {
        let code = code.clone();
        spawn_local(async move { copied.set(Some(clipboard::copy(&code).await)) });
    };
    // The form the citizen used is gone: the keyboard and screen reader start here.
    request_animation_frame(|| {
        if let Some(heading) = document()
            .get_element_by_id("da-tiep-nhan")
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = heading.focus();
        }
    });
    let lookup = format!("/phan-anh/tra-cuu?ma={}", encode_component(&receipt.code));
    let due = match receipt.due_date {
        Some(date) => view! {
            <p>"Hạn trả lời: " <strong><CalendarDate date /></strong></p>
        }
        .into_any(),
        None => view! {
            <p>"Hạn trả lời sẽ được thông báo khi phường xác nhận lịch làm việc năm tới."</p>
        }
        .into_any(),
    };
    view! {
        <section class="receipt" aria-labelledby="da-tiep-nhan">
            <h2 id="da-tiep-nhan" tabindex="-1">"Phường đã tiếp nhận phản ánh của bạn"</h2>
            <p>"Mã tra cứu của bạn:"</p>
            <p class="receipt-code" id="ma-tra-cuu">{receipt.code.clone()}</p>
            <div class="receipt-actions">
                <button type="button" class="button button-secondary" on:click=copy aria-describedby="ma-tra-cuu">
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
            {due}
            <p>
                "Hãy lưu lại mã này. Cùng với số điện thoại hoặc thư điện tử bạn đã nhập, "
                "mã giúp bạn xem tiến độ và câu trả lời."
            </p>
            <p class="receipt-links">
                <A href=lookup>"Tra cứu phản ánh"</A>
                <button type="button" class="button button-quiet" on:click=move |_| on_again.run(())>
                    "Gửi phản ánh khác"
                </button>
            </p>
        </section>
    }
}

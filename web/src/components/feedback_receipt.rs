//! What a citizen sees once their feedback is received: the tracking code, large and
//! easy to copy, and the day the answer is due.

use leptos::prelude::*;
use leptos_router::components::A;
use openapi::feedback::FeedbackReceipt;

use crate::api::encode_component;
use crate::components::calendar_date::CalendarDate;
use crate::components::copyable_code::CopyableCode;
use crate::components::kind_fields::focus_later;

#[component]
pub fn FeedbackReceiptView(receipt: FeedbackReceipt, on_again: Callback<()>) -> impl IntoView {
    // The form the citizen used is gone: the keyboard and screen reader start here.
    focus_later("da-tiep-nhan".to_owned());
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
            <CopyableCode intro="Mã tra cứu của bạn:" id="ma-tra-cuu" code=receipt.code.clone() />
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

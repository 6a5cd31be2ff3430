use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use openapi::content::{RevisionState, StaffContentItem};

use crate::text::labels::ItemStatus;

/// Where an item stands, above its editor: its state, the reviewer's reason when it
/// came back, and the way to its history.
#[component]
pub fn ContentStatus(item: StaffContentItem) -> impl IntoView {
    let status = ItemStatus::of(&item);
    let working = item.working.clone();
    let live_note = (item.live.is_some() && working.is_some()).then(|| {
        view! { <span class="status-note">"Bản đang đăng vẫn hiển thị cho đến khi bản mới được duyệt."</span> }
    });
    let reason = working.as_ref().and_then(|working| {
        let reason = working.return_reason.clone()?;
        match working.state {
            RevisionState::Returned => Some(Either::Left(view! {
                <ReturnedNotice heading="Bài bị trả lại" reason />
            })),
            // Saved since, not yet sent again: the reason still says what to fix.
            RevisionState::Draft => Some(Either::Right(view! {
                <ReturnedNotice heading="Lý do bài bị trả lại lần trước" reason />
            })),
            _ => None,
        }
    });
    let in_review = (status == ItemStatus::InReview).then(|| {
        view! {
            <p class="notice">
                "Bài đang chờ duyệt nên chưa sửa được. Khi người kiểm duyệt trả lại, bạn có thể sửa và gửi lại."
            </p>
        }
    });
    view! {
        <div class="content-status">
            <p class="status-line">
                "Trạng thái: " <span class=status.class()>{status.label()}</span> {live_note}
            </p>
            {reason}
            {in_review}
            <p>
                <A href=format!("/quan-tri/tin-bai/{}/lich-su", item.id)>"Lịch sử phiên bản"</A>
            </p>
        </div>
    }
}

/// The reviewer's reason, where the author cannot miss it.
#[component]
fn ReturnedNotice(heading: &'static str, reason: String) -> impl IntoView {
    view! {
        <section class="returned-notice" aria-labelledby="ly-do-tra-lai">
            <h2 id="ly-do-tra-lai">{heading}</h2>
            <p class="returned-reason">{reason}</p>
        </section>
    }
}

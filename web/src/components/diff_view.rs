use leptos::either::EitherOf3;
use leptos::prelude::*;
use openapi::content::{DiffChange, DiffLine, RevisionDiff};

/// The differences between two revisions, field by field. Inserted lines are marked
/// "+" and deleted ones "−" as well as coloured, and screen readers hear "Thêm" and
/// "Bỏ": colour is never the only sign.
#[component]
pub fn DiffView(diff: RevisionDiff) -> impl IntoView {
    view! {
        <div class="diff-view">
            <p class="diff-legend">
                "So sánh bản " {diff.from} " với bản " {diff.to} ". "
                <span class="diff-key diff-insert">"+ dòng thêm vào"</span> " · "
                <span class="diff-key diff-delete">"− dòng bị bỏ"</span>
            </p>
            <DiffField label="Tiêu đề" lines=diff.title />
            <DiffField label="Tóm tắt" lines=diff.summary />
            <DiffField label="Nội dung" lines=diff.body />
        </div>
    }
}

#[component]
fn DiffField(label: &'static str, lines: Vec<DiffLine>) -> impl IntoView {
    let changed = lines.iter().any(|line| line.change != DiffChange::Equal);
    view! {
        <section class="diff-field">
            <h3>{label}</h3>
            {if changed {
                EitherOf3::A(view! {
                    <div class="diff-lines">
                        {lines.into_iter().map(|line| view! { <DiffLineView line /> }).collect_view()}
                    </div>
                })
            } else if lines.is_empty() {
                EitherOf3::B(view! { <p class="empty">"Trống ở cả hai bản."</p> })
            } else {
                EitherOf3::C(view! { <p class="empty">"Không thay đổi."</p> })
            }}
        </section>
    }
}

#[component]
fn DiffLineView(line: DiffLine) -> impl IntoView {
    // An empty line still takes a line's height.
    let text = if line.text.is_empty() {
        " ".to_owned()
    } else {
        line.text
    };
    match line.change {
        DiffChange::Insert => EitherOf3::A(view! {
            <ins class="diff-line diff-insert">
                <span class="diff-sign" aria-hidden="true">"+"</span>
                <span class="visually-hidden">"Thêm: "</span>
                {text}
            </ins>
        }),
        DiffChange::Delete => EitherOf3::B(view! {
            <del class="diff-line diff-delete">
                <span class="diff-sign" aria-hidden="true">"−"</span>
                <span class="visually-hidden">"Bỏ: "</span>
                {text}
            </del>
        }),
        DiffChange::Equal => EitherOf3::C(view! {
            <span class="diff-line diff-equal">
                <span class="diff-sign" aria-hidden="true">" "</span>
                {text}
            </span>
        }),
    }
}

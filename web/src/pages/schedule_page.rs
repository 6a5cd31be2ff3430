use chrono::Datelike;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use openapi::schedule::{ChangeKind, PublicScheduleEntry, PublishedWeek, Week};

use crate::api;
use crate::components::api_errors::ApiErrors;
use crate::components::calendar_date::vietnamese;
use crate::components::document_title::DocumentTitle;
use crate::components::loading::Loading;
use crate::state::site::use_site;
use crate::text::ward_info::{changed_fields_text, day_heading, entries_by_day, time_range};

const PATH: &str = "/lich-cong-tac";

/// "/lich-cong-tac" (`?week=2026-W49`): the week's published work schedule by day,
/// with the changes made after publication flagged; printable and downloadable.
#[component]
pub fn SchedulePage() -> impl IntoView {
    let unit = use_site().unit.slug;
    let query = use_query_map();
    // A mistyped week in a shared link shows this week rather than an error.
    let week =
        Memo::new(move |_| query.with(|query| query.get("week").and_then(|w| Week::parse(&w))));
    let schedule = LocalResource::new(move || {
        let unit = unit.clone();
        let week = week.get();
        async move { api::ward_info::schedule(&unit, week).await }
    });
    view! {
        <DocumentTitle page="Lịch công tác" />
        <h1>"Lịch công tác tuần"</h1>
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    schedule.await.map(|week| view! { <WeekView week /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

fn week_href(week: Week) -> String {
    format!("{PATH}?week={week}")
}

#[component]
fn WeekView(week: PublishedWeek) -> impl IntoView {
    let site = use_site();
    let iso = week.starts_on.iso_week();
    let ics = api::ward_info::schedule_ics_url(&site.unit.slug, week.week);
    let days = entries_by_day(&week.entries);
    let print = |_| {
        let _ = window().print();
    };
    view! {
        <p class="lead schedule-range">
            {site.unit.name} ", tuần " {iso.week()} " năm " {iso.year()} ": từ "
            <time datetime=week.starts_on.to_string()>{vietnamese(week.starts_on)}</time> " đến "
            <time datetime=week.ends_on.to_string()>{vietnamese(week.ends_on)}</time>
        </p>
        <nav class="week-nav no-print" aria-label="Chọn tuần">
            <a href=week_href(week.previous_week) rel="prev">
                "‹ Tuần trước"
            </a>
            <a href=PATH>"Tuần này"</a>
            <a href=week_href(week.next_week) rel="next">
                "Tuần sau ›"
            </a>
        </nav>
        <div class="schedule-actions no-print">
            <button type="button" class="button button-primary" on:click=print>
                "In lịch"
            </button>
            <a class="button button-secondary" href=ics download=format!("lich-cong-tac-{}.ics", week.week)>
                "Tải lịch (.ics)"
            </a>
        </div>
        {if days.is_empty() {
            Either::Left(
                view! {
                    <p class="empty" role="status">
                        "Chưa có lịch công tác nào được công bố cho tuần này."
                    </p>
                },
            )
        } else {
            Either::Right(
                days
                    .into_iter()
                    .map(|(day, entries)| {
                        let id = format!("ngay-{}", day.format("%Y-%m-%d"));
                        let labelled_by = id.clone();
                        view! {
                            <section class="schedule-day" aria-labelledby=labelled_by>
                                <h2 id=id>{day_heading(day)}</h2>
                                <DayTable entries />
                            </section>
                        }
                    })
                    .collect_view(),
            )
        }}
    }
}

#[component]
fn DayTable(entries: Vec<PublicScheduleEntry>) -> impl IntoView {
    view! {
        <table class="stack-table schedule-table">
            <thead>
                <tr>
                    <th scope="col">"Thời gian"</th>
                    <th scope="col">"Nội dung"</th>
                    <th scope="col">"Chủ trì"</th>
                    <th scope="col">"Thành phần"</th>
                    <th scope="col">"Địa điểm"</th>
                    <th scope="col">"Đơn vị chuẩn bị"</th>
                </tr>
            </thead>
            <tbody>{entries.into_iter().map(|item| view! { <EntryRow item /> }).collect_view()}</tbody>
        </table>
    }
}

#[component]
fn EntryRow(item: PublicScheduleEntry) -> impl IntoView {
    let entry = item.entry;
    let kind = item.change.as_ref().map(|change| change.kind);
    let class = match kind {
        Some(ChangeKind::Cancelled) => "entry entry-cancelled",
        Some(ChangeKind::Changed) => "entry entry-changed",
        Some(ChangeKind::Added) => "entry entry-added",
        None => "entry",
    };
    let flag = item.change.map(|change| match change.kind {
        ChangeKind::Added => view! { <span class="flag flag-added">"Bổ sung"</span> }.into_any(),
        ChangeKind::Cancelled => {
            view! { <span class="flag flag-cancelled">"Đã hủy"</span> }.into_any()
        }
        ChangeKind::Changed => {
            let fields = changed_fields_text(&change.fields);
            let text = if fields.is_empty() {
                "Đã thay đổi".to_owned()
            } else {
                format!("Đã thay đổi: {fields}")
            };
            view! { <span class="flag flag-changed">{text}</span> }.into_any()
        }
    });
    view! {
        <tr class=class>
            <td data-label="Thời gian">
                <span class="entry-text">{time_range(entry.start, entry.end)}</span>
            </td>
            <td data-label="Nội dung">
                {flag}
                <span class="entry-text entry-content">{entry.content}</span>
            </td>
            <td data-label="Chủ trì">
                <span class="entry-text">{entry.chair}</span>
            </td>
            <td data-label="Thành phần">
                <span class="entry-text">{entry.participants}</span>
            </td>
            <td data-label="Địa điểm">
                <span class="entry-text">{entry.location}</span>
            </td>
            <td data-label="Đơn vị chuẩn bị">
                <span class="entry-text">{entry.preparing_unit}</span>
            </td>
        </tr>
    }
}

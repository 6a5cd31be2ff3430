use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use openapi::feedback_statistics::{Counts, FeedbackStatistics, MonthCounts, UnitStatistics};

use crate::api;
use crate::components::api_errors::ApiErrors;
use crate::components::document_title::DocumentTitle;
use crate::components::loading::Loading;
use crate::state::session::use_session;
use crate::state::site::use_site;
use crate::text::feedback::{bar_length, month_text};

/// The three series of the chart, in the order each month's bars are drawn.
const SERIES: [(&str, &str); 3] = [
    ("Tiếp nhận", "bar-received"),
    ("Đã trả lời", "bar-answered"),
    ("Quá hạn", "bar-overdue"),
];

fn series_values(counts: &Counts) -> [u32; 3] {
    [counts.received, counts.answered, counts.overdue]
}

/// "/quan-tri/phan-anh/thong-ke": per month, feedback received, answered and
/// overdue over the last twelve months, as a chart and as a table; a district shows
/// each ward's totals too.
#[component]
pub fn FeedbackStatisticsPage() -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let statistics = LocalResource::new(move || {
        let unit = unit.clone();
        async move {
            session
                .authorized(move |token| {
                    let unit = unit.clone();
                    async move { api::feedback_staff::statistics(&token, &unit).await }
                })
                .await
        }
    });
    view! {
        <DocumentTitle page="Thống kê phản ánh" />
        <p class="back-link">
            <A href="/quan-tri/phan-anh"><span aria-hidden="true">"← "</span>"Hàng đợi phản ánh"</A>
        </p>
        <h1>"Thống kê phản ánh kiến nghị"</h1>
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    statistics.await.map(|statistics| view! { <Statistics statistics /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn Statistics(statistics: FeedbackStatistics) -> impl IntoView {
    let period = format!(
        "Từ tháng {} đến tháng {}.",
        month_text(&statistics.from),
        month_text(&statistics.to)
    );
    let total = statistics.total.period;
    let wards =
        (statistics.units.len() > 1).then(|| view! { <UnitTotals units=statistics.units /> });
    view! {
        <p class="lead">{period}</p>
        <p>
            {format!(
                "Tổng cộng: {} tiếp nhận, {} đã trả lời, {} không tiếp nhận, {} quá hạn.",
                total.received, total.answered, total.rejected, total.overdue
            )}
        </p>
        <MonthChart months=statistics.total.months.clone() />
        <MonthTable months=statistics.total.months />
        {wards}
    }
}

const LABEL_WIDTH: u32 = 64;
const BAR_SPACE: u32 = 220;
const BAR_HEIGHT: u32 = 10;
const MONTH_GAP: u32 = 8;

/// Horizontal bars, three per month, each with its number written beside it; the
/// table below holds the same figures for screen readers, so the drawing is
/// described once as a whole.
#[component]
fn MonthChart(months: Vec<MonthCounts>) -> impl IntoView {
    if months.is_empty() {
        return Either::Left(());
    }
    let max = months
        .iter()
        .flat_map(|month| series_values(&month.counts))
        .max()
        .unwrap_or(0);
    let row = BAR_HEIGHT * 3 + MONTH_GAP;
    let height = row * months.len() as u32 + 24;
    let legend = SERIES
        .iter()
        .map(|(label, class)| {
            view! {
                <li><span class=format!("legend-swatch {class}") aria-hidden="true"></span>{*label}</li>
            }
        })
        .collect_view();
    let groups = months
        .into_iter()
        .enumerate()
        .map(|(index, month)| {
            let top = index as u32 * row;
            let bars = series_values(&month.counts)
                .into_iter()
                .zip(SERIES)
                .enumerate()
                .map(|(position, (value, (_, class)))| {
                    let y = top + position as u32 * BAR_HEIGHT;
                    let length = bar_length(value, max, BAR_SPACE);
                    view! {
                        <rect class=class x=LABEL_WIDTH y=y width=length height=BAR_HEIGHT - 1 />
                        <text class="bar-value" x=LABEL_WIDTH + length + 4 y=y + BAR_HEIGHT - 1>{value}</text>
                    }
                })
                .collect_view();
            view! {
                <g>
                    <text class="bar-label" x="0" y=top + BAR_HEIGHT * 2>{month_text(&month.month)}</text>
                    {bars}
                </g>
            }
        })
        .collect_view();
    Either::Right(view! {
        <figure class="bar-chart">
            <svg
                viewBox=format!("0 0 {} {height}", LABEL_WIDTH + BAR_SPACE + 36)
                role="img"
                aria-labelledby="bieu-do-tieu-de"
            >
                <title id="bieu-do-tieu-de">
                    "Biểu đồ số phản ánh tiếp nhận, đã trả lời và quá hạn theo tháng; số liệu ở bảng bên dưới."
                </title>
                {groups}
            </svg>
            <figcaption>
                <ul class="chart-legend">{legend}</ul>
            </figcaption>
        </figure>
    })
}

#[component]
fn MonthTable(months: Vec<MonthCounts>) -> impl IntoView {
    view! {
        <table class="stack-table statistics-table">
            <caption>"Số phản ánh theo tháng"</caption>
            <thead>
                <tr>
                    <th scope="col">"Tháng"</th>
                    <th scope="col">"Tiếp nhận"</th>
                    <th scope="col">"Đã trả lời"</th>
                    <th scope="col">"Không tiếp nhận"</th>
                    <th scope="col">"Quá hạn"</th>
                </tr>
            </thead>
            <tbody>
                {months
                    .into_iter()
                    .map(|month| view! {
                        <tr>
                            <th scope="row">{month_text(&month.month)}</th>
                            <td data-label="Tiếp nhận">{month.counts.received}</td>
                            <td data-label="Đã trả lời">{month.counts.answered}</td>
                            <td data-label="Không tiếp nhận">{month.counts.rejected}</td>
                            <td data-label="Quá hạn">{month.counts.overdue}</td>
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn UnitTotals(units: Vec<UnitStatistics>) -> impl IntoView {
    view! {
        <table class="stack-table statistics-table">
            <caption>"Theo phường, cả giai đoạn"</caption>
            <thead>
                <tr>
                    <th scope="col">"Phường"</th>
                    <th scope="col">"Tiếp nhận"</th>
                    <th scope="col">"Đã trả lời"</th>
                    <th scope="col">"Không tiếp nhận"</th>
                    <th scope="col">"Quá hạn"</th>
                </tr>
            </thead>
            <tbody>
                {units
                    .into_iter()
                    .map(|unit| view! {
                        <tr>
                            <th scope="row">{unit.unit.name}</th>
                            <td data-label="Tiếp nhận">{unit.period.received}</td>
                            <td data-label="Đã trả lời">{unit.period.answered}</td>
                            <td data-label="Không tiếp nhận">{unit.period.rejected}</td>
                            <td data-label="Quá hạn">{unit.period.overdue}</td>
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

use leptos::prelude::*;
use leptos_router::components::A;
use openapi::feedback_statistics::{Counts, FeedbackStatistics, MonthCounts};

use crate::api;
use crate::components::api_errors::ApiErrors;
use crate::components::bar_chart::{BarChart, series_of};
use crate::components::document_title::DocumentTitle;
use crate::components::loading::Loading;
use crate::state::session::use_session;
use crate::state::site::use_site;
use crate::text::feedback::month_text;

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
    let month_rows = statistics
        .total
        .months
        .iter()
        .map(|month| (month_text(&month.month), month.counts))
        .collect::<Vec<_>>();
    let wards = (statistics.units.len() > 1).then(|| {
        let rows = statistics
            .units
            .into_iter()
            .map(|unit| (unit.unit.name, unit.period))
            .collect::<Vec<_>>();
        view! { <CountsTable caption="Theo phường, cả giai đoạn" rows_are="Phường" rows /> }
    });
    view! {
        <p class="lead">{period}</p>
        <p>
            {format!(
                "Tổng cộng: {} tiếp nhận, {} đã trả lời, {} không tiếp nhận, {} quá hạn.",
                total.received, total.answered, total.rejected, total.overdue
            )}
        </p>
        <MonthChart months=statistics.total.months.clone() />
        <CountsTable caption="Số phản ánh theo tháng" rows_are="Tháng" rows=month_rows />
        {wards}
    }
}

/// Three bars per month, each with its number beside it.
#[component]
fn MonthChart(months: Vec<MonthCounts>) -> impl IntoView {
    let series = series_of(SERIES, &months, |month| series_values(&month.counts));
    let rows = months
        .iter()
        .map(|month| month_text(&month.month))
        .collect();
    view! {
        <BarChart
            title_id="bieu-do-tieu-de"
            title="Biểu đồ số phản ánh tiếp nhận, đã trả lời và quá hạn theo tháng; số liệu ở bảng bên dưới."
            rows
            series
        />
    }
}

/// Months of one unit, or wards side by side: the same four counts per row.
#[component]
fn CountsTable(
    caption: &'static str,
    /// The heading of the first column, which names each row.
    rows_are: &'static str,
    rows: Vec<(String, Counts)>,
) -> impl IntoView {
    view! {
        <table class="stack-table statistics-table">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{rows_are}</th>
                    <th scope="col">"Tiếp nhận"</th>
                    <th scope="col">"Đã trả lời"</th>
                    <th scope="col">"Không tiếp nhận"</th>
                    <th scope="col">"Quá hạn"</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|(name, counts)| view! {
                        <tr>
                            <th scope="row">{name}</th>
                            <td data-label="Tiếp nhận">{counts.received}</td>
                            <td data-label="Đã trả lời">{counts.answered}</td>
                            <td data-label="Không tiếp nhận">{counts.rejected}</td>
                            <td data-label="Quá hạn">{counts.overdue}</td>
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

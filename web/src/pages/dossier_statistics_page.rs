use chrono::NaiveDate;
use leptos::either::Either;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use openapi::dossier_statistics::{DossierCounts, DossierStatistics};

use crate::api;
use crate::components::api_errors::ApiErrors;
use crate::components::bar_chart::{BarChart, series_of};
use crate::components::calendar_date::vietnamese;
use crate::components::document_title::DocumentTitle;
use crate::components::loading::Loading;
use crate::state::session::use_session;
use crate::state::site::use_site;

/// The chart's series, in the order each row's bars are drawn.
const SERIES: [(&str, &str); 4] = [
    ("Tiếp nhận", "bar-received"),
    ("Trả đúng hạn, trước hạn", "bar-answered"),
    ("Trả quá hạn", "bar-late"),
    ("Đang quá hạn", "bar-overdue"),
];

fn series_values(counts: &DossierCounts) -> [u32; 4] {
    [
        counts.received,
        counts.returned_early + counts.returned_on_time,
        counts.returned_late,
        counts.overdue,
    ]
}

fn day_in_query(value: Option<String>) -> Option<NaiveDate> {
    value.and_then(|text| text.parse().ok())
}

/// "/quan-tri/ho-so/thong-ke?tu=&den=": dossiers per procedure (a ward) or per ward (a
/// district) for a period, twelve months to today unless chosen: a chart and tables
/// of received, accepted, refused, returned early / on time / late, in progress and
/// overdue.
#[component]
pub fn DossierStatisticsPage() -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let query = use_query_map();
    let period = Memo::new(move |_| {
        query.with(|query| {
            (
                day_in_query(query.get("tu")),
                day_in_query(query.get("den")),
            )
        })
    });
    let statistics = LocalResource::new(move || {
        let unit = unit.clone();
        let (from, to) = period.get();
        async move {
            session
                .authorized(move |token| {
                    let unit = unit.clone();
                    async move { api::dossier_statistics::for_period(&token, &unit, from, to).await }
                })
                .await
        }
    });
    view! {
        <DocumentTitle page="Thống kê hồ sơ" />
        <p class="back-link">
            <A href="/quan-tri/ho-so"><span aria-hidden="true">"← "</span>"Hồ sơ trực tuyến"</A>
        </p>
        <h1>"Thống kê hồ sơ trực tuyến"</h1>
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    statistics.await.map(|statistics| view! {
                        <PeriodForm from=statistics.from to=statistics.to />
                        <Statistics statistics />
                    })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

/// The period, chosen with two date inputs and kept in the address.
#[component]
fn PeriodForm(from: NaiveDate, to: NaiveDate) -> impl IntoView {
    let navigate = use_navigate();
    let first = RwSignal::new(from.to_string());
    let last = RwSignal::new(to.to_string());
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let address = format!(
            "/quan-tri/ho-so/thong-ke?tu={}&den={}",
            first.get_untracked(),
            last.get_untracked()
        );
        navigate(&address, Default::default());
    };
    view! {
        <form class="filter-form period-form" on:submit=submit>
            <div class="field">
                <label for="thong-ke-tu">"Từ ngày"</label>
                <input id="thong-ke-tu" type="date" bind:value=first required />
            </div>
            <div class="field">
                <label for="thong-ke-den">"Đến ngày"</label>
                <input id="thong-ke-den" type="date" bind:value=last required />
            </div>
            <div class="form-actions">
                <button type="submit" class="button">"Xem thống kê"</button>
            </div>
        </form>
    }
}

#[component]
fn Statistics(statistics: DossierStatistics) -> impl IntoView {
    let total = statistics.total;
    let summary = format!(
        "Từ {} đến {}: {} hồ sơ tiếp nhận, {} đã trả kết quả ({} trước hạn, {} đúng hạn, {} quá hạn), {} đang giải quyết, trong đó {} đang quá hạn.",
        vietnamese(statistics.from),
        vietnamese(statistics.to),
        total.received,
        total.returned(),
        total.returned_early,
        total.returned_on_time,
        total.returned_late,
        total.in_progress,
        total.overdue,
    );
    let district = statistics.units.len() > 1;
    let body = if district {
        let rows: Vec<(String, DossierCounts)> = statistics
            .units
            .into_iter()
            .map(|unit| (unit.unit.name, unit.total))
            .collect();
        Either::Left(view! {
            <CountsChart rows=rows.clone() />
            <CountsTable caption="Theo phường" rows_are="Phường" rows total />
        })
    } else {
        let rows: Vec<(String, DossierCounts)> = statistics
            .units
            .into_iter()
            .flat_map(|unit| unit.procedures)
            .map(|procedure| (procedure.procedure_name, procedure.counts))
            .collect();
        if rows.is_empty() {
            Either::Right(Either::Left(view! {
                <p class="empty" role="status">"Không có hồ sơ nào trong giai đoạn này."</p>
            }))
        } else {
            Either::Right(Either::Right(view! {
                <CountsChart rows=rows.clone() />
                <CountsTable caption="Theo thủ tục" rows_are="Thủ tục" rows total />
            }))
        }
    };
    view! {
        <p class="lead">{summary}</p>
        {body}
    }
}

/// Four bars per procedure or ward, each with its number beside it.
#[component]
fn CountsChart(rows: Vec<(String, DossierCounts)>) -> impl IntoView {
    let series = series_of(SERIES, &rows, |(_, counts)| series_values(counts));
    let rows = rows.into_iter().map(|(name, _)| name).collect();
    view! {
        <BarChart
            title_id="bieu-do-ho-so"
            title="Biểu đồ số hồ sơ tiếp nhận, trả đúng hạn, trả quá hạn và đang quá hạn; số liệu ở bảng bên dưới."
            rows
            series
        />
    }
}

/// The columns every row has, in order, with their headings.
const COLUMNS: [&str; 8] = [
    "Tiếp nhận",
    "Đã tiếp nhận",
    "Từ chối",
    "Trả trước hạn",
    "Trả đúng hạn",
    "Trả quá hạn",
    "Đang giải quyết",
    "Đang quá hạn",
];

fn columns(counts: &DossierCounts) -> [u32; 8] {
    [
        counts.received,
        counts.accepted,
        counts.refused,
        counts.returned_early,
        counts.returned_on_time,
        counts.returned_late,
        counts.in_progress,
        counts.overdue,
    ]
}

/// Procedures of a ward, or wards side by side, with a total row.
#[component]
fn CountsTable(
    caption: &'static str,
    /// The heading of the first column, which names each row.
    rows_are: &'static str,
    rows: Vec<(String, DossierCounts)>,
    total: DossierCounts,
) -> impl IntoView {
    let row = |name: String, counts: DossierCounts| {
        let cells = columns(&counts)
            .into_iter()
            .zip(COLUMNS)
            .map(|(value, label)| view! { <td data-label=label>{value}</td> })
            .collect_view();
        view! {
            <tr>
                <th scope="row">{name}</th>
                {cells}
            </tr>
        }
    };
    view! {
        <table class="stack-table statistics-table">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{rows_are}</th>
                    {COLUMNS.map(|label| view! { <th scope="col">{label}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody>{rows.into_iter().map(|(name, counts)| row(name, counts)).collect_view()}</tbody>
            <tfoot>{row("Tổng cộng".to_owned(), total)}</tfoot>
        </table>
    }
}

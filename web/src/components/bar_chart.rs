//! The statistics pages' chart: horizontal SVG bars, a group per row (a month, a
//! procedure, a ward) with its label on a line of its own above one bar per series,
//! each with its number written beside it. Labels above rather than beside the bars
//! keep the drawing narrow, so its text stays readable on a phone.
//! The table below a chart holds the same figures for screen readers, so the drawing
//! is described once as a whole.

use leptos::either::Either;
use leptos::prelude::*;

use crate::text::feedback::bar_length;

/// The length of the longest bar.
const BAR_SPACE: u32 = 220;
/// Room right of the longest bar for its number.
const VALUE_SPACE: u32 = 36;
/// A bar's thickness, more than the text's height so numbers never overlap.
const BAR_HEIGHT: u32 = 12;
/// The label's line above a row's bars.
const LABEL_LINE: u32 = 14;
/// The space after a row's group.
const ROW_GAP: u32 = 8;
/// Longer labels are cut, with "…", to stay within the drawing.
const LABEL_CHARS: usize = 48;

/// One kind of count: its name in the legend, the class that colours its bars, and its
/// value for each row, in the rows' order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    pub name: &'static str,
    pub class: &'static str,
    pub values: Vec<u32>,
}

/// The series named by `kinds` (name and class, in the order each row's bars are
/// drawn), their values read from each item by `values` in that same order.
pub fn series_of<T, const N: usize>(
    kinds: [(&'static str, &'static str); N],
    items: &[T],
    values: impl Fn(&T) -> [u32; N],
) -> Vec<Series> {
    let rows: Vec<[u32; N]> = items.iter().map(values).collect();
    kinds
        .into_iter()
        .enumerate()
        .map(|(index, (name, class))| Series {
            name,
            class,
            values: rows.iter().map(|row| row[index]).collect(),
        })
        .collect()
}

fn short_label(label: &str) -> String {
    let short: String = label.chars().take(LABEL_CHARS).collect();
    if short.chars().count() < label.chars().count() {
        format!("{short}…")
    } else {
        short
    }
}

/// Nothing when there are no rows.
#[component]
pub fn BarChart(
    /// The id of the drawing's `<title>`, which labels it.
    title_id: &'static str,
    /// The drawing described as a whole, saying where its figures are.
    title: &'static str,
    /// Each row's label, in the order drawn from the top.
    rows: Vec<String>,
    series: Vec<Series>,
) -> impl IntoView {
    if rows.is_empty() {
        return Either::Left(());
    }
    let max = series
        .iter()
        .flat_map(|series| series.values.iter().copied())
        .max()
        .unwrap_or(0);
    let row_height = LABEL_LINE + BAR_HEIGHT * series.len() as u32 + ROW_GAP;
    let height = row_height * rows.len() as u32;
    let legend = series
        .iter()
        .map(|series| {
            view! {
                <li><span class=format!("legend-swatch {}", series.class) aria-hidden="true"></span>{series.name}</li>
            }
        })
        .collect_view();
    let groups = rows
        .iter()
        .enumerate()
        .map(|(index, label)| {
            let top = index as u32 * row_height;
            let bars = series
                .iter()
                .enumerate()
                .map(|(position, series)| {
                    let value = series.values.get(index).copied().unwrap_or(0);
                    let y = top + LABEL_LINE + position as u32 * BAR_HEIGHT;
                    let length = bar_length(value, max, BAR_SPACE);
                    view! {
                        <rect class=series.class x="0" y=y width=length height=BAR_HEIGHT - 1 />
                        <text class="bar-value" x=length + 4 y=y + BAR_HEIGHT - 3>{value}</text>
                    }
                })
                .collect_view();
            view! {
                <g>
                    <text class="bar-label" x="0" y=top + LABEL_LINE - 4>{short_label(label)}</text>
                    {bars}
                </g>
            }
        })
        .collect_view();
    Either::Right(view! {
        <figure class="bar-chart">
            <svg
                viewBox=format!("0 0 {} {height}", BAR_SPACE + VALUE_SPACE)
                role="img"
                aria-labelledby=title_id
            >
                <title id=title_id>{title}</title>
                {groups}
            </svg>
            <figcaption>
                <ul class="chart-legend">{legend}</ul>
            </figcaption>
        </figure>
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_hold_each_rows_value_in_the_rows_order() {
        let series = series_of(
            [("A", "bar-a"), ("B", "bar-b")],
            &[(1, 2), (3, 4)],
            |&(a, b)| [a, b],
        );
        assert_eq!(
            series,
            vec![
                Series {
                    name: "A",
                    class: "bar-a",
                    values: vec![1, 3]
                },
                Series {
                    name: "B",
                    class: "bar-b",
                    values: vec![2, 4]
                },
            ]
        );
    }

    #[test]
    fn labels_longer_than_the_drawing_are_cut() {
        assert_eq!(short_label("11/2026"), "11/2026");
        assert_eq!(short_label(&"ă".repeat(48)), "ă".repeat(48));
        assert_eq!(short_label(&"ă".repeat(49)), format!("{}…", "ă".repeat(48)));
    }
}

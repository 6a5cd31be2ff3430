//! The weekly schedule: the ISO week, and its entries as rows the editor adds and
//! removes. An entry's day is kept as its place in the week, so choosing another week
//! keeps each meeting on its weekday; its `id` is kept, so the public sees what changed.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use leptos::prelude::*;
use openapi::FieldError;
use openapi::schedule::{ScheduleEntry, Week, WeekSchedule};

use crate::api::ApiError;
use crate::components::field_message::{GroupMessage, path_message};
use crate::components::kind_fields::{focus_later, next_key};
use crate::components::text_field::{Input, SelectField, TextField};
use crate::text::form_values::{clock_text, day_text, read_clock, weekday_name};

const PREFIX: &str = "details.schedule";
const ADD_BUTTON: &str = "lich-them-muc";

/// One row: every field as typed.
#[derive(Clone)]
pub struct EntryRow {
    key: u32,
    id: String,
    /// Days after the week's Monday, 0–6.
    day: RwSignal<u32>,
    start: RwSignal<String>,
    end: RwSignal<String>,
    content: RwSignal<String>,
    chair: RwSignal<String>,
    participants: RwSignal<String>,
    location: RwSignal<String>,
    preparing_unit: RwSignal<String>,
}

impl EntryRow {
    fn new(week: Week, entry: Option<&ScheduleEntry>) -> EntryRow {
        let text =
            |pick: fn(&ScheduleEntry) -> String| RwSignal::new(entry.map(pick).unwrap_or_default());
        let day = entry.map_or(0, |entry| {
            (entry.date - week.monday()).num_days().clamp(0, 6) as u32
        });
        EntryRow {
            key: next_key(),
            id: entry.map(|entry| entry.id.clone()).unwrap_or_default(),
            day: RwSignal::new(day),
            start: text(|e| clock_text(e.start)),
            end: text(|e| e.end.map(clock_text).unwrap_or_default()),
            content: text(|e| e.content.clone()),
            chair: text(|e| e.chair.clone()),
            participants: text(|e| e.participants.clone()),
            location: text(|e| e.location.clone()),
            preparing_unit: text(|e| e.preparing_unit.clone()),
        }
    }
}

#[derive(Clone, Copy)]
pub struct ScheduleForm {
    pub week: RwSignal<Week>,
    entries: RwSignal<Vec<EntryRow>>,
}

impl ScheduleForm {
    /// The saved week, or the one containing `today` for a new schedule.
    pub fn new(schedule: Option<&WeekSchedule>, today: NaiveDate) -> ScheduleForm {
        let week = schedule.map_or_else(|| Week::containing(today), |s| s.week);
        let rows = schedule
            .map(|s| {
                s.entries
                    .iter()
                    .map(|e| EntryRow::new(week, Some(e)))
                    .collect()
            })
            .unwrap_or_default();
        ScheduleForm {
            week: RwSignal::new(week),
            entries: RwSignal::new(rows),
        }
    }

    pub fn read(self, errors: &mut Vec<FieldError>) -> WeekSchedule {
        let week = self.week.get_untracked();
        let entries = self.entries.with_untracked(|rows| {
            rows.iter()
                .enumerate()
                .map(|(i, row)| {
                    let at = |name: &str| format!("{PREFIX}.entries[{i}].{name}");
                    let start = read_clock(&row.start.get_untracked(), &at("start"), true, errors);
                    let end = read_clock(&row.end.get_untracked(), &at("end"), false, errors);
                    ScheduleEntry {
                        id: row.id.clone(),
                        date: week.monday() + Duration::days(i64::from(row.day.get_untracked())),
                        start: start.unwrap_or(NaiveTime::MIN),
                        end,
                        content: row.content.get_untracked(),
                        chair: row.chair.get_untracked(),
                        participants: row.participants.get_untracked(),
                        location: row.location.get_untracked(),
                        preparing_unit: row.preparing_unit.get_untracked(),
                    }
                })
                .collect()
        });
        WeekSchedule { week, entries }
    }
}

/// "Tuần 49/2026 (30/11 – 06/12/2026)".
pub fn week_label(week: Week) -> String {
    let iso = week.monday().iso_week();
    format!(
        "Tuần {}/{} ({} – {})",
        iso.week(),
        iso.year(),
        week.monday().format("%d/%m"),
        day_text(week.sunday())
    )
}

/// The weeks a new schedule may be for: from last week to two months ahead.
fn week_choices(around: Week) -> Vec<(Week, String)> {
    let mut week = around.previous();
    let mut choices = Vec::new();
    for _ in 0..11 {
        choices.push((week, week_label(week)));
        week = week.next();
    }
    choices
}

#[component]
pub fn ScheduleFields(
    form: ScheduleForm,
    /// A saved schedule keeps its week: the week is its address.
    is_new: bool,
    locked: Signal<bool>,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    let add = move |_| {
        let week = form.week.get_untracked();
        let row = EntryRow::new(week, None);
        // A new row starts on the day of the one before: meetings come in runs.
        if let Some(day) = form
            .entries
            .with_untracked(|rows| rows.last().map(|r| r.day.get_untracked()))
        {
            row.day.set(day);
        }
        let focus = format!("lich-{}-ngay", row.key);
        form.entries.update(|rows| rows.push(row));
        focus_later(focus);
    };
    let week_field = if is_new {
        let choices = week_choices(form.week.get_untracked());
        view! {
            <SelectField id="lich-tuan" label="Tuần" value=form.week options=choices locked />
        }
        .into_any()
    } else {
        view! {
            <p class="fixed-fields">"Tuần: " <strong>{move || week_label(form.week.get())}</strong></p>
        }
        .into_any()
    };
    view! {
        <fieldset class="kind-fields schedule-fields">
            <legend>"Lịch công tác tuần"</legend>
            <GroupMessage message=path_message(error, PREFIX.to_owned()) />
            {week_field}
            <GroupMessage message=path_message(error, format!("{PREFIX}.entries")) />
            {move || form.entries.with(Vec::is_empty).then(|| view! {
                <p class="empty">"Tuần này chưa có mục nào."</p>
            })}
            <ol class="entry-list">
                <For
                    each=move || form.entries.get()
                    key=|row| row.key
                    children=move |row| view! { <EntryFields form row locked error /> }
                />
            </ol>
            <button
                type="button"
                id=ADD_BUTTON
                class="button button-secondary"
                disabled=move || locked.get()
                on:click=add
            >
                "Thêm mục"
            </button>
        </fieldset>
    }
}

#[component]
fn EntryFields(
    form: ScheduleForm,
    row: EntryRow,
    locked: Signal<bool>,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    let key = row.key;
    let position = Memo::new(move |_| {
        form.entries
            .with(|rows| rows.iter().position(|r| r.key == key))
            .unwrap_or(0)
    });
    let message = move |name: &'static str| {
        Signal::derive(move || {
            let path = format!("{PREFIX}.entries[{}].{name}", position.get());
            error.with(|error| error.as_ref().and_then(|error| error.field_message(&path)))
        })
    };
    let id = move |name: &str| format!("lich-{key}-{name}");
    let remove = move |_| {
        form.entries.update(|rows| rows.retain(|r| r.key != key));
        focus_later(ADD_BUTTON.to_owned());
    };
    let day = row.day;
    view! {
        <li>
            <fieldset class="entry">
                <legend>{move || format!("Mục {}", position.get() + 1)}</legend>
                {move || {
                    let monday = form.week.get().monday();
                    let days = (0..7u32)
                        .map(|offset| {
                            let date = monday + Duration::days(i64::from(offset));
                            (offset, format!("{}, {}", weekday_name(date.weekday()), day_text(date)))
                        })
                        .collect::<Vec<_>>();
                    view! {
                        <SelectField id=id("ngay") label="Ngày" value=day options=days locked message=message("date") />
                    }
                }}
                <div class="field-row">
                    <TextField
                        id=id("bat-dau")
                        label="Bắt đầu (giờ:phút)"
                        value=row.start
                        message=message("start")
                        locked
                        input=Input::Numeric
                        placeholder="08:00"
                    />
                    <TextField
                        id=id("ket-thuc")
                        label="Kết thúc (giờ:phút)"
                        value=row.end
                        message=message("end")
                        locked
                        input=Input::Numeric
                        placeholder="11:00"
                    />
                </div>
                <TextField
                    id=id("noi-dung")
                    label="Nội dung"
                    value=row.content
                    message=message("content")
                    locked
                    input=Input::Multiline
                />
                <TextField id=id("chu-tri") label="Chủ trì" value=row.chair message=message("chair") locked />
                <TextField
                    id=id("thanh-phan")
                    label="Thành phần tham dự"
                    value=row.participants
                    message=message("participants")
                    locked
                />
                <TextField id=id("dia-diem") label="Địa điểm" value=row.location message=message("location") locked />
                <TextField
                    id=id("don-vi")
                    label="Đơn vị chuẩn bị"
                    value=row.preparing_unit
                    message=message("preparing_unit")
                    locked
                />
                <button
                    type="button"
                    class="button button-quiet"
                    disabled=move || locked.get()
                    on:click=remove
                >
                    {move || format!("Xóa mục {}", position.get() + 1)}
                </button>
            </fieldset>
        </li>
    }
}

//! "/quan-tri/lich-lam-viec" (`?nam=2028`): the working-day calendar deadlines are
//! counted on, one year at a time, its days grouped by month. A district admin has
//! the holidays of a coming year proposed (the lunar ones by conversion), adds,
//! changes or removes days as the government publishes them, and confirms the year;
//! until then no appointment date may fall in it. Others read it.

use chrono::{Datelike, NaiveDate};
use leptos::either::Either;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use openapi::calendar::{CalendarDay, CalendarDayChange, CalendarYear, DayKind, DayStatus};

use crate::api::{self, ApiError};
use crate::components::api_errors::ApiErrors;
use crate::components::calendar_date::vietnamese;
use crate::components::confirm_action::ConfirmAction;
use crate::components::document_title::DocumentTitle;
use crate::components::error_message::ErrorMessage;
use crate::components::field_message::field_message;
use crate::components::kind_fields::today;
use crate::components::loading::Loading;
use crate::components::text_field::{Input, SelectField, TextField};
use crate::state::access::may_keep_calendar;
use crate::state::session::use_session;
use crate::text::calendar::{chosen_year, days_by_month, kind_label, proposed_count, status_label};
use crate::text::form_values::{day_text, read_day};
use crate::text::ward_info::weekday_name;

const PATH: &str = "/quan-tri/lich-lam-viec";
const FORM_HEADING: &str = "lich-sua-ngay";

fn year_href(year: i32) -> String {
    format!("{PATH}?nam={year}")
}

#[component]
pub fn WorkingCalendarPage() -> impl IntoView {
    let query = use_query_map();
    let year =
        Memo::new(move |_| query.with(|query| chosen_year(query.get("nam").as_deref(), today())));
    let loaded = LocalResource::new(move || {
        let year = year.get();
        async move { api::calendar::year(year).await }
    });
    view! {
        <DocumentTitle page="Lịch làm việc" />
        <h1>"Lịch làm việc"</h1>
        <p class="lead">
            "Ngày hẹn trả kết quả hồ sơ và hạn xử lý phản ánh được tính theo ngày làm việc: "
            "trừ thứ Bảy, Chủ nhật và các ngày nghỉ lễ, cộng các ngày làm bù. "
            "Năm nào chưa được xác nhận thì chưa tính được thời hạn rơi vào năm đó."
        </p>
        <nav class="calendar-years" aria-label="Chọn năm">
            {move || {
                let year = year.get();
                view! {
                    <A href=year_href(year - 1)>"← Năm " {year - 1}</A>
                    <span class="calendar-year-current" aria-current="page">"Năm " {year}</span>
                    <A href=year_href(year + 1)>"Năm " {year + 1} " →"</A>
                }
            }}
        </nav>
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    loaded.await.map(|calendar| view! { <YearView calendar /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

/// The values of the day form, shared with the list's "Sửa" buttons.
#[derive(Clone, Copy)]
struct DayForm {
    date: RwSignal<String>,
    kind: RwSignal<DayKind>,
    name: RwSignal<String>,
    source: RwSignal<String>,
}

impl DayForm {
    fn new() -> DayForm {
        DayForm {
            date: RwSignal::new(String::new()),
            kind: RwSignal::new(DayKind::Holiday),
            name: RwSignal::new(String::new()),
            source: RwSignal::new(String::new()),
        }
    }

    fn fill(self, day: &CalendarDay) {
        self.date.set(day_text(day.date));
        self.kind.set(day.kind);
        self.name.set(day.name.clone());
        self.source.set(day.source.clone().unwrap_or_default());
    }

    fn clear(self) {
        self.date.set(String::new());
        self.kind.set(DayKind::Holiday);
        self.name.set(String::new());
        self.source.set(String::new());
    }
}

#[component]
fn YearView(calendar: CalendarYear) -> impl IntoView {
    let session = use_session();
    let admin = Memo::new(move |_| session.me().is_some_and(|me| may_keep_calendar(&me)));
    let year = calendar.year;
    let calendar = RwSignal::new(calendar);
    let on_changed = Callback::new(move |fresh: CalendarYear| calendar.set(fresh));
    let form = DayForm::new();
    view! {
        <YearStatus calendar />
        {move || {
            if admin.get() {
                Either::Left(view! {
                    <YearActions calendar on_changed />
                    <DayEditor year form on_changed />
                })
            } else {
                Either::Right(view! {
                    <p class="notice">"Chỉ quản trị viên quận được sửa và xác nhận lịch làm việc."</p>
                })
            }
        }}
        <section aria-labelledby="lich-cac-ngay">
            <h2 id="lich-cac-ngay">"Các ngày nghỉ và ngày làm bù năm " {year}</h2>
            {move || {
                let days = calendar.with(|calendar| calendar.days.clone());
                if days.is_empty() {
                    Either::Left(view! {
                        <p class="empty">"Năm này chưa có ngày nghỉ lễ hay ngày làm bù nào."</p>
                    })
                } else {
                    Either::Right(view! { <MonthList days admin form on_changed /> })
                }
            }}
        </section>
    }
}

/// Confirmed or not, in words, with how many days wait.
#[component]
fn YearStatus(calendar: RwSignal<CalendarYear>) -> impl IntoView {
    move || {
        calendar.with(|calendar| {
            let waiting = proposed_count(&calendar.days);
            if calendar.confirmed {
                Either::Left(view! {
                    <p class="calendar-status calendar-status-confirmed" role="status">
                        <strong>"Đã xác nhận."</strong>
                        " Thời hạn được tính cả trong năm " {calendar.year} "."
                    </p>
                })
            } else {
                Either::Right(view! {
                    <p class="calendar-status calendar-status-open" role="status">
                        <strong>"Chưa xác nhận."</strong>
                        " Chưa tính được thời hạn rơi vào năm " {calendar.year} ". "
                        {(waiting > 0).then(|| format!("{waiting} ngày đang ở trạng thái đề xuất."))}
                    </p>
                })
            }
        })
    }
}

/// "Đề xuất ngày lễ âm lịch" and "Xác nhận lịch năm", while the year is open.
#[component]
fn YearActions(
    calendar: RwSignal<CalendarYear>,
    on_changed: Callback<CalendarYear>,
) -> impl IntoView {
    let session = use_session();
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let year = calendar.with_untracked(|calendar| calendar.year);
    let run = move |confirming: bool| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let done = session
                .authorized(move |token| async move {
                    if confirming {
                        api::calendar::confirm(&token, year).await
                    } else {
                        api::calendar::propose(&token, year).await
                    }
                })
                .await;
            pending.set(false);
            match done {
                Ok(fresh) => on_changed.run(fresh),
                Err(failure) => error.set(Some(failure)),
            }
        });
    };
    let confirmed = move || calendar.with(|calendar| calendar.confirmed);
    view! {
        <section class="calendar-actions" aria-labelledby="lich-xac-nhan">
            <h2 id="lich-xac-nhan">"Đề xuất và xác nhận"</h2>
            {move || error.get().map(|error| view! { <ErrorMessage error /> })}
            {move || {
                if confirmed() {
                    Either::Left(view! {
                        <p>
                            "Năm đã xác nhận vẫn sửa được từng ngày khi Chính phủ điều chỉnh lịch nghỉ; "
                            "mọi thay đổi đều được ghi nhật ký."
                        </p>
                    })
                } else {
                    Either::Right(view! {
                        <p>
                            "Đề xuất thêm các ngày lễ cố định và ngày lễ âm lịch (Tết Nguyên Đán, Giỗ Tổ Hùng Vương) "
                            "tính theo âm lịch Việt Nam, kèm ngày nghỉ bù; các ngày đã có được giữ nguyên. "
                            "Hãy đối chiếu với thông báo của Chính phủ, sửa nếu cần, rồi xác nhận."
                        </p>
                        <div class="row-buttons">
                            <button
                                type="button"
                                class="button button-secondary"
                                disabled=move || pending.get()
                                on:click=move |_| run(false)
                            >
                                "Đề xuất ngày lễ âm lịch"
                            </button>
                            <ConfirmAction
                                button="Xác nhận lịch năm"
                                group_label=format!("Xác nhận lịch làm việc năm {year}")
                                question=format!(
                                    "Xác nhận lịch làm việc năm {year}? Mọi ngày đề xuất trở thành chính thức và thời hạn hồ sơ bắt đầu được tính theo lịch này."
                                )
                                confirm="Xác nhận"
                                pending
                                on_confirm=Callback::new(move |()| run(true))
                            />
                        </div>
                        {move || pending.get().then(|| view! { <span class="loading" role="status">"Đang lưu…"</span> })}
                    })
                }
            }}
        </section>
    }
}

/// Adds a day, or changes the day of that date (filled by "Sửa").
#[component]
fn DayEditor(year: i32, form: DayForm, on_changed: Callback<CalendarYear>) -> impl IntoView {
    let session = use_session();
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let saved = RwSignal::new(None::<String>);
    let locked = Signal::derive(move || pending.get());
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        saved.set(None);
        let mut errors = Vec::new();
        let date = read_day(&form.date.get_untracked(), "date", true, &mut errors);
        let change = CalendarDayChange {
            kind: form.kind.get_untracked(),
            name: form.name.get_untracked(),
            source: Some(form.source.get_untracked()),
        };
        // The server's own checks, so a date of another year shows at once.
        let iso = date.map(|date| date.to_string()).unwrap_or_default();
        if let Err(more) = change.parse(year, &iso) {
            errors.extend(
                more.into_iter()
                    .filter(|error| date.is_some() || error.field != "date"),
            );
        }
        let Some(date) = date.filter(|_| errors.is_empty()) else {
            error.set(Some(ApiError::invalid_fields(errors)));
            return;
        };
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let done = session
                .authorized(move |token| {
                    let change = change.clone();
                    async move { api::calendar::set_day(&token, date, &change).await }
                })
                .await;
            pending.set(false);
            match done {
                Ok(fresh) => {
                    saved.set(Some(format!("Đã lưu ngày {}.", vietnamese(date))));
                    form.clear();
                    on_changed.run(fresh);
                }
                Err(failure) => error.set(Some(failure)),
            }
        });
    };
    let general = move || {
        error.get().filter(|error| {
            ["date", "kind", "name", "source"]
                .iter()
                .all(|field| error.field_message(field).is_none())
        })
    };
    let kinds = vec![
        (DayKind::Holiday, kind_label(DayKind::Holiday).to_owned()),
        (DayKind::Working, kind_label(DayKind::Working).to_owned()),
    ];
    view! {
        <section class="calendar-day-editor" aria-labelledby=FORM_HEADING>
            <h2 id=FORM_HEADING tabindex="-1">"Thêm hoặc sửa một ngày"</h2>
            <p>
                "Nhập ngày đã có để sửa ngày đó. Ngày thêm hoặc sửa ở đây là chính thức ngay. "
                "Ngày làm việc (làm bù) chỉ khai báo cho thứ Bảy hoặc Chủ nhật."
            </p>
            {move || general().map(|error| view! { <ErrorMessage error /> })}
            <form class="form calendar-day-form" on:submit=on_submit novalidate>
                <TextField
                    id="lich-ngay"
                    label="Ngày (ngày/tháng/năm)"
                    value=form.date
                    message=field_message(error, "date")
                    locked
                    input=Input::Numeric
                    placeholder="22/08/2026"
                />
                <SelectField
                    id="lich-loai"
                    label="Loại ngày"
                    value=form.kind
                    options=kinds
                    locked
                    message=field_message(error, "kind")
                />
                <TextField
                    id="lich-ten"
                    label="Tên"
                    value=form.name
                    message=field_message(error, "name")
                    locked
                    hint="Ví dụ: Tết Nguyên Đán, Làm bù cho ngày nghỉ 31/8."
                />
                <TextField
                    id="lich-nguon"
                    label="Căn cứ (không bắt buộc)"
                    value=form.source
                    message=field_message(error, "source")
                    locked
                    hint="Ví dụ: Thông báo 9441/TB-BNV (16/10/2025)."
                />
                <div class="form-actions">
                    <button type="submit" class="button button-primary" disabled=move || locked.get()>
                        "Lưu ngày"
                    </button>
                    {move || pending.get().then(|| view! { <span class="loading" role="status">"Đang lưu…"</span> })}
                </div>
                <p class="calendar-saved" role="status">{move || saved.get()}</p>
            </form>
        </section>
    }
}

#[component]
fn MonthList(
    days: Vec<CalendarDay>,
    admin: Memo<bool>,
    form: DayForm,
    on_changed: Callback<CalendarYear>,
) -> impl IntoView {
    days_by_month(&days)
        .into_iter()
        .map(|(month, days)| {
            let heading = format!("lich-thang-{month}");
            let labelled_by = heading.clone();
            view! {
                <section class="calendar-month" aria-labelledby=labelled_by>
                    <h3 id=heading>"Tháng " {month}</h3>
                    <div class="table-scroll">
                        <table class="stack-table calendar-table">
                            <thead>
                                <tr>
                                    <th scope="col">"Ngày"</th>
                                    <th scope="col">"Loại"</th>
                                    <th scope="col">"Tên"</th>
                                    <th scope="col">"Trạng thái"</th>
                                    <th scope="col">"Căn cứ"</th>
                                    {move || admin.get().then(|| view! { <th scope="col">"Thao tác"</th> })}
                                </tr>
                            </thead>
                            <tbody>
                                {days
                                    .into_iter()
                                    .map(|day| view! { <DayRow day admin form on_changed /> })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                </section>
            }
        })
        .collect_view()
}

fn day_heading(date: NaiveDate) -> String {
    format!("{} {}", weekday_name(date), vietnamese(date))
}

#[component]
fn DayRow(
    day: CalendarDay,
    admin: Memo<bool>,
    form: DayForm,
    on_changed: Callback<CalendarYear>,
) -> impl IntoView {
    let (kind_class, status_class) = (
        match day.kind {
            DayKind::Holiday => "calendar-kind calendar-kind-holiday",
            DayKind::Working => "calendar-kind calendar-kind-working",
        },
        match day.status {
            DayStatus::Confirmed => "badge badge-published",
            DayStatus::Proposed => "badge badge-review",
        },
    );
    let stored = StoredValue::new(day.clone());
    view! {
        <tr class=match day.status {
            DayStatus::Proposed => "calendar-day-proposed",
            DayStatus::Confirmed => "",
        }>
            <th scope="row" data-label="Ngày">
                <time datetime=day.date.to_string()>{day_heading(day.date)}</time>
            </th>
            <td data-label="Loại">
                <span class=kind_class>{kind_label(day.kind)}</span>
            </td>
            <td data-label="Tên">{day.name.clone()}</td>
            <td data-label="Trạng thái">
                <span class=status_class>{status_label(day.status)}</span>
            </td>
            <td data-label="Căn cứ">{day.source.clone()}</td>
            {move || {
                admin
                    .get()
                    .then(|| {
                        view! {
                            <td data-label="Thao tác">
                                <DayActions day=stored.get_value() form on_changed />
                            </td>
                        }
                    })
            }}
        </tr>
    }
}

/// "Sửa" fills the form above; "Xóa" asks first.
#[component]
fn DayActions(
    day: CalendarDay,
    form: DayForm,
    on_changed: Callback<CalendarYear>,
) -> impl IntoView {
    let session = use_session();
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let date = day.date;
    let label = day_heading(date);
    let edit_day = day.clone();
    let edit = move |_| {
        form.fill(&edit_day);
        // The form is above the list: take keyboard and screen-reader users there.
        if let Some(heading) = document().get_element_by_id(FORM_HEADING) {
            use leptos::wasm_bindgen::JsCast;
            if let Ok(heading) = heading.dyn_into::<leptos::web_sys::HtmlElement>() {
                let _ = heading.focus();
            }
        }
    };
    let remove = move |()| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let done = session
                .authorized(
                    move |token| async move { api::calendar::remove_day(&token, date).await },
                )
                .await;
            pending.set(false);
            match done {
                Ok(fresh) => on_changed.run(fresh),
                Err(failure) => error.set(Some(failure)),
            }
        });
    };
    let year = date.year();
    view! {
        <div class="row-buttons">
            <button
                type="button"
                class="button button-secondary"
                aria-label=format!("Sửa ngày {label}")
                on:click=edit
            >
                "Sửa"
            </button>
            <ConfirmAction
                button="Xóa"
                button_label=format!("Xóa ngày {label}")
                group_label=format!("Xác nhận xóa ngày {label}")
                question=format!(
                    "Xóa “{}” ngày {label} khỏi lịch năm {year}? Ngày này sẽ trở lại là ngày thường.",
                    day.name
                )
                confirm="Xác nhận xóa"
                pending
                on_confirm=Callback::new(remove)
            />
        </div>
        {move || error.get().map(|error| view! { <ErrorMessage error /> })}
    }
}

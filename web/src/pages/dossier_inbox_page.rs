//! "/quan-tri/ho-so?trang-thai=&han=&thu-tuc=&q=": the ward's online dossiers for
//! the officers who process dozens a day: newest first, filtered in the address,
//! refreshed when the live signal says something changed, walked with the keyboard.

use leptos::either::Either;
use leptos::ev::{self, SubmitEvent};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use openapi::dossier_workflow::{DossierInbox, InboxDossier, StatusCount};
use openapi::units::SiteLink;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

use crate::api::{self, encode_component};
use crate::components::api_errors::ApiErrors;
use crate::components::calendar_date::CalendarDate;
use crate::components::date_time_text::DateTimeText;
use crate::components::document_title::DocumentTitle;
use crate::components::load_more::LoadMore;
use crate::components::loading::Loading;
use crate::state::access::may_intake;
use crate::state::dossier_inbox::use_inbox_watch;
use crate::state::session::use_session;
use crate::state::site::use_site;
use crate::text::dossiers::{
    DUE_FILTERS, InboxFilter, StatusGroup, date_in_force, due_filter_label, due_from_option,
    due_option_value, due_words, row_after, status_class, status_from_option, status_option_value,
    waiting_text,
};

const LIST_ID: &str = "danh-sach-ho-so";
const SEARCH_ID: &str = "tim-ho-so";
/// The links `j` and `k` move between: one per row.
const ROW_LINKS: &str = "#danh-sach-ho-so a.dossier-row-link";

#[component]
pub fn DossierInboxPage() -> impl IntoView {
    let site = use_site();
    // Dossiers are filed with and handled by a ward; a district's console has none
    // of its own, so it points to the wards' (the statistics sum them up here).
    if site.is_portal {
        return Either::Left(view! { <PortalInboxNote links=site.children /> });
    }
    Either::Right(view! { <WardInbox /> })
}

#[component]
fn PortalInboxNote(links: Vec<SiteLink>) -> impl IntoView {
    view! {
        <DocumentTitle page="Hồ sơ trực tuyến" />
        <h1>"Hồ sơ trực tuyến"</h1>
        <p>
            "Hồ sơ được nộp và xử lý tại từng phường. Mở danh sách hồ sơ trong trang quản trị của phường, hoặc xem "
            <A href="/quan-tri/ho-so/thong-ke">"thống kê hồ sơ của các phường"</A> "."
        </p>
        <ul>
            {links
                .into_iter()
                .map(|link| {
                    let href = format!("{}/quan-tri/ho-so", link.url.trim_end_matches('/'));
                    view! { <li><a href=href>{link.name}</a></li> }
                })
                .collect_view()}
        </ul>
    }
}

#[component]
fn WardInbox() -> impl IntoView {
    let session = use_session();
    let site = use_site();
    let unit = site.unit.slug.clone();
    let query = use_query_map();
    let filter =
        Memo::new(move |_| query.with(|query| InboxFilter::from_query(|name| query.get(name))));
    let watch = use_inbox_watch();
    let intake = Memo::new(move |_| session.me().is_some_and(|me| may_intake(&me, &site)));
    // A list on screen is stale once any dossier of the ward changed or a new one came.
    let changed = Memo::new(move |_| {
        watch
            .latest()
            .map(|signal| (signal.changed_at, signal.newest_code))
    });
    let page = LocalResource::new(move || {
        let (unit, filter) = (unit.clone(), filter.get());
        changed.track();
        async move {
            session
                .authorized(move |token| {
                    let (unit, filter) = (unit.clone(), filter.clone());
                    async move { api::dossiers_staff::inbox(&token, &unit, &filter, None).await }
                })
                .await
        }
    });
    keyboard_shortcuts();
    view! {
        <DocumentTitle page="Hồ sơ trực tuyến" />
        <h1>"Hồ sơ trực tuyến"</h1>
        {move || intake.get().then(|| view! {
            <p class="dossier-waiting" role="status" aria-live="polite">
                {move || watch.waiting().map(waiting_text)}
            </p>
        })}
        <p class="dossier-keys">
            "Phím tắt: " <kbd>"/"</kbd> " tìm kiếm, " <kbd>"j"</kbd> " / " <kbd>"k"</kbd>
            " chuyển giữa các hồ sơ, " <kbd>"Enter"</kbd> " mở hồ sơ."
        </p>
        <FilterForm filter />
        <p><A href="/quan-tri/ho-so/thong-ke">"Thống kê hồ sơ"</A></p>
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Transition fallback=Loading>
                {move || Suspend::new(async move {
                    page.await.map(|page| view! { <InboxList page filter=filter.get_untracked() /> })
                })}
            </Transition>
        </ErrorBoundary>
    }
}

/// `/` focuses the search box; `j`/`k` move the focus between rows (Enter then opens
/// the focused row's link, as any link). Keys typed into a field stay the field's.
fn keyboard_shortcuts() {
    let handle = window_event_listener(ev::keydown, |event: KeyboardEvent| {
        if event.ctrl_key() || event.alt_key() || event.meta_key() || typing_in_field(&event) {
            return;
        }
        match event.key().as_str() {
            "/" => {
                if let Some(search) = element_by_id(SEARCH_ID) {
                    event.prevent_default();
                    let _ = search.focus();
                }
            }
            "j" => move_row_focus(true),
            "k" => move_row_focus(false),
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}

fn typing_in_field(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<HtmlElement>().ok())
        .is_some_and(|element| {
            matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || element.is_content_editable()
        })
}

fn element_by_id(id: &str) -> Option<HtmlElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<HtmlElement>()
        .ok()
}

fn move_row_focus(forward: bool) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Ok(links) = document.query_selector_all(ROW_LINKS) else {
        return;
    };
    let count = links.length() as usize;
    let active = document.active_element();
    let current = (0..count).find(|index| {
        let link = links
            .item(*index as u32)
            .and_then(|node| node.dyn_into::<Element>().ok());
        link.is_some() && link == active
    });
    let next = row_after(current, count, forward)
        .and_then(|index| links.item(index as u32))
        .and_then(|node| node.dyn_into::<HtmlElement>().ok());
    if let Some(link) = next {
        let _ = link.focus();
    }
}

/// The filters as a form: chosen, then applied with "Lọc" (or Enter), which changes
/// the address; the fields follow the address when it changes (back, forward).
#[component]
fn FilterForm(filter: Memo<InboxFilter>) -> impl IntoView {
    let navigate = use_navigate();
    let status = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let procedure = RwSignal::new(String::new());
    let q = RwSignal::new(String::new());
    Effect::new(move || {
        let current = filter.get();
        status.set(
            current
                .status
                .map(status_option_value)
                .unwrap_or_default()
                .to_owned(),
        );
        due.set(
            current
                .due
                .map(due_option_value)
                .unwrap_or_default()
                .to_owned(),
        );
        procedure.set(current.procedure.unwrap_or_default());
        q.set(current.q.unwrap_or_default());
    });
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let text = |signal: RwSignal<String>| {
            let value = signal.get_untracked().trim().to_owned();
            (!value.is_empty()).then_some(value)
        };
        let chosen = InboxFilter {
            status: status_from_option(&status.get_untracked()),
            due: due_from_option(&due.get_untracked()),
            procedure: text(procedure),
            q: text(q),
        };
        navigate(&chosen.href(), Default::default());
    };
    // Flat options (no optgroup), in the order of who the dossier waits for.
    let status_options = StatusGroup::ALL
        .into_iter()
        .flat_map(StatusGroup::statuses)
        .map(|choice| {
            let value = status_option_value(choice);
            view! {
                <option value=value prop:selected=move || status.with(|chosen| chosen == value)>
                    {choice.label()}
                </option>
            }
        })
        .collect_view();
    let due_options = DUE_FILTERS
        .into_iter()
        .map(|choice| {
            let value = due_option_value(choice);
            view! {
                <option value=value prop:selected=move || due.with(|chosen| chosen == value)>
                    {due_filter_label(choice)}
                </option>
            }
        })
        .collect_view();
    view! {
        <form class="form dossier-filters" role="search" aria-label="Lọc hồ sơ" on:submit=submit>
            <div class="field">
                <label for="loc-trang-thai">"Trạng thái"</label>
                <select id="loc-trang-thai" on:change=move |event| status.set(event_target_value(&event))>
                    <option value="" prop:selected=move || status.with(String::is_empty)>"Tất cả trạng thái"</option>
                    {status_options}
                </select>
            </div>
            <div class="field">
                <label for="loc-han">"Hạn trả kết quả"</label>
                <select id="loc-han" on:change=move |event| due.set(event_target_value(&event))>
                    <option value="" prop:selected=move || due.with(String::is_empty)>"Mọi hạn"</option>
                    {due_options}
                </select>
            </div>
            <div class="field">
                <label for="loc-thu-tuc">"Mã thủ tục"</label>
                <input id="loc-thu-tuc" type="text" placeholder="HT-KS" autocomplete="off" bind:value=procedure />
            </div>
            <div class="field">
                <label for=SEARCH_ID>"Tìm theo mã hồ sơ hoặc tên người nộp"</label>
                <input id=SEARCH_ID type="search" autocomplete="off" bind:value=q />
            </div>
            <div class="form-actions">
                <button type="submit" class="button button-primary">"Lọc"</button>
                {move || (!filter.get().is_empty()).then(|| view! {
                    <A href=InboxFilter::default().href() attr:class="button button-secondary">"Bỏ lọc"</A>
                })}
            </div>
        </form>
    }
}

/// "Chờ tiếp nhận: 3 · Đang xử lý: 2": every dossier the user sees, whatever the filters.
fn counts_text(counts: &[StatusCount]) -> String {
    if counts.is_empty() {
        return "Chưa có hồ sơ nào.".to_owned();
    }
    counts
        .iter()
        .map(|count| format!("{}: {}", count.status.label(), count.count))
        .collect::<Vec<_>>()
        .join(" · ")
}

#[component]
fn InboxList(page: DossierInbox, filter: InboxFilter) -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    // With no dossier at all the counts would repeat the empty message below.
    let counts = (!page.counts.is_empty())
        .then(|| view! { <p class="queue-counts">{counts_text(&page.counts)}</p> });
    if page.items.is_empty() {
        let empty = if filter.is_empty() {
            "Chưa có hồ sơ nào."
        } else {
            "Không có hồ sơ nào khớp với bộ lọc."
        };
        return Either::Left(view! {
            {counts}
            <p class="empty">{empty}</p>
        });
    }
    let items = RwSignal::new(page.items);
    let next_cursor = RwSignal::new(page.next_cursor);
    let fetch = move |cursor: String| {
        let (unit, filter) = (unit.clone(), filter.clone());
        async move {
            let page = session
                .authorized(move |token| {
                    let (unit, filter, cursor) = (unit.clone(), filter.clone(), cursor.clone());
                    async move {
                        api::dossiers_staff::inbox(&token, &unit, &filter, Some(&cursor)).await
                    }
                })
                .await?;
            Ok((page.items, page.next_cursor))
        }
    };
    Either::Right(view! {
        {counts}
        <table class="dossier-table">
            <caption class="visually-hidden">"Danh sách hồ sơ, mới nhất trước"</caption>
            <thead>
                <tr>
                    <th scope="col">"Mã hồ sơ"</th>
                    <th scope="col">"Thủ tục"</th>
                    <th scope="col">"Người nộp"</th>
                    <th scope="col">"Ngày nộp"</th>
                    <th scope="col">"Hạn trả kết quả"</th>
                    <th scope="col">"Trạng thái"</th>
                </tr>
            </thead>
            <tbody id=LIST_ID>
                <For each=move || items.get() key=|item: &InboxDossier| item.code.clone() let:item>
                    <InboxRow item />
                </For>
            </tbody>
        </table>
        <LoadMore items next_cursor list_id=LIST_ID fetch />
    })
}

#[component]
fn InboxRow(item: InboxDossier) -> impl IntoView {
    let href = format!("/quan-tri/ho-so/{}", encode_component(&item.code));
    let due = date_in_force(item.due_on, item.rescheduled_due_on).map_or_else(
        || Either::Left(view! { <span class="dossier-muted">"Chưa tiếp nhận"</span> }),
        |date| Either::Right(view! { <CalendarDate date /> }),
    );
    let rescheduled = item
        .rescheduled_due_on
        .is_some()
        .then(|| view! { <span class="due-note">" (hẹn lại)"</span> });
    let warning = due_words(item.late, item.at_risk).map(|words| {
        view! {
            <strong class="due-flag" class:due-flag-late=item.late>
                <span aria-hidden="true">"⚠ "</span>{words}
            </strong>
        }
    });
    let mine = item
        .assigned_to_me
        .then(|| view! { <span class="mine-flag">"Giao cho tôi"</span> });
    view! {
        // Each cell holds one element: on a phone the cell is a grid of its column's
        // name and that element, so loose pieces would wrap under the name.
        <tr class:late=item.late class:at-risk=item.at_risk && !item.late>
            <td data-label="Mã hồ sơ">
                <a class="dossier-row-link" href=href>{item.code.clone()}</a>
            </td>
            <td data-label="Thủ tục">
                <span>
                    {item.procedure_name}
                    <span class="dossier-muted">" (" {item.procedure_code} ")"</span>
                </span>
            </td>
            <td data-label="Người nộp">{item.applicant_name}</td>
            <td data-label="Ngày nộp"><DateTimeText at=item.submitted_at /></td>
            <td data-label="Hạn trả kết quả"><span>{due}{rescheduled} " " {warning}</span></td>
            <td data-label="Trạng thái">
                <span>
                    <span class=status_class(item.status)>{item.status_label}</span>
                    " " {mine}
                </span>
            </td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use openapi::dossiers::DossierStatus;

    #[test]
    fn the_counts_name_each_status_in_words() {
        let counts = [
            StatusCount {
                status: DossierStatus::Submitted,
                count: 3,
            },
            StatusCount {
                status: DossierStatus::Processing,
                count: 1,
            },
        ];
        assert_eq!(counts_text(&counts), "Chờ tiếp nhận: 3 · Đang xử lý: 1");
        assert_eq!(counts_text(&[]), "Chưa có hồ sơ nào.");
    }
}

//! The kind's own fields of a revision, read-only: what a reviewer approves besides
//! the text (a document's register fields, an expiry, the week's entries, the
//! organization's people, the planning zones).

use chrono::Datelike;
use leptos::either::Either;
use leptos::prelude::*;
use openapi::attachments::file_url;
use openapi::content::{ContentDetails, ContentKind};
use openapi::legal_documents::{DocumentFields, Validity};
use openapi::organization::OrganizationFields;
use openapi::planning::PlanningFields;
use openapi::schedule::WeekSchedule;
use openapi::spokesperson::Spokesperson;

use crate::components::kind_fields::schedule::week_label;
use crate::text::form_values::{clock_text, day_text, decimal_text, instant_parts, weekday_name};
use crate::text::geojson::{zone_count, zone_names};

const NONE: &str = "—";

/// One term and its value in a description list.
fn row(term: &'static str, value: impl Into<String>) -> impl IntoView {
    let value = value.into();
    let value = if value.trim().is_empty() {
        NONE.to_owned()
    } else {
        value
    };
    view! {
        <dt>{term}</dt>
        <dd>{value}</dd>
    }
}

#[component]
pub fn KindFieldsView(kind: ContentKind, details: ContentDetails) -> impl IntoView {
    let fields = match kind {
        ContentKind::Article => match details.cover_image {
            Some(key) => view! {
                <figure class="cover-preview">
                    <img src=file_url(&key) alt="" />
                    <figcaption>"Ảnh bìa"</figcaption>
                </figure>
            }
            .into_any(),
            None => view! { <p>"Không có ảnh bìa."</p> }.into_any(),
        },
        ContentKind::Page => view! {
            <dl class="field-list">
                {row(
                    "Thứ tự trong trình đơn",
                    details.menu_order.map_or("Không hiện trong trình đơn".to_owned(), |n| n.to_string()),
                )}
            </dl>
        }
        .into_any(),
        ContentKind::Announcement => view! {
            <dl class="field-list">
                {row(
                    "Hết hạn",
                    details.expires_at.map_or("Không có hạn".to_owned(), |at| {
                        let (day, time) = instant_parts(&at);
                        format!("{time} ngày {day}")
                    }),
                )}
            </dl>
        }
        .into_any(),
        ContentKind::LegalDocument => details.document.map(|document| view! { <DocumentView document /> }).into_any(),
        ContentKind::Spokesperson => {
            details.spokesperson.map(|person| view! { <SpokespersonView person /> }).into_any()
        }
        ContentKind::WeeklySchedule => {
            details.schedule.map(|schedule| view! { <ScheduleView schedule /> }).into_any()
        }
        ContentKind::Organization => details
            .organization
            .map(|organization| view! { <OrganizationView organization /> })
            .into_any(),
        ContentKind::Planning => details.planning.map(|planning| view! { <PlanningView planning /> }).into_any(),
    };
    view! {
        <section aria-labelledby="thong-tin-rieng" class="kind-fields-view">
            <h2 id="thong-tin-rieng">"Thông tin riêng: " {kind.label()}</h2>
            {fields}
        </section>
    }
}

#[component]
fn DocumentView(document: DocumentFields) -> impl IntoView {
    let replaced = (document.validity == Validity::Replaced).then(|| {
        row(
            "Văn bản thay thế",
            document.replaced_by.clone().unwrap_or_default(),
        )
    });
    let file = match document.file {
        Some(key) => Either::Left(view! {
            <dt>"Tệp toàn văn"</dt>
            <dd><a href=file_url(&key)>"Tải về"</a></dd>
        }),
        None => Either::Right(row("Tệp toàn văn", "Chưa có")),
    };
    view! {
        <dl class="field-list">
            {row("Số ký hiệu", document.number)}
            {row("Loại văn bản", document.document_type.label())}
            {row("Cơ quan ban hành", document.issuer)}
            {row("Người ký", document.signer)}
            {row("Ngày ban hành", day_text(document.issued_on))}
            {row("Ngày hiệu lực", document.effective_on.map(day_text).unwrap_or_else(|| "Từ ngày ký".to_owned()))}
            {row("Hiệu lực", document.validity.label())}
            {replaced}
            {file}
        </dl>
    }
}

#[component]
fn SpokespersonView(person: Spokesperson) -> impl IntoView {
    view! {
        <dl class="field-list">
            {row("Họ và tên", person.name)}
            {row("Chức vụ", person.position)}
            {row("Điện thoại", person.phone)}
            {row("Thư điện tử", person.email)}
            {row("Phát ngôn từ ngày", day_text(person.valid_from))}
            {row("Đến ngày", person.valid_to.map(day_text).unwrap_or_else(|| "Còn đảm nhiệm".to_owned()))}
        </dl>
    }
}

#[component]
fn ScheduleView(schedule: WeekSchedule) -> impl IntoView {
    let week = week_label(schedule.week);
    if schedule.entries.is_empty() {
        return Either::Left(view! { <p>{week} ": chưa có mục nào."</p> });
    }
    let rows = schedule
        .entries
        .into_iter()
        .map(|entry| {
            let time = match entry.end {
                Some(end) => format!("{} – {}", clock_text(entry.start), clock_text(end)),
                None => clock_text(entry.start),
            };
            view! {
                <tr>
                    <td>{weekday_name(entry.date.weekday())} " " {day_text(entry.date)}</td>
                    <td>{time}</td>
                    <td>{entry.content}</td>
                    <td>{entry.chair}</td>
                    <td>{entry.participants}</td>
                    <td>{entry.location}</td>
                    <td>{entry.preparing_unit}</td>
                </tr>
            }
        })
        .collect_view();
    Either::Right(view! {
        <div class="table-scroll" role="region" aria-labelledby="lich-tuan" tabindex="0">
            <table class="review-table">
                <caption id="lich-tuan">{week}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Ngày"</th>
                        <th scope="col">"Giờ"</th>
                        <th scope="col">"Nội dung"</th>
                        <th scope="col">"Chủ trì"</th>
                        <th scope="col">"Thành phần"</th>
                        <th scope="col">"Địa điểm"</th>
                        <th scope="col">"Đơn vị chuẩn bị"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    })
}

#[component]
fn OrganizationView(organization: OrganizationFields) -> impl IntoView {
    organization
        .bodies
        .into_iter()
        .map(|body| {
            let members = body
                .members
                .into_iter()
                .map(|member| {
                    let contact: Vec<String> =
                        [member.phone, member.email].into_iter().flatten().collect();
                    let contact = (!contact.is_empty()).then(|| format!(" ({})", contact.join(", ")));
                    view! { <li><strong>{member.name}</strong> " — " {member.position} {contact}</li> }
                })
                .collect_view();
            view! {
                <section class="body-view">
                    <h3>{body.name} <span class="field-hint">" · " {body.kind.label()}</span></h3>
                    <dl class="field-list">
                        {row("Chức năng, nhiệm vụ", body.functions)}
                        {row("Điện thoại", body.phone.unwrap_or_default())}
                    </dl>
                    <ul class="member-list">{members}</ul>
                </section>
            }
        })
        .collect_view()
}

#[component]
fn PlanningView(planning: PlanningFields) -> impl IntoView {
    let names = planning.zones.as_ref().map(zone_names);
    let zones = match names {
        None => Either::Left(row("Các khu quy hoạch", "Chưa có")),
        Some(names) => Either::Right(view! {
            <dt>"Các khu quy hoạch"</dt>
            <dd>
                {zone_count(names.len())}
                <ol class="zone-names">
                    {names.into_iter().map(|name| view! { <li>{name}</li> }).collect_view()}
                </ol>
            </dd>
        }),
    };
    view! {
        <DocumentView document=planning.document />
        <dl class="field-list">
            {row("Loại quy hoạch", planning.plan_type.label())}
            {row("Tình trạng", planning.status.label())}
            {row("Diện tích", planning.area_hectares.map(|ha| format!("{} ha", decimal_text(ha))).unwrap_or_default())}
            {row("Quyết định phê duyệt", planning.approval_decision)}
            {zones}
        </dl>
    }
}

//! Legal documents as a table: a register to scan on a wide screen, one card per
//! document on a phone (the stylesheet relabels each cell from `data-label`).

use leptos::prelude::*;
use openapi::legal_documents::{LegalDocumentSummary, Validity};
use openapi::units::Site;

use crate::api::encode_component;
use crate::components::calendar_date::CalendarDate;
use crate::components::content_link::{ContentHref, ContentLink, content_href};
use crate::state::site::use_site;

/// Where the document `slug` of unit `unit` is read: on its own unit's site.
pub fn document_href(site: &Site, unit: &str, slug: &str) -> Option<ContentHref> {
    content_href(site, unit, &format!("van-ban/{}", encode_component(slug)))
}

#[component]
pub fn DocumentTable(
    items: RwSignal<Vec<LegalDocumentSummary>>,
    /// The id of the body, whose rows "Xem thêm" appends to.
    body_id: &'static str,
) -> impl IntoView {
    view! {
        <div class="document-table-wrap">
            <table class="document-table">
                <caption class="visually-hidden">"Danh sách văn bản"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Số ký hiệu"</th>
                        <th scope="col">"Trích yếu"</th>
                        <th scope="col">"Ngày ban hành"</th>
                        <th scope="col">"Cơ quan ban hành"</th>
                        <th scope="col">"Hiệu lực"</th>
                    </tr>
                </thead>
                <tbody id=body_id>
                    <For
                        each=move || items.get()
                        key=|document: &LegalDocumentSummary| {
                            (document.unit.slug.clone(), document.slug.clone())
                        }
                        let:document
                    >
                        <DocumentRow document />
                    </For>
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn DocumentRow(document: LegalDocumentSummary) -> impl IntoView {
    let site = use_site();
    let href = document_href(&site, &document.unit.slug, &document.slug);
    let replacement = document
        .replaced_by
        .as_deref()
        .and_then(|slug| document_href(&site, &document.unit.slug, slug));
    view! {
        <tr>
            <th scope="row" data-label="Số ký hiệu">
                {document.number}
            </th>
            <td data-label="Trích yếu" class="document-title">
                <ContentLink href text=document.title />
            </td>
            <td data-label="Ngày ban hành">
                <CalendarDate date=document.issued_on />
            </td>
            <td data-label="Cơ quan ban hành">{document.issuer}</td>
            <td data-label="Hiệu lực">
                <ValidityStatus
                    validity=document.validity
                    replacement
                    replacement_text="Xem văn bản thay thế"
                />
            </td>
        </tr>
    }
}

/// "Còn hiệu lực", "Hết hiệu lực", or "Bị thay thế" with a link to the document that
/// replaced it.
#[component]
pub fn ValidityStatus(
    validity: Validity,
    replacement: Option<ContentHref>,
    #[prop(into)] replacement_text: String,
) -> impl IntoView {
    let class = match validity {
        Validity::InForce => "validity validity-in-force",
        Validity::Expired => "validity validity-expired",
        Validity::Replaced => "validity validity-replaced",
    };
    let replacement = (validity == Validity::Replaced && replacement.is_some()).then(|| {
        view! {
            " "
            <span class="replacement">
                <ContentLink href=replacement text=replacement_text />
            </span>
        }
    });
    view! {
        <span class=class>{validity.label()}</span>
        {replacement}
    }
}

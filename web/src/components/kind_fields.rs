//! The fields only some kinds of content have, each kind's in its own module: typed
//! as text, read into the contract's `ContentDetails` for the kind being written, and
//! checked by the same `ContentDraft::parse` the server runs.

pub mod announcement;
pub mod article;
pub mod legal_document;
pub mod organization;
pub mod page;
pub mod planning;
pub mod schedule;
pub mod spokesperson;

use std::sync::atomic::{AtomicU32, Ordering};

use chrono::{DateTime, NaiveDate};
use leptos::prelude::*;
use openapi::FieldError;
use openapi::content::{ContentDetails, ContentKind};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::api::ApiError;
use crate::text::schedule::vietnam;

use announcement::{ExpiryField, ExpiryForm};
use article::{CoverForm, CoverImageField};
use legal_document::{DocumentFieldsEditor, DocumentForm};
use organization::{OrganizationFieldsEditor, OrganizationForm};
use page::{MenuForm, MenuOrderField};
use planning::{PlanningFieldsEditor, PlanningForm};
use schedule::{ScheduleFields, ScheduleForm};
use spokesperson::{SpokespersonFields, SpokespersonForm};

static NEXT_KEY: AtomicU32 = AtomicU32::new(1);

/// A key for a row added to a list on screen, unique for the page's life.
pub fn next_key() -> u32 {
    NEXT_KEY.fetch_add(1, Ordering::Relaxed)
}

/// Puts the keyboard on the element with `id` once the screen shows it.
pub fn focus_later(id: String) {
    request_animation_frame(move || {
        let element = document()
            .get_element_by_id(&id)
            .and_then(|element| element.dyn_into::<HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

/// Today in Vietnam, by the browser's clock.
pub fn today() -> NaiveDate {
    let millis = web_sys::js_sys::Date::now() as i64;
    DateTime::from_timestamp_millis(millis)
        .map(|now| now.with_timezone(&vietnam()).date_naive())
        .unwrap_or_default()
}

/// Every kind's fields, filled from the saved details; only the kind being written is
/// read and sent.
#[derive(Clone, Copy)]
pub struct KindFields {
    pub cover: CoverForm,
    pub menu: MenuForm,
    pub expiry: ExpiryForm,
    pub document: DocumentForm,
    pub spokesperson: SpokespersonForm,
    pub schedule: ScheduleForm,
    pub organization: OrganizationForm,
    pub planning: PlanningForm,
}

impl KindFields {
    pub fn new(details: &ContentDetails, today: NaiveDate) -> KindFields {
        KindFields {
            cover: CoverForm::new(details),
            menu: MenuForm::new(details),
            expiry: ExpiryForm::new(details),
            document: DocumentForm::new(details.document.as_ref()),
            spokesperson: SpokespersonForm::new(details.spokesperson.as_ref()),
            schedule: ScheduleForm::new(details.schedule.as_ref(), today),
            organization: OrganizationForm::new(details.organization.as_ref()),
            planning: PlanningForm::new(details.planning.as_ref()),
        }
    }

    /// The details of an item of `kind`, and what could not be read as typed (a date
    /// that is not dd/mm/yyyy). With such errors the draft is checked but never sent.
    pub fn read(self, kind: ContentKind) -> (ContentDetails, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut details = ContentDetails::default();
        match kind {
            ContentKind::Article => details.cover_image = self.cover.read(),
            ContentKind::Page => details.menu_order = self.menu.read(&mut errors),
            ContentKind::Announcement => details.expires_at = self.expiry.read(&mut errors),
            ContentKind::LegalDocument => {
                details.document = Some(self.document.read("details.document", &mut errors));
            }
            ContentKind::Spokesperson => {
                details.spokesperson = Some(self.spokesperson.read(&mut errors));
            }
            ContentKind::WeeklySchedule => {
                details.schedule = Some(self.schedule.read(&mut errors));
            }
            ContentKind::Organization => details.organization = Some(self.organization.read()),
            ContentKind::Planning => details.planning = Some(self.planning.read(&mut errors)),
        }
        (details, errors)
    }
}

/// The fields of the kind being written, below the common ones.
#[component]
pub fn KindFieldsEditor(
    kind: RwSignal<ContentKind>,
    fields: KindFields,
    is_new: bool,
    locked: Signal<bool>,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    move || match kind.get() {
        ContentKind::Article => {
            view! { <CoverImageField form=fields.cover locked error /> }.into_any()
        }
        ContentKind::Page => view! { <MenuOrderField form=fields.menu locked error /> }.into_any(),
        ContentKind::Announcement => {
            view! { <ExpiryField form=fields.expiry locked error /> }.into_any()
        }
        ContentKind::LegalDocument => view! {
            <DocumentFieldsEditor
                form=fields.document
                prefix="details.document"
                id_prefix="vb"
                locked
                error
            />
        }
        .into_any(),
        ContentKind::Spokesperson => {
            view! { <SpokespersonFields form=fields.spokesperson locked error /> }.into_any()
        }
        ContentKind::WeeklySchedule => {
            view! { <ScheduleFields form=fields.schedule is_new locked error /> }.into_any()
        }
        ContentKind::Organization => {
            view! { <OrganizationFieldsEditor form=fields.organization locked error /> }.into_any()
        }
        ContentKind::Planning => {
            view! { <PlanningFieldsEditor form=fields.planning locked error /> }.into_any()
        }
    }
}

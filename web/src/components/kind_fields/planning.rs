//! Planning information: the planning document's register fields (the legal
//! document's, under `details.planning.document`), what kind of plan it is, its
//! state, area and approving decision, and its zones as a GeoJSON file read in the
//! browser.

use leptos::prelude::*;
use openapi::FieldError;
use openapi::planning::{PlanStatus, PlanType, PlanningFields};
use serde_json::Value;

use crate::api::ApiError;
use crate::components::field_message::{GroupMessage, path_message};
use crate::components::geojson_file_field::GeoJsonFileField;
use crate::components::text_field::{Input, SelectField, TextField};
use crate::text::form_values::{decimal_text, read_decimal};
use crate::text::geojson::{zone_count, zone_names};

use super::legal_document::{DocumentFieldsEditor, DocumentForm};

const PREFIX: &str = "details.planning";

#[derive(Clone, Copy)]
pub struct PlanningForm {
    pub document: DocumentForm,
    pub plan_type: RwSignal<PlanType>,
    pub status: RwSignal<PlanStatus>,
    pub area: RwSignal<String>,
    pub approval_decision: RwSignal<String>,
    pub zones: RwSignal<Option<Value>>,
    /// The name of the file the zones came from, while this page knows it.
    pub zones_file: RwSignal<Option<String>>,
}

impl PlanningForm {
    pub fn new(fields: Option<&PlanningFields>) -> PlanningForm {
        PlanningForm {
            document: DocumentForm::new(fields.map(|f| &f.document)),
            plan_type: RwSignal::new(fields.map_or(PlanType::Zoning, |f| f.plan_type)),
            status: RwSignal::new(fields.map_or(PlanStatus::Consultation, |f| f.status)),
            area: RwSignal::new(
                fields
                    .and_then(|f| f.area_hectares)
                    .map(decimal_text)
                    .unwrap_or_default(),
            ),
            approval_decision: RwSignal::new(
                fields
                    .map(|f| f.approval_decision.clone())
                    .unwrap_or_default(),
            ),
            zones: RwSignal::new(fields.and_then(|f| f.zones.clone())),
            zones_file: RwSignal::new(None),
        }
    }

    pub fn read(self, errors: &mut Vec<FieldError>) -> PlanningFields {
        PlanningFields {
            document: self.document.read(&format!("{PREFIX}.document"), errors),
            plan_type: self.plan_type.get_untracked(),
            area_hectares: read_decimal(
                &self.area.get_untracked(),
                &format!("{PREFIX}.area_hectares"),
                errors,
            ),
            approval_decision: self.approval_decision.get_untracked(),
            status: self.status.get_untracked(),
            zones: self.zones.get_untracked(),
        }
    }
}

#[component]
pub fn PlanningFieldsEditor(
    form: PlanningForm,
    locked: Signal<bool>,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    let message = move |name: &str| path_message(error, format!("{PREFIX}.{name}"));
    let zones_message = Signal::derive(move || {
        error.with(|error| {
            error
                .as_ref()
                .and_then(|error| error.message_under(&format!("{PREFIX}.zones")))
        })
    });
    let on_read = Callback::new(move |(name, zones): (String, Value)| {
        form.zones.set(Some(zones));
        form.zones_file.set(Some(name));
    });
    view! {
        <div class="planning-fields">
            <GroupMessage message=path_message(error, PREFIX.to_owned()) />
            <DocumentFieldsEditor
                form=form.document
                prefix="details.planning.document"
                id_prefix="qh-vb"
                locked
                error
            />
            <fieldset class="kind-fields">
                <legend>"Thông tin quy hoạch"</legend>
                <SelectField
                    id="qh-loai"
                    label="Loại quy hoạch"
                    value=form.plan_type
                    options=PlanType::ALL.into_iter().map(|t| (t, t.label().to_owned())).collect()
                    locked
                    message=message("plan_type")
                />
                <SelectField
                    id="qh-tinh-trang"
                    label="Tình trạng"
                    value=form.status
                    options=PlanStatus::ALL.into_iter().map(|s| (s, s.label().to_owned())).collect()
                    locked
                    message=message("status")
                />
                <TextField
                    id="qh-dien-tich"
                    label="Diện tích (ha)"
                    value=form.area
                    message=message("area_hectares")
                    locked
                    input=Input::Decimal
                    placeholder="52,4"
                    hint="Số thập phân, dùng dấu phẩy hoặc dấu chấm. Để trống nếu chưa có."
                />
                <TextField
                    id="qh-quyet-dinh"
                    label="Quyết định phê duyệt"
                    value=form.approval_decision
                    message=message("approval_decision")
                    locked
                    input=Input::Multiline
                    placeholder="Quyết định số 1234/QĐ-UBND ngày 05/3/2025 của UBND Thành phố"
                />
                <ZonesSummary form locked />
                <GeoJsonFileField
                    id="qh-khu"
                    label="Các khu quy hoạch (GeoJSON)"
                    hint="Tệp .geojson hoặc .json: một FeatureCollection, mỗi khu là một Polygon hoặc MultiPolygon có thuộc tính name (tên khu) và land_use (chức năng sử dụng đất)."
                    message=zones_message
                    disabled=locked
                    on_read
                />
            </fieldset>
        </div>
    }
}

/// How many zones the item holds and their names, with a way to remove them all.
#[component]
fn ZonesSummary(form: PlanningForm, locked: Signal<bool>) -> impl IntoView {
    move || {
        form.zones.get().map(|zones| {
            let names = zone_names(&zones);
            let source = form
                .zones_file
                .get()
                .map(|name| format!(" (từ tệp {name})"));
            view! {
                <div class="zones-summary">
                    <p>
                        <strong>{zone_count(names.len())}</strong>
                        {source}
                    </p>
                    {(!names.is_empty()).then(|| view! {
                        <ol class="zone-names">
                            {names.into_iter().map(|name| view! { <li>{name}</li> }).collect_view()}
                        </ol>
                    })}
                    <button
                        type="button"
                        class="button button-quiet"
                        disabled=move || locked.get()
                        on:click=move |_| {
                            form.zones.set(None);
                            form.zones_file.set(None);
                        }
                    >
                        "Gỡ"
                        <span class="visually-hidden">" các khu quy hoạch"</span>
                    </button>
                </div>
            }
        })
    }
}

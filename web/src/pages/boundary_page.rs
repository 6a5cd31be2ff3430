//! "/quan-tri/ranh-gioi": the unit's boundary on the maps. Its admins (or a district
//! admin above it) choose a GeoJSON file, say where the office is and whether the
//! line is only illustrative; the server checks the geometry and names the problem.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_location;
use openapi::FieldError;
use openapi::auth::Role;
use openapi::boundaries::BoundaryUpload;
use serde_json::Value;

use crate::api::{self, ApiError};
use crate::components::api_errors::ApiErrors;
use crate::components::document_title::DocumentTitle;
use crate::components::error_message::ErrorMessage;
use crate::components::field_message::{GroupMessage, path_message};
use crate::components::geojson_file_field::GeoJsonFileField;
use crate::components::loading::Loading;
use crate::components::text_field::{Input, TextField};
use crate::state::access::may_act_as;
use crate::state::flash::use_flash;
use crate::state::session::use_session;
use crate::state::site::use_site;
use crate::text::form_values::{decimal_text, read_decimal};
use crate::text::geojson::{StoredBoundary, point_count};

/// Whether the signed-in user may replace the boundary of this site's unit: its ward
/// admins and the district admins above it. A portal shows its wards' boundaries and
/// has none of its own to upload.
pub fn may_edit_boundary(me: &openapi::auth::Me, site: &openapi::units::Site) -> bool {
    !site.is_portal && may_act_as(me, Role::WardAdmin, site)
}

#[component]
pub fn BoundaryPage() -> impl IntoView {
    let unit = use_site().unit.slug;
    let stored = LocalResource::new(move || {
        let unit = unit.clone();
        async move { api::boundaries::show(&unit).await }
    });
    view! {
        <DocumentTitle page="Ranh giới" />
        <h1>"Ranh giới"</h1>
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    stored.await.map(|feature| {
                        let stored = feature.as_ref().and_then(StoredBoundary::of);
                        view! { <BoundaryForm stored /> }
                    })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

/// Two decimals typed, both or neither: the office point as `[longitude, latitude]`.
fn read_office(longitude: &str, latitude: &str, errors: &mut Vec<FieldError>) -> Option<[f64; 2]> {
    const BOTH: &str = "Nhập cả kinh độ và vĩ độ, hoặc để trống cả hai";
    match (longitude.trim().is_empty(), latitude.trim().is_empty()) {
        (true, true) => None,
        (true, false) => {
            errors.push(FieldError::new("office.longitude", "required", BOTH));
            None
        }
        (false, true) => {
            errors.push(FieldError::new("office.latitude", "required", BOTH));
            None
        }
        (false, false) => {
            let longitude = read_decimal(longitude, "office.longitude", errors);
            let latitude = read_decimal(latitude, "office.latitude", errors);
            Some([longitude?, latitude?])
        }
    }
}

#[component]
fn BoundaryForm(stored: Option<StoredBoundary>) -> impl IntoView {
    let session = use_session();
    let site = use_site();
    let unit = site.unit.slug.clone();
    let unit_name = site.unit.name.clone();
    let flash = use_flash();
    let pathname = use_location().pathname;
    let allowed = session.me().is_some_and(|me| may_edit_boundary(&me, &site));

    let office = stored.as_ref().and_then(|stored| stored.office);
    let longitude = RwSignal::new(office.map(|[x, _]| decimal_text(x)).unwrap_or_default());
    let latitude = RwSignal::new(office.map(|[_, y]| decimal_text(y)).unwrap_or_default());
    let illustrative = RwSignal::new(stored.as_ref().is_some_and(|stored| stored.illustrative));
    let stored = RwSignal::new(stored);
    let chosen = RwSignal::new(None::<(String, Value)>);
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let locked = Signal::derive(move || !allowed || pending.get());

    let on_read = Callback::new(move |file: (String, Value)| chosen.set(Some(file)));
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if locked.get_untracked() {
            return;
        }
        let mut errors = Vec::new();
        let office = read_office(
            &longitude.get_untracked(),
            &latitude.get_untracked(),
            &mut errors,
        );
        // Without a new file, the stored line is sent again: only the office point or
        // the mark changes.
        let boundary = chosen
            .get_untracked()
            .map(|(_, value)| value)
            .or_else(|| stored.with_untracked(|s| s.as_ref().map(|s| s.geometry.clone())));
        if boundary.is_none() {
            errors.push(FieldError::new(
                "boundary",
                "required",
                "Hãy chọn tệp GeoJSON ranh giới",
            ));
        }
        let (Some(boundary), true) = (boundary, errors.is_empty()) else {
            error.set(Some(ApiError::invalid_fields(errors)));
            return;
        };
        let body = BoundaryUpload {
            boundary,
            office,
            illustrative: illustrative.get_untracked(),
        };
        pending.set(true);
        error.set(None);
        flash.clear();
        let unit = unit.clone();
        spawn_local(async move {
            let saved = session
                .authorized(move |token| {
                    let (unit, body) = (unit.clone(), body.clone());
                    async move { api::boundaries::update(&token, &unit, &body).await }
                })
                .await;
            pending.set(false);
            match saved {
                Ok(feature) => {
                    stored.set(StoredBoundary::of(&feature));
                    chosen.set(None);
                    flash.show(pathname.get_untracked(), "Đã lưu ranh giới.");
                }
                Err(failure) => error.set(Some(failure)),
            }
        });
    };

    let boundary_message = Signal::derive(move || {
        error.with(|error| error.as_ref().and_then(|e| e.message_under("boundary")))
    });
    let message = move |field: &str| path_message(error, field.to_owned());

    view! {
        <section aria-labelledby="ranh-gioi-hien-tai" class="boundary-status">
            <h2 id="ranh-gioi-hien-tai">"Ranh giới hiện tại"</h2>
            {move || match stored.get() {
                None => view! { <p>{unit_name.clone()} " chưa có ranh giới trên bản đồ."</p> }.into_any(),
                Some(stored) => view! {
                    <p>"Đã có ranh giới: " {stored.points} " điểm."</p>
                    {stored.illustrative.then(|| view! {
                        <p><span class="badge badge-draft">"Minh họa"</span> " Ranh giới minh họa (chưa đo đạc)."</p>
                    })}
                    <p>
                        {match stored.office {
                            Some([x, y]) => format!("Trụ sở: kinh độ {}, vĩ độ {}.", decimal_text(x), decimal_text(y)),
                            None => "Chưa có vị trí trụ sở.".to_owned(),
                        }}
                    </p>
                }
                .into_any(),
            }}
        </section>
        {(!allowed).then(|| view! {
            <p class="notice">"Chỉ quản trị viên của đơn vị (hoặc quản trị quận) mới cập nhật được ranh giới."</p>
        })}
        {move || error.get().map(|error| view! { <ErrorMessage error /> })}
        <form class="form boundary-form" on:submit=on_submit novalidate>
            <GeoJsonFileField
                id="rg-tep"
                label="Tệp ranh giới (GeoJSON)"
                hint="Tệp .geojson hoặc .json: một Polygon hoặc MultiPolygon (có thể trong một Feature), tọa độ theo thứ tự [kinh độ, vĩ độ], vòng khép kín."
                message=boundary_message
                disabled=locked
                on_read
            />
            <p class="chosen-file" role="status">
                {move || match chosen.get() {
                    Some((name, value)) => format!("Đã chọn tệp {name}: {} điểm.", point_count(&value)),
                    None if stored.with(Option::is_some) => "Chưa chọn tệp mới: giữ ranh giới hiện có.".to_owned(),
                    None => String::new(),
                }}
            </p>
            <fieldset class="kind-fields office-fields">
                <legend>"Vị trí trụ sở"</legend>
                <GroupMessage message=message("office") />
                <TextField
                    id="rg-kinh-do"
                    label="Kinh độ"
                    value=longitude
                    message=message("office.longitude")
                    locked
                    input=Input::Decimal
                    placeholder="106,665"
                />
                <TextField
                    id="rg-vi-do"
                    label="Vĩ độ"
                    value=latitude
                    message=message("office.latitude")
                    locked
                    input=Input::Decimal
                    placeholder="10,775"
                />
            </fieldset>
            <div class="field checkbox-field">
                <input
                    id="rg-minh-hoa"
                    type="checkbox"
                    bind:checked=illustrative
                    disabled=move || locked.get()
                    aria-describedby="rg-minh-hoa-huong-dan"
                />
                <label for="rg-minh-hoa">"Ranh giới minh họa (chưa đo đạc)"</label>
                <p id="rg-minh-hoa-huong-dan" class="field-hint">
                    "Bản đồ sẽ ghi rõ ranh giới chỉ mang tính minh họa."
                </p>
            </div>
            <div class="form-actions">
                <button type="submit" class="button button-primary" disabled=move || locked.get()>
                    "Lưu ranh giới"
                </button>
                {move || pending.get().then(|| view! { <span class="loading" role="status">"Đang lưu…"</span> })}
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_office_point_is_both_coordinates_or_none() {
        let mut errors = Vec::new();
        assert_eq!(
            read_office("106,665", " 10.775 ", &mut errors),
            Some([106.665, 10.775])
        );
        assert_eq!(read_office("", " ", &mut errors), None);
        assert!(errors.is_empty());
        assert_eq!(read_office("106,665", "", &mut errors), None);
        assert_eq!(read_office("đông", "10", &mut errors), None);
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["office.latitude", "office.longitude"]);
    }
}

//! Announcements: when they stop being current, in Vietnam's time.

use chrono::{DateTime, FixedOffset};
use leptos::prelude::*;
use openapi::FieldError;
use openapi::content::ContentDetails;

use crate::api::ApiError;
use crate::components::field_message::path_message;
use crate::components::text_field::{Input, TextField};
use crate::text::form_values::{instant_parts, read_instant};

const FIELD: &str = "details.expires_at";

#[derive(Clone, Copy)]
pub struct ExpiryForm {
    pub day: RwSignal<String>,
    pub time: RwSignal<String>,
}

impl ExpiryForm {
    pub fn new(details: &ContentDetails) -> ExpiryForm {
        let (day, time) = details
            .expires_at
            .as_ref()
            .map(instant_parts)
            .unwrap_or_default();
        ExpiryForm {
            day: RwSignal::new(day),
            time: RwSignal::new(time),
        }
    }

    pub fn read(self, errors: &mut Vec<FieldError>) -> Option<DateTime<FixedOffset>> {
        read_instant(
            &self.day.get_untracked(),
            &self.time.get_untracked(),
            FIELD,
            errors,
        )
    }
}

#[component]
pub fn ExpiryField(
    form: ExpiryForm,
    locked: Signal<bool>,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    view! {
        <fieldset class="kind-fields date-time">
            <legend>"Hết hạn lúc (giờ Việt Nam, không bắt buộc)"</legend>
            <TextField
                id="het-han-ngay"
                label="Ngày hết hạn (ngày/tháng/năm)"
                value=form.day
                message=path_message(error, FIELD.to_owned())
                locked
                input=Input::Numeric
                placeholder="05/12/2026"
            />
            <TextField
                id="het-han-gio"
                label="Giờ hết hạn (giờ:phút)"
                value=form.time
                message=Signal::stored(None)
                locked
                input=Input::Numeric
                placeholder="17:00"
                hint="Để trống: hết ngày đó (23:59)."
            />
        </fieldset>
    }
}

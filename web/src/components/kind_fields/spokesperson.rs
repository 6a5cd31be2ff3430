//! The spokesperson: who speaks for the unit, how to reach them, since when.

use chrono::NaiveDate;
use leptos::prelude::*;
use openapi::FieldError;
use openapi::spokesperson::Spokesperson;

use crate::api::ApiError;
use crate::components::field_message::{GroupMessage, path_message};
use crate::components::text_field::{Input, TextField};
use crate::text::form_values::{day_text, read_day};

const PREFIX: &str = "details.spokesperson";

#[derive(Clone, Copy)]
pub struct SpokespersonForm {
    pub name: RwSignal<String>,
    pub position: RwSignal<String>,
    pub phone: RwSignal<String>,
    pub email: RwSignal<String>,
    pub valid_from: RwSignal<String>,
    pub valid_to: RwSignal<String>,
}

impl SpokespersonForm {
    pub fn new(person: Option<&Spokesperson>) -> SpokespersonForm {
        let text =
            |pick: fn(&Spokesperson) -> String| RwSignal::new(person.map(pick).unwrap_or_default());
        SpokespersonForm {
            name: text(|p| p.name.clone()),
            position: text(|p| p.position.clone()),
            phone: text(|p| p.phone.clone()),
            email: text(|p| p.email.clone()),
            valid_from: text(|p| day_text(p.valid_from)),
            valid_to: text(|p| p.valid_to.map(day_text).unwrap_or_default()),
        }
    }

    pub fn read(self, errors: &mut Vec<FieldError>) -> Spokesperson {
        let valid_from = read_day(
            &self.valid_from.get_untracked(),
            &format!("{PREFIX}.valid_from"),
            true,
            errors,
        );
        let valid_to = read_day(
            &self.valid_to.get_untracked(),
            &format!("{PREFIX}.valid_to"),
            false,
            errors,
        );
        Spokesperson {
            name: self.name.get_untracked(),
            position: self.position.get_untracked(),
            phone: self.phone.get_untracked(),
            email: self.email.get_untracked(),
            valid_from: valid_from.unwrap_or(NaiveDate::MIN),
            valid_to,
        }
    }
}

#[component]
pub fn SpokespersonFields(
    form: SpokespersonForm,
    locked: Signal<bool>,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    let message = move |name: &str| path_message(error, format!("{PREFIX}.{name}"));
    view! {
        <fieldset class="kind-fields">
            <legend>"Người phát ngôn"</legend>
            <GroupMessage message=path_message(error, PREFIX.to_owned()) />
            <TextField id="npn-ho-ten" label="Họ và tên" value=form.name message=message("name") locked />
            <TextField
                id="npn-chuc-vu"
                label="Chức vụ"
                value=form.position
                message=message("position")
                locked
                placeholder="Chủ tịch Ủy ban nhân dân phường"
            />
            <TextField
                id="npn-dien-thoai"
                label="Điện thoại"
                value=form.phone
                message=message("phone")
                locked
                input=Input::Tel
            />
            <TextField
                id="npn-thu-dien-tu"
                label="Thư điện tử"
                value=form.email
                message=message("email")
                locked
                input=Input::Email
            />
            <TextField
                id="npn-tu-ngay"
                label="Phát ngôn từ ngày (ngày/tháng/năm)"
                value=form.valid_from
                message=message("valid_from")
                locked
                input=Input::Numeric
                placeholder="01/01/2026"
            />
            <TextField
                id="npn-den-ngay"
                label="Đến ngày (ngày/tháng/năm)"
                value=form.valid_to
                message=message("valid_to")
                locked
                input=Input::Numeric
                hint="Để trống khi người này còn đảm nhiệm."
            />
        </fieldset>
    }
}

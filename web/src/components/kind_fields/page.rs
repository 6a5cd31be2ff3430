//! Pages: their place in the ward's menu.

use leptos::prelude::*;
use openapi::FieldError;
use openapi::content::ContentDetails;

use crate::api::ApiError;
use crate::components::field_message::path_message;
use crate::components::text_field::{Input, TextField};
use crate::text::form_values::read_whole;

#[derive(Clone, Copy)]
pub struct MenuForm {
    pub order: RwSignal<String>,
}

impl MenuForm {
    pub fn new(details: &ContentDetails) -> MenuForm {
        MenuForm {
            order: RwSignal::new(
                details
                    .menu_order
                    .map(|o| o.to_string())
                    .unwrap_or_default(),
            ),
        }
    }

    pub fn read(self, errors: &mut Vec<FieldError>) -> Option<i32> {
        read_whole(&self.order.get_untracked(), "details.menu_order", errors)
    }
}

#[component]
pub fn MenuOrderField(
    form: MenuForm,
    locked: Signal<bool>,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    view! {
        <div class="kind-fields">
            <TextField
                id="thu-tu-menu"
                label="Thứ tự trong menu"
                value=form.order
                message=path_message(error, "details.menu_order".to_owned())
                locked
                input=Input::Numeric
                hint="Số từ 0 đến 999, nhỏ đứng trước. Để trống thì trang không có trong menu."
            />
        </div>
    }
}

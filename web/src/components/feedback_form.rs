//! The feedback form of a ward site: checked in the browser the way the server
//! checks it, sent once per form fill (the same `Idempotency-Key` for a retry of the
//! same text), each problem shown beside its field.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use openapi::FieldError;
use openapi::feedback::{
    FeedbackCategory, FeedbackLocation, FeedbackReceipt, NewFeedback, PRIVACY_POLICY_VERSION,
};
use wasm_bindgen::JsCast;

use crate::api::{self, ApiError};
use crate::browser::random::new_idempotency_key;
use crate::components::error_message::ErrorMessage;
use crate::components::field_message::{FieldMessage, described_by, field_message};
use crate::components::location_field::LocationField;
use crate::components::photo_field::{Photo, PhotoField, any_uploading, uploaded_ids};
use crate::components::text_field::{Input, TextField};
use crate::state::site::use_site;
use crate::text::attempt::Attempt;
use crate::text::feedback::content_count_text;

/// Each field the server may name, with the id of the input that shows its message,
/// in the order of the form: the first one named gets the keyboard.
const FIELDS: [(&str, &str); 10] = [
    ("category", "linh-vuc"),
    ("title", "tieu-de"),
    ("content", "noi-dung-gui"),
    ("location.address", "dia-chi"),
    ("location", "dia-chi"),
    ("photos", "anh"),
    ("contact_name", "ho-ten"),
    ("contact_phone", "dien-thoai"),
    ("contact_email", "thu-dien-tu"),
    ("consent", "dong-y"),
];

#[component]
pub fn FeedbackForm(
    categories: Vec<FeedbackCategory>,
    on_sent: Callback<FeedbackReceipt>,
) -> impl IntoView {
    let unit = use_site().unit.slug;
    let category = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let content = RwSignal::new(String::new());
    let address = RwSignal::new(String::new());
    let point = RwSignal::new(None::<(f64, f64)>);
    let photos = RwSignal::new(Vec::<Photo>::new());
    let contact_name = RwSignal::new(String::new());
    let contact_phone = RwSignal::new(String::new());
    let contact_email = RwSignal::new(String::new());
    let consent = RwSignal::new(false);
    let private = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let attempt = StoredValue::new(Attempt::default());
    let locked = Signal::derive(move || pending.get());

    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        if photos.with_untracked(|photos| any_uploading(photos)) {
            error.set(Some(ApiError::invalid_fields(vec![FieldError::new(
                "photos",
                "uploading",
                "Vui lòng chờ ảnh tải lên xong rồi gửi",
            )])));
            focus("anh");
            return;
        }
        let text = |signal: RwSignal<String>| {
            let value = signal.get_untracked().trim().to_owned();
            (!value.is_empty()).then_some(value)
        };
        let address = text(address);
        let point = point.get_untracked();
        let location = (address.is_some() || point.is_some()).then(|| FeedbackLocation {
            address,
            latitude: point.map(|(latitude, _)| latitude),
            longitude: point.map(|(_, longitude)| longitude),
        });
        let body = NewFeedback {
            category: category.get_untracked(),
            title: title.get_untracked(),
            content: content.get_untracked(),
            location,
            photos: photos.with_untracked(|photos| {
                let ids = uploaded_ids(photos);
                (!ids.is_empty()).then_some(ids)
            }),
            contact_name: contact_name.get_untracked(),
            contact_phone: text(contact_phone),
            contact_email: text(contact_email),
            consent: consent.get_untracked(),
            public: Some(!private.get_untracked()),
        };
        if let Err(mut errors) = body.parse() {
            if body.category.is_empty() {
                // "Required" says less than naming the list to choose from.
                errors.retain(|error| error.field != "category");
                errors.insert(
                    0,
                    FieldError::new("category", "required", "Vui lòng chọn lĩnh vực phản ánh"),
                );
            }
            let failure = ApiError::invalid_fields(errors);
            focus_first_named(&failure);
            error.set(Some(failure));
            return;
        }
        let sent = serde_json::to_string(&body).ok();
        let key = attempt
            .try_update_value(|attempt| attempt.key_for(sent, new_idempotency_key))
            .unwrap_or_else(new_idempotency_key);
        let unit = unit.clone();
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            let result = api::feedback::submit(&unit, &key, &body).await;
            pending.set(false);
            match result {
                Ok(receipt) => on_sent.run(receipt),
                Err(failure) => {
                    focus_first_named(&failure);
                    error.set(Some(failure));
                }
            }
        });
    };

    let message = move |field: &'static str| field_message(error, field);
    let summary = move || {
        error.get().map(|failure| {
            let named = FIELDS
                .iter()
                .filter(|(field, _)| failure.field_message(field).is_some())
                .count();
            if named > 0 {
                view! {
                    <div class="alert alert-error" role="alert">
                        <p class="alert-title">
                            {format!("Vui lòng kiểm tra lại {named} mục được đánh dấu bên dưới.")}
                        </p>
                    </div>
                }
                .into_any()
            } else {
                view! { <ErrorMessage error=failure /> }.into_any()
            }
        })
    };
    let category_message = message("category");
    let content_message = message("content");
    let consent_message = message("consent");
    let photos_message = Signal::derive(move || {
        error.with(|error| {
            error
                .as_ref()
                .and_then(|error| error.message_under("photos"))
        })
    });
    let point_message = message("location");
    view! {
        {summary}
        <form class="form feedback-form" on:submit=submit novalidate>
            <div class="field">
                <label for="linh-vuc">"Lĩnh vực"</label>
                <select
                    id="linh-vuc"
                    required
                    disabled=move || locked.get()
                    on:change=move |event| category.set(event_target_value(&event))
                    aria-invalid=move || category_message.get().map(|_| "true")
                    aria-describedby=described_by("linh-vuc", category_message)
                >
                    <option value="" prop:selected=move || category.get().is_empty()>
                        "— Chọn lĩnh vực —"
                    </option>
                    {categories
                        .into_iter()
                        .map(|choice| {
                            let code = choice.code.clone();
                            view! {
                                <option
                                    value=choice.code
                                    prop:selected=move || category.with(|chosen| *chosen == code)
                                >
                                    {choice.name}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <FieldMessage field_id="linh-vuc" message=category_message />
            </div>
            <TextField
                id="tieu-de"
                label="Tiêu đề"
                value=title
                message=message("title")
                locked
                hint="Tóm tắt sự việc trong một câu (tối đa 200 ký tự)."
            />
            <div class="field">
                <label for="noi-dung-gui">"Nội dung"</label>
                <textarea
                    id="noi-dung-gui"
                    rows="6"
                    required
                    bind:value=content
                    disabled=move || locked.get()
                    aria-invalid=move || content_message.get().map(|_| "true")
                    aria-describedby=move || {
                        match content_message.get() {
                            Some(_) => "noi-dung-gui-huong-dan noi-dung-gui-dem noi-dung-gui-loi",
                            None => "noi-dung-gui-huong-dan noi-dung-gui-dem",
                        }
                    }
                ></textarea>
                <p id="noi-dung-gui-huong-dan" class="field-hint">
                    "Mô tả sự việc, thời gian, mức độ ảnh hưởng (ít nhất 20 ký tự)."
                </p>
                <p id="noi-dung-gui-dem" class="field-hint char-count">
                    {move || content.with(|content| content_count_text(content))}
                </p>
                <FieldMessage field_id="noi-dung-gui" message=content_message />
            </div>
            <LocationField
                address
                point
                locked
                address_message=message("location.address")
                point_message
            />
            <PhotoField photos locked message=photos_message />
            <fieldset class="contact-fields">
                <legend>"Thông tin liên hệ (không công khai)"</legend>
                <TextField
                    id="ho-ten"
                    label="Họ và tên"
                    value=contact_name
                    message=message("contact_name")
                    locked
                    autocomplete="name"
                />
                <TextField
                    id="dien-thoai"
                    label="Số điện thoại"
                    value=contact_phone
                    message=message("contact_phone")
                    locked
                    input=Input::Tel
                    hint="Cần số điện thoại hoặc thư điện tử để nhận trả lời và tra cứu."
                    autocomplete="tel"
                />
                <TextField
                    id="thu-dien-tu"
                    label="Thư điện tử"
                    value=contact_email
                    message=message("contact_email")
                    locked
                    input=Input::Email
                    autocomplete="email"
                />
            </fieldset>
            <section class="privacy-notice" aria-labelledby="thong-bao-du-lieu">
                <h2 id="thong-bao-du-lieu">"Thông báo về xử lý dữ liệu cá nhân"</h2>
                <p id="thong-bao-du-lieu-noi-dung">
                    "Họ tên, số điện thoại và thư điện tử của bạn chỉ được dùng để tiếp nhận, xử lý, "
                    "trả lời phản ánh và để bạn tra cứu; không bao giờ được công khai. Trước khi đăng "
                    "câu trả lời, số điện thoại, thư điện tử, số định danh cá nhân và họ tên của bạn "
                    "trong nội dung được tự động che. "
                    {format!("(Phiên bản {PRIVACY_POLICY_VERSION})")}
                </p>
            </section>
            <div class="field check-field consent-field">
                <input
                    id="dong-y"
                    type="checkbox"
                    required
                    bind:checked=consent
                    disabled=move || locked.get()
                    aria-invalid=move || consent_message.get().map(|_| "true")
                    aria-describedby=move || {
                        match consent_message.get() {
                            Some(_) => "thong-bao-du-lieu-noi-dung dong-y-loi",
                            None => "thong-bao-du-lieu-noi-dung",
                        }
                    }
                />
                <label for="dong-y">"Tôi đồng ý cho phường xử lý thông tin cá nhân như trên"</label>
                <FieldMessage field_id="dong-y" message=consent_message />
            </div>
            <div class="field check-field">
                <input
                    id="rieng-tu"
                    type="checkbox"
                    bind:checked=private
                    disabled=move || locked.get()
                    aria-describedby="rieng-tu-huong-dan"
                />
                <label for="rieng-tu">"Không công khai phản ánh này"</label>
                <p id="rieng-tu-huong-dan" class="field-hint">
                    "Phường vẫn xử lý và trả lời riêng cho bạn, nhưng không đăng phản ánh và câu trả lời lên trang."
                </p>
            </div>
            <div class="form-actions">
                <button
                    type="submit"
                    class="button button-primary"
                    aria-disabled=move || pending.get().then_some("true")
                >
                    "Gửi phản ánh"
                </button>
                {move || pending.get().then(|| view! { <span class="loading" role="status">"Đang gửi…"</span> })}
            </div>
        </form>
    }
}

/// Puts the keyboard on the first field the failure names.
fn focus_first_named(failure: &ApiError) {
    if let Some((_, id)) = FIELDS
        .iter()
        .find(|(field, _)| failure.message_under(field).is_some())
    {
        focus(id);
    }
}

fn focus(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

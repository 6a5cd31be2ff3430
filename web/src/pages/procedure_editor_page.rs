//! "/quan-tri/thu-tuc/:code": a ward admin edits a procedure and its online form:
//! fields added, removed and moved, each with its type, options, range, accepted
//! files and whether it is required. The draft is checked in the browser as the
//! server checks it; either's problems show beside their inputs. Saving makes a new
//! version; dossiers filed earlier keep theirs.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_params_map};
use openapi::procedures::{FILE_TYPES, FieldType, OnlineLevel, Procedure};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::api::{self, ApiError};
use crate::components::api_errors::ApiErrors;
use crate::components::document_title::DocumentTitle;
use crate::components::error_message::ErrorMessage;
use crate::components::field_message::path_message;
use crate::components::kind_fields::focus_later;
use crate::components::loading::Loading;
use crate::components::text_field::{Input, SelectField, TextField};
use crate::pages::procedure_admin_list_page::may_edit_procedures;
use crate::state::flash::use_flash;
use crate::state::session::use_session;
use crate::state::site::use_site;
use crate::text::procedures::{DefinitionDraft, FieldDraft, move_one, procedure_href};

#[component]
pub fn ProcedureEditorPage() -> impl IntoView {
    let session = use_session();
    let site = use_site();
    let allowed = session
        .me()
        .is_some_and(|me| may_edit_procedures(&me, &site));
    let unit = site.unit.slug;
    let params = use_params_map();
    let code = Memo::new(move |_| params.with(|params| params.get("code").unwrap_or_default()));
    let procedure = LocalResource::new(move || {
        let unit = unit.clone();
        let code = code.get();
        async move { api::procedures::get(&unit, &code).await }
    });
    view! {
        <p class="back-link">
            <A href="/quan-tri/thu-tuc"><span aria-hidden="true">"← "</span>"Thủ tục hành chính"</A>
        </p>
        {if allowed {
            Some(view! {
                <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
                    <Suspense fallback=Loading>
                        {move || Suspend::new(async move {
                            procedure.await.map(|procedure| view! { <ProcedureEditor procedure /> })
                        })}
                    </Suspense>
                </ErrorBoundary>
            })
        } else {
            None
        }}
        {(!allowed).then(|| view! {
            <h1>"Sửa thủ tục"</h1>
            <p class="lead">"Chỉ quản trị viên của phường sửa được thủ tục và biểu mẫu."</p>
        })}
    }
}

/// One field of the form in the editor, each setting its own signal so typing in one
/// input never redraws the others.
#[derive(Debug, Clone, Copy)]
struct FieldRow {
    /// Stable across moves, for the keyed list.
    id: u64,
    key: RwSignal<String>,
    label: RwSignal<String>,
    field_type: RwSignal<FieldType>,
    required: RwSignal<bool>,
    options: RwSignal<String>,
    min: RwSignal<String>,
    max: RwSignal<String>,
    accept: RwSignal<Vec<String>>,
}

impl FieldRow {
    fn new(id: u64, draft: FieldDraft) -> FieldRow {
        FieldRow {
            id,
            key: RwSignal::new(draft.key),
            label: RwSignal::new(draft.label),
            field_type: RwSignal::new(draft.field_type),
            required: RwSignal::new(draft.required),
            options: RwSignal::new(draft.options),
            min: RwSignal::new(draft.min),
            max: RwSignal::new(draft.max),
            accept: RwSignal::new(draft.accept),
        }
    }

    fn draft(&self) -> FieldDraft {
        FieldDraft {
            key: self.key.get_untracked(),
            label: self.label.get_untracked(),
            field_type: self.field_type.get_untracked(),
            required: self.required.get_untracked(),
            options: self.options.get_untracked(),
            min: self.min.get_untracked(),
            max: self.max.get_untracked(),
            accept: self.accept.get_untracked(),
        }
    }
}

/// The "Thêm trường" button, where the keyboard goes when a field is removed.
const ADD_FIELD_ID: &str = "them-truong";

/// The ids of a field's inputs and buttons start with this.
fn row_prefix(id: u64) -> String {
    format!("truong-{id}")
}

/// What the editor needs to reach a field's row and its messages.
#[derive(Clone, Copy)]
struct FormRows {
    rows: RwSignal<Vec<FieldRow>>,
    error: RwSignal<Option<ApiError>>,
    locked: Signal<bool>,
    /// What the last move, addition or removal did, read out by screen readers.
    said: RwSignal<String>,
}

impl FormRows {
    fn position(self, id: u64) -> Option<usize> {
        self.rows
            .with(|rows| rows.iter().position(|row| row.id == id))
    }

    /// The message the browser or server gave for `form[i].part` of this row.
    fn message(self, id: u64, part: &'static str) -> Signal<Option<String>> {
        Signal::derive(move || {
            let index = self.position(id)?;
            let path = format!("form[{index}].{part}");
            self.error
                .with(|error| error.as_ref().and_then(|error| error.field_message(&path)))
        })
    }

    /// Moves or removes a row; messages named by index no longer fit, so they go.
    fn change(self, change: impl FnOnce(&mut Vec<FieldRow>)) {
        self.rows.update(change);
        self.error.set(None);
    }
}

#[component]
fn ProcedureEditor(procedure: Procedure) -> impl IntoView {
    let session = use_session();
    let flash = use_flash();
    let pathname = use_location().pathname;
    let unit = use_site().unit.slug;
    let draft = DefinitionDraft::from_definition(&procedure.definition);
    let code = draft.code.clone();
    let version = RwSignal::new(procedure.version);
    let name = RwSignal::new(draft.name);
    let field = RwSignal::new(draft.field);
    let legal_basis = RwSignal::new(draft.legal_basis);
    let agency = RwSignal::new(draft.agency);
    let documents = RwSignal::new(draft.required_documents);
    let same_day = RwSignal::new(draft.same_day);
    let working_days = RwSignal::new(draft.working_days);
    let if_verification = RwSignal::new(draft.working_days_if_verification);
    let fee_amount = RwSignal::new(draft.fee_amount);
    let fee_text = RwSignal::new(draft.fee_text);
    let online_level = RwSignal::new(draft.online_level);
    let note = RwSignal::new(draft.note);
    let next_id = StoredValue::new(draft.form.len() as u64);
    let rows = RwSignal::new(
        draft
            .form
            .into_iter()
            .enumerate()
            .map(|(index, field)| FieldRow::new(index as u64, field))
            .collect::<Vec<_>>(),
    );
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let locked = Signal::derive(move || pending.get());
    let said = RwSignal::new(String::new());
    let form_rows = FormRows {
        rows,
        error,
        locked,
        said,
    };
    let message = move |path: &str| path_message(error, path.to_owned());
    let read_draft = {
        let code = code.clone();
        move || DefinitionDraft {
            code: code.clone(),
            name: name.get_untracked(),
            field: field.get_untracked(),
            legal_basis: legal_basis.get_untracked(),
            agency: agency.get_untracked(),
            required_documents: documents.get_untracked(),
            same_day: same_day.get_untracked(),
            working_days: working_days.get_untracked(),
            working_days_if_verification: if_verification.get_untracked(),
            fee_amount: fee_amount.get_untracked(),
            fee_text: fee_text.get_untracked(),
            online_level: online_level.get_untracked(),
            note: note.get_untracked(),
            form: rows.with_untracked(|rows| rows.iter().map(FieldRow::draft).collect()),
        }
    };
    let read_for_preview = read_draft.clone();
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let definition = match read_draft().read() {
            Ok(definition) => definition,
            Err(problems) => {
                error.set(Some(ApiError::invalid_fields(problems)));
                focus_first_invalid(None);
                return;
            }
        };
        // Inputs are disabled while saving, and a disabled input loses the keyboard:
        // it comes back afterwards.
        let had_focus = focused_id();
        pending.set(true);
        error.set(None);
        let unit = unit.clone();
        spawn_local(async move {
            let saved = session
                .authorized(|token| {
                    let (unit, definition) = (unit.clone(), definition.clone());
                    async move { api::procedures::update(&token, &unit, &definition).await }
                })
                .await;
            pending.set(false);
            match saved {
                Ok(procedure) => {
                    version.set(procedure.version);
                    flash.show(
                        pathname.get_untracked(),
                        format!("Đã lưu thủ tục, phiên bản {}.", procedure.version),
                    );
                    restore_focus(had_focus);
                }
                Err(failure) => {
                    error.set(Some(failure));
                    focus_first_invalid(had_focus);
                }
            }
        });
    };
    let add_field = move |_| {
        let id = next_id.get_value();
        next_id.set_value(id + 1);
        form_rows.change(|rows| rows.push(FieldRow::new(id, FieldDraft::blank())));
        let count = rows.with_untracked(Vec::len);
        said.set(format!("Đã thêm trường {count}."));
        focus_later(format!("{}-nhan", row_prefix(id)));
    };
    // Tracks the three inputs the time limit is read from.
    let time_preview = move || {
        DefinitionDraft {
            same_day: same_day.get(),
            working_days: working_days.get(),
            working_days_if_verification: if_verification.get(),
            ..read_for_preview()
        }
        .processing_time()
    };
    let levels = [OnlineLevel::Full, OnlineLevel::Partial]
        .into_iter()
        .map(|level| (level, level.label().to_owned()))
        .collect::<Vec<_>>();
    view! {
        <DocumentTitle page=format!("Sửa thủ tục {}", procedure.definition.name) />
        <h1>"Sửa thủ tục"</h1>
        <p class="lead">
            {procedure.definition.code.clone()} " · phiên bản hiện tại: " {move || version.get()} " · "
            <a href=procedure_href(&code)>"Xem trang công khai"</a>
        </p>
        <form class="form procedure-editor" on:submit=on_submit novalidate>
            {move || error.get().map(|error| view! { <ErrorMessage error /> })}
            <fieldset>
                <legend>"Thông tin thủ tục"</legend>
                <TextField id="thu-tuc-ten" label="Tên thủ tục" value=name message=message("name") locked />
                <TextField id="thu-tuc-linh-vuc" label="Lĩnh vực" value=field message=message("field") locked />
                <TextField id="thu-tuc-co-quan" label="Cơ quan giải quyết" value=agency message=message("agency") locked />
                <TextField
                    id="thu-tuc-can-cu"
                    label="Căn cứ pháp lý"
                    value=legal_basis
                    message=message("legal_basis")
                    locked
                    input=Input::Multiline
                />
                <TextField
                    id="thu-tuc-giay-to"
                    label="Giấy tờ cần chuẩn bị"
                    value=documents
                    message=Signal::derive(move || {
                        error.with(|e| e.as_ref().and_then(|e| e.message_under("required_documents")))
                    })
                    locked
                    input=Input::Multiline
                    hint="Mỗi giấy tờ một dòng."
                />
            </fieldset>
            <fieldset>
                <legend>"Thời hạn và lệ phí"</legend>
                <div class="field checkbox-field">
                    <input id="thu-tuc-trong-ngay" type="checkbox" bind:checked=same_day disabled=move || locked.get() />
                    <label for="thu-tuc-trong-ngay">"Giải quyết trong ngày"</label>
                </div>
                <TextField
                    id="thu-tuc-so-ngay"
                    label="Thời hạn (ngày làm việc)"
                    value=working_days
                    message=message("processing_working_days")
                    locked=Signal::derive(move || locked.get() || same_day.get())
                    input=Input::Numeric
                />
                <TextField
                    id="thu-tuc-so-ngay-xac-minh"
                    label="Thời hạn khi phải xác minh (ngày làm việc, có thể để trống)"
                    value=if_verification
                    message=message("processing_working_days_if_verification")
                    locked
                    input=Input::Numeric
                />
                <p class="field-hint" aria-live="polite">"Hiển thị: " {time_preview}</p>
                <TextField
                    id="thu-tuc-le-phi-so-tien"
                    label="Lệ phí (đồng; để trống nếu theo nghị quyết HĐND)"
                    value=fee_amount
                    message=message("fee.amount_vnd")
                    locked
                    input=Input::Numeric
                />
                <TextField id="thu-tuc-le-phi" label="Lệ phí (diễn giải)" value=fee_text message=message("fee.text") locked />
                <SelectField
                    id="thu-tuc-muc-do"
                    label="Mức độ trực tuyến"
                    value=online_level
                    options=levels
                    locked
                />
                <TextField id="thu-tuc-luu-y" label="Lưu ý (có thể để trống)" value=note message=message("note") locked input=Input::Multiline />
            </fieldset>
            <fieldset>
                <legend>"Biểu mẫu trực tuyến"</legend>
                {move || {
                    error.with(|e| e.as_ref().and_then(|e| e.field_message("form")))
                        .map(|text| view! { <p class="field-error" role="alert">{text}</p> })
                }}
                <ol class="form-field-list">
                    <For each=move || rows.get() key=|row: &FieldRow| row.id let:row>
                        <FieldEditor row form_rows />
                    </For>
                </ol>
                <button
                    type="button"
                    id=ADD_FIELD_ID
                    class="button button-secondary"
                    on:click=add_field
                    disabled=move || locked.get()
                >
                    "Thêm trường"
                </button>
                <p class="visually-hidden" role="status">{move || said.get()}</p>
            </fieldset>
            <div class="form-actions">
                // aria-disabled, not disabled: a disabled button would drop the keyboard.
                <button
                    type="submit"
                    class="button button-primary"
                    aria-disabled=move || pending.get().then_some("true")
                >
                    "Lưu thành phiên bản mới"
                </button>
                {move || pending.get().then(|| view! { <span class="loading" role="status">"Đang lưu…"</span> })}
            </div>
        </form>
    }
}

/// One field of the form: its settings, and buttons to move it or take it out.
#[component]
fn FieldEditor(row: FieldRow, form_rows: FormRows) -> impl IntoView {
    let id = row.id;
    let locked = form_rows.locked;
    let prefix = row_prefix(id);
    let number = move || form_rows.position(id).map(|index| index + 1).unwrap_or(0);
    let count = move || form_rows.rows.with(Vec::len);
    let title = move || {
        let label = row.label.get();
        if label.trim().is_empty() {
            format!("Trường {}", number())
        } else {
            format!("Trường {}: {label}", number())
        }
    };
    let up_id = format!("{prefix}-len");
    let down_id = format!("{prefix}-xuong");
    // The moved row's DOM is moved too, which drops the keyboard: it goes back to the
    // same button, or to the other one when this one no longer applies (top, bottom).
    let move_by = {
        let (up_id, down_id) = (up_id.clone(), down_id.clone());
        move |up: bool| {
            let Some(index) = form_rows.position(id) else {
                return;
            };
            let mut moved = false;
            form_rows.change(|rows| moved = move_one(rows, index, up));
            if !moved {
                return;
            }
            let (now, last) = (number(), form_rows.rows.with_untracked(Vec::len));
            let button = match (up, now) {
                (true, 1) => &down_id,
                (true, _) => &up_id,
                (false, now) if now == last => &up_id,
                (false, _) => &down_id,
            };
            focus_later(button.clone());
            form_rows.said.set(format!(
                "Đã chuyển {} tới vị trí {now} trên {last}.",
                row_name(row)
            ));
        }
    };
    let remove = move |_| {
        let name = row_name(row);
        form_rows.change(|rows| rows.retain(|other| other.id != id));
        let left = form_rows.rows.with_untracked(Vec::len);
        form_rows
            .said
            .set(format!("Đã xóa {name}. Còn {left} trường."));
        focus_later(ADD_FIELD_ID.to_owned());
    };
    let types = FieldType::ALL
        .into_iter()
        .map(|field_type| (field_type, field_type.label().to_owned()))
        .collect::<Vec<_>>();
    let options_id = format!("{prefix}-lua-chon");
    let number_prefix = prefix.clone();
    let file_prefix = prefix.clone();
    view! {
        <li class="form-field-editor">
            <fieldset>
                <legend>{title}</legend>
                <TextField
                    id=format!("{prefix}-nhan")
                    label="Nhãn hiển thị"
                    value=row.label
                    message=form_rows.message(id, "label")
                    locked
                />
                <TextField
                    id=format!("{prefix}-ma")
                    label="Mã trường"
                    value=row.key
                    message=form_rows.message(id, "key")
                    locked
                    hint="Chữ thường không dấu, chữ số và dấu gạch dưới, ví dụ child_name."
                />
                <SelectField
                    id=format!("{prefix}-loai")
                    label="Loại trường"
                    value=row.field_type
                    options=types
                    locked
                />
                <div class="field checkbox-field">
                    <input
                        id=format!("{prefix}-bat-buoc")
                        type="checkbox"
                        bind:checked=row.required
                        disabled=move || locked.get()
                    />
                    <label for=format!("{prefix}-bat-buoc")>"Bắt buộc"</label>
                </div>
                {move || (row.field_type.get() == FieldType::Select).then(|| view! {
                    <TextField
                        id=options_id.clone()
                        label="Các lựa chọn"
                        value=row.options
                        message=form_rows.message(id, "options")
                        locked
                        input=Input::Multiline
                        hint="Mỗi lựa chọn một dòng, ít nhất hai."
                    />
                })}
                {move || (row.field_type.get() == FieldType::Number).then(|| view! {
                    <TextField
                        id=format!("{number_prefix}-nho-nhat")
                        label="Giá trị nhỏ nhất (có thể để trống)"
                        value=row.min
                        message=form_rows.message(id, "min")
                        locked
                        input=Input::Numeric
                    />
                    <TextField
                        id=format!("{number_prefix}-lon-nhat")
                        label="Giá trị lớn nhất (có thể để trống)"
                        value=row.max
                        message=form_rows.message(id, "max")
                        locked
                        input=Input::Numeric
                    />
                })}
                {move || (row.field_type.get() == FieldType::File).then(|| {
                    let prefix = file_prefix.clone();
                    let message = form_rows.message(id, "accept");
                    view! {
                        <fieldset class="field accept-types">
                            <legend>"Loại tệp được nhận"</legend>
                            {FILE_TYPES
                                .into_iter()
                                .map(|file_type| {
                                    let input_id = format!("{prefix}-{}", file_type.replace('/', "-"));
                                    let checked = move || row.accept.with(|accept| accept.iter().any(|a| a == file_type));
                                    let toggle = move |event: leptos::ev::Event| {
                                        let on = event_target_checked(&event);
                                        row.accept.update(|accept| {
                                            accept.retain(|a| a != file_type);
                                            if on {
                                                accept.push(file_type.to_owned());
                                            }
                                        });
                                    };
                                    view! {
                                        <div class="checkbox-field">
                                            <input
                                                id=input_id.clone()
                                                type="checkbox"
                                                prop:checked=checked
                                                on:change=toggle
                                                disabled=move || locked.get()
                                            />
                                            <label for=input_id>{file_type_label(file_type)}</label>
                                        </div>
                                    }
                                })
                                .collect_view()}
                            {move || message.get().map(|text| view! {
                                <p class="field-error" role="alert">{text}</p>
                            })}
                        </fieldset>
                    }
                })}
                <div class="form-field-actions">
                    <button
                        type="button"
                        id=up_id
                        class="button button-secondary"
                        on:click={
                            let move_by = move_by.clone();
                            move |_| move_by(true)
                        }
                        disabled=move || locked.get() || number() == 1
                    >
                        "Lên" <span class="visually-hidden">{title}</span>
                    </button>
                    <button
                        type="button"
                        id=down_id
                        class="button button-secondary"
                        on:click=move |_| move_by(false)
                        disabled=move || locked.get() || number() == count()
                    >
                        "Xuống" <span class="visually-hidden">{title}</span>
                    </button>
                    <button type="button" class="button button-danger" on:click=remove disabled=move || locked.get()>
                        "Xóa trường" <span class="visually-hidden">{title}</span>
                    </button>
                </div>
            </fieldset>
        </li>
    }
}

/// "Trường 3: Ngày sinh" (or "trường mới" before it has a label), for what is read out.
fn row_name(row: FieldRow) -> String {
    let label = row.label.get_untracked();
    if label.trim().is_empty() {
        "trường mới".to_owned()
    } else {
        format!("trường “{}”", label.trim())
    }
}

/// The id of the element that has the keyboard, if it has one.
fn focused_id() -> Option<String> {
    document()
        .active_element()
        .map(|element| element.id())
        .filter(|id| !id.is_empty())
}

/// Whether the keyboard is nowhere (on the page's body), as after its element was
/// disabled or moved.
fn focus_lost() -> bool {
    document()
        .active_element()
        .is_none_or(|active| active.tag_name() == "BODY")
}

fn focus_element(id: &str) {
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Gives the keyboard back to `id` once the screen settled, if it was lost meanwhile.
fn restore_focus(id: Option<String>) {
    request_animation_frame(move || {
        if let Some(id) = id.filter(|_| focus_lost()) {
            focus_element(&id);
        }
    });
}

/// Puts the keyboard on the first input, in the order of the page, that has a problem;
/// without one, gives it back to `fallback` if it was lost.
fn focus_first_invalid(fallback: Option<String>) {
    request_animation_frame(move || {
        let invalid = document()
            .query_selector(".procedure-editor [aria-invalid=\"true\"]")
            .ok()
            .flatten()
            .and_then(|element| element.dyn_into::<HtmlElement>().ok());
        match invalid {
            Some(element) => {
                let _ = element.focus();
            }
            None => restore_focus(fallback),
        }
    });
}

fn file_type_label(file_type: &str) -> &'static str {
    match file_type {
        "application/pdf" => "PDF",
        "image/jpeg" => "Ảnh JPEG",
        "image/png" => "Ảnh PNG",
        _ => "Khác",
    }
}

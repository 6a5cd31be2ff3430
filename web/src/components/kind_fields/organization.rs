//! The organization: its bodies (kind, name, telephone, functions) and each body's
//! people, as lists the editor adds to, removes from and reorders with buttons. The
//! order on screen is the display order sent.

use leptos::prelude::*;
use openapi::attachments::{Attachment, file_url};
use openapi::organization::{Body, BodyKind, Member, OrganizationFields};

use crate::api::ApiError;
use crate::components::field_message::{GroupMessage, path_message};
use crate::components::kind_fields::{focus_later, next_key};
use crate::components::text_field::{Input, SelectField, TextField};
use crate::components::upload_field::UploadField;

const PREFIX: &str = "details.organization.bodies";
const ADD_BODY: &str = "cq-them";

#[derive(Clone)]
struct MemberRow {
    key: u32,
    name: RwSignal<String>,
    position: RwSignal<String>,
    phone: RwSignal<String>,
    email: RwSignal<String>,
    /// The key of the uploaded photo.
    photo: RwSignal<Option<String>>,
}

#[derive(Clone)]
struct BodyRow {
    key: u32,
    kind: RwSignal<BodyKind>,
    name: RwSignal<String>,
    phone: RwSignal<String>,
    functions: RwSignal<String>,
    members: RwSignal<Vec<MemberRow>>,
}

fn text(value: &str) -> RwSignal<String> {
    RwSignal::new(value.to_owned())
}

fn optional(value: RwSignal<String>) -> Option<String> {
    Some(value.get_untracked()).filter(|v| !v.trim().is_empty())
}

impl MemberRow {
    fn new(member: Option<&Member>) -> MemberRow {
        MemberRow {
            key: next_key(),
            name: text(member.map_or("", |m| &m.name)),
            position: text(member.map_or("", |m| &m.position)),
            phone: text(member.and_then(|m| m.phone.as_deref()).unwrap_or_default()),
            email: text(member.and_then(|m| m.email.as_deref()).unwrap_or_default()),
            photo: RwSignal::new(member.and_then(|m| m.photo.clone())),
        }
    }
}

impl BodyRow {
    fn new(body: Option<&Body>) -> BodyRow {
        BodyRow {
            key: next_key(),
            kind: RwSignal::new(body.map_or(BodyKind::PeoplesCommittee, |b| b.kind)),
            name: text(body.map_or("", |b| &b.name)),
            phone: text(body.and_then(|b| b.phone.as_deref()).unwrap_or_default()),
            functions: text(body.map_or("", |b| &b.functions)),
            members: RwSignal::new(
                body.map(|b| b.members.iter().map(|m| MemberRow::new(Some(m))).collect())
                    .unwrap_or_default(),
            ),
        }
    }
}

#[derive(Clone, Copy)]
pub struct OrganizationForm {
    bodies: RwSignal<Vec<BodyRow>>,
}

impl OrganizationForm {
    pub fn new(fields: Option<&OrganizationFields>) -> OrganizationForm {
        OrganizationForm {
            bodies: RwSignal::new(
                fields
                    .map(|f| f.bodies.iter().map(|b| BodyRow::new(Some(b))).collect())
                    .unwrap_or_default(),
            ),
        }
    }

    pub fn read(self) -> OrganizationFields {
        let order = |index: usize| i32::try_from(index + 1).unwrap_or(i32::MAX);
        let bodies = self.bodies.with_untracked(|rows| {
            rows.iter()
                .enumerate()
                .map(|(b, row)| Body {
                    kind: row.kind.get_untracked(),
                    name: row.name.get_untracked(),
                    functions: row.functions.get_untracked(),
                    phone: optional(row.phone),
                    members: row.members.with_untracked(|members| {
                        members
                            .iter()
                            .enumerate()
                            .map(|(m, member)| Member {
                                name: member.name.get_untracked(),
                                position: member.position.get_untracked(),
                                phone: optional(member.phone),
                                email: optional(member.email),
                                photo: member.photo.get_untracked(),
                                display_order: order(m),
                            })
                            .collect()
                    }),
                    display_order: order(b),
                })
                .collect()
        });
        OrganizationFields { bodies }
    }
}

/// Moves the row with `key` one place up (`-1`) or down (`1`), if it can.
fn shift<T>(rows: &mut [T], key: u32, by: isize, key_of: impl Fn(&T) -> u32) {
    let Some(from) = rows.iter().position(|row| key_of(row) == key) else {
        return;
    };
    let to = from.checked_add_signed(by).filter(|to| *to < rows.len());
    if let Some(to) = to {
        rows.swap(from, to);
    }
}

/// "Lên", "Xuống", "Xóa" for one row; the screen reader hears which row.
#[component]
fn RowButtons(
    /// "cơ quan 2", "người 1 của cơ quan 2".
    what: Signal<String>,
    first: Signal<bool>,
    last: Signal<bool>,
    locked: Signal<bool>,
    on_move: Callback<isize>,
    on_remove: Callback<()>,
    /// The id of the "Lên" button; "Xuống" is this with `-xuong`.
    up_id: String,
) -> impl IntoView {
    let down_id = format!("{up_id}-xuong");
    view! {
        <div class="row-buttons">
            <button
                type="button"
                id=up_id
                class="button button-quiet"
                disabled=move || locked.get() || first.get()
                on:click=move |_| on_move.run(-1)
            >
                "Lên"<span class="visually-hidden">{move || format!(" ({})", what.get())}</span>
            </button>
            <button
                type="button"
                id=down_id
                class="button button-quiet"
                disabled=move || locked.get() || last.get()
                on:click=move |_| on_move.run(1)
            >
                "Xuống"<span class="visually-hidden">{move || format!(" ({})", what.get())}</span>
            </button>
            <button
                type="button"
                class="button button-quiet"
                disabled=move || locked.get()
                on:click=move |_| on_remove.run(())
            >
                "Xóa"<span class="visually-hidden">{move || format!(" {}", what.get())}</span>
            </button>
        </div>
    }
}

/// After a move the same row's button keeps the keyboard, or its other one when it
/// reached the end of the list.
fn refocus(up_id: String, by: isize, now_first: bool, now_last: bool) {
    let id = match (by < 0 && now_first, by > 0 && now_last) {
        (true, _) => format!("{up_id}-xuong"),
        (_, true) => up_id,
        _ if by < 0 => up_id,
        _ => format!("{up_id}-xuong"),
    };
    focus_later(id);
}

#[component]
pub fn OrganizationFieldsEditor(
    form: OrganizationForm,
    locked: Signal<bool>,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    let add = move |_| {
        let row = BodyRow::new(None);
        let focus = format!("cq-{}-loai", row.key);
        form.bodies.update(|rows| rows.push(row));
        focus_later(focus);
    };
    view! {
        <fieldset class="kind-fields organization-fields">
            <legend>"Cơ cấu tổ chức"</legend>
            <GroupMessage message=path_message(error, "details.organization".to_owned()) />
            <GroupMessage message=path_message(error, PREFIX.to_owned()) />
            <ol class="entry-list">
                <For
                    each=move || form.bodies.get()
                    key=|row| row.key
                    children=move |row| view! { <BodyFields form row locked error /> }
                />
            </ol>
            <button
                type="button"
                id=ADD_BODY
                class="button button-secondary"
                disabled=move || locked.get()
                on:click=add
            >
                "Thêm cơ quan, tổ chức"
            </button>
        </fieldset>
    }
}

#[component]
fn BodyFields(
    form: OrganizationForm,
    row: BodyRow,
    locked: Signal<bool>,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    let key = row.key;
    let position = Memo::new(move |_| {
        form.bodies
            .with(|rows| rows.iter().position(|r| r.key == key))
            .unwrap_or(0)
    });
    let count = Memo::new(move |_| form.bodies.with(Vec::len));
    let message = move |name: &'static str| {
        Signal::derive(move || {
            let path = format!("{PREFIX}[{}].{name}", position.get());
            error.with(|error| error.as_ref().and_then(|error| error.field_message(&path)))
        })
    };
    let id = move |name: &str| format!("cq-{key}-{name}");
    let up_id = id("len");
    let on_move = {
        let up_id = up_id.clone();
        Callback::new(move |by: isize| {
            form.bodies.update(|rows| shift(rows, key, by, |r| r.key));
            let (now, len) = (position.get_untracked(), count.get_untracked());
            refocus(up_id.clone(), by, now == 0, now + 1 == len);
        })
    };
    let on_remove = Callback::new(move |()| {
        form.bodies.update(|rows| rows.retain(|r| r.key != key));
        focus_later(ADD_BODY.to_owned());
    });
    let members = row.members;
    let add_member_id = id("them-nguoi");
    let add_member = move |_| {
        let member = MemberRow::new(None);
        let focus = format!("cq-{key}-nguoi-{}-ho-ten", member.key);
        members.update(|rows| rows.push(member));
        focus_later(focus);
    };
    let body_name = move || format!("cơ quan {}", position.get() + 1);
    view! {
        <li>
            <fieldset class="entry">
                <legend>{move || format!("Cơ quan {}", position.get() + 1)}</legend>
                <SelectField
                    id=id("loai")
                    label="Loại"
                    value=row.kind
                    options=BodyKind::ALL.into_iter().map(|k| (k, k.label().to_owned())).collect()
                    locked
                    message=message("kind")
                />
                <TextField id=id("ten") label="Tên cơ quan, tổ chức" value=row.name message=message("name") locked />
                <TextField
                    id=id("dien-thoai")
                    label="Điện thoại"
                    value=row.phone
                    message=message("phone")
                    locked
                    input=Input::Tel
                />
                <TextField
                    id=id("chuc-nang")
                    label="Chức năng, nhiệm vụ"
                    value=row.functions
                    message=message("functions")
                    locked
                    input=Input::Multiline
                    hint="Văn bản thường; các đoạn cách nhau bằng một dòng trống."
                />
                <GroupMessage message=message("members") />
                <ol class="entry-list member-list">
                    <For
                        each=move || members.get()
                        key=|member| member.key
                        children=move |member| view! {
                            <MemberFields members body_key=key body_position=position member locked error />
                        }
                    />
                </ol>
                <button
                    type="button"
                    id=add_member_id
                    class="button button-secondary"
                    disabled=move || locked.get()
                    on:click=add_member
                >
                    "Thêm người"<span class="visually-hidden">{move || format!(" vào {}", body_name())}</span>
                </button>
                <RowButtons
                    what=Signal::derive(body_name)
                    first=Signal::derive(move || position.get() == 0)
                    last=Signal::derive(move || position.get() + 1 == count.get())
                    locked
                    on_move
                    on_remove
                    up_id
                />
            </fieldset>
        </li>
    }
}

#[component]
fn MemberFields(
    members: RwSignal<Vec<MemberRow>>,
    body_key: u32,
    body_position: Memo<usize>,
    member: MemberRow,
    locked: Signal<bool>,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    let key = member.key;
    let position = Memo::new(move |_| {
        members
            .with(|rows| rows.iter().position(|r| r.key == key))
            .unwrap_or(0)
    });
    let count = Memo::new(move |_| members.with(Vec::len));
    let message = move |name: &'static str| {
        Signal::derive(move || {
            let path = format!(
                "{PREFIX}[{}].members[{}].{name}",
                body_position.get(),
                position.get()
            );
            error.with(|error| error.as_ref().and_then(|error| error.field_message(&path)))
        })
    };
    let id = move |name: &str| format!("cq-{body_key}-nguoi-{key}-{name}");
    let up_id = id("len");
    let on_move = {
        let up_id = up_id.clone();
        Callback::new(move |by: isize| {
            members.update(|rows| shift(rows, key, by, |r| r.key));
            let (now, len) = (position.get_untracked(), count.get_untracked());
            refocus(up_id.clone(), by, now == 0, now + 1 == len);
        })
    };
    let add_member_id = format!("cq-{body_key}-them-nguoi");
    let on_remove = Callback::new(move |()| {
        members.update(|rows| rows.retain(|r| r.key != key));
        focus_later(add_member_id.clone());
    });
    let who = move || {
        format!(
            "người {} của cơ quan {}",
            position.get() + 1,
            body_position.get() + 1
        )
    };
    view! {
        <li>
            <fieldset class="entry member">
                <legend>{move || format!("Người {}", position.get() + 1)}</legend>
                <TextField id=id("ho-ten") label="Họ và tên" value=member.name message=message("name") locked />
                <TextField
                    id=id("chuc-vu")
                    label="Chức vụ"
                    value=member.position
                    message=message("position")
                    locked
                    placeholder="Phó Chủ tịch"
                />
                <TextField
                    id=id("dien-thoai")
                    label="Điện thoại"
                    value=member.phone
                    message=message("phone")
                    locked
                    input=Input::Tel
                />
                <TextField
                    id=id("thu-dien-tu")
                    label="Thư điện tử"
                    value=member.email
                    message=message("email")
                    locked
                    input=Input::Email
                />
                <MemberPhoto photo=member.photo id=id("anh") locked message=message("photo") />
                <RowButtons
                    what=Signal::derive(who)
                    first=Signal::derive(move || position.get() == 0)
                    last=Signal::derive(move || position.get() + 1 == count.get())
                    locked
                    on_move
                    on_remove
                    up_id
                />
            </fieldset>
        </li>
    }
}

/// A member's photo: shown when there is one, uploaded to the unit, removable.
#[component]
fn MemberPhoto(
    photo: RwSignal<Option<String>>,
    id: String,
    locked: Signal<bool>,
    message: Signal<Option<String>>,
) -> impl IntoView {
    let on_uploaded = Callback::new(move |uploaded: Attachment| photo.set(Some(uploaded.key)));
    view! {
        {move || photo.get().map(|key| view! {
            <figure class="cover-preview">
                <img src=file_url(&key) alt="Ảnh đang chọn" />
                <figcaption>
                    <button
                        type="button"
                        class="button button-quiet"
                        disabled=move || locked.get()
                        on:click=move |_| photo.set(None)
                    >
                        "Gỡ ảnh"
                    </button>
                </figcaption>
            </figure>
        })}
        <UploadField
            id=id
            label="Ảnh"
            accept="image/jpeg,image/png,image/webp"
            hint="Ảnh chân dung JPG, PNG hoặc WebP (không bắt buộc)."
            images_only=true
            on_uploaded
            disabled=locked
            message
        />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_moves_one_place_and_stops_at_the_ends() {
        let mut rows = vec![1_u32, 2, 3];
        shift(&mut rows, 3, -1, |r| *r);
        assert_eq!(rows, [1, 3, 2]);
        shift(&mut rows, 1, -1, |r| *r);
        assert_eq!(rows, [1, 3, 2]);
        shift(&mut rows, 2, 1, |r| *r);
        assert_eq!(rows, [1, 3, 2]);
    }
}

use leptos::either::Either;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};
use openapi::auth::Role;
use openapi::content::{
    ContentDetails, ContentDraft, ContentKind, CreateContentRequest, RevisionState,
    StaffContentItem,
};
use openapi::schedule::{Week, WeekSchedule};
use openapi::values::Slug;
use openapi::{ErrorCode, FieldError};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::api::{self, ApiError};
use crate::components::article_list::CATEGORIES;
use crate::components::attachment_input::AttachmentInput;
use crate::components::content_status::ContentStatus;
use crate::components::error_message::ErrorMessage;
use crate::components::field_message::{FieldMessage, described_by, field_message};
use crate::components::kind_fields::schedule::week_label;
use crate::components::kind_fields::{KindFields, KindFieldsEditor, today};
use crate::components::markdown_preview::MarkdownPreview;
use crate::state::access::may_act_as;
use crate::state::flash::use_flash;
use crate::state::session::use_session;
use crate::state::site::use_site;
use crate::text::form_values::merge_errors;
use crate::text::slug::suggest_slug;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Save,
    Submit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Write,
    Preview,
}

/// What the editor types.
#[derive(Clone, Copy)]
struct Fields {
    kind: RwSignal<ContentKind>,
    slug: RwSignal<String>,
    title: RwSignal<String>,
    category: RwSignal<String>,
    summary: RwSignal<String>,
    body: RwSignal<String>,
    /// The kind's own fields.
    kind_fields: KindFields,
}

impl Fields {
    fn new(existing: Option<&StaffContentItem>, kind: ContentKind) -> Fields {
        let draft = existing.map(|item| item.draft.clone());
        let text = |pick: fn(&ContentDraft) -> String| {
            RwSignal::new(draft.as_ref().map(pick).unwrap_or_default())
        };
        Fields {
            kind: RwSignal::new(existing.map_or(kind, |item| item.kind)),
            slug: RwSignal::new(existing.map(|item| item.slug.clone()).unwrap_or_default()),
            title: text(|draft| draft.title.clone()),
            category: text(|draft| draft.category.clone().unwrap_or_default()),
            summary: text(|draft| draft.summary.clone()),
            body: text(|draft| draft.body.clone()),
            kind_fields: KindFields::new(
                &draft.map(|draft| draft.details).unwrap_or_default(),
                today(),
            ),
        }
    }

    /// The text as the API takes it, and what of the kind's fields could not be read
    /// as typed; only articles have a category.
    fn draft(self) -> (ContentDraft, Vec<FieldError>) {
        let kind = self.kind.get_untracked();
        let category = self.category.get_untracked();
        let (details, typed) = self.kind_fields.read(kind);
        let draft = ContentDraft {
            title: self.title.get_untracked(),
            category: (kind == ContentKind::Article && !category.is_empty()).then_some(category),
            summary: self.summary.get_untracked(),
            body: self.body.get_untracked(),
            details,
        };
        (draft, typed)
    }
}

/// The checks the server makes, first, so a slip costs no round trip and reads the
/// same: the contract's own `ContentDraft::parse`, after what could not be read as typed.
fn check(
    kind: ContentKind,
    slug: Option<&str>,
    draft: &ContentDraft,
    typed: Vec<FieldError>,
) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    if let Some(Err(error)) = slug.map(Slug::parse) {
        errors.push(error.on("slug"));
    }
    if let Err(found) = draft.parse(kind) {
        errors.extend(found);
    }
    let errors = merge_errors(typed, errors);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::invalid_fields(errors))
    }
}

/// Puts the keyboard on the first input, in the order of the page, that has a problem,
/// once the messages show.
fn focus_first_invalid() {
    request_animation_frame(|| {
        let element = document()
            .query_selector(".content-form [aria-invalid=\"true\"]")
            .ok()
            .flatten()
            .and_then(|element| element.dyn_into::<HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

/// The slug a kind fixes (organization, spokesperson, the schedule's week), if any.
fn fixed_slug(kind: ContentKind, week: Week) -> Option<String> {
    let details = ContentDetails {
        schedule: Some(WeekSchedule {
            week,
            entries: Vec::new(),
        }),
        ..ContentDetails::default()
    };
    kind.required_slug(&details)
}

/// The title a new item of a kind with one item per unit (or per week) starts with.
fn default_title(kind: ContentKind, week: Week) -> Option<String> {
    match kind {
        ContentKind::Organization | ContentKind::Spokesperson => Some(kind.label().to_owned()),
        ContentKind::WeeklySchedule => Some(format!("Lịch công tác {}", week_label(week))),
        _ => None,
    }
}

/// The editor of one item, new (`existing` is `None`) or already saved.
#[component]
pub fn ContentForm(
    existing: Option<StaffContentItem>,
    /// The kind a new item starts as (the list's "Tạo mới" links choose it).
    #[prop(optional)]
    kind: Option<ContentKind>,
) -> impl IntoView {
    let session = use_session();
    let site = use_site();
    let unit = site.unit.slug.clone();
    let flash = use_flash();
    let navigate = use_navigate();
    let pathname = use_location().pathname;

    let can_write = session
        .me()
        .is_some_and(|me| may_act_as(&me, Role::Editor, &site));
    let is_new = existing.is_none();
    let fields = Fields::new(existing.as_ref(), kind.unwrap_or(ContentKind::Article));
    let item = RwSignal::new(existing);
    let error = RwSignal::new(None::<ApiError>);
    let pending = RwSignal::new(false);
    let tab = RwSignal::new(Tab::Write);
    let locked = Memo::new(move |_| {
        !can_write
            || item.with(|item| {
                item.as_ref()
                    .and_then(|item| item.working.as_ref())
                    .is_some_and(|working| working.state == RevisionState::InReview)
            })
    });

    // The slug follows the title until the editor types one of their own, except
    // where the kind fixes it: then it is filled in and cannot be changed.
    let slug_edited = RwSignal::new(false);
    let week = fields.kind_fields.schedule.week;
    let slug_fixed =
        Memo::new(move |_| is_new && fixed_slug(fields.kind.get(), week.get()).is_some());
    if is_new {
        Effect::new(move || {
            let title = fields.title.get();
            match fixed_slug(fields.kind.get(), week.get()) {
                Some(slug) => fields.slug.set(slug),
                None if !slug_edited.get_untracked() => fields.slug.set(suggest_slug(&title)),
                None => {}
            }
        });
        // A one-per-unit kind gets its usual title, until the editor writes another.
        let given_title = RwSignal::new(None::<String>);
        Effect::new(move || {
            let Some(title) = default_title(fields.kind.get(), week.get()) else {
                return;
            };
            let current = fields.title.get_untracked();
            if current.trim().is_empty() || given_title.get_untracked().as_ref() == Some(&current) {
                fields.title.set(title.clone());
                given_title.set(Some(title));
            }
        });
    }

    let run = move |action: Action| {
        if pending.get_untracked() || locked.get_untracked() {
            return;
        }
        let (draft, typed) = fields.draft();
        let saved = item.get_untracked();
        let slug = fields.slug.get_untracked().trim().to_owned();
        let kind = fields.kind.get_untracked();
        if let Err(invalid) = check(
            kind,
            saved.is_none().then_some(slug.as_str()),
            &draft,
            typed,
        ) {
            error.set(Some(invalid));
            focus_first_invalid();
            return;
        }
        pending.set(true);
        error.set(None);
        flash.clear();
        let unit = unit.clone();
        let navigate = navigate.clone();
        spawn_local(async move {
            let kind = fields.kind.get_untracked();
            let outcome = save_and_maybe_submit(
                session,
                &unit,
                saved.as_ref(),
                kind,
                slug,
                draft,
                action,
                item,
            )
            .await;
            pending.set(false);
            match outcome {
                Ok(done) => {
                    let text = match action {
                        Action::Save => "Đã lưu nháp.",
                        Action::Submit => "Đã gửi bài để duyệt.",
                    };
                    let path = format!("/quan-tri/tin-bai/{}", done.id);
                    if saved.is_none() {
                        // A new item gets its own address, and reloads from there.
                        flash.show(path.clone(), text);
                        navigate(
                            &path,
                            NavigateOptions {
                                replace: true,
                                ..Default::default()
                            },
                        );
                    } else {
                        flash.show(pathname.get_untracked(), text);
                        item.set(Some(done));
                    }
                }
                Err(failure) => {
                    error.set(Some(failure));
                    focus_first_invalid();
                }
            }
        });
    };
    let run_submit = run.clone();
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        run(Action::Save);
    };

    let message = move |field: &'static str| field_message(error, field);
    let slug_message = Signal::derive(move || {
        error.with(|error| {
            let error = error.as_ref()?;
            error.field_message("slug").or_else(|| {
                (error.code() == Some(ErrorCode::SlugTaken)).then(|| error.title().to_owned())
            })
        })
    });
    let append_to_body = Callback::new(move |markdown: String| {
        fields.body.update(|body| {
            let trimmed = body.trim_end().len();
            body.truncate(trimmed);
            if !body.is_empty() {
                body.push_str("\n\n");
            }
            body.push_str(&markdown);
            body.push('\n');
        });
    });

    view! {
        {move || item.get().map(|item| view! { <ContentStatus item /> })}
        {(!can_write).then(|| view! {
            <p class="notice">"Chỉ biên tập viên của đơn vị mới sửa được nội dung."</p>
        })}
        {move || error.get().map(|error| view! { <ErrorMessage error /> })}
        <form class="form content-form" on:submit=on_submit novalidate>
            {if is_new {
                Either::Left(view! {
                    <div class="field">
                        <label for="loai">"Loại nội dung"</label>
                        <select
                            id="loai"
                            on:change=move |event| {
                                if let Some(kind) = ContentKind::parse(&event_target_value(&event)) {
                                    fields.kind.set(kind);
                                }
                            }
                        >
                            {ContentKind::ALL
                                .into_iter()
                                .map(|kind| view! {
                                    <option value=kind.as_str() prop:selected=move || fields.kind.get() == kind>
                                        {kind.label()}
                                    </option>
                                })
                                .collect_view()}
                        </select>
                    </div>
                })
            } else {
                Either::Right(view! {
                    <p class="fixed-fields">
                        "Loại: " <strong>{move || fields.kind.get().label()}</strong>
                        " · Đường dẫn: " <code>{move || fields.slug.get()}</code>
                    </p>
                })
            }}
            <div class="field">
                <label for="tieu-de">"Tiêu đề"</label>
                <input
                    id="tieu-de"
                    type="text"
                    required
                    bind:value=fields.title
                    disabled=move || locked.get()
                    aria-invalid=move || message("title").get().map(|_| "true")
                    aria-describedby=described_by("tieu-de", message("title"))
                />
                <FieldMessage field_id="tieu-de" message=message("title") />
            </div>
            {is_new.then(|| view! {
                <div class="field">
                    <label for="duong-dan">"Đường dẫn"</label>
                    <input
                        id="duong-dan"
                        type="text"
                        required
                        autocomplete="off"
                        spellcheck="false"
                        bind:value=fields.slug
                        readonly=move || slug_fixed.get()
                        on:input=move |event| slug_edited.set(!event_target_value(&event).is_empty())
                        aria-invalid=move || slug_message.get().map(|_| "true")
                        aria-describedby=move || {
                            let mut ids = "duong-dan-huong-dan".to_owned();
                            if slug_message.get().is_some() {
                                ids.push_str(" duong-dan-loi");
                            }
                            ids
                        }
                    />
                    <p id="duong-dan-huong-dan" class="field-hint">
                        {move || if slug_fixed.get() {
                            "Loại nội dung này có đường dẫn cố định, được điền sẵn."
                        } else {
                            "Gợi ý từ tiêu đề; chỉ gồm chữ thường không dấu, chữ số và dấu gạch nối."
                        }}
                    </p>
                    <FieldMessage field_id="duong-dan" message=slug_message />
                </div>
            })}
            {move || (fields.kind.get() == ContentKind::Article).then(|| view! {
                <CategoryField category=fields.category locked message=message("category") />
            })}
            <KindFieldsEditor
                kind=fields.kind
                fields=fields.kind_fields
                is_new
                locked=Signal::from(locked)
                error
            />
            <div class="field">
                <label for="tom-tat">"Tóm tắt"</label>
                <textarea
                    id="tom-tat"
                    rows="3"
                    bind:value=fields.summary
                    disabled=move || locked.get()
                    aria-invalid=move || message("summary").get().map(|_| "true")
                    aria-describedby=described_by("tom-tat", message("summary"))
                ></textarea>
                <FieldMessage field_id="tom-tat" message=message("summary") />
            </div>
            <BodyField body=fields.body tab locked message=message("body") />
            <AttachmentInput on_uploaded=append_to_body disabled=locked />
            <div class="form-actions">
                <button type="submit" class="button button-secondary" disabled=move || locked.get() aria-disabled=move || pending.get().then_some("true")>
                    "Lưu nháp"
                </button>
                <button
                    type="button"
                    class="button button-primary"
                    disabled=move || locked.get()
                    aria-disabled=move || pending.get().then_some("true")
                    on:click=move |_| run_submit(Action::Submit)
                >
                    "Gửi duyệt"
                </button>
                {move || pending.get().then(|| view! { <span class="loading" role="status">"Đang lưu…"</span> })}
            </div>
        </form>
    }
}

/// Saves (creating the item the first time), then sends it for review if asked.
/// The item is kept as soon as it exists, so a failed submit never creates it twice.
#[allow(clippy::too_many_arguments)]
async fn save_and_maybe_submit(
    session: crate::state::session::Session,
    unit: &str,
    saved: Option<&StaffContentItem>,
    kind: ContentKind,
    slug: String,
    draft: ContentDraft,
    action: Action,
    item: RwSignal<Option<StaffContentItem>>,
) -> Result<StaffContentItem, ApiError> {
    let unit = unit.to_owned();
    let done = match saved {
        None => {
            let request = CreateContentRequest {
                kind,
                slug,
                title: draft.title,
                category: draft.category,
                summary: draft.summary,
                body: draft.body,
                details: draft.details,
            };
            let created = session
                .authorized(|token| {
                    let (unit, request) = (unit.clone(), request.clone());
                    async move { api::content::create(&token, &unit, &request).await }
                })
                .await?;
            item.set(Some(created.clone()));
            created
        }
        Some(saved) => {
            let id = saved.id;
            session
                .authorized(|token| {
                    let (unit, draft) = (unit.clone(), draft.clone());
                    async move { api::content::save_draft(&token, &unit, id, &draft).await }
                })
                .await?
        }
    };
    if action == Action::Save {
        return Ok(done);
    }
    let id = done.id;
    match session
        .authorized(|token| {
            let unit = unit.clone();
            async move { api::content::submit(&token, &unit, id).await }
        })
        .await
    {
        Ok(submitted) => Ok(submitted),
        Err(error) => {
            // Saved all the same: show it as it now stands.
            item.set(Some(done));
            Err(error)
        }
    }
}

#[component]
fn CategoryField(
    category: RwSignal<String>,
    locked: Memo<bool>,
    message: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for="chuyen-muc">"Chuyên mục"</label>
            <select
                id="chuyen-muc"
                disabled=move || locked.get()
                on:change=move |event| category.set(event_target_value(&event))
                aria-invalid=move || message.get().map(|_| "true")
                aria-describedby=described_by("chuyen-muc", message)
            >
                <option value="" prop:selected=move || category.get().is_empty()>
                    "— Chưa chọn —"
                </option>
                {CATEGORIES
                    .into_iter()
                    .map(|(slug, label)| view! {
                        <option value=slug prop:selected=move || category.get() == slug>
                            {label}
                        </option>
                    })
                    .collect_view()}
            </select>
            <FieldMessage field_id="chuyen-muc" message />
        </div>
    }
}

/// The Markdown body, with a tab showing it as it will be published.
#[component]
fn BodyField(
    body: RwSignal<String>,
    tab: RwSignal<Tab>,
    locked: Memo<bool>,
    message: Signal<Option<String>>,
) -> impl IntoView {
    let tab_button =
        move |which: Tab, id: &'static str, panel: &'static str, label: &'static str| {
            view! {
                <button
                    type="button"
                    role="tab"
                    id=id
                    class="tab"
                    aria-controls=panel
                    aria-selected=move || if tab.get() == which { "true" } else { "false" }
                    on:click=move |_| tab.set(which)
                >
                    {label}
                </button>
            }
        };
    view! {
        <div class="field body-field">
            <div class="tabs" role="tablist" aria-label="Nội dung">
                {tab_button(Tab::Write, "the-soan-thao", "o-soan-thao", "Soạn thảo")}
                {tab_button(Tab::Preview, "the-xem-truoc", "o-xem-truoc", "Xem trước")}
            </div>
            <div role="tabpanel" id="o-soan-thao" aria-labelledby="the-soan-thao" hidden=move || tab.get() != Tab::Write>
                <label for="noi-dung-bai">"Nội dung (Markdown)"</label>
                <textarea
                    id="noi-dung-bai"
                    rows="14"
                    bind:value=body
                    disabled=move || locked.get()
                    aria-invalid=move || message.get().map(|_| "true")
                    aria-describedby=move || {
                        let mut ids = "noi-dung-bai-huong-dan".to_owned();
                        if message.get().is_some() {
                            ids.push_str(" noi-dung-bai-loi");
                        }
                        ids
                    }
                ></textarea>
                <p id="noi-dung-bai-huong-dan" class="field-hint">
                    "## Tiêu đề mục, **chữ đậm**, *chữ nghiêng*, - danh sách, [liên kết](https://…)"
                </p>
                <FieldMessage field_id="noi-dung-bai" message />
            </div>
            <div role="tabpanel" id="o-xem-truoc" aria-labelledby="the-xem-truoc" hidden=move || tab.get() != Tab::Preview>
                {move || (tab.get() == Tab::Preview).then(|| view! { <MarkdownPreview body=body.get_untracked() /> })}
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(title: &str) -> ContentDraft {
        ContentDraft {
            title: title.into(),
            category: None,
            summary: String::new(),
            body: String::new(),
            details: ContentDetails::default(),
        }
    }

    #[test]
    fn a_new_item_needs_a_valid_slug_and_a_title() {
        let error = check(
            ContentKind::Article,
            Some("Tin Mới"),
            &draft(" "),
            Vec::new(),
        )
        .unwrap_err();
        assert!(error.field_message("slug").is_some());
        assert!(error.field_message("title").is_some());
        assert!(
            check(
                ContentKind::Article,
                Some("tin-moi"),
                &draft("Tin mới"),
                Vec::new()
            )
            .is_ok()
        );
    }

    #[test]
    fn a_saved_item_keeps_its_slug_and_is_not_asked_for_one() {
        assert!(check(ContentKind::Article, None, &draft("Tin mới"), Vec::new()).is_ok());
    }

    #[test]
    fn a_legal_document_is_checked_by_the_contract_and_a_typing_slip_wins() {
        let typed = vec![FieldError::new(
            "details.document.issued_on",
            "invalid_format",
            "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/12/2026",
        )];
        let error = check(
            ContentKind::LegalDocument,
            Some("qd-1"),
            &draft("Quyết định"),
            typed,
        )
        .unwrap_err();
        assert!(error.field_message("details.document.issued_on").is_some());
        assert!(error.field_message("details.document").is_some());
    }

    #[test]
    fn kinds_with_one_item_get_their_slug_and_a_schedule_its_week() {
        let week = Week::parse("2026-W49").unwrap();
        assert_eq!(
            fixed_slug(ContentKind::Organization, week).as_deref(),
            Some("co-cau-to-chuc")
        );
        assert_eq!(
            fixed_slug(ContentKind::WeeklySchedule, week).as_deref(),
            Some("lich-2026-w49")
        );
        assert_eq!(fixed_slug(ContentKind::Article, week), None);
        assert_eq!(
            default_title(ContentKind::WeeklySchedule, week).as_deref(),
            Some("Lịch công tác Tuần 49/2026 (30/11 – 06/12/2026)")
        );
    }
}

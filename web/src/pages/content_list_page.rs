use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use openapi::content::{ContentDetails, ContentKind, RevisionState, StaffContentItem};

use crate::api;
use crate::components::api_errors::ApiErrors;
use crate::components::document_title::DocumentTitle;
use crate::components::loading::Loading;
use crate::components::published_date::PublishedDate;
use crate::state::session::use_session;
use crate::state::site::use_site;
use crate::text::labels::{ItemStatus, last_change, newest};

/// The filter's choices: the item's newest revision in this state.
const FILTERS: [(Option<RevisionState>, &str); 5] = [
    (None, "Tất cả"),
    (Some(RevisionState::Draft), "Nháp"),
    (Some(RevisionState::InReview), "Chờ duyệt"),
    (Some(RevisionState::Returned), "Bị trả lại"),
    (Some(RevisionState::Published), "Đã đăng"),
];

/// "/quan-tri/tin-bai?state=": the unit's content, newest first, by state.
#[component]
pub fn ContentListPage() -> impl IntoView {
    let session = use_session();
    let unit = use_site().unit.slug;
    let query = use_query_map();
    let state = Memo::new(move |_| {
        query.with(|query| {
            query
                .get("state")
                .and_then(|state| RevisionState::parse(&state))
        })
    });
    // Every item, for the "Tạo mới" links too; a filter asks the server for its own.
    let load = move |unit: String, state: Option<RevisionState>| async move {
        session
            .authorized(move |token| {
                let unit = unit.clone();
                async move { api::content::list(&token, &unit, state).await }
            })
            .await
    };
    let all = {
        let unit = unit.clone();
        LocalResource::new(move || load(unit.clone(), None))
    };
    let filtered = LocalResource::new(move || {
        let (unit, state) = (unit.clone(), state.get());
        async move {
            match state {
                Some(state) => load(unit, Some(state)).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let singles = Signal::derive(move || {
        all.get()
            .and_then(Result::ok)
            .map(|items| single_items(&items))
            .unwrap_or_default()
    });
    view! {
        <DocumentTitle page="Tin bài" />
        <div class="page-heading">
            <h1>"Tin bài"</h1>
            <A href="/quan-tri/tin-bai/moi" attr:class="button button-primary">
                "Viết bài mới"
            </A>
        </div>
        <NewItemLinks singles />
        <StateFilter current=state />
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    let items = match filtered.await? {
                        Some(items) => items,
                        None => all.await?,
                    };
                    Ok::<_, api::ApiError>(view! { <ContentRows items /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

/// The items of kinds a unit has only one of (organization, spokesperson), by kind:
/// their slug is fixed, so a second one would be refused as `slug_taken`.
fn single_items(items: &[StaffContentItem]) -> Vec<(ContentKind, i64)> {
    items
        .iter()
        .filter(|item| {
            item.kind
                .required_slug(&ContentDetails::default())
                .as_deref()
                == Some(item.slug.as_str())
        })
        .map(|item| (item.kind, item.id))
        .collect()
}

/// "Tạo mới": one link per kind, each opening the editor with its fields; for a kind
/// the unit has only one of and already has, the existing item's editor.
#[component]
fn NewItemLinks(singles: Signal<Vec<(ContentKind, i64)>>) -> impl IntoView {
    let links = ContentKind::ALL
        .into_iter()
        .map(|kind| {
            let existing = move || {
                singles.with(|singles| {
                    singles
                        .iter()
                        .find(|(single, _)| *single == kind)
                        .map(|(_, id)| *id)
                })
            };
            let href = move || match existing() {
                Some(id) => format!("/quan-tri/tin-bai/{id}"),
                None => format!("/quan-tri/tin-bai/moi?loai={}", kind.as_str()),
            };
            view! {
                <li>
                    <A href=href>{kind.label()}</A>
                    {move || existing().map(|_| view! { <span class="field-hint">" (đã có, mở để sửa)"</span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="new-item-links" aria-labelledby="tao-moi">
            <h2 id="tao-moi">"Tạo mới"</h2>
            <ul>{links}</ul>
        </nav>
    }
}

/// Links, like the public category filter: each choice is an address of its own.
#[component]
fn StateFilter(current: Memo<Option<RevisionState>>) -> impl IntoView {
    let choices = FILTERS
        .into_iter()
        .map(|(state, label)| {
            let href = match state {
                Some(state) => format!("/quan-tri/tin-bai?state={}", state.as_str()),
                None => "/quan-tri/tin-bai".to_owned(),
            };
            let selected = move || current.get() == state;
            view! {
                <li>
                    <a href=href aria-current=move || selected().then_some("page")>
                        {label}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="category-filter" aria-label="Lọc theo trạng thái">
            <ul>{choices}</ul>
        </nav>
    }
}

#[component]
fn ContentRows(items: Vec<StaffContentItem>) -> impl IntoView {
    if items.is_empty() {
        return Either::Left(view! { <p class="empty">"Không có nội dung nào."</p> });
    }
    Either::Right(view! {
        <ul class="article-list content-list">
            {items.into_iter().map(|item| view! { <ContentRow item /> }).collect_view()}
        </ul>
    })
}

/// One item: its title linking to the editor; kind, state, author and last change.
#[component]
fn ContentRow(item: StaffContentItem) -> impl IntoView {
    let status = ItemStatus::of(&item);
    let revision = newest(&item).cloned();
    let title = revision.as_ref().map_or_else(
        || item.draft.title.clone(),
        |revision| revision.title.clone(),
    );
    let meta = revision.map(|revision| {
        view! {
            <span>{revision.author_name.clone()}</span>
            <span>
                "Cập nhật " <PublishedDate unix_seconds=last_change(&revision).timestamp() />
            </span>
        }
    });
    view! {
        <li>
            <article class="article-item">
                <h2 class="article-item-title">
                    <A href=format!("/quan-tri/tin-bai/{}", item.id)>{title}</A>
                </h2>
                <p class="article-meta">
                    <span>{item.kind.label()}</span>
                    <span class=status.class()>{status.label()}</span>
                    {meta}
                </p>
            </article>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use openapi::content::ContentDraft;

    fn item(id: i64, kind: ContentKind, slug: &str) -> StaffContentItem {
        StaffContentItem {
            id,
            unit: "phuong-1".into(),
            kind,
            slug: slug.into(),
            archived: false,
            live: None,
            working: None,
            draft: ContentDraft {
                title: slug.into(),
                category: None,
                summary: String::new(),
                body: String::new(),
                details: ContentDetails::default(),
            },
        }
    }

    #[test]
    fn only_the_one_item_per_unit_kinds_are_opened_instead_of_created() {
        let items = [
            item(1, ContentKind::Article, "tin-1"),
            item(2, ContentKind::Organization, "co-cau-to-chuc"),
            item(3, ContentKind::Spokesperson, "nguoi-phat-ngon"),
            item(4, ContentKind::WeeklySchedule, "lich-2026-w49"),
        ];
        assert_eq!(
            single_items(&items),
            [
                (ContentKind::Organization, 2),
                (ContentKind::Spokesperson, 3)
            ]
        );
    }
}

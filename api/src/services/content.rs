//! Content with editorial review. An item's text lives in numbered revisions; the
//! public sees the newest published revision whose `publish_at` has come, so an edit
//! under review never disturbs what is live. Every state change writes a transition
//! (who, when, from, to, comment) and an audit event in the same transaction.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use entity::{account, content_item, content_revision, content_transition};
use openapi::content::{
    CheckedDraft, ContentDetails, ContentDraft, ContentKind, DiffChange, DiffLine,
    ReviewQueueEntry, RevisionDiff, RevisionHistoryEntry, RevisionState, RevisionSummary,
    StaffContentItem, TransitionRecord,
};
use openapi::values::Slug;
use sea_orm::prelude::*;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{
    ConnectionTrait, QueryFilter, QueryOrder, Set, SqlErr, TransactionSession, TransactionTrait,
};

use crate::db::begin_write;
use crate::error::ApiError;
use crate::services::attachments;
use crate::services::audit::{self, AuditEvent};
use crate::text::{fold, markdown};

fn state_of(revision: &content_revision::Model) -> Result<RevisionState, ApiError> {
    RevisionState::parse(&revision.state).ok_or_else(|| {
        anyhow::anyhow!(
            "revision {} has unknown state {}",
            revision.id,
            revision.state
        )
        .into()
    })
}

/// Finds an item of `unit_id`; an item of another unit is as good as missing.
pub async fn item<C: ConnectionTrait>(
    db: &C,
    unit_id: i64,
    item_id: i64,
) -> Result<content_item::Model, ApiError> {
    content_item::Entity::find_by_id(item_id)
        .filter(content_item::COLUMN.unit_id.eq(unit_id))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)
}

async fn revisions<C: ConnectionTrait>(
    db: &C,
    item_id: i64,
) -> Result<Vec<content_revision::Model>, ApiError> {
    Ok(content_revision::Entity::find()
        .filter(content_revision::COLUMN.item_id.eq(item_id))
        .order_by_desc(content_revision::COLUMN.number)
        .all(db)
        .await?)
}

/// The revision the public sees now: the newest published one whose time has come.
fn live_of(
    revisions: &[content_revision::Model],
    now: DateTime<Utc>,
) -> Option<&content_revision::Model> {
    revisions.iter().find(|r| {
        r.state == RevisionState::Published.as_str() && r.publish_at.is_some_and(|at| at <= now)
    })
}

async fn latest<C: ConnectionTrait>(
    db: &C,
    item_id: i64,
) -> Result<content_revision::Model, ApiError> {
    revisions(db, item_id)
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| anyhow::anyhow!("content item {item_id} has no revision").into())
}

fn rendered(draft: &CheckedDraft) -> (String, String, String) {
    let html = markdown::render(&draft.body);
    let search = fold::fold(&format!(
        "{} {} {} {}",
        draft.title,
        searchable_details(&draft.details),
        draft.summary,
        draft.body
    ));
    let details = serde_json::to_string(&draft.details).unwrap_or_else(|_| "{}".to_owned());
    (html, search, details)
}

/// The words of a kind's own fields that people search by: a document's number and
/// issuer, the names in an organization, a schedule's meetings.
fn searchable_details(details: &ContentDetails) -> String {
    let mut words: Vec<&str> = Vec::new();
    let documents = details
        .document
        .iter()
        .chain(details.planning.iter().map(|p| &p.document));
    for document in documents {
        words.extend([
            document.number.as_str(),
            document.issuer.as_str(),
            document.signer.as_str(),
        ]);
    }
    for body in details.organization.iter().flat_map(|o| &o.bodies) {
        words.push(&body.name);
        for member in &body.members {
            words.extend([member.name.as_str(), member.position.as_str()]);
        }
    }
    if let Some(person) = &details.spokesperson {
        words.extend([person.name.as_str(), person.position.as_str()]);
    }
    for entry in details.schedule.iter().flat_map(|s| &s.entries) {
        words.extend([
            entry.content.as_str(),
            entry.chair.as_str(),
            entry.location.as_str(),
        ]);
    }
    words.join(" ")
}

/// Gives each schedule entry without an id one that stays with it across
/// revisions; two entries with one id are refused.
fn with_entry_ids(mut draft: CheckedDraft) -> Result<CheckedDraft, ApiError> {
    let Some(schedule) = draft.details.schedule.as_mut() else {
        return Ok(draft);
    };
    let mut seen = std::collections::HashSet::new();
    for (i, entry) in schedule.entries.iter_mut().enumerate() {
        if entry.id.is_empty() {
            entry.id = Uuid::new_v4().simple().to_string()[..12].to_owned();
        }
        if !seen.insert(entry.id.clone()) {
            return Err(ApiError::invalid(openapi::FieldError::new(
                &format!("details.schedule.entries[{i}].id"),
                "duplicate",
                "Hai mục lịch trùng mã",
            )));
        }
    }
    Ok(draft)
}

/// The kind-specific fields stored with a revision.
pub fn details_of(revision: &content_revision::Model) -> Result<ContentDetails, ApiError> {
    serde_json::from_str(&revision.details).map_err(|error| {
        anyhow::anyhow!("revision {} has unreadable details: {error}", revision.id).into()
    })
}

/// Refuses references to files the unit does not have, or to a replacing document
/// it does not have.
async fn check_references<C: ConnectionTrait>(
    db: &C,
    item: &content_item::Model,
    details: &ContentDetails,
) -> Result<(), ApiError> {
    if let Some(key) = &details.cover_image {
        attachments::ensure_of_unit(db, item.unit_id, key, "details.cover_image").await?;
    }
    for (b, body) in details
        .organization
        .iter()
        .flat_map(|o| &o.bodies)
        .enumerate()
    {
        for (m, member) in body.members.iter().enumerate() {
            if let Some(key) = &member.photo {
                let field = format!("details.organization.bodies[{b}].members[{m}].photo");
                attachments::ensure_of_unit(db, item.unit_id, key, &field).await?;
            }
        }
    }
    if let Some(schedule) = &details.schedule
        && schedule.week.slug() != item.slug
    {
        return Err(ApiError::invalid(openapi::FieldError::new(
            "details.schedule.week",
            "week_changed",
            "Lịch này thuộc tuần khác; hãy tạo lịch mới cho tuần đó",
        )));
    }
    if let Some(planning) = &details.planning {
        if let Some(key) = &planning.document.file {
            let field = "details.planning.document.file";
            attachments::ensure_of_unit(db, item.unit_id, key, field).await?;
        }
        if let Some(zones) = &planning.zones {
            crate::geo::zones("details.planning.zones", zones).map_err(ApiError::invalid)?;
        }
    }
    let Some(document) = &details.document else {
        return Ok(());
    };
    if let Some(key) = &document.file {
        attachments::ensure_of_unit(db, item.unit_id, key, "details.document.file").await?;
    }
    if let Some(slug) = &document.replaced_by {
        let replacement = content_item::Entity::find()
            .filter(content_item::COLUMN.unit_id.eq(item.unit_id))
            .filter(
                content_item::COLUMN
                    .kind
                    .eq(ContentKind::LegalDocument.as_str()),
            )
            .filter(content_item::COLUMN.slug.eq(slug.as_str()))
            .filter(content_item::COLUMN.id.ne(item.id))
            .one(db)
            .await?;
        if replacement.is_none() {
            return Err(ApiError::invalid(openapi::FieldError::new(
                "details.document.replaced_by",
                "unknown_document",
                "Không có văn bản nào khác của đơn vị với đường dẫn này",
            )));
        }
    }
    Ok(())
}

async fn insert_revision<C: ConnectionTrait>(
    db: &C,
    item_id: i64,
    number: i32,
    author: i64,
    draft: &CheckedDraft,
) -> Result<content_revision::Model, ApiError> {
    let now = Utc::now();
    let (body_html, search_text, details) = rendered(draft);
    Ok(content_revision::ActiveModel {
        item_id: Set(item_id),
        number: Set(number),
        state: Set(RevisionState::Draft.as_str().to_owned()),
        title: Set(draft.title.clone()),
        category: Set(draft.category.as_ref().map(|c| c.as_str().to_owned())),
        summary: Set(draft.summary.clone()),
        body_markdown: Set(draft.body.clone()),
        body_html: Set(body_html),
        search_text: Set(search_text),
        details: Set(details),
        author_id: Set(author),
        created_at: Set(now),
        updated_at: Set(now),
        submitted_at: Set(None),
        reviewed_by: Set(None),
        reviewed_at: Set(None),
        return_reason: Set(None),
        publish_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

async fn record_transition<C: ConnectionTrait>(
    db: &C,
    item: &content_item::Model,
    revision: &content_revision::Model,
    from: &str,
    to: RevisionState,
    actor: i64,
    comment: Option<String>,
) -> Result<(), ApiError> {
    content_transition::ActiveModel {
        revision_id: Set(revision.id),
        from_state: Set(from.to_owned()),
        to_state: Set(to.as_str().to_owned()),
        actor_id: Set(actor),
        occurred_at: Set(Utc::now()),
        comment: Set(comment),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let event = AuditEvent::ContentTransition {
        item_id: item.id,
        revision: revision.number,
        from: from.to_owned(),
        to: to.as_str(),
    };
    audit::record(db, Some(actor), Some(item.unit_id), event).await
}

/// A new item with its first draft, written by `author`.
pub async fn create<C: TransactionTrait>(
    db: &C,
    unit_id: i64,
    author: i64,
    kind: ContentKind,
    slug: Slug,
    draft: CheckedDraft,
) -> Result<content_item::Model, ApiError> {
    let draft = with_entry_ids(draft)?;
    let txn = begin_write(db).await?;
    let inserted = content_item::ActiveModel {
        unit_id: Set(unit_id),
        kind: Set(kind.as_str().to_owned()),
        slug: Set(slug.as_str().to_owned()),
        created_by: Set(author),
        created_at: Set(Utc::now()),
        archived_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await;
    let item = match inserted {
        Ok(item) => item,
        Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            return Err(ApiError::Conflict {
                code: openapi::ErrorCode::SlugTaken,
                field: "slug",
            });
        }
        Err(error) => return Err(error.into()),
    };
    check_references(&txn, &item, &draft.details).await?;
    let revision = insert_revision(&txn, item.id, 1, author, &draft).await?;
    record_transition(
        &txn,
        &item,
        &revision,
        "none",
        RevisionState::Draft,
        author,
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(item)
}

/// Saves the editor's text. A draft is updated in place; a returned revision goes
/// back to draft; a published one stays live and the edit becomes a new revision.
/// A revision in review cannot change under the reviewer's eyes.
pub async fn save_draft<C: TransactionTrait>(
    db: &C,
    item: &content_item::Model,
    editor: i64,
    draft: CheckedDraft,
) -> Result<(), ApiError> {
    let draft = with_entry_ids(draft)?;
    let txn = begin_write(db).await?;
    check_references(&txn, item, &draft.details).await?;
    let current = latest(&txn, item.id).await?;
    match state_of(&current)? {
        RevisionState::InReview => {
            return Err(ApiError::InvalidTransition(
                "Bài đang chờ kiểm duyệt, không thể sửa".to_owned(),
            ));
        }
        RevisionState::Published => {
            let revision =
                insert_revision(&txn, item.id, current.number + 1, editor, &draft).await?;
            record_transition(
                &txn,
                item,
                &revision,
                "none",
                RevisionState::Draft,
                editor,
                None,
            )
            .await?;
        }
        state @ (RevisionState::Draft | RevisionState::Returned) => {
            let (body_html, search_text, details) = rendered(&draft);
            let mut active: content_revision::ActiveModel = current.clone().into();
            active.state = Set(RevisionState::Draft.as_str().to_owned());
            active.title = Set(draft.title.clone());
            active.category = Set(draft.category.as_ref().map(|c| c.as_str().to_owned()));
            active.summary = Set(draft.summary.clone());
            active.body_markdown = Set(draft.body.clone());
            active.body_html = Set(body_html);
            active.search_text = Set(search_text);
            active.details = Set(details);
            active.author_id = Set(editor);
            active.updated_at = Set(Utc::now());
            let revision = active.update(&txn).await?;
            if state == RevisionState::Returned {
                record_transition(
                    &txn,
                    item,
                    &revision,
                    state.as_str(),
                    RevisionState::Draft,
                    editor,
                    None,
                )
                .await?;
            }
        }
    }
    Ok(txn.commit().await?)
}

/// Moves the newest revision from `expected` to `to`, refusing if it moved meanwhile:
/// of two reviewers acting at once, one wins and the other gets 409.
async fn transition<C: ConnectionTrait>(
    db: &C,
    revision: &content_revision::Model,
    expected: RevisionState,
    changes: content_revision::ActiveModel,
) -> Result<content_revision::Model, ApiError> {
    let updated = content_revision::Entity::update_many()
        .set(changes)
        .filter(content_revision::COLUMN.id.eq(revision.id))
        .filter(content_revision::COLUMN.state.eq(expected.as_str()))
        .exec(db)
        .await?;
    if updated.rows_affected != 1 {
        return Err(ApiError::InvalidTransition(
            "Nội dung vừa được người khác xử lý".to_owned(),
        ));
    }
    content_revision::Entity::find_by_id(revision.id)
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("revision {} vanished", revision.id).into())
}

fn expect_state(
    revision: &content_revision::Model,
    expected: RevisionState,
    message: &str,
) -> Result<(), ApiError> {
    if state_of(revision)? == expected {
        Ok(())
    } else {
        Err(ApiError::InvalidTransition(message.to_owned()))
    }
}

pub async fn submit<C: TransactionTrait>(
    db: &C,
    item: &content_item::Model,
    editor: i64,
) -> Result<(), ApiError> {
    let txn = begin_write(db).await?;
    let current = latest(&txn, item.id).await?;
    expect_state(
        &current,
        RevisionState::Draft,
        "Chỉ bản nháp mới gửi kiểm duyệt được",
    )?;
    let changes = content_revision::ActiveModel {
        state: Set(RevisionState::InReview.as_str().to_owned()),
        submitted_at: Set(Some(Utc::now())),
        return_reason: Set(None),
        ..Default::default()
    };
    let revision = transition(&txn, &current, RevisionState::Draft, changes).await?;
    record_transition(
        &txn,
        item,
        &revision,
        RevisionState::Draft.as_str(),
        RevisionState::InReview,
        editor,
        None,
    )
    .await?;
    Ok(txn.commit().await?)
}

/// Publishes the revision in review, now or from `publish_at`. Nobody approves a
/// revision they wrote. Approving an archived item's revision restores the item.
pub async fn approve<C: TransactionTrait>(
    db: &C,
    item: &content_item::Model,
    reviewer: i64,
    publish_at: Option<DateTime<Utc>>,
    comment: Option<String>,
) -> Result<(), ApiError> {
    let txn = begin_write(db).await?;
    let current = latest(&txn, item.id).await?;
    expect_state(
        &current,
        RevisionState::InReview,
        "Chỉ bài đang chờ kiểm duyệt mới duyệt được",
    )?;
    if current.author_id == reviewer {
        return Err(ApiError::OwnWork);
    }
    let now = Utc::now();
    let changes = content_revision::ActiveModel {
        state: Set(RevisionState::Published.as_str().to_owned()),
        reviewed_by: Set(Some(reviewer)),
        reviewed_at: Set(Some(now)),
        publish_at: Set(Some(publish_at.filter(|at| *at > now).unwrap_or(now))),
        ..Default::default()
    };
    let revision = transition(&txn, &current, RevisionState::InReview, changes).await?;
    if item.archived_at.is_some() {
        let mut active: content_item::ActiveModel = item.clone().into();
        active.archived_at = Set(None);
        active.update(&txn).await?;
    }
    record_transition(
        &txn,
        item,
        &revision,
        RevisionState::InReview.as_str(),
        RevisionState::Published,
        reviewer,
        comment,
    )
    .await?;
    Ok(txn.commit().await?)
}

/// Sends the revision in review back to its author with a reason they must read.
pub async fn return_to_author<C: TransactionTrait>(
    db: &C,
    item: &content_item::Model,
    reviewer: i64,
    reason: &str,
) -> Result<(), ApiError> {
    let reason = openapi::values::normalize_text(reason);
    if reason.is_empty() {
        return Err(ApiError::invalid(openapi::FieldError::new(
            "reason",
            "required",
            "Vui lòng nêu lý do trả lại",
        )));
    }
    let txn = begin_write(db).await?;
    let current = latest(&txn, item.id).await?;
    expect_state(
        &current,
        RevisionState::InReview,
        "Chỉ bài đang chờ kiểm duyệt mới trả lại được",
    )?;
    if current.author_id == reviewer {
        return Err(ApiError::OwnWork);
    }
    let changes = content_revision::ActiveModel {
        state: Set(RevisionState::Returned.as_str().to_owned()),
        reviewed_by: Set(Some(reviewer)),
        reviewed_at: Set(Some(Utc::now())),
        return_reason: Set(Some(reason.clone())),
        ..Default::default()
    };
    let revision = transition(&txn, &current, RevisionState::InReview, changes).await?;
    record_transition(
        &txn,
        item,
        &revision,
        RevisionState::InReview.as_str(),
        RevisionState::Returned,
        reviewer,
        Some(reason),
    )
    .await?;
    Ok(txn.commit().await?)
}

/// Takes a published item off the public site; its history stays.
pub async fn archive<C: TransactionTrait>(
    db: &C,
    item: &content_item::Model,
    reviewer: i64,
) -> Result<(), ApiError> {
    if item.archived_at.is_some() {
        return Err(ApiError::InvalidTransition(
            "Nội dung đã được lưu trữ".to_owned(),
        ));
    }
    let txn = begin_write(db).await?;
    let revisions = revisions(&txn, item.id).await?;
    let Some(live) = live_of(&revisions, Utc::now()) else {
        return Err(ApiError::InvalidTransition(
            "Chỉ nội dung đã công bố mới lưu trữ được".to_owned(),
        ));
    };
    let mut active: content_item::ActiveModel = item.clone().into();
    active.archived_at = Set(Some(Utc::now()));
    active.update(&txn).await?;
    let event = AuditEvent::ContentArchived {
        item_id: item.id,
        revision: live.number,
    };
    audit::record(&txn, Some(reviewer), Some(item.unit_id), event).await?;
    Ok(txn.commit().await?)
}

async fn author_names<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = i64>,
) -> Result<HashMap<i64, String>, ApiError> {
    let mut ids: Vec<i64> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    Ok(account::Entity::find()
        .filter(account::COLUMN.id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.full_name))
        .collect())
}

fn summary(
    revision: &content_revision::Model,
    names: &HashMap<i64, String>,
) -> Result<RevisionSummary, ApiError> {
    Ok(RevisionSummary {
        number: revision.number,
        state: state_of(revision)?,
        title: revision.title.clone(),
        author_id: revision.author_id,
        author_name: names.get(&revision.author_id).cloned().unwrap_or_default(),
        created_at: revision.created_at.fixed_offset(),
        submitted_at: revision.submitted_at.map(|t| t.fixed_offset()),
        reviewed_by: revision.reviewed_by,
        reviewed_at: revision.reviewed_at.map(|t| t.fixed_offset()),
        return_reason: revision.return_reason.clone(),
        publish_at: revision.publish_at.map(|t| t.fixed_offset()),
    })
}

pub async fn staff_view<C: ConnectionTrait>(
    db: &C,
    unit_slug: &str,
    item: &content_item::Model,
) -> Result<StaffContentItem, ApiError> {
    let revisions = revisions(db, item.id).await?;
    let names = author_names(db, revisions.iter().map(|r| r.author_id)).await?;
    view_of(unit_slug, item, &revisions, &names)
}

/// The staff view of `item` from its revisions (newest first) and their authors.
fn view_of(
    unit_slug: &str,
    item: &content_item::Model,
    revisions: &[content_revision::Model],
    names: &HashMap<i64, String>,
) -> Result<StaffContentItem, ApiError> {
    let live = live_of(revisions, Utc::now());
    let newest = revisions.first();
    let working = newest.filter(|newest| Some(newest.id) != live.map(|l| l.id));
    let text_source = working.or(live).or(newest);
    let kind = ContentKind::parse(&item.kind)
        .ok_or_else(|| anyhow::anyhow!("item {} has unknown kind", item.id))?;
    Ok(StaffContentItem {
        id: item.id,
        unit: unit_slug.to_owned(),
        kind,
        slug: item.slug.clone(),
        archived: item.archived_at.is_some(),
        live: live.map(|r| summary(r, names)).transpose()?,
        working: working.map(|r| summary(r, names)).transpose()?,
        draft: match text_source {
            Some(r) => ContentDraft {
                title: r.title.clone(),
                category: r.category.clone(),
                summary: r.summary.clone(),
                body: r.body_markdown.clone(),
                details: details_of(r)?,
            },
            None => ContentDraft {
                title: String::new(),
                category: None,
                summary: String::new(),
                body: String::new(),
                details: ContentDetails::default(),
            },
        },
    })
}

/// Items of the unit, newest first, optionally only those whose newest revision is
/// in `state`.
pub async fn staff_list<C: ConnectionTrait>(
    db: &C,
    unit_id: i64,
    unit_slug: &str,
    state: Option<RevisionState>,
) -> Result<Vec<StaffContentItem>, ApiError> {
    let items = content_item::Entity::find()
        .filter(content_item::COLUMN.unit_id.eq(unit_id))
        .order_by_desc(content_item::COLUMN.id)
        .all(db)
        .await?;
    // Three queries for the whole list, whatever its length.
    let all_revisions = content_revision::Entity::find()
        .inner_join(content_item::Entity)
        .filter(content_item::COLUMN.unit_id.eq(unit_id))
        .order_by_desc(content_revision::COLUMN.number)
        .all(db)
        .await?;
    let names = author_names(db, all_revisions.iter().map(|r| r.author_id)).await?;
    let mut by_item: HashMap<i64, Vec<content_revision::Model>> = HashMap::new();
    for revision in all_revisions {
        by_item.entry(revision.item_id).or_default().push(revision);
    }
    let mut views = Vec::new();
    for item in items {
        let revisions = by_item.remove(&item.id).unwrap_or_default();
        let view = view_of(unit_slug, &item, &revisions, &names)?;
        let newest_state = view
            .working
            .as_ref()
            .or(view.live.as_ref())
            .map(|r| r.state);
        if state.is_none() || newest_state == state {
            views.push(view);
        }
    }
    Ok(views)
}

/// What waits for a reviewer of the unit, oldest first.
pub async fn review_queue<C: ConnectionTrait>(
    db: &C,
    unit_id: i64,
) -> Result<Vec<ReviewQueueEntry>, ApiError> {
    let waiting = content_revision::Entity::find()
        .find_also_related(content_item::Entity)
        .filter(content_item::COLUMN.unit_id.eq(unit_id))
        .filter(
            content_revision::COLUMN
                .state
                .eq(RevisionState::InReview.as_str()),
        )
        .order_by_asc(content_revision::COLUMN.submitted_at)
        .order_by_asc(content_revision::COLUMN.id)
        .all(db)
        .await?;
    let names = author_names(db, waiting.iter().map(|(r, _)| r.author_id)).await?;
    let now = Utc::now();
    let mut entries = Vec::new();
    for (revision, item) in waiting {
        let item = item.ok_or_else(|| anyhow::anyhow!("revision {} without item", revision.id))?;
        entries.push(ReviewQueueEntry {
            item_id: item.id,
            kind: ContentKind::parse(&item.kind)
                .ok_or_else(|| anyhow::anyhow!("item {} has unknown kind", item.id))?,
            slug: item.slug,
            waiting_seconds: revision
                .submitted_at
                .map(|at| (now - at).num_seconds())
                .unwrap_or(0),
            revision: summary(&revision, &names)?,
        });
    }
    Ok(entries)
}

/// A condition keeping only the live revision of each item: published, its time
/// come, and no newer revision of the same item also published and due.
pub fn is_live(now: DateTime<Utc>) -> sea_orm::Condition {
    let newer = Alias::new("newer");
    let mut newer_live = Query::select();
    newer_live
        .expr(Expr::val(1))
        .from_as(content_revision::Entity, newer.clone())
        .and_where(
            Expr::col((newer.clone(), content_revision::Column::ItemId))
                .equals((content_revision::Entity, content_revision::Column::ItemId)),
        )
        .and_where(
            Expr::col((newer.clone(), content_revision::Column::State))
                .eq(RevisionState::Published.as_str()),
        )
        .and_where(Expr::col((newer.clone(), content_revision::Column::PublishAt)).lte(now))
        .and_where(
            Expr::col((newer, content_revision::Column::Number)).gt(Expr::col((
                content_revision::Entity,
                content_revision::Column::Number,
            ))),
        );
    sea_orm::Condition::all()
        .add(
            content_revision::COLUMN
                .state
                .eq(RevisionState::Published.as_str()),
        )
        .add(content_revision::COLUMN.publish_at.lte(now))
        .add(Expr::not_exists(newer_live))
}

/// Every revision, newest first, with the steps each went through.
pub async fn history<C: ConnectionTrait>(
    db: &C,
    item: &content_item::Model,
) -> Result<Vec<RevisionHistoryEntry>, ApiError> {
    let revisions = revisions(db, item.id).await?;
    let transitions = content_transition::Entity::find()
        .filter(
            content_transition::COLUMN
                .revision_id
                .is_in(revisions.iter().map(|r| r.id)),
        )
        .order_by_asc(content_transition::COLUMN.id)
        .all(db)
        .await?;
    let people = revisions
        .iter()
        .map(|r| r.author_id)
        .chain(transitions.iter().map(|t| t.actor_id));
    let names = author_names(db, people).await?;
    revisions
        .iter()
        .map(|revision| {
            let steps = transitions
                .iter()
                .filter(|t| t.revision_id == revision.id)
                .map(|t| {
                    Ok(TransitionRecord {
                        from: RevisionState::parse(&t.from_state),
                        to: RevisionState::parse(&t.to_state).ok_or_else(|| {
                            anyhow::anyhow!("transition {} has unknown state", t.id)
                        })?,
                        actor_id: t.actor_id,
                        actor_name: names.get(&t.actor_id).cloned().unwrap_or_default(),
                        at: t.occurred_at.fixed_offset(),
                        comment: t.comment.clone(),
                    })
                })
                .collect::<Result<Vec<_>, ApiError>>()?;
            Ok(RevisionHistoryEntry {
                revision: summary(revision, &names)?,
                transitions: steps,
            })
        })
        .collect()
}

fn line_diff(old: &str, new: &str) -> Vec<DiffLine> {
    similar::utils::diff_lines(similar::Algorithm::Myers, old, new)
        .into_iter()
        .map(|(tag, text)| DiffLine {
            change: match tag {
                similar::ChangeTag::Equal => DiffChange::Equal,
                similar::ChangeTag::Insert => DiffChange::Insert,
                similar::ChangeTag::Delete => DiffChange::Delete,
            },
            text: text.trim_end_matches('\n').to_owned(),
        })
        .collect()
}

/// What changed from revision `from` to revision `to` of an item.
pub async fn diff<C: ConnectionTrait>(
    db: &C,
    item: &content_item::Model,
    from: i32,
    to: i32,
) -> Result<RevisionDiff, ApiError> {
    let revisions = revisions(db, item.id).await?;
    let find = |number: i32| {
        revisions
            .iter()
            .find(|r| r.number == number)
            .ok_or(ApiError::NotFound)
    };
    let (old, new) = (find(from)?, find(to)?);
    Ok(RevisionDiff {
        from,
        to,
        title: line_diff(&old.title, &new.title),
        summary: line_diff(&old.summary, &new.summary),
        body: line_diff(&old.body_markdown, &new.body_markdown),
    })
}

/// Makes the text of an old revision the new working draft (it still needs review).
pub async fn restore<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    item: &content_item::Model,
    editor: i64,
    number: i32,
) -> Result<(), ApiError> {
    // Read outside the saving transaction: old revisions never change.
    let all = revisions(db, item.id).await?;
    let old = all
        .iter()
        .find(|r| r.number == number)
        .ok_or(ApiError::NotFound)?;
    let draft = CheckedDraft {
        title: old.title.clone(),
        category: old.category.as_deref().and_then(|c| Slug::parse(c).ok()),
        summary: old.summary.clone(),
        body: old.body_markdown.clone(),
        details: details_of(old)?,
    };
    save_draft(db, item, editor, draft).await
}

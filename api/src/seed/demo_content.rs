//! Demo content for several units: menu pages, announcements (one expired), legal
//! documents (one replaced, one expired) and news, each written by the unit's demo
//! editor and approved by its demo reviewer through the real review workflow. Items
//! that exist already are skipped, so seeding twice adds nothing.

use chrono::{Duration, Utc};
use entity::{account, content_item, unit};
use openapi::content::{ContentDetails, ContentDraft, ContentKind};
use openapi::legal_documents::{DocumentFields, DocumentType, Validity};
use openapi::values::Slug;
use sea_orm::prelude::*;
use sea_orm::{DatabaseConnection, QueryFilter};
use serde::Deserialize;

use crate::services::{accounts, content, units};

const DEMO_CONTENT: &str = include_str!("../../data/demo-content.json");
const DEMO_ARTICLES: &str = include_str!("../../data/demo-articles.json");

#[derive(Deserialize)]
struct ContentFile {
    units: Vec<UnitRecord>,
    pages: Vec<PageRecord>,
    announcements: Vec<AnnouncementRecord>,
    documents: Vec<DocumentRecord>,
    article_templates: Vec<ArticleRecord>,
}

#[derive(Deserialize)]
struct UnitRecord {
    slug: String,
    chairman: String,
    /// Whether the unit gets the hand-written articles of `demo-articles.json`
    /// rather than the templated ones.
    own_articles: bool,
}

#[derive(Deserialize)]
struct PageRecord {
    slug: String,
    menu_order: i32,
    title: String,
    summary: String,
    body: String,
}

#[derive(Deserialize)]
struct AnnouncementRecord {
    slug: String,
    /// Negative: already expired; absent: never expires.
    expires_in_days: Option<i64>,
    title: String,
    summary: String,
    body: String,
}

#[derive(Deserialize)]
struct DocumentRecord {
    slug: String,
    number: String,
    document_type: DocumentType,
    issued_days_ago: i64,
    effective_days_after: Option<i64>,
    validity: Validity,
    replaced_by: Option<String>,
    title: String,
    summary: String,
    body: String,
}

#[derive(Deserialize)]
struct ArticleFile {
    articles: Vec<ArticleRecord>,
}

#[derive(Deserialize)]
struct ArticleRecord {
    slug: String,
    category: String,
    title: String,
    summary: String,
    body: String,
}

/// One item to publish: its kind, slug and text.
pub(super) struct DemoItem {
    pub kind: ContentKind,
    pub slug: String,
    pub draft: ContentDraft,
}

pub(super) fn draft(title: &str, summary: &str, body: &str, unit: &unit::Model) -> ContentDraft {
    let named = |text: &str| text.replace("{unit}", &unit.name);
    ContentDraft {
        title: named(title),
        category: None,
        summary: named(summary),
        body: named(body),
        details: ContentDetails::default(),
    }
}

/// Everything the unit gets, in publication order (documents replaced by another
/// come after their replacement, which must exist first).
fn items_for(
    file: &ContentFile,
    record: &UnitRecord,
    unit: &unit::Model,
) -> anyhow::Result<Vec<DemoItem>> {
    let today = Utc::now().date_naive();
    let mut items = Vec::new();
    let own: ArticleFile;
    let articles = if record.own_articles {
        own = serde_json::from_str(DEMO_ARTICLES)?;
        &own.articles
    } else {
        &file.article_templates
    };
    // Oldest first, so lists show them newest first in the file's order.
    for article in articles.iter().rev() {
        let mut text = draft(&article.title, &article.summary, &article.body, unit);
        text.category = Some(article.category.clone());
        items.push(DemoItem {
            kind: ContentKind::Article,
            slug: article.slug.clone(),
            draft: text,
        });
    }
    for page in &file.pages {
        let mut text = draft(&page.title, &page.summary, &page.body, unit);
        text.details.menu_order = Some(page.menu_order);
        items.push(DemoItem {
            kind: ContentKind::Page,
            slug: page.slug.clone(),
            draft: text,
        });
    }
    for announcement in &file.announcements {
        let mut text = draft(
            &announcement.title,
            &announcement.summary,
            &announcement.body,
            unit,
        );
        text.details.expires_at = announcement
            .expires_in_days
            .map(|days| (Utc::now() + Duration::days(days)).fixed_offset());
        items.push(DemoItem {
            kind: ContentKind::Announcement,
            slug: announcement.slug.clone(),
            draft: text,
        });
    }
    let mut documents: Vec<&DocumentRecord> = file.documents.iter().collect();
    documents.sort_by_key(|document| document.replaced_by.is_some());
    for document in documents {
        let issued_on = today - Duration::days(document.issued_days_ago);
        let mut text = draft(&document.title, &document.summary, &document.body, unit);
        text.details.document = Some(DocumentFields {
            number: document.number.clone(),
            document_type: document.document_type,
            issuer: format!("Ủy ban nhân dân {}", unit.name),
            signer: record.chairman.clone(),
            issued_on,
            effective_on: document
                .effective_days_after
                .map(|days| issued_on + Duration::days(days)),
            validity: document.validity,
            replaced_by: document.replaced_by.clone(),
            file: None,
        });
        items.push(DemoItem {
            kind: ContentKind::LegalDocument,
            slug: document.slug.clone(),
            draft: text,
        });
    }
    Ok(items)
}

pub(super) async fn demo_staff(
    db: &DatabaseConnection,
    role: openapi::auth::Role,
    unit_slug: &str,
) -> anyhow::Result<account::Model> {
    let email = super::demo_email(role, unit_slug);
    accounts::find_by_login_input(db, &email)
        .await
        .map_err(|e| anyhow::anyhow!("demo account {email}: {e}"))
}

/// Publishes the demo content of every demo unit; returns how many items were added.
pub async fn seed_demo_content(db: &DatabaseConnection) -> anyhow::Result<usize> {
    let file: ContentFile = serde_json::from_str(DEMO_CONTENT)?;
    let mut published = 0;
    for record in &file.units {
        let unit = units::by_slug(db, &record.slug)
            .await
            .map_err(|e| anyhow::anyhow!("unit {}: {e}", record.slug))?;
        let editor = demo_staff(db, openapi::auth::Role::Editor, &record.slug).await?;
        let reviewer = demo_staff(db, openapi::auth::Role::Reviewer, &record.slug).await?;
        for item in items_for(&file, record, &unit)? {
            if publish_once(db, &unit, &editor, &reviewer, item).await? {
                published += 1;
            }
        }
    }
    Ok(published)
}

/// Publishes `item` through the review workflow unless the unit has it already;
/// `true` when it was published now.
pub(super) async fn publish_once(
    db: &DatabaseConnection,
    unit: &unit::Model,
    editor: &account::Model,
    reviewer: &account::Model,
    item: DemoItem,
) -> anyhow::Result<bool> {
    let exists = content_item::Entity::find()
        .filter(content_item::COLUMN.unit_id.eq(unit.id))
        .filter(content_item::COLUMN.kind.eq(item.kind.as_str()))
        .filter(content_item::COLUMN.slug.eq(item.slug.as_str()))
        .one(db)
        .await?
        .is_some();
    if exists {
        return Ok(false);
    }
    let context = |e: crate::error::ApiError| {
        anyhow::anyhow!(
            "demo {} {} of {}: {e}",
            item.kind.as_str(),
            item.slug,
            unit.slug
        )
    };
    let checked = item.draft.parse(item.kind).map_err(|errors| {
        anyhow::anyhow!("demo {} {}: {errors:?}", item.kind.as_str(), item.slug)
    })?;
    let slug = Slug::parse(&item.slug)?;
    let created = content::create(db, unit.id, editor.id, item.kind, slug, checked)
        .await
        .map_err(context)?;
    content::submit(db, &created, editor.id)
        .await
        .map_err(context)?;
    content::approve(db, &created, reviewer.id, None, None)
        .await
        .map_err(context)?;
    Ok(true)
}

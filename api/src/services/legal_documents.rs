//! Published legal documents (văn bản): the register a citizen searches by type,
//! year, validity and number, newest issue date first.

use chrono::{Datelike, Utc};
use entity::{content_item, content_revision, unit};
use openapi::attachments::file_url;
use openapi::content::{ContentKind, UnitLabel};
use openapi::legal_documents::{
    DocumentType, LegalDocument, LegalDocumentPage, LegalDocumentSummary, Validity,
};
use sea_orm::ConnectionTrait;

use crate::error::ApiError;
use crate::services::content::details_of;
use crate::services::published::{OffsetCursor, live_items, page_of, published};
use crate::services::units;
use crate::text::fold;

/// What the list is narrowed to; every given condition must hold.
#[derive(Debug, Clone, Default)]
pub struct DocumentFilter {
    pub document_type: Option<DocumentType>,
    pub validity: Option<Validity>,
    /// The year of issue.
    pub year: Option<i32>,
    /// Words of the number, title, issuer or text, without regard to case or
    /// diacritics.
    pub text: Option<String>,
}

fn summary(
    unit: UnitLabel,
    item: &content_item::Model,
    revision: &content_revision::Model,
) -> Result<LegalDocumentSummary, ApiError> {
    let document = details_of(revision)?
        .document
        .ok_or_else(|| anyhow::anyhow!("legal document revision {} has no fields", revision.id))?;
    Ok(LegalDocumentSummary {
        unit,
        slug: item.slug.clone(),
        title: revision.title.clone(),
        summary: revision.summary.clone(),
        number: document.number,
        document_type: document.document_type,
        issuer: document.issuer,
        signer: document.signer,
        issued_on: document.issued_on,
        effective_on: document.effective_on,
        validity: document.validity,
        replaced_by: document.replaced_by,
        file_url: document.file.as_deref().map(file_url),
        published_at: revision.publish_at.unwrap_or_else(Utc::now).fixed_offset(),
    })
}

fn matches(
    filter: &DocumentFilter,
    terms: &[String],
    document: &LegalDocumentSummary,
    search_text: &str,
) -> bool {
    filter
        .document_type
        .is_none_or(|wanted| document.document_type == wanted)
        && filter
            .validity
            .is_none_or(|wanted| document.validity == wanted)
        && filter
            .year
            .is_none_or(|year| document.issued_on.year() == year)
        && terms.iter().all(|term| search_text.contains(term.as_str()))
}

/// The unit's (for a district, also its wards') documents that pass `filter`.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    filter: &DocumentFilter,
    cursor: Option<OffsetCursor>,
    limit: usize,
) -> Result<LegalDocumentPage, ApiError> {
    let labels = units::with_children_labels(db, unit.clone()).await?;
    let terms = filter.text.as_deref().map(fold::terms).unwrap_or_default();
    let mut found = Vec::new();
    for (item, revision) in
        live_items(db, labels.keys().copied(), ContentKind::LegalDocument).await?
    {
        let Some(label) = labels.get(&item.unit_id) else {
            continue;
        };
        let document = summary(label.clone(), &item, &revision)?;
        if matches(filter, &terms, &document, &revision.search_text) {
            found.push(document);
        }
    }
    found.sort_by(|a, b| {
        b.issued_on
            .cmp(&a.issued_on)
            .then(b.published_at.cmp(&a.published_at))
    });
    let (items, next_cursor) = page_of(found, cursor, limit);
    Ok(LegalDocumentPage { items, next_cursor })
}

pub async fn show<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    slug: &str,
) -> Result<LegalDocument, ApiError> {
    let (item, published) = published(db, unit, ContentKind::LegalDocument, slug).await?;
    let live = published.first().ok_or(ApiError::NotFound)?;
    let label = UnitLabel {
        slug: unit.slug.clone(),
        name: unit.name.clone(),
    };
    Ok(LegalDocument {
        document: summary(label, &item, live)?,
        body_html: live.body_html.clone(),
    })
}

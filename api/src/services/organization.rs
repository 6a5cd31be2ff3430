//! The published organization of a unit (one reviewed item, slug `co-cau-to-chuc`).

use entity::unit;
use openapi::attachments::file_url;
use openapi::content::{ContentKind, ORGANIZATION_SLUG, UnitLabel};
use openapi::organization::{Organization, PublicBody, PublicMember};
use sea_orm::ConnectionTrait;

use crate::error::ApiError;
use crate::services::content::details_of;
use crate::services::published::published;

pub async fn show<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
) -> Result<Organization, ApiError> {
    let (_, published) = published(db, unit, ContentKind::Organization, ORGANIZATION_SLUG).await?;
    let live = published.first().ok_or(ApiError::NotFound)?;
    let fields = details_of(live)?
        .organization
        .ok_or_else(|| anyhow::anyhow!("organization revision {} has no fields", live.id))?;
    Ok(Organization {
        unit: UnitLabel {
            slug: unit.slug.clone(),
            name: unit.name.clone(),
        },
        bodies: fields
            .bodies
            .into_iter()
            .map(|body| PublicBody {
                kind: body.kind,
                name: body.name,
                functions: body.functions,
                phone: body.phone,
                members: body
                    .members
                    .into_iter()
                    .map(|member| PublicMember {
                        photo_url: member.photo.as_deref().map(file_url),
                        name: member.name,
                        position: member.position,
                        phone: member.phone,
                        email: member.email,
                    })
                    .collect(),
            })
            .collect(),
        published_at: live.publish_at.unwrap_or_default().fixed_offset(),
    })
}

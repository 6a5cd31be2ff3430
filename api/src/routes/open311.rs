//! Open311 GeoReport v2 for third parties, under `/open311/v2/` with the
//! specification's fixed names, each in `.json` and `.xml`. Failures answer the
//! specification's error list in the same format, never a problem body.

use actix_web::http::StatusCode;
use actix_web::web;
use entity::unit;
use openapi::api_keys::ApiKeyScope;
use sea_orm::{ConnectionTrait, EntityTrait};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::ApiError;
use crate::services::open311;
use crate::services::units::{self, UnitScope};
use reply::{Failure, Format};

mod create_request;
mod discovery;
mod reply;
mod request;
mod requests;
mod service_definition;
mod services;
mod token;
mod xml;

/// Largest form accepted: a description of 5,000 Vietnamese characters, percent-encoded.
const FORM_LIMIT_BYTES: usize = 64 * 1024;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.app_data(web::QueryConfig::default().error_handler(reply::query_error))
        .app_data(
            web::FormConfig::default()
                .limit(FORM_LIMIT_BYTES)
                .error_handler(reply::form_error),
        )
        .service(discovery::discovery)
        .service(services::services)
        .service(service_definition::service_definition)
        .service(create_request::create_request)
        .service(requests::requests)
        .service(request::request)
        .service(token::token)
        .default_service(web::to(reply::not_found));
}

/// The ward named by `jurisdiction_id`, which these calls need to know.
async fn jurisdiction<C: ConnectionTrait>(
    db: &C,
    format: Format,
    jurisdiction_id: Option<&str>,
) -> Result<(unit::Model, UnitScope), Failure> {
    let slug = jurisdiction_id
        .map(str::trim)
        .filter(|slug| !slug.is_empty())
        .ok_or_else(|| {
            Failure::new(
                format,
                StatusCode::BAD_REQUEST,
                "Cần jurisdiction_id: mã của phường, ví dụ phuong-1",
            )
        })?;
    units::scope(db, slug).await.map_err(|error| match error {
        ApiError::NotFound => Failure::new(
            format,
            StatusCode::NOT_FOUND,
            "Không có đơn vị hành chính với jurisdiction_id này",
        ),
        other => Failure::api(format, other),
    })
}

/// The ward named by `jurisdiction_id`, for a read: a key is optional then, but one
/// that is sent must be a live key of this ward.
async fn readable_jurisdiction<C: ConnectionTrait>(
    db: &C,
    format: Format,
    jurisdiction_id: Option<&str>,
    api_key: Option<&str>,
) -> Result<unit::Model, Failure> {
    let (unit, scope) = jurisdiction(db, format, jurisdiction_id).await?;
    open311::check_key(db, api_key, ApiKeyScope::FeedbackRead, &scope, false)
        .await
        .map_err(|refusal| Failure::refused(format, refusal))?;
    Ok(unit)
}

/// The unit `unit_id` and the units above it, for checking a key against it.
async fn scope_of<C: ConnectionTrait>(
    db: &C,
    format: Format,
    unit_id: i64,
) -> Result<UnitScope, Failure> {
    let fail = |error: ApiError| Failure::api(format, error);
    let unit = unit::Entity::find_by_id(unit_id)
        .one(db)
        .await
        .map_err(|e| fail(e.into()))?
        .ok_or_else(|| fail(anyhow::anyhow!("unit {unit_id} vanished").into()))?;
    let ancestor_ids = units::ancestors(db, &unit)
        .await
        .map_err(fail)?
        .iter()
        .map(|u| u.id)
        .collect();
    Ok(UnitScope {
        id: unit.id,
        ancestor_ids,
    })
}

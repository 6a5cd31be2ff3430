//! HTTP routes: one module per resource, one handler per action. Every handler
//! is registered with `.service()` so its `#[utoipa::path]` lands in the OpenAPI
//! document; roles are declared there as security requirements.

use serde::Deserialize;
use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

pub mod articles;
pub mod auth;
pub mod content;
pub mod docs;
pub mod me;
pub mod ops;
pub mod pages;
pub mod search;
pub mod site;
pub mod staff;
pub mod units;

/// Every route of the server; the OpenAPI document is collected from this too.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.configure(ops::configure).service(
        scope("/api/v1")
            .configure(docs::configure)
            .configure(site::configure)
            .configure(units::configure)
            .configure(articles::configure)
            .configure(pages::configure)
            .configure(content::configure)
            .configure(search::configure)
            .configure(staff::configure)
            .configure(auth::configure)
            .configure(me::configure),
    );
}

/// For operations without query parameters: any parameter is refused (400)
/// rather than silently ignored.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct NoQuery {}

/// The content type of every error body.
pub const PROBLEM: &str = "application/problem+json";

//! HTTP routes: one module per resource, one handler per action. Every handler
//! is registered with `.service()` so its `#[utoipa::path]` lands in the OpenAPI
//! document; roles are declared there as security requirements.

use serde::Deserialize;
use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

pub mod announcements;
pub mod api_keys;
pub mod articles;
pub mod attachments;
pub mod auth;
pub mod boundaries;
pub mod calendar;
pub mod content;
pub mod departments;
pub mod docs;
pub mod documents;
pub mod dossier_drafts;
pub mod dossier_inbox;
pub mod dossiers;
pub mod feedback;
pub mod feedback_messages;
pub mod feedback_statistics;
pub mod feedback_workflow;
pub mod files;
pub mod me;
pub mod open311;
pub mod ops;
pub mod organization;
pub mod pages;
pub mod planning;
pub mod procedures;
pub mod published_feedback;
pub mod schedule;
pub mod search;
pub mod site;
pub mod spokesperson;
pub mod staff;
pub mod units;
pub mod uploads;

/// Every route of the server; the OpenAPI document is collected from this too.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.configure(ops::configure)
        .service(
            scope("/api/v1")
                .configure(docs::configure)
                .configure(site::configure)
                .configure(units::configure)
                .configure(boundaries::configure)
                .configure(calendar::configure)
                // Before `feedback`: its `/units/{unit}/feedback/{code}` must not take
                // `statistics` for a code.
                .configure(feedback_statistics::configure)
                .configure(feedback_messages::configure)
                .configure(feedback::configure)
                .configure(feedback_workflow::configure)
                .configure(published_feedback::configure)
                .configure(departments::configure)
                .configure(dossier_inbox::configure)
                .configure(dossiers::configure)
                .configure(dossier_drafts::configure)
                .configure(procedures::configure)
                .configure(organization::configure)
                .configure(spokesperson::configure)
                .configure(schedule::configure)
                .configure(planning::configure)
                .configure(articles::configure)
                .configure(pages::configure)
                .configure(announcements::configure)
                .configure(documents::configure)
                .configure(content::configure)
                .configure(attachments::configure)
                .configure(files::configure)
                .configure(uploads::configure)
                .configure(search::configure)
                .configure(staff::configure)
                .configure(api_keys::configure)
                .configure(auth::configure)
                .configure(me::configure),
        )
        // Outside `/api/v1`: GeoReport v2 fixes these paths and their shapes.
        .service(scope("/open311/v2").configure(open311::configure));
}

/// For operations without query parameters: any parameter is refused (400)
/// rather than silently ignored.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct NoQuery {}

/// The page size a list was asked for: 1 to 100, 20 when not given.
pub fn page_limit(limit: Option<u64>) -> Result<usize, crate::error::ApiError> {
    let limit = limit.unwrap_or(crate::services::articles::DEFAULT_PAGE);
    if (1..=crate::services::articles::MAX_PAGE).contains(&limit) {
        Ok(limit as usize)
    } else {
        Err(crate::error::ApiError::InvalidQuery(
            "limit phải từ 1 đến 100".to_owned(),
        ))
    }
}

/// The client's address, for limits per client: the connection's peer, or, when
/// the server is configured to be behind a reverse proxy, the address that proxy
/// forwards. Trusting forwarded headers otherwise would let a client name any
/// address and escape every limit.
pub fn client_address(req: &actix_web::HttpRequest) -> String {
    let behind_proxy = req
        .app_data::<actix_web::web::Data<crate::state::AppState>>()
        .is_some_and(|state| state.config.behind_proxy);
    if behind_proxy && let Some(forwarded) = req.connection_info().realip_remote_addr() {
        return forwarded.to_owned();
    }
    req.peer_addr()
        .map(|peer| peer.ip().to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// The content type of every error body.
pub const PROBLEM: &str = "application/problem+json";

//! The OpenAPI document: info, tags and security here; operations and schemas are
//! collected from the handlers registered in `routes::configure`. Building it needs
//! no database, so `ward-portal openapi` and the drift test can run anywhere.

use actix_web::App;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_actix_web::AppExt;

use crate::routes;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Ward Portal API",
        version = "1.0.0",
        description = "Public and staff API of the ward (phường) sites and the district portal.\n\n\
            Errors are `application/problem+json` (RFC 9457) with a stable `code`. \
            Unknown JSON fields and query parameters are refused. Staff operations name \
            the roles they need as the scopes of the `bearer` security requirement; a \
            role is always held for one unit, and a resource of a unit the caller has \
            no role in answers 404.",
        license(name = "MIT")
    ),
    tags(
        (name = "units", description = "Administrative units and the site a host name resolves to"),
        (name = "auth", description = "Accounts, sign-in and sessions"),
        (name = "staff", description = "Staff of a unit and their roles"),
        (name = "articles", description = "Published content: articles (tin tức), pages and the menu, announcements (thông báo), legal documents (văn bản)"),
        (name = "ward information", description = "Organization, spokesperson, weekly schedule (JSON and iCalendar), planning; boundaries are under units"),
        (name = "search", description = "Search across published content, insensitive to case and diacritics"),
        (name = "content", description = "Writing and reviewing content: nothing is public before a reviewer approves it"),
        (name = "feedback", description = "Citizen feedback (phản ánh, kiến nghị): categories, sending, looking up by code and contact"),
        (name = "procedures", description = "A ward's procedure catalog (thủ tục hành chính): search, each procedure with its form, the appointment date it would give, a ward admin's edits as numbered versions. Only wards have procedures; a district answers 404"),
        (name = "dossiers", description = "Dossiers (hồ sơ) filed online under a ward's procedure: filing, drafts, reading by the owner and the ward's staff, public lookup by code and phone"),
        (name = "uploads", description = "Photos and PDF documents sent ahead of a form, which refers to them by id"),
        (name = "open311", description = "Open311 GeoReport v2 for third parties, under `/open311/v2/` with the specification's fixed paths, each in `.json` and `.xml`: a jurisdiction is a ward (`jurisdiction_id` = its slug), a service one of its feedback categories, a service request a feedback whose id is its tracking code. Sending needs an API key with `feedback:write`; reads are public and show no contact data. Errors are the specification's list of `{code, description}`, not problem bodies"),
        (name = "api keys", description = "API keys for third parties, made and revoked by a unit's admins; the key is shown once and stored hashed"),
        (name = "calendar", description = "The working-day calendar deadlines are counted on"),
        (name = "operations", description = "Health, readiness and metrics for operators"),
    ),
    components(schemas(openapi::Problem, openapi::ErrorCode, openapi::FieldError)),
    modifiers(&BearerSecurity)
)]
pub struct ApiDoc;

struct BearerSecurity;

impl Modify for BearerSecurity {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "Access token from POST /api/v1/auth/login (15 minutes)",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "open311_key",
            SecurityScheme::ApiKey(ApiKey::Query(ApiKeyValue::with_description(
                "api_key",
                "An API key from the unit's admins (POST /api/v1/units/{unit}/api-keys). \
                 Open311 clients send it as the `api_key` form field of POST requests; \
                 a query parameter works too. Its scopes are `feedback:write` and `feedback:read`.",
            ))),
        );
    }
}

pub fn document() -> utoipa::openapi::OpenApi {
    let (_, document) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .configure(routes::configure)
        .split_for_parts();
    document
}

/// The document as committed in `openapi/openapi.json`.
pub fn document_json() -> anyhow::Result<String> {
    Ok(document().to_pretty_json()? + "\n")
}

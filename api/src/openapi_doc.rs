//! The OpenAPI document: info, tags and security here; operations and schemas are
//! collected from the handlers registered in `routes::configure`. Building it needs
//! no database, so `ward-portal openapi` and the drift test can run anywhere.

use actix_web::App;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
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
        (name = "uploads", description = "Photos sent ahead of a form, which refers to them by id"),
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

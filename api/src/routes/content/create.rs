use actix_web::{HttpResponse, post, web};
use openapi::Problem;
use openapi::content::{CreateContentRequest, StaffContentItem};
use openapi::values::Slug;

use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::services::{content, units};
use crate::state::AppState;

/// Starts a new article, page, announcement or legal document as a draft.
#[utoipa::path(
    tag = "content",
    operation_id = "create_content",
    security(("bearer" = ["editor"])),
    params(("unit" = String, Path, description = "The unit's slug")),
    request_body = CreateContentRequest,
    responses(
        (status = 201, description = "The new item with its first draft", body = StaffContentItem),
        (status = 400, description = "Malformed body or unknown field", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an editor of this unit", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit, or one the caller has no role in", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The slug is taken (`slug_taken`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid; see `errors`", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/units/{unit}/content")]
pub async fn create(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    body: web::Json<CreateContentRequest>,
) -> Result<HttpResponse, ApiError> {
    let (unit, scope) = units::scope(&state.db, &path.into_inner()).await?;
    require_role(&user, &super::WRITERS, &scope)?;
    let slug = Slug::parse(&body.slug).map_err(|e| e.on("slug"));
    let draft = body.draft().parse(body.kind);
    let (slug, draft) = match (slug, draft) {
        (Ok(slug), Ok(draft)) => match body.kind.required_slug(&draft.details) {
            Some(required) if required != slug.as_str() => {
                return Err(ApiError::invalid(openapi::FieldError::new(
                    "slug",
                    "fixed_by_kind",
                    &format!("{} dùng đường dẫn {required}", body.kind.label()),
                )));
            }
            _ => (slug, draft),
        },
        (slug, draft) => {
            let mut errors: Vec<_> = slug.err().into_iter().collect();
            errors.extend(draft.err().unwrap_or_default());
            return Err(ApiError::Validation(errors));
        }
    };
    let item = content::create(&state.db, unit.id, user.account.id, body.kind, slug, draft).await?;
    let view = content::staff_view(&state.db, &unit.slug, &item).await?;
    Ok(HttpResponse::Created().json(view))
}

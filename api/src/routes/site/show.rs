use actix_web::{HttpRequest, get, web};
use openapi::Problem;
use openapi::units::Site;

use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::units;
use crate::state::AppState;

/// The site this request's `Host` names: a ward site or a portal.
///
/// `phuong1.quan10.gov.vn` (a unit's public host) and `phuong-1.localhost:8080`
/// (a slug under a base domain) both name Phường 1; a bare base domain names the
/// portal.
#[utoipa::path(
    operation_id = "show_site",
    tag = "units",
    params(NoQuery),
    responses(
        (status = 200, description = "The unit whose site this is, with its ancestors and the sites below it", body = Site),
        (status = 400, description = "Unknown query parameter", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No site for this host (`unknown_site`)", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/site")]
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    _: web::Query<NoQuery>,
) -> Result<web::Json<Site>, ApiError> {
    let (host, scheme) = {
        let info = req.connection_info();
        (info.host().to_owned(), info.scheme().to_owned())
    };
    let site = units::resolve_site(
        &state.db,
        &host,
        &scheme,
        &state.config.base_domains,
        state.config.portal_unit.as_deref(),
    )
    .await?;
    Ok(web::Json(site))
}

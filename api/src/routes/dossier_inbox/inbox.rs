use actix_web::{get, web};
use openapi::Problem;
use openapi::auth::Role;
use openapi::dossier_workflow::{DossierInbox, DueFilter};
use openapi::dossiers::DossierStatus;
use serde::Deserialize;

use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::local_time;
use crate::routes::page_limit;
use crate::services::dossier_inbox::{self, Filter, Visibility};
use crate::services::page_cursor::{TimeCursor, TimeList};
use crate::services::{calendar, units};
use crate::state::AppState;

/// Who reads the inbox; a department officer only what is assigned to them.
const READERS: [Role; 3] = [
    Role::IntakeOfficer,
    Role::DepartmentOfficer,
    Role::WardAdmin,
];
/// Who reads every dossier of the ward.
const WHOLE_WARD: [Role; 2] = [Role::IntakeOfficer, Role::WardAdmin];

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct InboxQuery {
    /// Only dossiers in this status.
    #[param(inline)]
    pub status: Option<DossierStatus>,
    /// Only dossiers without a result that are past the date in force (`overdue`),
    /// due within one working day (`at_risk`), or due today (`today`).
    #[param(inline)]
    pub due: Option<DueFilter>,
    /// Only dossiers of this procedure, e.g. `HT-KS`.
    pub procedure: Option<String>,
    /// Words of the code or the applicant's name; case and diacritics do not matter.
    pub q: Option<String>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Items per page, 1 to 100 (default 20).
    pub limit: Option<u64>,
}

/// The ward's dossiers, newest first, with their due dates and whether they are at
/// risk or late, and how many the caller sees in each status (for badges). Intake
/// officers and admins see every dossier of the ward; a department officer only
/// those assigned to them.
#[utoipa::path(
    tag = "dossiers",
    operation_id = "dossier_inbox",
    security(("bearer" = ["intake_officer", "department_officer", "ward_admin", "district_admin"])),
    params(("unit" = String, Path, description = "The ward's slug"), InboxQuery),
    responses(
        (status = 200, description = "One page of the inbox", body = DossierInbox),
        (status = 400, description = "Unknown parameter, bad cursor or limit", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Staff of the ward without one of the roles", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit, or one the caller has no role in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/dossiers")]
pub async fn inbox(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<InboxQuery>,
) -> Result<web::Json<DossierInbox>, ApiError> {
    let (unit, scope) = units::scope(&state.db, &path).await?;
    require_role(&user, &READERS, &scope)?;
    let visibility = if require_role(&user, &WHOLE_WARD, &scope).is_ok() {
        Visibility::Unit
    } else {
        Visibility::AssignedTo(user.account.id)
    };
    let query = query.into_inner();
    let cursor = query
        .cursor
        .as_deref()
        .map(|cursor| TimeCursor::decode(cursor, TimeList::Dossiers))
        .transpose()?;
    let limit = page_limit(query.limit)? as u64;
    let filter = Filter {
        status: query.status,
        due: query.due,
        procedure: query.procedure,
        q: query.q,
    };
    let calendar = calendar::load(&state.db).await?;
    Ok(web::Json(
        dossier_inbox::page(
            &state.db,
            unit.id,
            visibility,
            user.account.id,
            &filter,
            cursor,
            limit,
            local_time::today(),
            &calendar,
        )
        .await?,
    ))
}

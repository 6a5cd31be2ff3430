use std::time::Duration;

use actix_web::http::header::{self, HeaderValue};
use actix_web::web::Bytes;
use actix_web::{HttpResponse, get, web};
use futures_util::stream;
use openapi::Problem;
use openapi::auth::Role;
use openapi::dossier_inbox::{INBOX_EVENT, InboxSignal};
use sea_orm::DatabaseConnection;

use crate::auth::{CurrentUser, require_role};
use crate::error::ApiError;
use crate::routes::NoQuery;
use crate::services::{dossier_inbox_signal, sessions, units};
use crate::state::AppState;

const INTAKE: [Role; 3] = [Role::IntakeOfficer, Role::WardAdmin, Role::DistrictAdmin];

/// How often an open stream looks at the database.
const TICK: Duration = Duration::from_secs(2);
/// A comment line this often keeps proxies from closing a quiet stream.
const KEEP_ALIVE_TICKS: u32 = 10;
/// The stream ends after this many ticks (10 minutes); the client reconnects, and
/// with it the caller's roles are checked again.
const LIFETIME_TICKS: u32 = 300;

/// A stream of `inbox` events for the ward's intake officers: the signal at once, then
/// again whenever a dossier of the ward is filed or changes, so an open inbox shows new
/// dossiers without reloading. Each event's data is an `InboxSignal` as JSON.
#[utoipa::path(
    tag = "dossiers",
    operation_id = "dossier_inbox_events",
    security(("bearer" = ["intake_officer", "ward_admin", "district_admin"])),
    params(("unit" = String, Path, description = "The ward's slug"), NoQuery),
    responses(
        (status = 200, description = "`text/event-stream`: `event: inbox` with an `InboxSignal` as `data`, `:` keep-alive comments", body = InboxSignal, content_type = "text/event-stream"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Without an intake role in this ward", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such unit, or one the caller has no role in", body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/units/{unit}/dossier-inbox/events")]
pub async fn events(
    user: CurrentUser,
    state: web::Data<AppState>,
    path: web::Path<String>,
    _: web::Query<NoQuery>,
) -> Result<HttpResponse, ApiError> {
    let (unit, scope) = units::scope(&state.db, &path).await?;
    require_role(&user, &INTAKE, &scope)?;
    let watch = Watch {
        db: state.db.clone(),
        unit_id: unit.id,
        account_id: user.account.id,
        session: user.session,
        last: None,
        ticks: 0,
    };
    let events = stream::unfold(watch, |mut watch| async move {
        let chunk = watch.next_chunk().await?;
        Some((Ok::<_, actix_web::Error>(chunk), watch))
    });
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/event-stream"))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        // Compression would hold events back until a buffer fills.
        .insert_header((
            header::CONTENT_ENCODING,
            HeaderValue::from_static("identity"),
        ))
        .insert_header(("X-Accel-Buffering", "no"))
        .streaming(events))
}

/// One open stream: what it last sent and how long it has run.
struct Watch {
    db: DatabaseConnection,
    unit_id: i64,
    account_id: i64,
    session: String,
    last: Option<InboxSignal>,
    ticks: u32,
}

impl Watch {
    /// The next bytes to send; `None` ends the stream.
    async fn next_chunk(&mut self) -> Option<Bytes> {
        loop {
            if self.last.is_some() {
                tokio::time::sleep(TICK).await;
                self.ticks += 1;
            }
            if self.ticks >= LIFETIME_TICKS {
                return None;
            }
            // Signing out (or a revoked session) ends the stream at the next tick.
            match sessions::is_live(&self.db, self.account_id, &self.session).await {
                Ok(true) => {}
                Ok(false) => return None,
                Err(error) => {
                    tracing::warn!(%error, "inbox stream cannot check its session");
                    return None;
                }
            }
            let signal = match dossier_inbox_signal::signal(&self.db, self.unit_id).await {
                Ok(signal) => signal,
                Err(error) => {
                    tracing::warn!(?error, "inbox stream cannot read the inbox");
                    return None;
                }
            };
            if self.last.as_ref() != Some(&signal) {
                let data = serde_json::to_string(&signal).ok()?;
                self.last = Some(signal);
                return Some(Bytes::from(format!(
                    "event: {INBOX_EVENT}\ndata: {data}\n\n"
                )));
            }
            if self.ticks.is_multiple_of(KEEP_ALIVE_TICKS) {
                return Some(Bytes::from_static(b": keep-alive\n\n"));
            }
        }
    }
}

//! The audit trail: one typed event per state change, written in the same
//! transaction as the change.

use chrono::Utc;
use entity::audit_event;
use sea_orm::Set;
use sea_orm::{ActiveModelTrait, ConnectionTrait};
use serde::Serialize;

use crate::error::ApiError;
use crate::middleware::request_id;

/// Everything the audit trail records. Logins appear masked; no secrets.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum AuditEvent {
    AccountRegistered {
        account_id: i64,
    },
    AccountCreated {
        account_id: i64,
    },
    SignedIn {
        account_id: i64,
        session: String,
    },
    SignInFailed {
        account_id: Option<i64>,
        login: String,
        reason: &'static str,
    },
    SignedOut {
        account_id: i64,
    },
    RefreshTokenReused {
        account_id: i64,
        session: String,
    },
    PasswordChanged {
        account_id: i64,
    },
    AccountDisabled {
        account_id: i64,
    },
    ContentTransition {
        item_id: i64,
        revision: i32,
        from: String,
        to: &'static str,
    },
    ContentArchived {
        item_id: i64,
        revision: i32,
    },
    RoleGranted {
        account_id: i64,
        role: &'static str,
        unit_id: i64,
    },
    RoleRevoked {
        account_id: i64,
        role: &'static str,
        unit_id: i64,
    },
    FileUploaded {
        key: String,
        content_type: &'static str,
        size: u64,
    },
    BoundaryUpdated {
        unit_id: i64,
        illustrative: bool,
    },
    FeedbackReceived {
        feedback_id: i64,
    },
    DossierSubmitted {
        dossier_id: i64,
        code: String,
    },
    FeedbackTransition {
        feedback_id: i64,
        from: &'static str,
        to: &'static str,
    },
    DepartmentMemberAdded {
        department_id: i64,
        account_id: i64,
    },
    DepartmentMemberRemoved {
        department_id: i64,
        account_id: i64,
    },
    ApiKeyCreated {
        api_key_id: i64,
        prefix: String,
        scopes: String,
    },
    ApiKeyRevoked {
        api_key_id: i64,
        prefix: String,
    },
    /// Feedback sent through Open311: the key's holder attests the citizen's consent.
    Open311RequestReceived {
        feedback_code: String,
        api_key_id: i64,
        consent_attested_by_key: bool,
    },
    FeedbackMessagePosted {
        feedback_id: i64,
        message_id: i64,
        visibility: &'static str,
        by_citizen: bool,
    },
    /// A ward admin's edit of a procedure, saved as `version`.
    ProcedureUpdated {
        procedure_id: i64,
        code: String,
        version: i32,
    },
}

/// Records `event`, done by `actor` (none for anonymous or the command line) in `unit`.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    actor: Option<i64>,
    unit_id: Option<i64>,
    event: AuditEvent,
) -> Result<(), ApiError> {
    let mut detail = serde_json::to_value(&event).map_err(anyhow::Error::from)?;
    let name = detail
        .as_object_mut()
        .and_then(|fields| fields.remove("event"))
        .and_then(|name| name.as_str().map(str::to_owned))
        .unwrap_or_default();
    audit_event::ActiveModel {
        occurred_at: Set(Utc::now()),
        actor_account_id: Set(actor),
        unit_id: Set(unit_id),
        event: Set(name),
        detail: Set(detail.to_string()),
        request_id: Set(request_id::current().filter(|id| !id.is_empty())),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

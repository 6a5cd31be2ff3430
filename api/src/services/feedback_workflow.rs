//! How the ward handles a feedback: forward to a department, answer, return, approve
//! with the redacted public texts, publish (or close when the citizen asked for
//! privacy), reject, close. Each command is one transaction that moves the state
//! only if nobody moved it meanwhile, records the step and an audit event, and
//! queues the citizen's e-mail for the steps they must hear of.

use chrono::Utc;
use entity::{feedback, feedback_event, unit};
use openapi::FieldError;
use openapi::feedback::FeedbackState;
use openapi::feedback_workflow::{
    CheckedApproval, CheckedForward, CheckedRejection, HiddenKind, HiddenText, RedactionPreview,
};
use sea_orm::prelude::*;
use sea_orm::{ConnectionTrait, QueryFilter, Set, TransactionSession, TransactionTrait};

use crate::db::begin_write;
use crate::error::ApiError;
use crate::local_time;
use crate::services::actor::Actor;
use crate::services::audit::{self, AuditEvent};
use crate::services::feedback::WORKING_DAYS_TO_ANSWER;
use crate::services::{calendar, departments, outbox};
use crate::text::fold::fold;
use crate::text::redact::{self, RedactionKind};

/// Working days to answer when several agencies are involved.
pub const WORKING_DAYS_MULTI_AGENCY: u32 = 15;

/// The feedback with tracking code `code` in the unit, or 404.
pub async fn find<C: ConnectionTrait>(
    db: &C,
    unit_id: i64,
    code: &str,
) -> Result<feedback::Model, ApiError> {
    feedback::Entity::find()
        .filter(feedback::COLUMN.unit_id.eq(unit_id))
        .filter(feedback::COLUMN.code.eq(code.trim().to_uppercase()))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)
}

pub fn state_of(record: &feedback::Model) -> Result<FeedbackState, ApiError> {
    FeedbackState::parse(&record.state)
        .ok_or_else(|| anyhow::anyhow!("unknown feedback state {}", record.state).into())
}

/// The state `record` is in, if it is one of `allowed`; else 409 saying `why`.
fn expect_state(
    record: &feedback::Model,
    allowed: &[FeedbackState],
    why: &str,
) -> Result<FeedbackState, ApiError> {
    let state = state_of(record)?;
    if allowed.contains(&state) {
        Ok(state)
    } else {
        Err(ApiError::InvalidTransition(why.to_owned()))
    }
}

/// Moves `record` from `from` to `to` with `changes`, unless another member of
/// staff moved it first (409); records the step and the audit event.
async fn transition<C: ConnectionTrait>(
    txn: &C,
    record: &feedback::Model,
    from: FeedbackState,
    to: FeedbackState,
    mut changes: feedback::ActiveModel,
    actor: i64,
    note: Option<String>,
) -> Result<feedback::Model, ApiError> {
    let now = Utc::now();
    changes.state = Set(to.as_str().to_owned());
    changes.updated_at = Set(now);
    let updated = feedback::Entity::update_many()
        .set(changes)
        .filter(feedback::COLUMN.id.eq(record.id))
        .filter(feedback::COLUMN.state.eq(from.as_str()))
        .exec(txn)
        .await?;
    if updated.rows_affected != 1 {
        return Err(ApiError::InvalidTransition(
            "Phản ánh vừa được người khác xử lý".to_owned(),
        ));
    }
    feedback_event::ActiveModel {
        feedback_id: Set(record.id),
        from_state: Set(Some(from.as_str().to_owned())),
        to_state: Set(to.as_str().to_owned()),
        actor_id: Set(Some(actor)),
        occurred_at: Set(now),
        note: Set(note),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    let event = AuditEvent::FeedbackTransition {
        feedback_id: record.id,
        from: from.as_str(),
        to: to.as_str(),
    };
    audit::record(txn, Some(actor), Some(record.unit_id), event).await?;
    feedback::Entity::find_by_id(record.id)
        .one(txn)
        .await?
        .ok_or_else(|| anyhow::anyhow!("feedback {} vanished", record.id).into())
}

/// To a department of the ward, with an instruction; again to another department
/// while none has answered. Several agencies involved: due 15 working days after
/// receipt instead of 10.
pub async fn forward<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    record: &feedback::Model,
    actor: Actor,
    request: CheckedForward,
) -> Result<(), ApiError> {
    let from = expect_state(
        record,
        &[FeedbackState::Received, FeedbackState::Forwarded],
        "Chỉ chuyển được phản ánh mới tiếp nhận hoặc chưa được trả lời",
    )?;
    let department = departments::by_slug(db, record.unit_id, &request.department)
        .await?
        .ok_or_else(|| {
            ApiError::invalid(FieldError::new(
                "department",
                "unknown_department",
                "Phường không có bộ phận này",
            ))
        })?;
    let days = if request.multi_agency {
        WORKING_DAYS_MULTI_AGENCY
    } else {
        WORKING_DAYS_TO_ANSWER
    };
    // An unconfirmed calendar gives no date; the one promised at receipt stays.
    let due_on = calendar::load(db)
        .await?
        .add_working_days(local_time::date_of(record.received_at), days)
        .ok()
        .or(record.due_on);
    let txn = begin_write(db).await?;
    let changes = feedback::ActiveModel {
        department_id: Set(Some(department.id)),
        instruction: Set(Some(request.instruction.clone())),
        multi_agency: Set(request.multi_agency),
        due_on: Set(due_on),
        forwarded_by: Set(Some(actor.account_id)),
        forwarded_at: Set(Some(Utc::now())),
        ..Default::default()
    };
    let note = format!("{}: {}", department.name, request.instruction);
    transition(
        &txn,
        record,
        from,
        FeedbackState::Forwarded,
        changes,
        actor.account_id,
        Some(note),
    )
    .await?;
    Ok(txn.commit().await?)
}

/// Whether `actor` works in the department the feedback is assigned to.
pub async fn answers_for_department<C: ConnectionTrait>(
    db: &C,
    record: &feedback::Model,
    actor: Actor,
) -> Result<bool, ApiError> {
    if actor.district_wide {
        return Ok(true);
    }
    match record.department_id {
        Some(department_id) => departments::is_member(db, department_id, actor.account_id).await,
        None => Ok(false),
    }
}

/// The department's draft reply, by a member of the assigned department.
pub async fn answer<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    record: &feedback::Model,
    actor: Actor,
    reply: String,
) -> Result<(), ApiError> {
    let from = expect_state(
        record,
        &[
            FeedbackState::Forwarded,
            FeedbackState::ReturnedToDepartment,
        ],
        "Chỉ trả lời được phản ánh đang chờ bộ phận xử lý",
    )?;
    if !answers_for_department(db, record, actor).await? {
        return Err(ApiError::Forbidden);
    }
    let txn = begin_write(db).await?;
    let changes = feedback::ActiveModel {
        reply: Set(Some(reply)),
        answered_by: Set(Some(actor.account_id)),
        answered_at: Set(Some(Utc::now())),
        ..Default::default()
    };
    transition(
        &txn,
        record,
        from,
        FeedbackState::Answered,
        changes,
        actor.account_id,
        None,
    )
    .await?;
    Ok(txn.commit().await?)
}

/// Back to the department with the reviewer's reason.
pub async fn return_to_department<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    record: &feedback::Model,
    actor: Actor,
    reason: String,
) -> Result<(), ApiError> {
    let from = expect_state(
        record,
        &[FeedbackState::Answered],
        "Chỉ trả lại được phản ánh đang chờ duyệt trả lời",
    )?;
    let txn = begin_write(db).await?;
    let changes = feedback::ActiveModel {
        return_reason: Set(Some(reason.clone())),
        ..Default::default()
    };
    transition(
        &txn,
        record,
        from,
        FeedbackState::ReturnedToDepartment,
        changes,
        actor.account_id,
        Some(reason),
    )
    .await?;
    Ok(txn.commit().await?)
}

fn hidden_kind(kind: RedactionKind) -> HiddenKind {
    match kind {
        RedactionKind::IdNumber => HiddenKind::IdNumber,
        RedactionKind::Phone => HiddenKind::Phone,
        RedactionKind::Email => HiddenKind::Email,
        RedactionKind::Name => HiddenKind::Name,
    }
}

/// The texts as they would be published by default: ID numbers, phone numbers,
/// e-mail addresses and the sender's name hidden.
pub fn redaction_preview(record: &feedback::Model) -> RedactionPreview {
    let names = [record.contact_name.as_str()];
    let mut hidden = Vec::new();
    let mut hide = |text: &str| {
        let (redacted, found) = redact::redact(text, &names);
        hidden.extend(found.into_iter().map(|piece| HiddenText {
            kind: hidden_kind(piece.kind),
            original: piece.original,
        }));
        redacted
    };
    let public_title = hide(&record.title);
    let public_content = hide(&record.content);
    let public_reply = record.reply.as_deref().map(&mut hide);
    RedactionPreview {
        public_title,
        public_content,
        public_reply,
        hidden,
    }
}

/// Approves the draft reply and fixes what the public will read: the reviewer's
/// texts, or the automatic redaction where they gave none. Whoever answered never
/// approves.
pub async fn approve<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    record: &feedback::Model,
    actor: Actor,
    texts: CheckedApproval,
) -> Result<(), ApiError> {
    let from = expect_state(
        record,
        &[FeedbackState::Answered],
        "Chỉ duyệt được phản ánh đã có dự thảo trả lời",
    )?;
    if record.answered_by == Some(actor.account_id) {
        return Err(ApiError::OwnWork);
    }
    let automatic = redaction_preview(record);
    let public_title = texts.public_title.unwrap_or(automatic.public_title);
    let public_content = texts.public_content.unwrap_or(automatic.public_content);
    let public_reply = texts
        .public_reply
        .or(automatic.public_reply)
        .ok_or_else(|| anyhow::anyhow!("answered feedback {} without reply", record.id))?;
    let search_text = fold(&format!("{public_title} {public_content} {public_reply}"));
    let txn = begin_write(db).await?;
    let changes = feedback::ActiveModel {
        approved_by: Set(Some(actor.account_id)),
        approved_at: Set(Some(Utc::now())),
        public_title: Set(Some(public_title)),
        public_content: Set(Some(public_content)),
        public_reply: Set(Some(public_reply)),
        search_text: Set(Some(search_text)),
        ..Default::default()
    };
    transition(
        &txn,
        record,
        from,
        FeedbackState::Approved,
        changes,
        actor.account_id,
        None,
    )
    .await?;
    Ok(txn.commit().await?)
}

/// Puts the approved texts on the ward's site and tells the citizen. Feedback the
/// citizen asked to keep private is never published: it is closed instead.
pub async fn publish<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    unit: &unit::Model,
    record: &feedback::Model,
    actor: Actor,
) -> Result<(), ApiError> {
    let from = expect_state(
        record,
        &[FeedbackState::Approved],
        "Chỉ công bố được phản ánh đã duyệt trả lời",
    )?;
    if !record.public {
        return Err(ApiError::InvalidTransition(
            "Người gửi đề nghị không công khai phản ánh này; hãy đóng phản ánh thay vì công bố"
                .to_owned(),
        ));
    }
    let txn = begin_write(db).await?;
    let changes = feedback::ActiveModel {
        published_at: Set(Some(Utc::now())),
        ..Default::default()
    };
    let published = transition(
        &txn,
        record,
        from,
        FeedbackState::Published,
        changes,
        actor.account_id,
        None,
    )
    .await?;
    if let Some(to) = &published.contact_email {
        outbox::enqueue(
            &txn,
            reply_email(unit, &published, to, "feedback_published"),
        )
        .await?;
    }
    Ok(txn.commit().await?)
}

/// Not taken up: spam, a duplicate of another feedback of the ward, or outside the
/// ward's competence (naming the body that is competent).
pub async fn reject<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    unit: &unit::Model,
    record: &feedback::Model,
    actor: Actor,
    rejection: CheckedRejection,
) -> Result<(), ApiError> {
    let from = expect_state(
        record,
        &[FeedbackState::Received, FeedbackState::Forwarded],
        "Chỉ từ chối được phản ánh chưa được trả lời",
    )?;
    if let Some(other) = &rejection.duplicate_of {
        let exists = other != &record.code
            && feedback::Entity::find()
                .filter(feedback::COLUMN.unit_id.eq(record.unit_id))
                .filter(feedback::COLUMN.code.eq(other.as_str()))
                .one(db)
                .await?
                .is_some();
        if !exists {
            return Err(ApiError::invalid(FieldError::new(
                "duplicate_of",
                "unknown_code",
                "Phường không có phản ánh nào khác với mã này",
            )));
        }
    }
    let txn = begin_write(db).await?;
    let changes = feedback::ActiveModel {
        rejection_kind: Set(Some(rejection.kind.as_str().to_owned())),
        rejection_reason: Set(Some(rejection.reason.clone())),
        duplicate_of: Set(rejection.duplicate_of.clone()),
        competent_body: Set(rejection.competent_body.clone()),
        ..Default::default()
    };
    let rejected = transition(
        &txn,
        record,
        from,
        FeedbackState::Rejected,
        changes,
        actor.account_id,
        Some(rejection.reason.clone()),
    )
    .await?;
    if let Some(to) = &rejected.contact_email {
        outbox::enqueue(&txn, rejection_email(unit, &rejected, to, &rejection)).await?;
    }
    Ok(txn.commit().await?)
}

/// Ends the handling: after publication, or once approved (the way private
/// feedback ends, its reply sent to the citizen alone).
pub async fn close<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    unit: &unit::Model,
    record: &feedback::Model,
    actor: Actor,
    note: Option<String>,
) -> Result<(), ApiError> {
    let from = expect_state(
        record,
        &[FeedbackState::Approved, FeedbackState::Published],
        "Chỉ đóng được phản ánh đã duyệt trả lời hoặc đã công bố",
    )?;
    let txn = begin_write(db).await?;
    let changes = feedback::ActiveModel {
        closed_at: Set(Some(Utc::now())),
        ..Default::default()
    };
    let closed = transition(
        &txn,
        record,
        from,
        FeedbackState::Closed,
        changes,
        actor.account_id,
        note,
    )
    .await?;
    // Published: the citizen already has the reply. Approved and closed: this is
    // how they get it.
    if from == FeedbackState::Approved
        && let Some(to) = &closed.contact_email
    {
        outbox::enqueue(&txn, reply_email(unit, &closed, to, "feedback_answered")).await?;
    }
    Ok(txn.commit().await?)
}

fn reply_email(
    unit: &unit::Model,
    record: &feedback::Model,
    to: &str,
    topic: &'static str,
) -> outbox::Email {
    let reply = record.public_reply.as_deref().unwrap_or_default();
    let where_published = if record.published_at.is_some() {
        "Câu trả lời đã được công bố trên trang thông tin điện tử của phường, \
         mục Phản ánh kiến nghị; thông tin cá nhân của bạn đã được ẩn."
    } else {
        "Theo đề nghị của bạn, phản ánh và câu trả lời không được công khai."
    };
    outbox::Email {
        topic,
        to: to.to_owned(),
        subject: format!("{} đã trả lời phản ánh {}", unit.name, record.code),
        body: format!(
            "{} đã trả lời phản ánh \"{}\" của bạn (mã {}).\n\n{}\n\n{}",
            unit.name, record.title, record.code, reply, where_published
        ),
    }
}

fn rejection_email(
    unit: &unit::Model,
    record: &feedback::Model,
    to: &str,
    rejection: &CheckedRejection,
) -> outbox::Email {
    let mut body = format!(
        "{} không tiếp nhận xử lý phản ánh \"{}\" của bạn (mã {}): {}.\n\nLý do: {}",
        unit.name,
        record.title,
        record.code,
        rejection.kind.label(),
        rejection.reason
    );
    if let Some(other) = &rejection.duplicate_of {
        body.push_str(&format!("\nPhản ánh trùng với phản ánh mã {other}."));
    }
    if let Some(competent) = &rejection.competent_body {
        body.push_str(&format!("\nCơ quan có thẩm quyền giải quyết: {competent}."));
    }
    outbox::Email {
        topic: "feedback_rejected",
        to: to.to_owned(),
        subject: format!("Phản ánh {} không được tiếp nhận xử lý", record.code),
        body,
    }
}

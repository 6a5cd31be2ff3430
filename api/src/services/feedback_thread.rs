//! The thread of a feedback: public messages between the citizen and the ward, and
//! internal notes for staff. The citizen writes while the feedback is open, signed in
//! as its sender or with the code and the contact they gave; a public message from
//! staff reaches a citizen who gave an e-mail address by mail.

use std::collections::HashMap;

use chrono::Utc;
use entity::{account, department_member, feedback, feedback_message, unit};
use openapi::feedback::FeedbackState;
use openapi::feedback_thread::{MessageSender, MessageVisibility, PublicMessage, ThreadMessage};
use sea_orm::prelude::*;
use sea_orm::{
    ConnectionTrait, QueryFilter, QueryOrder, Set, TransactionSession, TransactionTrait,
};

use crate::db::begin_write;
use crate::error::ApiError;
use crate::services::audit::{self, AuditEvent};
use crate::services::feedback::contact_matches;
use crate::services::outbox;

/// How the citizen is named to themselves in their thread.
pub const CITIZEN_LABEL: &str = "Người phản ánh";

/// Who is asking to see a feedback of their unit.
#[derive(Debug, Clone, Copy)]
pub enum StaffReader {
    /// Web officer, reviewer, admin: every feedback of the unit.
    WholeUnit,
    /// A department officer: only feedback assigned to one of their departments.
    Department { account_id: i64 },
}

fn by_code(code: &str) -> sea_orm::Select<feedback::Entity> {
    feedback::Entity::find().filter(feedback::COLUMN.code.eq(code.trim().to_uppercase()))
}

/// The feedback `code` of `unit`, if `reader` may see it; 404 otherwise, as if it
/// did not exist.
pub async fn staff_feedback<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    code: &str,
    reader: StaffReader,
) -> Result<feedback::Model, ApiError> {
    let record = by_code(code)
        .filter(feedback::COLUMN.unit_id.eq(unit.id))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound)?;
    if let StaffReader::Department { account_id } = reader {
        let department_id = record.department_id.ok_or(ApiError::NotFound)?;
        department_member::Entity::find()
            .filter(department_member::COLUMN.department_id.eq(department_id))
            .filter(department_member::COLUMN.account_id.eq(account_id))
            .one(db)
            .await?
            .ok_or(ApiError::NotFound)?;
    }
    Ok(record)
}

fn visibility_of(message: &feedback_message::Model) -> Result<MessageVisibility, ApiError> {
    MessageVisibility::parse(&message.visibility).ok_or_else(|| {
        anyhow::anyhow!(
            "message {} has visibility {}",
            message.id,
            message.visibility
        )
        .into()
    })
}

fn staff_view(
    record: &feedback::Model,
    message: feedback_message::Model,
    names: &HashMap<i64, String>,
) -> Result<ThreadMessage, ApiError> {
    let author_name = if message.by_citizen {
        record.contact_name.clone()
    } else {
        message
            .author_id
            .and_then(|id| names.get(&id).cloned())
            .unwrap_or_else(|| "Tài khoản đã xoá".to_owned())
    };
    Ok(ThreadMessage {
        id: message.id,
        visibility: visibility_of(&message)?,
        by_citizen: message.by_citizen,
        author_name,
        body: message.body,
        at: message.created_at.fixed_offset(),
    })
}

fn citizen_view(unit: &unit::Model, message: feedback_message::Model) -> PublicMessage {
    let (from, from_label) = if message.by_citizen {
        (MessageSender::Citizen, CITIZEN_LABEL.to_owned())
    } else {
        (MessageSender::Unit, unit.name.clone())
    };
    PublicMessage {
        from,
        from_label,
        body: message.body,
        at: message.created_at.fixed_offset(),
    }
}

/// The whole thread, oldest first, for the unit's staff.
pub async fn staff_thread<C: ConnectionTrait>(
    db: &C,
    record: &feedback::Model,
) -> Result<Vec<ThreadMessage>, ApiError> {
    let messages = feedback_message::Entity::find()
        .filter(feedback_message::COLUMN.feedback_id.eq(record.id))
        .order_by_asc(feedback_message::COLUMN.id)
        .all(db)
        .await?;
    let author_ids: Vec<i64> = messages.iter().filter_map(|m| m.author_id).collect();
    let names: HashMap<i64, String> = account::Entity::find()
        .filter(account::COLUMN.id.is_in(author_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.full_name))
        .collect();
    messages
        .into_iter()
        .map(|message| staff_view(record, message, &names))
        .collect()
}

/// The public messages, oldest first, as the citizen sees them.
pub async fn public_messages<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    feedback_id: i64,
) -> Result<Vec<PublicMessage>, ApiError> {
    Ok(feedback_message::Entity::find()
        .filter(feedback_message::COLUMN.feedback_id.eq(feedback_id))
        .filter(
            feedback_message::COLUMN
                .visibility
                .eq(MessageVisibility::Public.as_str()),
        )
        .order_by_asc(feedback_message::COLUMN.id)
        .all(db)
        .await?
        .into_iter()
        .map(|message| citizen_view(unit, message))
        .collect())
}

async fn insert<C: ConnectionTrait>(
    db: &C,
    record: &feedback::Model,
    author_id: Option<i64>,
    by_citizen: bool,
    visibility: MessageVisibility,
    body: String,
) -> Result<feedback_message::Model, ApiError> {
    let message = feedback_message::ActiveModel {
        feedback_id: Set(record.id),
        author_id: Set(author_id),
        by_citizen: Set(by_citizen),
        visibility: Set(visibility.as_str().to_owned()),
        body: Set(body),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let event = AuditEvent::FeedbackMessagePosted {
        feedback_id: record.id,
        message_id: message.id,
        visibility: visibility.as_str(),
        by_citizen,
    };
    audit::record(db, author_id, Some(record.unit_id), event).await?;
    Ok(message)
}

/// A message or note from `author`, a staff member of the feedback's unit.
pub async fn post_as_staff<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    unit: &unit::Model,
    record: &feedback::Model,
    author: &account::Model,
    visibility: MessageVisibility,
    body: String,
) -> Result<ThreadMessage, ApiError> {
    let txn = begin_write(db).await?;
    let message = insert(&txn, record, Some(author.id), false, visibility, body).await?;
    if visibility == MessageVisibility::Public
        && let Some(to) = &record.contact_email
    {
        outbox::enqueue(&txn, message_email(unit, record, to, &message.body)).await?;
    }
    txn.commit().await?;
    let names = HashMap::from([(author.id, author.full_name.clone())]);
    staff_view(record, message, &names)
}

/// The ward's message by mail, under the ward's name only.
fn message_email(
    unit: &unit::Model,
    record: &feedback::Model,
    to: &str,
    body: &str,
) -> outbox::Email {
    outbox::Email {
        topic: "feedback_message",
        to: to.to_owned(),
        subject: format!("{} nhắn về phản ánh {}", unit.name, record.code),
        body: format!(
            "{} gửi bạn tin nhắn về phản ánh \"{}\" (mã {}):\n\n{}\n\n\
             Xem và trả lời trên trang thông tin điện tử của phường, mục Phản ánh kiến nghị, \
             bằng mã này và địa chỉ thư điện tử này.",
            unit.name, record.title, record.code, body
        ),
    }
}

/// Whether the citizen may still write: not once the feedback is published,
/// rejected or closed.
fn is_open(record: &feedback::Model) -> bool {
    !matches!(
        FeedbackState::parse(&record.state),
        Some(FeedbackState::Published | FeedbackState::Rejected | FeedbackState::Closed)
    )
}

/// A message from the citizen who sent feedback `code`: signed in as its sender,
/// or proving it with the contact they gave. Anyone else gets 404, as the lookup.
pub async fn post_as_citizen<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    code: &str,
    signed_in: Option<i64>,
    contact: Option<&str>,
    body: String,
) -> Result<PublicMessage, ApiError> {
    let record = by_code(code)
        .one(db)
        .await?
        .filter(|record| {
            let is_sender = signed_in.is_some() && record.submitted_by == signed_in;
            is_sender || contact.is_some_and(|contact| contact_matches(record, contact))
        })
        .ok_or(ApiError::NotFound)?;
    if !is_open(&record) {
        return Err(ApiError::InvalidTransition(
            "Phản ánh đã kết thúc, không thể gửi thêm tin nhắn".to_owned(),
        ));
    }
    let unit = unit::Entity::find_by_id(record.unit_id)
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("feedback {} without unit", record.id))?;
    let author = signed_in.filter(|id| record.submitted_by == Some(*id));
    let txn = begin_write(db).await?;
    let message = insert(&txn, &record, author, true, MessageVisibility::Public, body).await?;
    txn.commit().await?;
    Ok(citizen_view(&unit, message))
}

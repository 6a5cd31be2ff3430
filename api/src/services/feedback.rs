//! Citizen feedback: received with a random tracking code and a due date in working
//! days; looked up by that code together with the phone or e-mail the citizen gave,
//! so the code alone reveals nothing.

use chrono::Utc;
use entity::{feedback, feedback_category, feedback_event, unit, unit_boundary};
use openapi::FieldError;
use openapi::content::UnitLabel;
use openapi::feedback::{
    CheckedFeedback, FeedbackCategory, FeedbackReceipt, FeedbackState, FeedbackStatus,
    FeedbackStep, PRIVACY_POLICY_VERSION,
};
use openapi::values::{Email, PhoneNumber};
use rand::Rng;
use sea_orm::prelude::*;
use sea_orm::{
    ConnectionTrait, QueryFilter, QueryOrder, Set, SqlErr, TransactionSession, TransactionTrait,
};

use crate::db::begin_write;
use crate::error::ApiError;
use crate::services::audit::{self, AuditEvent};
use crate::services::{calendar, feedback_staff, feedback_thread, outbox, uploads};
use crate::{geo, local_time};

/// Working days a ward has to answer (15 when several agencies are involved).
pub const WORKING_DAYS_TO_ANSWER: u32 = 10;

/// Letters and digits that cannot be mistaken for one another (no I, L, O, U).
const CODE_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// `PA-XXXXX-XXXXX`: 50 random bits, neither guessable nor sequential.
fn new_code() -> String {
    let mut rng = rand::rng();
    let mut part = || -> String {
        (0..5)
            .map(|_| CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())] as char)
            .collect()
    };
    format!("PA-{}-{}", part(), part())
}

pub async fn categories<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
) -> Result<Vec<FeedbackCategory>, ApiError> {
    Ok(feedback_category::Entity::find()
        .filter(feedback_category::COLUMN.unit_id.eq(unit.id))
        .order_by_asc(feedback_category::COLUMN.display_order)
        .all(db)
        .await?
        .into_iter()
        .map(|c| FeedbackCategory {
            code: c.code,
            name: c.name,
        })
        .collect())
}

/// Refuses a point outside Vietnam, or outside the ward when its boundary is known.
async fn check_point<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    (longitude, latitude): (f64, f64),
) -> Result<(), ApiError> {
    geo::point("location", [longitude, latitude]).map_err(ApiError::invalid)?;
    let Some(boundary) = unit_boundary::Entity::find_by_id(unit.id).one(db).await? else {
        return Ok(());
    };
    let geometry: serde_json::Value = serde_json::from_str(&boundary.geometry)
        .map_err(|e| anyhow::anyhow!("boundary of unit {} is unreadable: {e}", unit.id))?;
    if geo::contains(&geometry, [longitude, latitude]) {
        Ok(())
    } else {
        Err(ApiError::invalid(FieldError::new(
            "location",
            "outside_unit",
            &format!("Vị trí nằm ngoài địa bàn {}", unit.name),
        )))
    }
}

/// Records the feedback as received; the receipt is what the citizen keeps.
pub async fn submit<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    unit: &unit::Model,
    submitter: Option<i64>,
    new: CheckedFeedback,
) -> Result<FeedbackReceipt, ApiError> {
    let category = feedback_category::Entity::find()
        .filter(feedback_category::COLUMN.unit_id.eq(unit.id))
        .filter(feedback_category::COLUMN.code.eq(new.category.as_str()))
        .one(db)
        .await?
        .ok_or_else(|| {
            ApiError::invalid(FieldError::new(
                "category",
                "unknown_category",
                "Phường không có lĩnh vực phản ánh này",
            ))
        })?;
    if let Some(point) = new.point {
        check_point(db, unit, point).await?;
    }
    let now = Utc::now();
    // A due date on an unconfirmed calendar would be a guess: none is promised then,
    // and the web officer sets it once the year is confirmed.
    let due_on = calendar::load(db)
        .await?
        .add_working_days(local_time::today(), WORKING_DAYS_TO_ANSWER)
        .ok();
    let txn = begin_write(db).await?;
    let mut attempts = 0;
    let record = loop {
        attempts += 1;
        let inserted = feedback::ActiveModel {
            code: Set(new_code()),
            unit_id: Set(unit.id),
            category_id: Set(category.id),
            title: Set(new.title.clone()),
            content: Set(new.content.clone()),
            address: Set(new.address.clone()),
            latitude: Set(new.point.map(|(_, latitude)| latitude)),
            longitude: Set(new.point.map(|(longitude, _)| longitude)),
            contact_name: Set(new.contact_name.clone()),
            contact_phone: Set(new.contact_phone.as_ref().map(|p| p.as_str().to_owned())),
            contact_email: Set(new.contact_email.as_ref().map(|e| e.as_str().to_owned())),
            consent_policy_version: Set(PRIVACY_POLICY_VERSION.to_owned()),
            consented_at: Set(now),
            public: Set(new.public),
            submitted_by: Set(submitter),
            state: Set(FeedbackState::Received.as_str().to_owned()),
            department_id: Set(None),
            multi_agency: Set(false),
            due_on: Set(due_on),
            received_at: Set(now),
            updated_at: Set(now),
            reply: Set(None),
            published_at: Set(None),
            ..Default::default()
        }
        .insert(&txn)
        .await;
        match inserted {
            Ok(record) => break record,
            // Two codes alike out of 2^50 is rare enough to simply draw again.
            Err(error)
                if attempts < 3
                    && matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) =>
            {
                continue;
            }
            Err(error) => return Err(error.into()),
        }
    };
    feedback_event::ActiveModel {
        feedback_id: Set(record.id),
        from_state: Set(None),
        to_state: Set(FeedbackState::Received.as_str().to_owned()),
        actor_id: Set(submitter),
        occurred_at: Set(now),
        note: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    uploads::attach_to_feedback(&txn, record.id, &new.photos).await?;
    let event = AuditEvent::FeedbackReceived {
        feedback_id: record.id,
    };
    audit::record(&txn, submitter, Some(unit.id), event).await?;
    if let Some(email) = &new.contact_email {
        outbox::enqueue(&txn, receipt_email(unit, &record, email)).await?;
    }
    txn.commit().await?;
    Ok(FeedbackReceipt {
        code: record.code,
        due_date: record.due_on,
        received_at: record.received_at.fixed_offset(),
    })
}

/// The citizen's copy of the tracking code, which with their contact is the only
/// way back to the feedback when they sent it without an account.
fn receipt_email(unit: &unit::Model, record: &feedback::Model, to: &Email) -> outbox::Email {
    let due = match record.due_on {
        Some(day) => format!("Hạn trả lời: {}.", day.format("%d/%m/%Y")),
        None => "Phường sẽ báo hạn trả lời khi lịch làm việc năm tới được xác nhận.".to_owned(),
    };
    outbox::Email {
        topic: "feedback_received",
        to: to.as_str().to_owned(),
        subject: format!("{} đã tiếp nhận phản ánh {}", unit.name, record.code),
        body: format!(
            "{} đã tiếp nhận phản ánh \"{}\" của bạn.\n\n\
             Mã tra cứu: {}\n{}\n\n\
             Tra cứu tình trạng và câu trả lời trên trang thông tin điện tử của phường, \
             mục Phản ánh kiến nghị, bằng mã này và địa chỉ thư điện tử này.",
            unit.name, record.title, record.code, due
        ),
    }
}

/// Whether `contact` is the phone or e-mail the feedback was sent with.
pub(crate) fn contact_matches(record: &feedback::Model, contact: &str) -> bool {
    let by_phone = PhoneNumber::parse(contact)
        .ok()
        .is_some_and(|phone| record.contact_phone.as_deref() == Some(phone.as_str()));
    let by_email = Email::parse(contact).ok().is_some_and(|email| {
        record
            .contact_email
            .as_deref()
            .is_some_and(|stored| stored.eq_ignore_ascii_case(email.as_str()))
    });
    by_phone || by_email
}

/// The steps a citizen sees; drafts, reviews and returns are the ward's own work.
const PUBLIC_STEPS: [FeedbackState; 5] = [
    FeedbackState::Received,
    FeedbackState::Forwarded,
    FeedbackState::Published,
    FeedbackState::Rejected,
    FeedbackState::Closed,
];

/// The feedback as its sender sees it. A wrong contact answers exactly like an
/// unknown code: 404.
pub async fn lookup<C: ConnectionTrait>(
    db: &C,
    code: &str,
    contact: &str,
) -> Result<FeedbackStatus, ApiError> {
    let record = feedback::Entity::find()
        .filter(feedback::COLUMN.code.eq(code.trim().to_uppercase()))
        .one(db)
        .await?
        .filter(|record| contact_matches(record, contact))
        .ok_or(ApiError::NotFound)?;
    let unit = unit::Entity::find_by_id(record.unit_id)
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("feedback {} without unit", record.id))?;
    let category = feedback_category::Entity::find_by_id(record.category_id)
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("feedback {} without category", record.id))?;
    let state_of = |value: &str| {
        FeedbackState::parse(value)
            .ok_or_else(|| ApiError::from(anyhow::anyhow!("unknown feedback state {value}")))
    };
    let steps = feedback_event::Entity::find()
        .filter(feedback_event::COLUMN.feedback_id.eq(record.id))
        .order_by_asc(feedback_event::COLUMN.id)
        .all(db)
        .await?
        .iter()
        .map(|event| {
            Ok(FeedbackStep {
                state: state_of(&event.to_state)?,
                at: event.occurred_at.fixed_offset(),
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?
        .into_iter()
        .filter(|step| PUBLIC_STEPS.contains(&step.state))
        .collect();
    let state = state_of(&record.state)?;
    // The reply as approved reaches the citizen once published, or once closed when
    // they asked that it stay private.
    let answered = matches!(state, FeedbackState::Published | FeedbackState::Closed);
    let rejection = feedback_staff::rejection_of(&record);
    let messages = feedback_thread::public_messages(db, &unit, record.id).await?;
    Ok(FeedbackStatus {
        code: record.code,
        unit: UnitLabel {
            slug: unit.slug,
            name: unit.name,
        },
        category: FeedbackCategory {
            code: category.code,
            name: category.name,
        },
        title: record.title,
        content: record.content,
        state,
        state_label: state.label().to_owned(),
        received_at: record.received_at.fixed_offset(),
        due_date: record.due_on,
        steps,
        reply: record.public_reply.filter(|_| answered),
        rejection,
        messages,
        photos: uploads::feedback_photos(db, record.id).await?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_has_two_groups_of_five_unambiguous_characters() {
        let code = new_code();
        assert_eq!(code.len(), 14);
        assert!(code.starts_with("PA-"));
        assert!(!code.contains(['I', 'L', 'O', 'U']));
        assert_ne!(new_code(), code);
    }
}

//! What staff read about feedback: the queues (triage, department inbox, review,
//! ready to publish), oldest first with due dates and what is overdue, and one
//! feedback in full with its contact data and every step. Never public.

use std::collections::HashMap;

use entity::{department, feedback, feedback_category, feedback_event, unit};
use openapi::content::UnitLabel;
use openapi::feedback::{FeedbackCategory, FeedbackState};
use openapi::feedback_workflow::{
    DepartmentLabel, FeedbackAction, FeedbackContact, FeedbackEventView, FeedbackQueue, Rejection,
    RejectionKind, StaffFeedback, StaffFeedbackPage, StaffFeedbackSummary,
};
use sea_orm::prelude::*;
use sea_orm::{Condition, ConnectionTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::error::ApiError;
use crate::local_time;
use crate::services::actor::Actor;
use crate::services::departments;
use crate::services::feedback_workflow::{answers_for_department, state_of};
use crate::services::page_cursor::{TimeCursor, TimeList};

/// States in which the citizen has had their answer: nothing is overdue any more.
const SETTLED: [FeedbackState; 3] = [
    FeedbackState::Published,
    FeedbackState::Rejected,
    FeedbackState::Closed,
];

pub fn is_overdue(record: &feedback::Model, state: FeedbackState) -> bool {
    !SETTLED.contains(&state) && record.due_on.is_some_and(|due| due < local_time::today())
}

/// What the caller may do in the unit, by role (the handler checks the roles).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Capabilities {
    pub web_officer: bool,
    pub reviewer: bool,
    pub department_officer: bool,
}

pub async fn categories<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = i64>,
) -> Result<HashMap<i64, FeedbackCategory>, ApiError> {
    Ok(feedback_category::Entity::find()
        .filter(feedback_category::COLUMN.id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|c| {
            (
                c.id,
                FeedbackCategory {
                    code: c.code,
                    name: c.name,
                },
            )
        })
        .collect())
}

async fn department_labels<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = i64>,
) -> Result<HashMap<i64, DepartmentLabel>, ApiError> {
    Ok(department::Entity::find()
        .filter(department::COLUMN.id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|d| {
            (
                d.id,
                DepartmentLabel {
                    slug: d.slug,
                    name: d.name,
                },
            )
        })
        .collect())
}

/// One page of `queue` in the unit, oldest first, with the count of the whole queue
/// and of its overdue items. The department inbox holds what was forwarded to the
/// caller's departments (to every department for a district admin).
pub async fn queue<C: ConnectionTrait>(
    db: &C,
    unit_id: i64,
    queue: FeedbackQueue,
    actor: Actor,
    cursor: Option<TimeCursor>,
    limit: u64,
) -> Result<StaffFeedbackPage, ApiError> {
    let mut scope = Condition::all()
        .add(feedback::COLUMN.unit_id.eq(unit_id))
        .add(
            feedback::COLUMN
                .state
                .is_in(queue.states().iter().map(|s| s.as_str())),
        );
    if queue == FeedbackQueue::Department && !actor.district_wide {
        let mine = departments::of_member(db, unit_id, actor.account_id).await?;
        scope = scope.add(feedback::COLUMN.department_id.is_in(mine));
    }
    let total = feedback::Entity::find()
        .filter(scope.clone())
        .count(db)
        .await?;
    let overdue = feedback::Entity::find()
        .filter(scope.clone())
        .filter(feedback::COLUMN.due_on.lt(local_time::today()))
        .count(db)
        .await?;
    let mut query = feedback::Entity::find().filter(scope);
    if let Some(cursor) = cursor {
        query = query.filter(cursor.newer(feedback::Column::ReceivedAt, feedback::Column::Id));
    }
    let mut rows = query
        .order_by_asc(feedback::COLUMN.received_at)
        .order_by_asc(feedback::COLUMN.id)
        .limit(limit + 1)
        .all(db)
        .await?;
    let has_more = rows.len() as u64 > limit;
    rows.truncate(limit as usize);
    let next_cursor = has_more.then(|| rows.last()).flatten().map(|last| {
        TimeCursor {
            at: last.received_at,
            id: last.id,
        }
        .encode(TimeList::Feedback)
    });
    let categories = categories(db, rows.iter().map(|r| r.category_id)).await?;
    let departments = department_labels(db, rows.iter().filter_map(|r| r.department_id)).await?;
    let items = rows
        .into_iter()
        .map(|record| {
            let state = state_of(&record)?;
            Ok(StaffFeedbackSummary {
                category: categories
                    .get(&record.category_id)
                    .cloned()
                    .ok_or_else(|| anyhow::anyhow!("feedback {} without category", record.id))?,
                department: record
                    .department_id
                    .and_then(|id| departments.get(&id).cloned()),
                overdue: is_overdue(&record, state),
                state,
                state_label: state.label().to_owned(),
                multi_agency: record.multi_agency,
                received_at: record.received_at.fixed_offset(),
                due_date: record.due_on,
                title: record.title,
                code: record.code,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    Ok(StaffFeedbackPage {
        items,
        total,
        overdue,
        next_cursor,
    })
}

/// What the caller may do with `record` now.
async fn actions<C: ConnectionTrait>(
    db: &C,
    record: &feedback::Model,
    state: FeedbackState,
    caps: Capabilities,
    actor: Actor,
) -> Result<Vec<FeedbackAction>, ApiError> {
    use FeedbackAction as A;
    use FeedbackState as S;
    let mut actions = Vec::new();
    if caps.web_officer {
        match state {
            S::Received | S::Forwarded => actions.extend([A::Forward, A::Reject]),
            S::Approved if record.public => actions.extend([A::Publish, A::Close]),
            S::Approved | S::Published => actions.push(A::Close),
            _ => {}
        }
    }
    if caps.department_officer
        && matches!(state, S::Forwarded | S::ReturnedToDepartment)
        && answers_for_department(db, record, actor).await?
    {
        actions.push(A::Answer);
    }
    if caps.reviewer && state == S::Answered {
        if record.answered_by != Some(actor.account_id) {
            actions.push(A::Approve);
        }
        actions.push(A::Return);
    }
    Ok(actions)
}

/// Department officers see only what was forwarded to their departments; the web
/// officer and the reviewer see all of the unit's feedback.
pub async fn may_read<C: ConnectionTrait>(
    db: &C,
    record: &feedback::Model,
    caps: Capabilities,
    actor: Actor,
) -> Result<bool, ApiError> {
    Ok(actor.district_wide
        || caps.web_officer
        || caps.reviewer
        || (caps.department_officer && answers_for_department(db, record, actor).await?))
}

/// The feedback in full for staff: contact data, every step, what they may do.
pub async fn detail<C: ConnectionTrait>(
    db: &C,
    unit: &unit::Model,
    record: &feedback::Model,
    caps: Capabilities,
    actor: Actor,
) -> Result<StaffFeedback, ApiError> {
    let state = state_of(record)?;
    let category = categories(db, [record.category_id])
        .await?
        .remove(&record.category_id)
        .ok_or_else(|| anyhow::anyhow!("feedback {} without category", record.id))?;
    let suggested_id = feedback_category::Entity::find_by_id(record.category_id)
        .one(db)
        .await?
        .and_then(|c| c.default_department_id);
    let mut departments =
        department_labels(db, record.department_id.into_iter().chain(suggested_id)).await?;
    let department = record
        .department_id
        .and_then(|id| departments.get(&id).cloned());
    let suggested_department = suggested_id.and_then(|id| departments.remove(&id));
    let events = feedback_event::Entity::find()
        .filter(feedback_event::COLUMN.feedback_id.eq(record.id))
        .order_by_asc(feedback_event::COLUMN.id)
        .all(db)
        .await?;
    let people = departments::staff_labels(
        db,
        events
            .iter()
            .filter_map(|e| e.actor_id)
            .chain(record.answered_by)
            .chain(record.approved_by),
    )
    .await?;
    let person = |id: Option<i64>| id.and_then(|id| people.get(&id).cloned());
    let events = events
        .into_iter()
        .map(|event| {
            let parse = |value: &str| {
                FeedbackState::parse(value)
                    .ok_or_else(|| anyhow::anyhow!("unknown feedback state {value}"))
            };
            Ok(FeedbackEventView {
                from: event.from_state.as_deref().map(parse).transpose()?,
                to: parse(&event.to_state)?,
                actor: person(event.actor_id),
                at: event.occurred_at.fixed_offset(),
                note: event.note,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let rejection = rejection_of(record);
    let record = record.clone();
    Ok(StaffFeedback {
        actions: actions(db, &record, state, caps, actor).await?,
        overdue: is_overdue(&record, state),
        unit: UnitLabel {
            slug: unit.slug.clone(),
            name: unit.name.clone(),
        },
        category,
        department,
        suggested_department,
        contact: FeedbackContact {
            name: record.contact_name,
            phone: record.contact_phone,
            email: record.contact_email,
        },
        public: record.public,
        state,
        state_label: state.label().to_owned(),
        instruction: record.instruction,
        multi_agency: record.multi_agency,
        received_at: record.received_at.fixed_offset(),
        due_date: record.due_on,
        reply: record.reply,
        answered_by: person(record.answered_by),
        answered_at: record.answered_at.map(|at| at.fixed_offset()),
        return_reason: record.return_reason,
        approved_by: person(record.approved_by),
        approved_at: record.approved_at.map(|at| at.fixed_offset()),
        public_title: record.public_title,
        public_content: record.public_content,
        public_reply: record.public_reply,
        published_at: record.published_at.map(|at| at.fixed_offset()),
        rejection,
        closed_at: record.closed_at.map(|at| at.fixed_offset()),
        events,
        code: record.code,
        title: record.title,
        content: record.content,
        address: record.address,
        latitude: record.latitude,
        longitude: record.longitude,
    })
}

/// The rejection as the citizen reads it in their lookup.
pub fn rejection_of(record: &feedback::Model) -> Option<Rejection> {
    let kind = RejectionKind::parse(record.rejection_kind.as_deref()?)?;
    Some(Rejection {
        kind,
        kind_label: kind.label().to_owned(),
        reason: record.rejection_reason.clone()?,
        duplicate_of: record.duplicate_of.clone(),
        competent_body: record.competent_body.clone(),
    })
}

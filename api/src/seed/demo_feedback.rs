//! Demo feedback for every ward, in each state of the workflow and several of it
//! published, moved there by the demo staff through the real workflow services. The
//! demo department officer of Phường 1 works in every department of the ward;
//! elsewhere the district admin forwards, answers for the departments and publishes,
//! and the ward's reviewer approves. Feedback already there (same ward and title) is
//! skipped, so seeding twice adds nothing.

use chrono::{Duration, Utc};
use entity::{department, department_member, feedback, feedback_category, feedback_event, unit};
use openapi::auth::Role;
use openapi::feedback::NewFeedback;
use openapi::feedback_workflow::{
    CheckedApproval, CheckedForward, CheckedRejection, RejectionKind,
};
use sea_orm::prelude::*;
use sea_orm::sea_query::Expr;
use sea_orm::{DatabaseConnection, QueryFilter, Set};
use serde::Deserialize;

use crate::error::ApiError;
use crate::local_time;
use crate::services::actor::Actor;
use crate::services::feedback as intake;
use crate::services::feedback_workflow as workflow;
use crate::services::{calendar, units};

const DEMO_FEEDBACK: &str = include_str!("../../data/demo-feedback.json");

/// How long ago the overdue slots were received.
const OVERDUE_DAYS: i64 = 30;

#[derive(Deserialize)]
struct FeedbackFile {
    slots: Vec<Slot>,
    templates: Vec<Template>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Slot {
    Received,
    ReceivedOverdue,
    Forwarded,
    ForwardedOverdue,
    ReturnedToDepartment,
    Answered,
    Approved,
    Published,
    Rejected,
    ClosedPrivate,
}

#[derive(Deserialize)]
struct Template {
    category: String,
    title: String,
    content: String,
    contact_name: String,
    contact_phone: Option<String>,
    contact_email: Option<String>,
    reply: String,
}

/// The demo staff who handle a ward's feedback.
struct Desk {
    web: Actor,
    department: Actor,
    reviewer: Actor,
}

async fn account_id(
    db: &DatabaseConnection,
    role: Role,
    unit: &str,
) -> anyhow::Result<Option<i64>> {
    match crate::services::accounts::find_by_login_input(db, &super::demo_email(role, unit)).await {
        Ok(account) => Ok(Some(account.id)),
        Err(ApiError::NotFound) => Ok(None),
        Err(error) => Err(anyhow::anyhow!("demo {} of {unit}: {error}", role.as_str())),
    }
}

async fn desk(db: &DatabaseConnection, ward: &unit::Model) -> anyhow::Result<Desk> {
    let district_admin = Actor {
        account_id: account_id(db, Role::DistrictAdmin, "quan-10")
            .await?
            .ok_or_else(|| anyhow::anyhow!("the demo district admin is missing"))?,
        district_wide: true,
    };
    let own = |id: Option<i64>| {
        id.map(|account_id| Actor {
            account_id,
            district_wide: false,
        })
    };
    let reviewer = own(account_id(db, Role::Reviewer, &ward.slug).await?)
        .ok_or_else(|| anyhow::anyhow!("the demo reviewer of {} is missing", ward.slug))?;
    Ok(Desk {
        web: own(account_id(db, Role::WebOfficer, &ward.slug).await?).unwrap_or(district_admin),
        department: own(account_id(db, Role::DepartmentOfficer, &ward.slug).await?)
            .unwrap_or(district_admin),
        reviewer,
    })
}

/// The ward's demo department officer works in every department, so whatever is
/// forwarded reaches them.
async fn join_departments(
    db: &DatabaseConnection,
    ward: &unit::Model,
    desk: &Desk,
) -> anyhow::Result<()> {
    if desk.department.district_wide {
        return Ok(());
    }
    let departments = department::Entity::find()
        .filter(department::COLUMN.unit_id.eq(ward.id))
        .all(db)
        .await?;
    for department in departments {
        let member = department_member::Entity::find()
            .filter(department_member::COLUMN.department_id.eq(department.id))
            .filter(
                department_member::COLUMN
                    .account_id
                    .eq(desk.department.account_id),
            )
            .one(db)
            .await?;
        if member.is_none() {
            department_member::ActiveModel {
                department_id: Set(department.id),
                account_id: Set(desk.department.account_id),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
    }
    Ok(())
}

/// Makes the feedback look received `days` ago, with the due date that gives.
async fn backdate(
    db: &DatabaseConnection,
    record: &feedback::Model,
    days: i64,
) -> anyhow::Result<feedback::Model> {
    let received_at = Utc::now() - Duration::days(days);
    let due_on = calendar::load(db)
        .await
        .map_err(|e| anyhow::anyhow!("calendar: {e}"))?
        .add_working_days(
            local_time::date_of(received_at),
            intake::WORKING_DAYS_TO_ANSWER,
        )
        .ok();
    feedback_event::Entity::update_many()
        .col_expr(feedback_event::Column::OccurredAt, Expr::value(received_at))
        .filter(feedback_event::COLUMN.feedback_id.eq(record.id))
        .exec(db)
        .await?;
    let mut active: feedback::ActiveModel = record.clone().into();
    active.received_at = Set(received_at);
    active.consented_at = Set(received_at);
    active.due_on = Set(due_on);
    Ok(active.update(db).await?)
}

async fn department_of(
    db: &DatabaseConnection,
    ward: &unit::Model,
    category: &str,
) -> anyhow::Result<String> {
    let category = feedback_category::Entity::find()
        .filter(feedback_category::COLUMN.unit_id.eq(ward.id))
        .filter(feedback_category::COLUMN.code.eq(category))
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("category {category} of {}", ward.slug))?;
    let department =
        department::Entity::find_by_id(category.default_department_id.unwrap_or_default())
            .one(db)
            .await?
            .ok_or_else(|| anyhow::anyhow!("category {} has no department", category.code))?;
    Ok(department.slug)
}

/// Sends the template's feedback to `ward` and moves it to `slot`.
async fn play(
    db: &DatabaseConnection,
    ward: &unit::Model,
    desk: &Desk,
    slot: Slot,
    template: &Template,
) -> anyhow::Result<()> {
    let context = |step: &'static str| {
        move |e: ApiError| anyhow::anyhow!("demo feedback of {}, {step}: {e}", ward.slug)
    };
    let new = NewFeedback {
        category: template.category.clone(),
        title: template.title.clone(),
        content: template.content.clone(),
        location: None,
        contact_name: template.contact_name.clone(),
        contact_phone: template.contact_phone.clone(),
        contact_email: template.contact_email.clone(),
        consent: true,
        public: Some(slot != Slot::ClosedPrivate),
        photos: None,
    }
    .parse()
    .map_err(|errors| anyhow::anyhow!("demo feedback {}: {errors:?}", template.title))?;
    let receipt = intake::submit(db, ward, None, new)
        .await
        .map_err(context("submit"))?;
    let reload = |code: String| async move { workflow::find(db, ward.id, &code).await };
    let mut record = reload(receipt.code.clone())
        .await
        .map_err(context("find"))?;
    if matches!(slot, Slot::ReceivedOverdue | Slot::ForwardedOverdue) {
        record = backdate(db, &record, OVERDUE_DAYS).await?;
    }
    if matches!(slot, Slot::Received | Slot::ReceivedOverdue) {
        return Ok(());
    }
    if slot == Slot::Rejected {
        let rejection = CheckedRejection {
            kind: RejectionKind::OutsideCompetence,
            reason: "Nội dung thuộc thẩm quyền quản lý của Quận 10".to_owned(),
            duplicate_of: None,
            competent_body: Some("UBND Quận 10".to_owned()),
        };
        return workflow::reject(db, ward, &record, desk.web, rejection)
            .await
            .map_err(context("reject"));
    }
    let forward = CheckedForward {
        department: department_of(db, ward, &template.category).await?,
        instruction: "Đề nghị kiểm tra thực tế, xử lý và dự thảo trả lời công dân".to_owned(),
        multi_agency: false,
    };
    workflow::forward(db, &record, desk.web, forward)
        .await
        .map_err(context("forward"))?;
    if matches!(slot, Slot::Forwarded | Slot::ForwardedOverdue) {
        return Ok(());
    }
    record = reload(receipt.code.clone())
        .await
        .map_err(context("find"))?;
    workflow::answer(db, &record, desk.department, template.reply.clone())
        .await
        .map_err(context("answer"))?;
    if slot == Slot::Answered {
        return Ok(());
    }
    record = reload(receipt.code.clone())
        .await
        .map_err(context("find"))?;
    if slot == Slot::ReturnedToDepartment {
        let reason = "Đề nghị nêu rõ thời hạn hoàn thành và đơn vị phối hợp".to_owned();
        return workflow::return_to_department(db, &record, desk.reviewer, reason)
            .await
            .map_err(context("return"));
    }
    workflow::approve(db, &record, desk.reviewer, CheckedApproval::default())
        .await
        .map_err(context("approve"))?;
    if slot == Slot::Approved {
        return Ok(());
    }
    record = reload(receipt.code.clone())
        .await
        .map_err(context("find"))?;
    if slot == Slot::ClosedPrivate {
        return workflow::close(db, ward, &record, desk.web, None)
            .await
            .map_err(context("close"));
    }
    workflow::publish(db, ward, &record, desk.web)
        .await
        .map_err(context("publish"))
}

/// Plays the demo feedback of every ward of Quận 10; returns how many were added.
pub async fn seed_demo_feedback(db: &DatabaseConnection) -> anyhow::Result<usize> {
    let file: FeedbackFile = serde_json::from_str(DEMO_FEEDBACK)?;
    let district = units::by_slug(db, "quan-10")
        .await
        .map_err(|e| anyhow::anyhow!("unit quan-10: {e}"))?;
    let wards = units::children(db, district.id)
        .await
        .map_err(|e| anyhow::anyhow!("wards of quan-10: {e}"))?;
    let mut added = 0;
    for (index, ward) in wards.iter().enumerate() {
        let desk = desk(db, ward).await?;
        join_departments(db, ward, &desk).await?;
        for (place, slot) in file.slots.iter().enumerate() {
            let template = &file.templates[(index + place) % file.templates.len()];
            let exists = feedback::Entity::find()
                .filter(feedback::COLUMN.unit_id.eq(ward.id))
                .filter(feedback::COLUMN.title.eq(template.title.as_str()))
                .one(db)
                .await?
                .is_some();
            if !exists {
                play(db, ward, &desk, *slot, template).await?;
                added += 1;
            }
        }
    }
    Ok(added)
}

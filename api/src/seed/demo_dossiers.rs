//! Demo dossiers for every ward, in each state of the lifecycle, filed by demo
//! citizens and moved by the ward's demo intake and department officers through the
//! real filing and workflow services, so inboxes and statistics are not empty. Some
//! are filed and accepted days ago, which makes them overdue, at risk or late.
//! A ward that has dossiers already is left alone, so seeding twice adds nothing.

use chrono::{DateTime, Duration, Utc};
use entity::{account, dossier, unit};
use openapi::auth::Role;
use openapi::dossier_workflow::{CheckedApology, CheckedRating, CheckedSupplementRequest};
use openapi::dossiers::{SubmitDossier, SupplementItem};
use openapi::values::{Email, FullName, Password, PhoneNumber};
use sea_orm::prelude::*;
use sea_orm::{DatabaseConnection, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};

use crate::db::begin_write;
use crate::error::ApiError;
use crate::local_time;
use crate::services::actor::Actor;
use crate::services::dossier_workflow as workflow;
use crate::services::{accounts, calendar, dossier_filing, units};

/// Where a demo dossier ends up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// Filed this morning, waiting for intake.
    Submitted,
    /// Filed two days ago, still waiting for intake.
    SubmittedEarlier,
    NeedsSupplement,
    Resubmitted,
    Accepted,
    Processing,
    /// Accepted nine days ago under a three-day limit, no result yet.
    ProcessingOverdue,
    ResultReady,
    /// Returned on its day and rated.
    Returned,
    /// Late, apologised for with a new date, then returned and rated.
    ReturnedLate,
    Refused,
    Withdrawn,
}

const SLOTS: [Slot; 12] = [
    Slot::Submitted,
    Slot::SubmittedEarlier,
    Slot::NeedsSupplement,
    Slot::Resubmitted,
    Slot::Accepted,
    Slot::Processing,
    Slot::ProcessingOverdue,
    Slot::ResultReady,
    Slot::Returned,
    Slot::ReturnedLate,
    Slot::Refused,
    Slot::Withdrawn,
];

/// The demo people who file; each ward's dossiers rotate through them.
const CITIZENS: [(&str, &str, &str); 4] = [
    ("Nguyễn Thị Thu Hà", "0903111201", "079190001234"),
    ("Trần Văn Bình", "0908222302", "079085004321"),
    ("Lê Hoàng Yến", "0912333403", "079195006789"),
    ("Phạm Quốc Dũng", "0938444504", "079088009876"),
];

fn citizen_email(index: usize) -> String {
    format!("cong-dan-{}@demo.wardportal.vn", index + 1)
}

/// A complete filing of the slot's procedure by `citizen`.
fn filing(slot: Slot, ward: &unit::Model, citizen: (&str, &str, &str)) -> SubmitDossier {
    let (name, phone, id_number) = citizen;
    let mut form = json!({
        "applicant_name": name,
        "applicant_id_number": id_number,
        "applicant_phone": phone,
        "applicant_address": format!("25 Ngô Gia Tự, {}", ward.name),
    });
    let (procedure, extra) = match slot {
        Slot::Submitted | Slot::Accepted | Slot::ResultReady | Slot::Withdrawn => (
            "CT-BS",
            json!({"document_title": "Bằng tốt nghiệp trung học phổ thông", "pages": 2, "copies": 3}),
        ),
        Slot::NeedsSupplement | Slot::Refused => {
            ("HT-TLBS", json!({"record_type": "Khai sinh", "copies": 2}))
        }
        Slot::Returned => (
            "CT-CK",
            json!({"document_title": "Giấy ủy quyền nhận lương hưu"}),
        ),
        Slot::SubmittedEarlier
        | Slot::Resubmitted
        | Slot::Processing
        | Slot::ProcessingOverdue
        | Slot::ReturnedLate => (
            "HT-XNHN",
            json!({"purpose": "Đăng ký kết hôn", "marital_status": "Chưa kết hôn"}),
        ),
    };
    if let (Value::Object(form), Value::Object(extra)) = (&mut form, extra) {
        form.extend(extra);
    }
    SubmitDossier {
        procedure_code: procedure.to_owned(),
        form: serde_json::from_value(form).unwrap_or_default(),
        draft_id: None,
    }
}

/// How long before now the slot's dossier was filed.
fn filed_ago(slot: Slot) -> Duration {
    match slot {
        Slot::SubmittedEarlier => Duration::days(2),
        Slot::Processing => Duration::days(1),
        Slot::ProcessingOverdue | Slot::ReturnedLate => Duration::days(9),
        _ => Duration::hours(3),
    }
}

/// The ward's demo staff who handle dossiers.
struct Desk {
    intake: Actor,
    department: Actor,
}

async fn staff(db: &DatabaseConnection, role: Role, ward: &unit::Model) -> anyhow::Result<Actor> {
    let account = accounts::find_by_login_input(db, &super::demo_email(role, &ward.slug))
        .await
        .map_err(|e| anyhow::anyhow!("demo {} of {}: {e}", role.as_str(), ward.slug))?;
    Ok(Actor {
        account_id: account.id,
        district_wide: false,
    })
}

/// The demo citizens, made once with passwords nobody is shown: they exist to file.
async fn citizens(db: &DatabaseConnection) -> anyhow::Result<Vec<account::Model>> {
    let mut made = Vec::new();
    for (index, (name, phone, _)) in CITIZENS.into_iter().enumerate() {
        let email = citizen_email(index);
        let account = match accounts::find_by_login_input(db, &email).await {
            Ok(account) => account,
            Err(ApiError::NotFound) => accounts::register(
                db,
                openapi::auth::NewAccount {
                    full_name: FullName::parse(name)?,
                    email: Some(Email::parse(&email)?),
                    phone: Some(PhoneNumber::parse(phone)?),
                    password: Password::parse(&super::random_password())?,
                },
            )
            .await
            .map_err(|e| anyhow::anyhow!("demo citizen {email}: {e}"))?,
            Err(error) => return Err(anyhow::anyhow!("demo citizen {email}: {error}")),
        };
        made.push(account);
    }
    Ok(made)
}

/// Files the slot's dossier for `citizen` and moves it to the slot's state.
async fn play(
    db: &DatabaseConnection,
    ward: &unit::Model,
    desk: &Desk,
    slot: Slot,
    citizen: &account::Model,
    person: (&str, &str, &str),
) -> Result<(), ApiError> {
    let now = Utc::now();
    let filed_at = now - filed_ago(slot);
    let txn = begin_write(db).await?;
    let filed =
        dossier_filing::submit(&txn, ward, citizen, filing(slot, ward, person), filed_at).await?;
    txn.commit().await?;
    let code = filed.code;
    let reload = async |code: &str| -> Result<dossier::Model, ApiError> {
        dossier::Entity::find()
            .filter(dossier::COLUMN.code.eq(code))
            .one(db)
            .await?
            .ok_or(ApiError::NotFound)
    };
    let accepted_at = |at: DateTime<Utc>| at + Duration::hours(1);
    // One item tied to a field both demo procedures have, one about the whole case.
    let supplement = CheckedSupplementRequest {
        items: vec![
            SupplementItem {
                field_key: Some("applicant_id_number".to_owned()),
                description:
                    "Số định danh cá nhân chưa khớp với căn cước; kiểm tra lại đủ 12 chữ số"
                        .to_owned(),
            },
            SupplementItem {
                field_key: None,
                description:
                    "Ghi rõ nơi đã đăng ký khai sinh (phường, quận, tỉnh) trong phần ghi chú"
                        .to_owned(),
            },
        ],
        note: None,
    };
    match slot {
        Slot::Submitted | Slot::SubmittedEarlier => {}
        Slot::NeedsSupplement => {
            workflow::request_supplement(db, &reload(&code).await?, desk.intake, supplement)
                .await?;
        }
        Slot::Resubmitted => {
            workflow::request_supplement(db, &reload(&code).await?, desk.intake, supplement)
                .await?;
            let changes = [("purpose".to_owned(), json!("Đăng ký kết hôn tại Phường 1"))].into();
            workflow::resubmit(db, &reload(&code).await?, citizen.id, &changes, None).await?;
        }
        Slot::Refused => {
            let reason = "Trích lục hộ tịch đề nghị cấp bản sao do Ủy ban nhân dân phường khác \
                          đăng ký; đề nghị liên hệ nơi đã đăng ký."
                .to_owned();
            workflow::refuse(db, &reload(&code).await?, desk.intake, reason).await?;
        }
        Slot::Withdrawn => {
            let reason = Some("Tôi đã chứng thực tại nơi khác.".to_owned());
            workflow::withdraw(db, &reload(&code).await?, citizen.id, reason).await?;
        }
        Slot::Accepted
        | Slot::Processing
        | Slot::ProcessingOverdue
        | Slot::ResultReady
        | Slot::Returned
        | Slot::ReturnedLate => {
            let record = reload(&code).await?;
            let at = accepted_at(filed_at).min(now);
            workflow::accept(db, &record, desk.intake, false, at).await?;
            if slot == Slot::Accepted {
                return Ok(());
            }
            let assigned = workflow::assign(
                db,
                &reload(&code).await?,
                desk.intake,
                desk.department.account_id,
                None,
            )
            .await?;
            if matches!(slot, Slot::Processing | Slot::ProcessingOverdue) {
                return Ok(());
            }
            if slot == Slot::ReturnedLate {
                let today = local_time::today();
                let new_due_on = calendar::load(db).await?.add_working_days(today, 1)?;
                let apology = CheckedApology {
                    reason:
                        "Cần xác minh thêm thông tin tình trạng hôn nhân tại nơi cư trú trước đây."
                            .to_owned(),
                    new_due_on,
                };
                workflow::apologize(db, &assigned, desk.intake, apology, today).await?;
            }
            workflow::result_ready(db, &reload(&code).await?, desk.department, None).await?;
            if slot == Slot::ResultReady {
                return Ok(());
            }
            workflow::return_result(db, &reload(&code).await?, desk.intake, None).await?;
            let rating = if slot == Slot::ReturnedLate {
                CheckedRating {
                    rating: 3,
                    comment: Some("Kết quả trễ hẹn nhưng cán bộ báo trước và xin lỗi.".to_owned()),
                }
            } else {
                CheckedRating {
                    rating: 5,
                    comment: Some("Nhanh, cán bộ hướng dẫn tận tình.".to_owned()),
                }
            };
            workflow::rate(db, &reload(&code).await?, citizen.id, rating).await?;
        }
    }
    Ok(())
}

/// Returns how many dossiers were added.
pub async fn seed_demo_dossiers(db: &DatabaseConnection) -> anyhow::Result<usize> {
    let district = units::by_slug(db, "quan-10")
        .await
        .map_err(|e| anyhow::anyhow!("unit quan-10: {e}"))?;
    let wards = units::children(db, district.id)
        .await
        .map_err(|e| anyhow::anyhow!("wards of quan-10: {e}"))?;
    let citizens = citizens(db).await?;
    let mut added = 0;
    for ward in &wards {
        let existing = dossier::Entity::find()
            .filter(dossier::COLUMN.unit_id.eq(ward.id))
            .count(db)
            .await?;
        if existing > 0 {
            continue;
        }
        let desk = Desk {
            intake: staff(db, Role::IntakeOfficer, ward).await?,
            department: staff(db, Role::DepartmentOfficer, ward).await?,
        };
        for (index, slot) in SLOTS.into_iter().enumerate() {
            let who = index % CITIZENS.len();
            match play(db, ward, &desk, slot, &citizens[who], CITIZENS[who]).await {
                Ok(()) => added += 1,
                // Near the end of a year whose successor is not confirmed yet, an
                // acceptance cannot be dated; the demo goes on without that dossier's
                // later steps rather than guess a date.
                Err(ApiError::CalendarNotConfirmed(year)) => {
                    tracing::warn!(year, ?slot, ward = %ward.slug, "demo dossier left at intake: calendar not confirmed");
                    added += 1;
                }
                Err(error) => {
                    return Err(anyhow::anyhow!(
                        "demo dossier {slot:?} of {}: {error}",
                        ward.slug
                    ));
                }
            }
        }
    }
    Ok(added)
}

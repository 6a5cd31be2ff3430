//! The e-mails a citizen gets as their dossier moves: what happened, the status,
//! the code, what comes next, and on acceptance the appointment date. Queued in the
//! outbox by the workflow, in the transaction of the change.

use entity::{dossier, unit};
use openapi::dossier_workflow::DossierAction;
use openapi::dossiers::{DossierStatus, SupplementRequestDetails};
use sea_orm::{ConnectionTrait, EntityTrait};
use serde_json::Value;

use crate::error::ApiError;
use crate::services::dossier_reads::{self, status_of};
use crate::services::outbox;

/// What the e-mail about one change says, before it is addressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice<'a> {
    pub unit_name: &'a str,
    pub procedure_name: &'a str,
    pub code: &'a str,
    pub status: DossierStatus,
    pub action: DossierAction,
    /// The officer's or citizen's note: a reason, an apology's reason.
    pub note: Option<&'a str>,
    /// What a supplement request asks for.
    pub items: Vec<String>,
    pub due_on: Option<chrono::NaiveDate>,
    pub rescheduled_due_on: Option<chrono::NaiveDate>,
}

/// The outbox topic of the e-mail after `action`.
pub fn topic(action: DossierAction) -> Option<&'static str> {
    Some(match action {
        DossierAction::Accept => "dossier_accepted",
        DossierAction::RequestSupplement => "dossier_needs_supplement",
        DossierAction::Refuse => "dossier_refused",
        DossierAction::Assign => "dossier_processing",
        DossierAction::ResultReady => "dossier_result_ready",
        DossierAction::Return => "dossier_returned",
        DossierAction::Apologize => "dossier_apology",
        DossierAction::Resubmit => "dossier_resubmitted",
        DossierAction::Withdraw => "dossier_withdrawn",
        // The citizen's own opinion changes nothing they need to hear of.
        DossierAction::Rate => return None,
    })
}

fn dd_mm_yyyy(date: chrono::NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// The subject and body of the e-mail.
pub fn compose(notice: &Notice) -> (String, String) {
    let what = match notice.action {
        DossierAction::Accept => "đã được tiếp nhận".to_owned(),
        DossierAction::RequestSupplement => "cần được bổ sung".to_owned(),
        DossierAction::Refuse => "không được tiếp nhận".to_owned(),
        DossierAction::Assign => "đã được chuyển cán bộ chuyên môn xử lý".to_owned(),
        DossierAction::ResultReady => "đã có kết quả giải quyết".to_owned(),
        DossierAction::Return => "đã được trả kết quả".to_owned(),
        DossierAction::Apologize => "chưa có kết quả đúng hẹn".to_owned(),
        DossierAction::Resubmit => "đã được bạn bổ sung và gửi lại".to_owned(),
        DossierAction::Withdraw => "đã được bạn rút".to_owned(),
        DossierAction::Rate => "đã được bạn đánh giá".to_owned(),
    };
    let subject = format!("Hồ sơ {}: {}", notice.code, notice.status.label());
    let mut body = format!(
        "{} thông báo: hồ sơ {} ({}) của bạn {what}.\n\nTrạng thái: {}.",
        notice.unit_name,
        notice.code,
        notice.procedure_name,
        notice.status.label()
    );
    if notice.action == DossierAction::Accept
        && let Some(due_on) = notice.due_on
    {
        body.push_str(&format!("\nNgày hẹn trả kết quả: {}.", dd_mm_yyyy(due_on)));
    }
    if !notice.items.is_empty() {
        body.push_str("\n\nGiấy tờ, thông tin cần bổ sung:");
        for item in &notice.items {
            body.push_str(&format!("\n- {item}"));
        }
    }
    if notice.action == DossierAction::Apologize {
        body.push_str("\n\nPhường thành thật xin lỗi vì đã không trả kết quả đúng hẹn.");
        if let Some(due_on) = notice.due_on {
            body.push_str(&format!("\nNgày hẹn ban đầu: {}.", dd_mm_yyyy(due_on)));
        }
        if let Some(new_date) = notice.rescheduled_due_on {
            body.push_str(&format!(
                "\nNgày hẹn trả kết quả mới: {}.",
                dd_mm_yyyy(new_date)
            ));
        }
    }
    if let Some(note) = notice.note {
        let heading = match notice.action {
            DossierAction::Refuse | DossierAction::Apologize | DossierAction::Withdraw => "Lý do",
            _ => "Ghi chú",
        };
        body.push_str(&format!("\n{heading}: {note}"));
    }
    body.push_str(&format!(
        "\n\nBước tiếp theo: {}\n\nBạn có thể theo dõi hồ sơ bằng mã {} và số điện thoại đã khai.",
        notice.status.next_step(),
        notice.code
    ));
    (subject, body)
}

/// The e-mail about `action`, which left the dossier as `after`; none when the
/// dossier has no e-mail address or the action needs no e-mail.
pub async fn email<C: ConnectionTrait>(
    db: &C,
    after: &dossier::Model,
    action: DossierAction,
    note: Option<&str>,
    details: Option<&Value>,
) -> Result<Option<outbox::Email>, ApiError> {
    let (Some(to), Some(topic)) = (&after.contact_email, topic(action)) else {
        return Ok(None);
    };
    let unit = unit::Entity::find_by_id(after.unit_id)
        .one(db)
        .await?
        .ok_or_else(|| anyhow::anyhow!("unit {} vanished", after.unit_id))?;
    let (_, procedure) = dossier_reads::procedure_of(db, after).await?;
    let items = match (action, details) {
        (DossierAction::RequestSupplement, Some(details)) => {
            serde_json::from_value::<SupplementRequestDetails>(details.clone())
                .map_err(anyhow::Error::from)?
                .items
                .into_iter()
                .map(|item| item.description)
                .collect()
        }
        _ => Vec::new(),
    };
    let notice = Notice {
        unit_name: &unit.name,
        procedure_name: &procedure.name,
        code: &after.code,
        status: status_of(after)?,
        action,
        note,
        items,
        due_on: after.due_on,
        rescheduled_due_on: after.rescheduled_due_on,
    };
    let (subject, body) = compose(&notice);
    Ok(Some(outbox::Email {
        topic,
        to: to.clone(),
        subject,
        body,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notice(action: DossierAction, status: DossierStatus) -> Notice<'static> {
        Notice {
            unit_name: "UBND Phường 1",
            procedure_name: "Đăng ký khai sinh",
            code: "P01-261130-0001",
            status,
            action,
            note: None,
            items: Vec::new(),
            due_on: "2026-12-03".parse().ok(),
            rescheduled_due_on: None,
        }
    }

    #[test]
    fn the_acceptance_gives_the_code_status_appointment_date_and_next_step() {
        let (subject, body) = compose(&notice(DossierAction::Accept, DossierStatus::Accepted));
        assert_eq!(subject, "Hồ sơ P01-261130-0001: Đã tiếp nhận");
        assert!(body.contains("P01-261130-0001"), "{body}");
        assert!(body.contains("Ngày hẹn trả kết quả: 03/12/2026"), "{body}");
        assert!(body.contains(DossierStatus::Accepted.next_step()), "{body}");
    }

    #[test]
    fn a_supplement_request_lists_every_missing_item() {
        let mut request = notice(
            DossierAction::RequestSupplement,
            DossierStatus::NeedsSupplement,
        );
        request.due_on = None;
        request.items = vec!["Giấy chứng sinh".into(), "Bản sao CCCD của mẹ".into()];
        let (_, body) = compose(&request);
        assert!(
            body.contains("- Giấy chứng sinh\n- Bản sao CCCD của mẹ"),
            "{body}"
        );
        assert!(!body.contains("Ngày hẹn"), "{body}");
    }

    #[test]
    fn an_apology_gives_the_original_and_the_new_date_and_the_reason() {
        let mut apology = notice(DossierAction::Apologize, DossierStatus::Processing);
        apology.rescheduled_due_on = "2026-12-10".parse().ok();
        apology.note = Some("Cần xác minh thêm tại nơi cư trú");
        let (_, body) = compose(&apology);
        assert!(body.contains("Ngày hẹn ban đầu: 03/12/2026"), "{body}");
        assert!(
            body.contains("Ngày hẹn trả kết quả mới: 10/12/2026"),
            "{body}"
        );
        assert!(body.contains("Lý do: Cần xác minh thêm"), "{body}");
    }

    #[test]
    fn a_rating_sends_no_email() {
        assert_eq!(topic(DossierAction::Rate), None);
        for action in DossierAction::ALL {
            assert_eq!(topic(action).is_none(), action == DossierAction::Rate);
        }
    }
}

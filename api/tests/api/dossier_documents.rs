//! The documents of a dossier downloaded as PDF: the receipt with the appointment
//! date, the supplement request, the refusal and the apology, each only once the
//! dossier has it, only for its owner and the ward's staff, and read back as text.

use chrono::{Days, NaiveDate, Utc};
use entity::dossier;
use openapi::auth::Role;
use openapi::dossiers::{DossierStatus, DossierStep, SupplementItem, SupplementRequestDetails};
use reqwest::StatusCode;
use reqwest::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use sea_orm::{ActiveModelTrait, Set};

use crate::dossier_arrange::*;
use crate::helpers::{Session, TestApp};

/// `GET /api/v1/dossiers/{code}/documents/{kind}.pdf` as `who`; the raw answer.
async fn download(
    app: &TestApp,
    who: Option<&Session>,
    code: &str,
    kind: &str,
) -> reqwest::Response {
    let mut request = app.get(&format!("/api/v1/dossiers/{code}/documents/{kind}.pdf"));
    if let Some(who) = who {
        request = request.bearer_auth(&who.access_token);
    }
    request.send().await.unwrap()
}

/// The text of a downloaded PDF, as a reader's "copy text" gives it, with line
/// breaks read as spaces.
async fn text_of(response: reqwest::Response) -> String {
    assert_eq!(response.status(), StatusCode::OK);
    let pdf = response.bytes().await.unwrap();
    let document = lopdf::Document::load_mem(&pdf).unwrap();
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    let text = document.extract_text(&pages).unwrap();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A step an officer takes, and what it leaves on record.
struct Step {
    step: DossierStep,
    to: DossierStatus,
    note: Option<&'static str>,
    details: Option<serde_json::Value>,
    /// The citizen's own step (supplying what was asked), not an officer's.
    by_citizen: bool,
}

impl Step {
    fn to(step: DossierStep, to: DossierStatus) -> Step {
        Step {
            step,
            to,
            note: None,
            details: None,
            by_citizen: false,
        }
    }
}

/// Takes a step of the process record as the workflow would (that workflow is
/// another change): the dossier row as `change` leaves it, and the step by `who`.
async fn take_step(
    app: &TestApp,
    code: &str,
    who: &Session,
    step: Step,
    change: impl FnOnce(&mut dossier::ActiveModel),
) {
    let record = api::services::dossier_reads::by_code(&app.db, code)
        .await
        .unwrap();
    let from = DossierStatus::parse(&record.status).unwrap();
    let mut row: dossier::ActiveModel = record.clone().into();
    row.status = Set(step.to.as_str().to_owned());
    row.revision = Set(record.revision + 1);
    change(&mut row);
    let record = row.update(&app.db).await.unwrap();
    let actor = app.account_id(who).await;
    let taken = api::services::dossier_record::StepTaken {
        step: step.step,
        from: Some(from),
        to: step.to,
        actor_id: Some(actor),
        by_citizen: step.by_citizen,
        note: step.note.map(str::to_owned),
        details: step.details,
        at: Utc::now(),
    };
    api::services::dossier_record::record(&app.db, &record, taken)
        .await
        .unwrap();
}

async fn accept(app: &TestApp, code: &str, officer: &Session, due: NaiveDate) {
    let step = Step::to(DossierStep::Accepted, DossierStatus::Accepted);
    take_step(app, code, officer, step, |row| {
        row.accepted_at = Set(Some(Utc::now()));
        row.due_on = Set(Some(due));
    })
    .await;
}

fn a_week_ahead() -> NaiveDate {
    Utc::now()
        .date_naive()
        .checked_add_days(Days::new(7))
        .unwrap()
}

on_both_databases! {
    async fn the_owner_downloads_the_receipt_with_the_code_and_the_appointment_date(app) {
        prepared(&app).await;
        let citizen = citizen(&app).await;
        let code = file_birth_registration(&app, &citizen).await;
        let intake = app.login_as(Role::IntakeOfficer, WARD).await;
        let due = a_week_ahead();
        accept(&app, &code, &intake, due).await;

        let response = download(&app, Some(&citizen), &code, "receipt").await;
        assert_eq!(response.headers()[CONTENT_TYPE], "application/pdf");
        let disposition = response.headers()[CONTENT_DISPOSITION].to_str().unwrap().to_owned();
        assert!(disposition.starts_with("attachment"), "{disposition}");
        assert!(disposition.contains(&format!("{code}-receipt.pdf")), "{disposition}");
        assert!(response.headers()[CACHE_CONTROL].to_str().unwrap().contains("no-store"));
        let text = text_of(response).await;
        assert!(text.contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"), "{text}");
        assert!(text.contains(&format!("Mã hồ sơ: {code}")), "{text}");
        assert!(text.contains(&format!("ngày {}", due.format("%d/%m/%Y"))), "{text}");
        assert!(text.contains("PHƯỜNG 1"), "{text}");
        assert!(text.contains("Trần Thị Mai"), "{text}");
        assert!(text.contains("Đăng ký khai sinh"), "{text}");
        assert!(text.contains(&format!("/tra-cuu-ho-so?ma={code}")), "{text}");

        // The citizen's copy names no staff member, as their process record does not;
        // the ward's own copy names the officer who received it.
        let officer = "Nguyễn Văn Kiểm Thử";
        assert!(!text.contains(officer), "{text}");
        let staff_copy = text_of(download(&app, Some(&intake), &code, "receipt").await).await;
        assert!(staff_copy.contains(officer), "{staff_copy}");
    }

    async fn a_document_the_dossier_does_not_have_yet_is_not_found(app) {
        prepared(&app).await;
        let citizen = citizen(&app).await;
        let code = file_birth_registration(&app, &citizen).await;
        for kind in ["receipt", "supplement-request", "refusal", "apology", "invoice"] {
            let response = download(&app, Some(&citizen), &code, kind).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{kind}");
        }
    }

    async fn only_the_owner_and_the_wards_staff_download_a_dossiers_documents(app) {
        prepared(&app).await;
        let owner = citizen(&app).await;
        let code = file_birth_registration(&app, &owner).await;
        let intake = app.login_as(Role::IntakeOfficer, WARD).await;
        accept(&app, &code, &intake, a_week_ahead()).await;

        let anonymous = download(&app, None, &code, "receipt").await;
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
        let stranger = citizen(&app).await;
        let response = download(&app, Some(&stranger), &code, "receipt").await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let elsewhere = app.login_as(Role::IntakeOfficer, "phuong-2").await;
        let response = download(&app, Some(&elsewhere), &code, "receipt").await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let unknown = download(&app, Some(&owner), "27184-000101-0001", "receipt").await;
        assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    }

    async fn the_supplement_request_lists_every_missing_item_by_its_field(app) {
        prepared(&app).await;
        let citizen = citizen(&app).await;
        let code = file_birth_registration(&app, &citizen).await;
        let intake = app.login_as(Role::IntakeOfficer, WARD).await;
        let details = SupplementRequestDetails {
            items: vec![
                SupplementItem {
                    field_key: Some("birth_certificate".to_owned()),
                    description: "Ảnh bị mờ, không đọc được".to_owned(),
                },
                SupplementItem {
                    field_key: None,
                    description: "Văn bản ủy quyền của người mẹ".to_owned(),
                },
            ],
        };
        let step = Step {
            note: Some("Cần đủ giấy tờ để đối chiếu với sổ hộ tịch."),
            details: Some(serde_json::to_value(&details).unwrap()),
            ..Step::to(DossierStep::SupplementRequested, DossierStatus::NeedsSupplement)
        };
        take_step(&app, &code, &intake, step, |_| {}).await;

        let text = text_of(download(&app, Some(&citizen), &code, "supplement-request").await).await;
        assert!(text.contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"), "{text}");
        assert!(
            text.contains("1. Giấy chứng sinh (bản chụp/ảnh): Ảnh bị mờ, không đọc được"),
            "{text}"
        );
        assert!(text.contains("2. Văn bản ủy quyền của người mẹ"), "{text}");
        assert!(
            text.contains("Lý do: Cần đủ giấy tờ để đối chiếu với sổ hộ tịch."),
            "{text}"
        );

        // Once the citizen supplied the items, the request stays on record.
        let supplied = Step {
            by_citizen: true,
            ..Step::to(DossierStep::Resubmitted, DossierStatus::Resubmitted)
        };
        take_step(&app, &code, &citizen, supplied, |_| {}).await;
        let text = text_of(download(&app, Some(&citizen), &code, "supplement-request").await).await;
        assert!(text.contains("2. Văn bản ủy quyền của người mẹ"), "{text}");
    }

    async fn the_refusal_gives_its_reason(app) {
        prepared(&app).await;
        let citizen = citizen(&app).await;
        let code = file_birth_registration(&app, &citizen).await;
        let intake = app.login_as(Role::IntakeOfficer, WARD).await;
        let reason = "Việc khai sinh thuộc thẩm quyền nơi cư trú của người mẹ.";
        let step = Step {
            note: Some(reason),
            ..Step::to(DossierStep::Refused, DossierStatus::Refused)
        };
        take_step(&app, &code, &intake, step, |_| {}).await;

        let text = text_of(download(&app, Some(&citizen), &code, "refusal").await).await;
        assert!(text.contains("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"), "{text}");
        assert!(text.contains(reason), "{text}");
        let receipt = download(&app, Some(&citizen), &code, "receipt").await;
        assert_eq!(receipt.status(), StatusCode::NOT_FOUND);
    }

    async fn the_apology_keeps_the_first_date_and_gives_the_new_one(app) {
        prepared(&app).await;
        let citizen = citizen(&app).await;
        let code = file_birth_registration(&app, &citizen).await;
        let intake = app.login_as(Role::IntakeOfficer, WARD).await;
        let due = a_week_ahead();
        accept(&app, &code, &intake, due).await;
        let new_date = due.checked_add_days(Days::new(3)).unwrap();
        let reason = "Cần xác minh thông tin cư trú.";
        let step = Step {
            note: Some(reason),
            ..Step::to(DossierStep::Apologized, DossierStatus::Accepted)
        };
        take_step(&app, &code, &intake, step, |row| {
            row.rescheduled_due_on = Set(Some(new_date));
        })
        .await;

        let text = text_of(download(&app, Some(&citizen), &code, "apology").await).await;
        assert!(text.contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"), "{text}");
        assert!(
            text.contains(&format!("Ngày hẹn trả kết quả giải quyết hồ sơ: {}", due.format("%d/%m/%Y"))),
            "{text}"
        );
        assert!(text.contains(&format!("vào ngày {}", new_date.format("%d/%m/%Y"))), "{text}");
        assert!(text.contains(reason), "{text}");
    }
}

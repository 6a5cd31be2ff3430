//! Arranging dossiers for the dossier tests: the catalog and calendar seeded, a
//! citizen signed in, files uploaded and a birth registration filed through the API,
//! as a citizen would.

use openapi::dossiers::Dossier;
use openapi::uploads::Upload;
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{Session, TestApp};

/// The ward most tests file with.
pub const WARD: &str = "phuong-1";

/// The phone the birth registration form gives, as the lookup asks for it.
pub const PHONE: &str = "0912 345 678";

/// The smallest file that reads as a PDF by its content.
pub const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n";

/// A 1×1 PNG.
pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\x0bIDAT\x78\x9c\x63\x60\x00\x02\x00\x00\x05\x00\x01\x7a\x5e\xab\x3f\0\0\0\0IEND\xaeB`\x82";

/// Every ward's procedure catalog and the working calendar.
pub async fn prepared(app: &TestApp) {
    api::seed::seed_calendar(&app.db).await.unwrap();
    api::seed::seed_procedures(&app.db).await.unwrap();
}

/// A newly registered citizen, signed in.
pub async fn citizen(app: &TestApp) -> Session {
    let credentials = app.register_citizen().await;
    app.sign_in(&credentials).await
}

/// `POST /api/v1/uploads` as `who`; the raw answer.
pub async fn upload(app: &TestApp, who: &Session, filename: &str, bytes: &[u8]) -> Response {
    let part = reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(filename.to_owned());
    let form = reqwest::multipart::Form::new().part("file", part);
    app.post("/api/v1/uploads")
        .bearer_auth(&who.access_token)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// A PDF uploaded by `who`; its upload id.
pub async fn uploaded_pdf(app: &TestApp, who: &Session) -> String {
    let response = upload(app, who, "giay-chung-sinh.pdf", PDF).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json::<Upload>().await.unwrap().id
}

/// A complete birth registration (HT-KS) form with the birth certificate `file`.
pub fn birth_registration(file: &str) -> Value {
    json!({
        "applicant_name": "Trần Thị Mai",
        "applicant_id_number": "079190001234",
        "applicant_phone": PHONE,
        "applicant_email": "mai.tran@example.com",
        "applicant_address": "12 Nguyễn Tri Phương, Phường 1",
        "child_name": "Nguyễn Minh An",
        "child_birth_date": "2026-11-20",
        "child_sex": "Nam",
        "child_birth_place": "Bệnh viện Từ Dũ",
        "mother_name": "Trần Thị Mai",
        "father_name": "Nguyễn Văn Bình",
        "birth_certificate": [file]
    })
}

/// A complete request to certify copies (CT-BS), a procedure without file fields.
pub fn copy_request() -> Value {
    json!({
        "applicant_name": "Trần Thị Mai",
        "applicant_id_number": "079190001234",
        "applicant_phone": PHONE,
        "applicant_address": "12 Nguyễn Tri Phương, Phường 1",
        "document_title": "Bằng tốt nghiệp trung học phổ thông",
        "pages": 1,
        "copies": 3
    })
}

/// `POST /api/v1/units/{unit}/dossiers` as `who` with `body`; the raw answer.
pub async fn submit(app: &TestApp, who: Option<&Session>, unit: &str, body: &Value) -> Response {
    let mut request = app.post(&format!("/api/v1/units/{unit}/dossiers"));
    if let Some(who) = who {
        request = request.bearer_auth(&who.access_token);
    }
    request.json(body).send().await.unwrap()
}

/// The body filing `form` under `procedure_code`.
pub fn filing(procedure_code: &str, form: Value) -> Value {
    json!({"procedure_code": procedure_code, "form": form})
}

/// `citizen` files a birth registration in [`WARD`] with a PDF birth certificate;
/// the dossier as answered.
pub async fn filed_birth_registration(app: &TestApp, citizen: &Session) -> Dossier {
    let file = uploaded_pdf(app, citizen).await;
    let response = submit(
        app,
        Some(citizen),
        WARD,
        &filing("HT-KS", birth_registration(&file)),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.unwrap()
}

/// `citizen` files a birth registration in [`WARD`]; its code.
pub async fn file_birth_registration(app: &TestApp, citizen: &Session) -> String {
    filed_birth_registration(app, citizen).await.code
}

/// `GET /api/v1/dossiers/{code}` as `who`; the raw answer.
pub async fn read(app: &TestApp, who: &Session, code: &str) -> Response {
    app.get(&format!("/api/v1/dossiers/{code}"))
        .bearer_auth(&who.access_token)
        .send()
        .await
        .unwrap()
}

/// The ward's unit code, which starts its dossier codes.
pub async fn unit_code(app: &TestApp, unit: &str) -> String {
    api::services::units::by_slug(&app.db, unit)
        .await
        .unwrap()
        .code
}

/// `GET /api/v1/dossiers/{code}?contact=…` without signing in; the raw answer.
pub async fn look_up(app: &TestApp, code: &str, contact: &str) -> Response {
    app.get(&format!("/api/v1/dossiers/{code}"))
        .query(&[("contact", contact)])
        .send()
        .await
        .unwrap()
}

/// Today's part of a dossier code, `yyMMdd` in Vietnam.
pub fn today_part() -> String {
    api::local_time::today().format("%y%m%d").to_string()
}

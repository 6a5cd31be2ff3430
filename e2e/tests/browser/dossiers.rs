//! An online dossier from a phone to its result: a citizen registers and files a
//! birth registration with a scanned certificate; the intake officer's open inbox
//! shows it without reloading; the officer asks for a supplement, the citizen supplies
//! it, the officer accepts; the citizen's receipt (PDF) carries the code and the
//! appointment date, which the public lookup shows too; the result is returned and
//! the citizen rates the service.

use thirtyfour::prelude::*;

use crate::browser::Browser;
use crate::editorial_review::sign_in;
use crate::server::{NEWSROOM_PASSWORD, Server};

const INTAKE: &str = "tiep-nhan@phuong1.test";
const DEPARTMENT_OFFICER: &str = "ho-tich@phuong1.test";
const CITIZEN_EMAIL: &str = "nguyen.thi.hoa@example.com";
const CITIZEN_PASSWORD: &str = "mat-khau-cong-dan";
const PHONE: &str = "0903 456 789";
const MISSING: &str = "Ảnh chụp rõ mặt sau của giấy chứng sinh";

/// A one-page PDF, as a phone's scanner app would save it.
const CERTIFICATE: &[u8] = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

/// Sets a date input the way a person's date picker would (typing into one depends on
/// the browser's locale).
async fn set_date(browser: &Browser, label: &str, iso: &str) {
    let field = browser.find_labelled(label).await;
    browser
        .driver
        .execute(
            "arguments[0].value = arguments[1]; \
             arguments[0].dispatchEvent(new Event('input', { bubbles: true })); \
             arguments[0].dispatchEvent(new Event('change', { bubbles: true }));",
            vec![field.to_json().unwrap(), serde_json::json!(iso)],
        )
        .await
        .unwrap();
}

async fn click_button(browser: &Browser, text: &str) {
    browser.find_button(text).await.click().await.unwrap();
}

/// An access token of `login`, for the steps this test takes through the API.
async fn token(server: &Server, login: &str, password: &str) -> String {
    let client = reqwest::Client::new();
    let answer: serde_json::Value = client
        .post(format!("{}/auth/login", server.api()))
        .json(&serde_json::json!({"login": login, "password": password}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    answer["access_token"].as_str().unwrap().to_owned()
}

/// The text of a PDF the API serves to `token`.
async fn pdf_text(server: &Server, path: &str, token: &str) -> String {
    let response = reqwest::Client::new()
        .get(format!("{}{path}", server.api()))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "{path}");
    let bytes = response.bytes().await.unwrap();
    let document = lopdf::Document::load_mem(&bytes).unwrap();
    let pages: Vec<u32> = document.get_pages().keys().copied().collect();
    let text = document.extract_text(&pages).unwrap();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn a_birth_registration_is_filed_supplemented_accepted_returned_and_rated() {
    let server = Server::start().await;
    server.create_staff(
        INTAKE,
        "Đặng Quốc Bảo",
        "intake_officer",
        "phuong-1",
        NEWSROOM_PASSWORD,
    );
    server.create_staff(
        DEPARTMENT_OFFICER,
        "Võ Thị Hạnh",
        "department_officer",
        "phuong-1",
        NEWSROOM_PASSWORD,
    );
    let certificate = std::env::temp_dir().join(format!("giay-chung-sinh-{}.pdf", server.port));
    std::fs::write(&certificate, CERTIFICATE).unwrap();

    // The intake officer opens the inbox and leaves it open.
    let officer = Browser::open().await;
    sign_in(&officer, &server, INTAKE).await;
    officer
        .goto(&format!("{}/quan-tri/ho-so", server.site(Some("phuong-1"))))
        .await;
    officer.find_text("p", "Không có hồ sơ chờ tiếp nhận").await;

    // A citizen on a phone finds the procedure, registers and files it.
    let citizen = Browser::open().await;
    citizen
        .goto(&format!(
            "{}/dich-vu-cong/HT-KS",
            server.site(Some("phuong-1"))
        ))
        .await;
    citizen
        .find_link("Nộp hồ sơ trực tuyến")
        .await
        .click()
        .await
        .unwrap();
    citizen.wait_for_path("/dich-vu-cong/HT-KS/nop-ho-so").await;
    citizen
        .find_link("Đăng ký tài khoản")
        .await
        .click()
        .await
        .unwrap();
    citizen.wait_for_path("/dang-ky").await;
    citizen.type_into("Họ và tên", "Nguyễn Thị Hoa").await;
    citizen.type_into("Thư điện tử", CITIZEN_EMAIL).await;
    citizen.type_into("Mật khẩu", CITIZEN_PASSWORD).await;
    click_button(&citizen, "Đăng ký").await;
    citizen.wait_for_path("/dich-vu-cong/HT-KS/nop-ho-so").await;

    citizen
        .type_into("Họ và tên người yêu cầu", "Nguyễn Thị Hoa")
        .await;
    citizen
        .type_into("Số định danh cá nhân (CCCD)", "079190001234")
        .await;
    citizen.type_into("Số điện thoại", PHONE).await;
    citizen
        .type_into("Nơi cư trú", "12 Ngô Gia Tự, Phường 1")
        .await;
    citizen
        .type_into("Họ, chữ đệm, tên của trẻ", "Trần Minh An")
        .await;
    set_date(&citizen, "Ngày sinh", "2026-11-20").await;
    citizen.choose("Giới tính", "Nam").await;
    citizen.type_into("Nơi sinh", "Bệnh viện Hùng Vương").await;
    citizen.type_into("Họ tên mẹ", "Nguyễn Thị Hoa").await;
    citizen
        .find_labelled("Giấy chứng sinh (bản chụp/ảnh)")
        .await
        .send_keys(certificate.to_str().unwrap())
        .await
        .unwrap();
    citizen.find_text("span", "Đã tải lên").await;
    click_button(&citizen, "Nộp hồ sơ").await;
    citizen.find_text("h2", "Đã nộp hồ sơ").await;
    let code = citizen
        .driver
        .find(By::Id("ma-ho-so"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(code.contains('-'), "{code}");
    let _ = std::fs::remove_file(&certificate);

    // The officer's inbox, never reloaded, shows it; the officer asks for more.
    officer.find_text("p", "1 hồ sơ chờ tiếp nhận").await;
    officer.find_link(&code).await.click().await.unwrap();
    officer
        .wait_for_path(&format!("/quan-tri/ho-so/{code}"))
        .await;
    officer.type_into("Mục 1 còn thiếu", MISSING).await;
    officer
        .choose(
            "Trường liên quan của mục 1",
            "Giấy chứng sinh (bản chụp/ảnh)",
        )
        .await;
    click_button(&officer, "Gửi yêu cầu bổ sung").await;
    officer
        .find_text("p", "Đã yêu cầu người nộp bổ sung hồ sơ.")
        .await;

    // The citizen reads what is missing and is asked for that field alone.
    citizen
        .goto(&format!("{}/ho-so/{code}", server.site(Some("phuong-1"))))
        .await;
    citizen.find_text("li", MISSING).await;
    assert!(
        citizen
            .driver
            .find_all(By::Css(".supplement-others"))
            .await
            .unwrap()
            .is_empty(),
        "only the named field is offered"
    );
    let back_side = std::env::temp_dir().join(format!("mat-sau-{}.pdf", server.port));
    std::fs::write(&back_side, CERTIFICATE).unwrap();
    citizen
        .find_labelled("Giấy chứng sinh (bản chụp/ảnh)")
        .await
        .send_keys(back_side.to_str().unwrap())
        .await
        .unwrap();
    citizen.find_text("span", "Đã tải lên").await;
    click_button(&citizen, "Gửi bổ sung").await;
    citizen
        .find_text("strong", "Đã bổ sung, chờ tiếp nhận")
        .await;

    let _ = std::fs::remove_file(&back_side);

    // The officer accepts; the answer gives the appointment date.
    officer
        .goto(&format!(
            "{}/quan-tri/ho-so/{code}",
            server.site(Some("phuong-1"))
        ))
        .await;
    click_button(&officer, "Tiếp nhận").await;
    let accepted = officer
        .find_text("p", "Đã tiếp nhận hồ sơ. Ngày hẹn trả kết quả:")
        .await
        .text()
        .await
        .unwrap();
    let due = accepted
        .rsplit(' ')
        .next()
        .unwrap()
        .trim_end_matches('.')
        .to_owned();

    // The citizen sees the receipt to download; it carries the code and the date.
    citizen.driver.refresh().await.unwrap();
    citizen
        .find_button("Tải Giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF)")
        .await;
    let citizen_token = token(&server, CITIZEN_EMAIL, CITIZEN_PASSWORD).await;
    let receipt = pdf_text(
        &server,
        &format!("/dossiers/{code}/documents/receipt.pdf"),
        &citizen_token,
    )
    .await;
    assert!(receipt.contains(&code), "{receipt}");
    assert!(receipt.contains(&due), "{due} not in {receipt}");

    // Anyone with the code and the phone sees the date on the lookup page.
    citizen
        .goto(&format!(
            "{}/tra-cuu-ho-so?ma={code}",
            server.site(Some("phuong-1"))
        ))
        .await;
    citizen.type_into("Số điện thoại", PHONE).await;
    click_button(&citizen, "Tra cứu").await;
    citizen.find_text("dd", &due).await;

    // The officer gives it to the department officer, chosen by name; the
    // department reports the result (through the API: not what this test is about),
    // and the intake officer returns it.
    officer.choose("Cán bộ xử lý", "Võ Thị Hạnh").await;
    click_button(&officer, "Chuyển xử lý").await;
    officer
        .find_text("p", "Đã chuyển hồ sơ cho cán bộ Võ Thị Hạnh xử lý.")
        .await;
    let department_token = token(&server, DEPARTMENT_OFFICER, NEWSROOM_PASSWORD).await;
    let response = reqwest::Client::new()
        .post(format!("{}/dossiers/{code}/result-ready", server.api()))
        .bearer_auth(&department_token)
        .json(&serde_json::json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "result-ready");
    officer.driver.refresh().await.unwrap();
    click_button(&officer, "Trả kết quả").await;
    officer
        .find_text("p", "Đã trả kết quả cho người nộp.")
        .await;

    // The citizen rates the service.
    citizen
        .goto(&format!("{}/ho-so/{code}", server.site(Some("phuong-1"))))
        .await;
    citizen
        .find_labelled("Rất hài lòng")
        .await
        .click()
        .await
        .unwrap();
    click_button(&citizen, "Gửi đánh giá").await;
    citizen.find_text("h2", "Đánh giá của bạn").await;
    citizen.find_text("p", "Rất hài lòng").await;

    citizen.close().await;
    officer.close().await;
}

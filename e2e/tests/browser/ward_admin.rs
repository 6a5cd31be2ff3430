//! A ward admin's console pages: an API key for a third party, shown once, that
//! works on Open311 until it is revoked; and a department officer added to the
//! department whose feedback they will handle, then taken out again.

use crate::browser::Browser;
use crate::editorial_review::sign_in;
use crate::server::{NEWSROOM_PASSWORD, Server};

const ADMIN: &str = "quan-tri@phuong1.test";
const OFFICER: &str = "chuyen-vien@phuong1.test";
const OFFICER_NAME: &str = "Võ Thị Hạnh";
const HOLDER: &str = "Ứng dụng Công dân số Quận 10";
const DEPARTMENT: &str = "Bộ phận Kinh tế - Hạ tầng - Đô thị";

/// The status of `GET /open311/v2/services.json` for Phường 1 with `key`.
async fn services_status(server: &Server, key: &str) -> reqwest::StatusCode {
    reqwest::Client::new()
        .get(format!(
            "http://127.0.0.1:{}/open311/v2/services.json",
            server.port
        ))
        .query(&[("jurisdiction_id", "phuong-1"), ("api_key", key)])
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn a_ward_admin_issues_a_key_shown_once_that_works_until_revoked() {
    let server = Server::start().await;
    server.create_staff(
        ADMIN,
        "Huỳnh Thanh Sơn",
        "ward_admin",
        "phuong-1",
        NEWSROOM_PASSWORD,
    );
    let browser = Browser::open().await;
    sign_in(&browser, &server, ADMIN).await;

    browser.find_link("Khóa API").await.click().await.unwrap();
    browser.wait_for_path("/quan-tri/khoa-api").await;
    browser.find_text("p", "Chưa cấp khóa nào.").await;

    // Without a name the form says so beside the field.
    browser.find_button("Cấp khóa").await.click().await.unwrap();
    let name = browser.find_labelled("Tên bên sử dụng khóa").await;
    assert!(!browser.field_error(&name).await.is_empty());

    browser.type_into("Tên bên sử dụng khóa", HOLDER).await;
    browser
        .find_labelled("Đọc phản ánh")
        .await
        .click()
        .await
        .unwrap();
    browser.find_button("Cấp khóa").await.click().await.unwrap();
    browser
        .find_text("strong", "Khóa chỉ hiển thị một lần này.")
        .await;
    let secret = browser
        .find_labelled("Khóa API")
        .await
        .prop("value")
        .await
        .unwrap()
        .expect("the key is shown");
    assert!(secret.len() > 20, "{secret}");
    browser
        .find_in_section("Các khóa đã cấp", "th", HOLDER)
        .await;

    assert_eq!(
        services_status(&server, &secret).await,
        reqwest::StatusCode::OK
    );

    // Hidden, the key is gone from the page for good.
    browser
        .find_button("Tôi đã lưu khóa, ẩn khóa")
        .await
        .click()
        .await
        .unwrap();
    browser
        .wait_until_gone("strong", "Khóa chỉ hiển thị một lần này.")
        .await;

    // Revoking asks first.
    browser.find_button("Thu hồi").await.click().await.unwrap();
    browser
        .find_button("Xác nhận thu hồi")
        .await
        .click()
        .await
        .unwrap();
    browser
        .find_in_section("Các khóa đã cấp", "span", "Đã thu hồi")
        .await;
    assert_ne!(
        services_status(&server, &secret).await,
        reqwest::StatusCode::OK
    );
    browser.close().await;
}

#[tokio::test]
async fn a_ward_admin_adds_a_department_officer_to_a_department_and_removes_them() {
    let server = Server::start().await;
    server.create_staff(
        ADMIN,
        "Huỳnh Thanh Sơn",
        "ward_admin",
        "phuong-1",
        NEWSROOM_PASSWORD,
    );
    server.create_staff(
        OFFICER,
        OFFICER_NAME,
        "department_officer",
        "phuong-1",
        NEWSROOM_PASSWORD,
    );
    let browser = Browser::open().await;
    sign_in(&browser, &server, ADMIN).await;

    browser.find_link("Bộ phận").await.click().await.unwrap();
    browser.wait_for_path("/quan-tri/bo-phan").await;
    let officers = browser
        .find_in_section(DEPARTMENT, "select", OFFICER_NAME)
        .await;
    browser.choose_starting(&officers, OFFICER_NAME).await;
    browser
        .find_in_section(DEPARTMENT, "button", "Thêm vào bộ phận")
        .await
        .click()
        .await
        .unwrap();
    browser
        .find_in_section(DEPARTMENT, "li", OFFICER_NAME)
        .await;

    // The member stays after a reload: the server stored it.
    browser.driver.refresh().await.unwrap();
    browser
        .find_in_section(DEPARTMENT, "li", OFFICER_NAME)
        .await;

    // Taking them out asks first.
    browser
        .find_in_section(DEPARTMENT, "button", "Bỏ khỏi bộ phận")
        .await
        .click()
        .await
        .unwrap();
    browser
        .find_in_section(DEPARTMENT, "button", "Xác nhận bỏ")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_until_gone("li", OFFICER_NAME).await;
    browser
        .find_in_section(DEPARTMENT, "p", "Chưa có thành viên.")
        .await;
    browser.close().await;
}

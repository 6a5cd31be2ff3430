//! The district admin's working-day calendar: the lunar holidays of a coming year
//! proposed, a working Saturday declared, the year confirmed.

use openapi::calendar::{CalendarYear, DayKind};

use crate::browser::Browser;
use crate::editorial_review::sign_in;
use crate::server::{NEWSROOM_PASSWORD, Server};

const ADMIN: &str = "quan-tri@quan10.test";
const DAYS_2028: &str = "Các ngày nghỉ và ngày làm bù năm 2028";

#[tokio::test]
async fn a_district_admin_proposes_the_lunar_holidays_of_2028_and_confirms_the_year() {
    let server = Server::start().await;
    server.create_staff(
        ADMIN,
        "Ngô Thị Thu",
        "district_admin",
        "quan-10",
        NEWSROOM_PASSWORD,
    );
    let browser = Browser::open().await;
    sign_in(&browser, &server, ADMIN).await;

    browser
        .find_link("Lịch làm việc")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for_path("/quan-tri/lich-lam-viec").await;
    browser.find_link("Năm 2027 →").await.click().await.unwrap();
    browser.find_link("Năm 2028 →").await.click().await.unwrap();
    browser
        .find_text("p", "Năm này chưa có ngày nghỉ lễ hay ngày làm bù nào.")
        .await;

    browser
        .find_button("Đề xuất ngày lễ âm lịch")
        .await
        .click()
        .await
        .unwrap();
    // Mùng 1 Tết Mậu Thân is Wednesday 26/1/2028.
    let tet = browser
        .find_in_section(DAYS_2028, "tr", "Tết Nguyên Đán (mùng 1)")
        .await;
    assert!(tet.text().await.unwrap().contains("26/01/2028"));
    browser
        .find_in_section(DAYS_2028, "tr", "Giỗ Tổ Hùng Vương")
        .await;
    browser.find_text("p", "Chưa xác nhận.").await;

    browser
        .type_into("Ngày (ngày/tháng/năm)", "04/03/2028")
        .await;
    browser.choose("Loại ngày", "Ngày làm việc (làm bù)").await;
    browser.type_into("Tên", "Làm bù").await;
    browser.find_button("Lưu ngày").await.click().await.unwrap();
    browser.find_text("p", "Đã lưu ngày 04/03/2028.").await;

    browser
        .find_button("Xác nhận lịch năm")
        .await
        .click()
        .await
        .unwrap();
    browser.find_button("Xác nhận").await.click().await.unwrap();
    browser.find_text("strong", "Đã xác nhận.").await;

    let year: CalendarYear = reqwest::get(format!("{}/calendar/2028", server.api()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(year.confirmed);
    assert!(
        year.days
            .iter()
            .any(|day| day.kind == DayKind::Working && day.date.to_string() == "2028-03-04")
    );
    browser.close().await;
}

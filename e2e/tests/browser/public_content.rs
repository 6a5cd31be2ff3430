//! Announcements, legal documents and menu pages as a visitor of a ward site reads
//! them on a phone.

use serde_json::json;
use thirtyfour::components::SelectElement;
use thirtyfour::prelude::*;

use crate::browser::Browser;
use crate::server::{Newsroom, Server};

const CURRENT: &str = "Lịch tiếp công dân tháng 12 năm 2026";
const EXPIRED: &str = "Thu nhận hồ sơ xét học bổng năm học 2025–2026";

#[tokio::test]
async fn the_home_page_shows_current_announcements_and_the_list_can_show_expired_ones() {
    let server = Server::start().await;
    let newsroom = server.newsroom("phuong-1").await;
    announcement(
        &newsroom,
        "lich-tiep-cong-dan",
        CURRENT,
        "2099-12-31T17:00:00+07:00",
    )
    .await;
    announcement(
        &newsroom,
        "xet-hoc-bong",
        EXPIRED,
        "2020-06-30T17:00:00+07:00",
    )
    .await;
    let browser = Browser::open().await;

    browser.goto(&server.site(Some("phuong-1"))).await;
    browser.find_in_section("Thông báo", "a", CURRENT).await;
    assert_eq!(
        count(&browser, &format!("//a[contains(., '{EXPIRED}')]")).await,
        0
    );

    browser
        .find_in_section("Thông báo", "a", "Tất cả thông báo")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for_path("/thong-bao").await;
    browser.find_link(CURRENT).await;
    assert_eq!(
        count(&browser, &format!("//a[contains(., '{EXPIRED}')]")).await,
        0
    );

    // The expired ones are one checkbox away, marked, and the choice is in the address.
    browser
        .find_labelled("Hiện cả thông báo đã hết hạn")
        .await
        .click()
        .await
        .unwrap();
    let expired = browser.find_text("li", EXPIRED).await;
    assert!(expired.text().await.unwrap().contains("Đã hết hạn"));
    let url = browser.driver.current_url().await.unwrap();
    assert_eq!(url.query(), Some("include_expired=true"));

    browser.find_link(EXPIRED).await.click().await.unwrap();
    browser.wait_for_path("/thong-bao/xet-hoc-bong").await;
    browser.find_text("h1", EXPIRED).await;
    browser
        .find_text("article", "Hết hạn ngày 30/06/2020")
        .await;
    browser.close().await;
}

#[tokio::test]
async fn a_visitor_filters_legal_documents_by_type_and_year_and_reads_one() {
    let server = Server::start().await;
    let newsroom = server.newsroom("phuong-1").await;
    for (slug, number, kind, issued_on, title) in [
        (
            "qd-125-2026",
            "125/QĐ-UBND",
            "quyet_dinh",
            "2026-03-02",
            "Quyết định về việc kiện toàn Tổ dân phố",
        ),
        (
            "ct-07-2026",
            "07/CT-UBND",
            "chi_thi",
            "2026-01-15",
            "Chỉ thị về tăng cường trật tự đô thị",
        ),
        (
            "qd-98-2025",
            "98/QĐ-UBND",
            "quyet_dinh",
            "2025-11-20",
            "Quyết định thành lập Tổ công tác",
        ),
    ] {
        newsroom
            .publish_content(json!({
                "kind": "legal_document",
                "slug": slug,
                "title": title,
                "body": "**Điều 1.** Văn bản dùng cho kiểm thử.",
                "details": {"document": {
                    "number": number,
                    "document_type": kind,
                    "issuer": "Ủy ban nhân dân Phường 1",
                    "signer": "Nguyễn Văn An",
                    "issued_on": issued_on,
                    "validity": "in_force",
                }},
            }))
            .await;
    }
    let browser = Browser::open().await;

    browser.goto(&server.site(Some("phuong-1"))).await;
    browser.find_link("Văn bản").await.click().await.unwrap();
    browser.wait_for_path("/van-ban").await;
    browser.find_text("th", "98/QĐ-UBND").await;

    let kind = browser.find_labelled("Loại văn bản").await;
    SelectElement::new(&kind)
        .await
        .unwrap()
        .select_by_visible_text("Quyết định")
        .await
        .unwrap();
    browser
        .find_labelled("Năm ban hành")
        .await
        .send_keys("2026")
        .await
        .unwrap();
    browser
        .find_button("Lọc văn bản")
        .await
        .click()
        .await
        .unwrap();

    browser.wait_until_gone("th", "98/QĐ-UBND").await;
    browser.wait_until_gone("th", "07/CT-UBND").await;
    browser.find_text("th", "125/QĐ-UBND").await;
    let url = browser.driver.current_url().await.unwrap();
    assert_eq!(url.query(), Some("type=quyet_dinh&year=2026"));

    browser
        .find_link("Quyết định về việc kiện toàn Tổ dân phố")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for_path("/van-ban/qd-125-2026").await;
    assert_eq!(definition(&browser, "Số, ký hiệu").await, "125/QĐ-UBND");
    assert_eq!(definition(&browser, "Người ký").await, "Nguyễn Văn An");
    assert_eq!(definition(&browser, "Ngày ban hành").await, "02/03/2026");
    browser
        .find_text("article", "Văn bản dùng cho kiểm thử.")
        .await;
    browser.close().await;
}

#[tokio::test]
async fn a_visitor_opens_a_menu_page_from_the_introduction() {
    let server = Server::start().await;
    let newsroom = server.newsroom("phuong-1").await;
    for (slug, order, title, body) in [
        (
            "chuc-nang-nhiem-vu",
            20,
            "Chức năng, nhiệm vụ",
            "Ủy ban nhân dân phường thực hiện chức năng quản lý nhà nước.",
        ),
        (
            "gioi-thieu-chung",
            10,
            "Giới thiệu chung",
            "Phường 1 nằm ở phía bắc Quận 10.",
        ),
    ] {
        newsroom
            .publish_content(json!({
                "kind": "page",
                "slug": slug,
                "title": title,
                "body": body,
                "details": {"menu_order": order},
            }))
            .await;
    }
    let browser = Browser::open().await;

    browser.goto(&server.site(Some("phuong-1"))).await;
    browser
        .find_text("nav//a", "Giới thiệu")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for_path("/gioi-thieu").await;
    // In the ward's order, not the order of publication.
    let menu = browser
        .wait_for_all(By::Css("main nav li a"), "no menu of the introduction")
        .await;
    let mut titles = Vec::new();
    for link in menu {
        titles.push(link.text().await.unwrap());
    }
    assert_eq!(titles, ["Giới thiệu chung", "Chức năng, nhiệm vụ"]);

    browser
        .find_link("Chức năng, nhiệm vụ")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for_path("/trang/chuc-nang-nhiem-vu").await;
    browser.find_text("h1", "Chức năng, nhiệm vụ").await;
    browser
        .find_text("article", "thực hiện chức năng quản lý nhà nước")
        .await;
    browser.close().await;
}

async fn announcement(newsroom: &Newsroom, slug: &str, title: &str, expires_at: &str) {
    newsroom
        .publish_content(json!({
            "kind": "announcement",
            "slug": slug,
            "title": title,
            "summary": "Tóm tắt thông báo.",
            "body": "Nội dung thông báo.",
            "details": {"expires_at": expires_at},
        }))
        .await;
}

/// The text of the definition of `term` in a definition list.
async fn definition(browser: &Browser, term: &str) -> String {
    browser
        .wait_for(
            By::XPath(format!(
                "//dt[normalize-space(.) = '{term}']/following-sibling::dd"
            )),
            &format!("no definition of \"{term}\""),
        )
        .await
        .text()
        .await
        .unwrap()
}

async fn count(browser: &Browser, xpath: &str) -> usize {
    browser
        .driver
        .find_all(By::XPath(xpath.to_owned()))
        .await
        .unwrap()
        .len()
}

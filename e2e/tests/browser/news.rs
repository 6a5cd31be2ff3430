use thirtyfour::prelude::*;

use crate::browser::Browser;
use crate::server::{NewArticle, Server};

const TITLE: &str = "Ra quân chiến dịch Mùa hè xanh năm 2026";

#[tokio::test]
async fn a_published_article_is_news_on_its_ward_site_and_on_the_district_portal() {
    let server = Server::start().await;
    server
        .newsroom("phuong-1")
        .await
        .publish(NewArticle {
            slug: "mua-he-xanh-2026",
            title: TITLE,
            category: "hoat-dong",
            summary: "Đoàn phường ra quân chiến dịch tình nguyện hè.",
            body: "## Hoạt động\n\nCác bạn trẻ **dọn vệ sinh** kênh Nhiêu Lộc – Thị Nghè.",
        })
        .await;
    let browser = Browser::open().await;

    browser.goto(&server.site(Some("phuong-1"))).await;
    let item = browser.find_in_section("Tin mới", "li", TITLE).await;
    let date = item
        .find(By::Tag("time"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        is_vietnamese_date(&date),
        "\"{date}\" is not written dd/mm/yyyy"
    );
    assert!(item.text().await.unwrap().contains("Hoạt động"));
    browser
        .find_in_section("Tin mới", "a", TITLE)
        .await
        .click()
        .await
        .unwrap();

    browser.wait_for_path("/tin-tuc/mua-he-xanh-2026").await;
    let heading = browser.find_text("h1", TITLE).await;
    assert_eq!(heading.text().await.unwrap(), TITLE);
    browser
        .find_text(
            "article",
            "Các bạn trẻ dọn vệ sinh kênh Nhiêu Lộc – Thị Nghè.",
        )
        .await;
    browser.find_text("h2", "Hoạt động").await;
    browser.find_link("Tin tức").await;

    // The portal lists it under its ward and sends readers to the ward's own site.
    browser.goto(&server.site(None)).await;
    let item = browser
        .find_in_section("Tin mới từ các phường", "li", TITLE)
        .await;
    assert!(item.text().await.unwrap().contains("Phường 1"));
    let link = browser
        .find_in_section("Tin mới từ các phường", "a", TITLE)
        .await;
    assert_eq!(
        link.attr("href").await.unwrap().unwrap(),
        format!("{}/tin-tuc/mua-he-xanh-2026", server.site(Some("phuong-1")))
    );
    browser.close().await;
}

#[tokio::test]
async fn the_news_list_loads_more_and_filters_by_category() {
    let server = Server::start().await;
    // The demo articles are Phường 1's: Phường 2 lists exactly what is published here.
    let newsroom = server.newsroom("phuong-2").await;
    // Eleven articles: one more than a page. Only the fifth is an activity report.
    for number in 1..=11 {
        let slug = format!("ban-tin-so-{number:02}");
        let title = format!("Bản tin số {number:02}");
        newsroom
            .publish(NewArticle {
                slug: &slug,
                title: &title,
                category: if number == 5 { "hoat-dong" } else { "tin-tuc" },
                summary: "Tóm tắt.",
                body: "Nội dung.",
            })
            .await;
    }
    let browser = Browser::open().await;

    browser
        .goto(&format!("{}/tin-tuc", server.site(Some("phuong-2"))))
        .await;
    browser.find_text("h1", "Tin tức").await;
    // Newest first, ten to a page.
    browser.find_link("Bản tin số 11").await;
    browser.find_link("Bản tin số 02").await;
    assert_eq!(listed(&browser).await, 10);

    browser.find_button("Xem thêm").await.click().await.unwrap();
    browser.find_link("Bản tin số 01").await;
    assert_eq!(listed(&browser).await, 11);
    // The keyboard goes on from the first article just loaded; the button is gone.
    let focused = browser.driver.active_element().await.unwrap();
    assert_eq!(focused.text().await.unwrap(), "Bản tin số 01");
    browser.wait_until_gone("button", "Xem thêm").await;

    browser.find_link("Hoạt động").await.click().await.unwrap();
    browser.wait_until_gone("a", "Bản tin số 11").await;
    browser.find_link("Bản tin số 05").await;
    assert_eq!(listed(&browser).await, 1);
    let url = browser.driver.current_url().await.unwrap();
    assert_eq!(url.query(), Some("category=hoat-dong"));
    let chosen = browser.find_link("Hoạt động").await;
    assert_eq!(
        chosen.attr("aria-current").await.unwrap().as_deref(),
        Some("page")
    );
    browser.close().await;
}

/// How many articles the list shows.
async fn listed(browser: &Browser) -> usize {
    browser
        .driver
        .find_all(By::Css("main ul.article-list > li"))
        .await
        .unwrap()
        .len()
}

/// "29/11/2026": two digits, two digits, four digits.
fn is_vietnamese_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('/').collect();
    parts.len() == 3
        && [2, 2, 4]
            .iter()
            .zip(&parts)
            .all(|(len, part)| part.len() == *len && part.chars().all(|c| c.is_ascii_digit()))
}

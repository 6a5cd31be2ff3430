//! The ward information a visitor of a ward site looks for on a phone: who speaks for
//! the ward, how it is organized, what its leaders do this week, where it is; and the
//! district map leading to each ward.

use serde_json::{Value, json};

use crate::browser::Browser;
use crate::server::{Newsroom, Server};

#[tokio::test]
async fn a_visitor_on_a_phone_finds_the_spokesperson_organization_schedule_and_map() {
    let server = Server::start().await;
    let newsroom = server.newsroom("phuong-1").await;
    publish_organization(&newsroom).await;
    publish_spokesperson(&newsroom).await;
    let monday = publish_this_weeks_schedule(&server, &newsroom).await;
    server.upload_boundary("phuong-1", boundary()).await;
    let browser = Browser::open().await;

    // The spokesperson's phone is on the home page, ready to dial.
    browser.goto(&server.site(Some("phuong-1"))).await;
    let phone = browser
        .find_in_section("Người phát ngôn", "a", "0903 123 456")
        .await;
    assert_eq!(
        phone.attr("href").await.unwrap().as_deref(),
        Some("tel:0903123456")
    );
    browser.find_text("footer//a", "0903 123 456").await;

    // The organization chart: the office sits under the People's Committee.
    browser
        .find_text("nav//a", "Tổ chức")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for_path("/to-chuc").await;
    browser
        .find_in_section("Sơ đồ tổ chức", "li", "Ủy ban nhân dân Phường 1")
        .await;
    browser
        .find_in_section("Sơ đồ tổ chức", "li//li//a", "Văn phòng HĐND và UBND")
        .await;
    browser
        .find_in_section("Danh bạ liên hệ", "th", "Nguyễn Văn An")
        .await;

    // This week's schedule, by day.
    browser
        .find_text("nav//a", "Lịch công tác")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for_path("/lich-cong-tac").await;
    let day = format!("Thứ Hai {monday}");
    browser
        .find_in_section(&day, "td", "Họp giao ban UBND phường")
        .await;
    browser.find_in_section(&day, "td", "Hội trường UBND").await;
    browser.find_button("In lịch").await;
    let ics = browser.find_link("Tải lịch (.ics)").await;
    assert!(
        ics.attr("href")
            .await
            .unwrap()
            .unwrap()
            .starts_with("/api/v1/units/phuong-1/schedule.ics?week=")
    );

    // The map, drawn in the page, with the office marked.
    browser
        .find_text("nav//a", "Bản đồ")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for_path("/ban-do").await;
    browser
        .wait_for_drawn(
            "//*[name()='svg']//*[name()='text'][contains(., 'Trụ sở UBND')]",
            "no office marker on the map",
        )
        .await;
    browser.find_text("strong", "Ranh giới minh họa").await;
    browser.close().await;
}

#[tokio::test]
async fn the_district_map_links_each_ward_to_its_site() {
    let server = Server::start().await;
    server.upload_boundary("phuong-1", boundary()).await;
    let browser = Browser::open().await;

    browser.goto(&format!("{}/ban-do", server.site(None))).await;
    let site = format!("http://phuong-1.localhost:{}/", server.port);
    let drawn = browser
        .wait_for_drawn(
            "//*[name()='svg']//*[name()='a'][.//*[name()='text'][normalize-space(.) = 'Phường 1']]",
            "Phường 1 is not on the district map",
        )
        .await;
    assert_eq!(drawn.attr("href").await.unwrap(), Some(site.clone()));
    // The same link, for keyboards and screen readers, below the drawing.
    let listed = browser.find_text("nav//a", "Phường 1").await;
    assert_eq!(listed.attr("href").await.unwrap(), Some(site));

    drawn.click().await.unwrap();
    browser.find_text("h1", "Phường 1").await;
    browser.close().await;
}

fn boundary() -> Value {
    json!({
        "boundary": {"type": "Polygon", "coordinates": [[
            [106.660, 10.770], [106.670, 10.770], [106.670, 10.780], [106.660, 10.780], [106.660, 10.770]
        ]]},
        "office": [106.665, 10.775],
        "illustrative": true,
    })
}

async fn publish_organization(newsroom: &Newsroom) {
    newsroom
        .publish_content(json!({
            "kind": "organization",
            "slug": "co-cau-to-chuc",
            "title": "Cơ cấu tổ chức",
            "details": {"organization": {"bodies": [
                {"kind": "department", "name": "Văn phòng HĐND và UBND", "functions": "Tham mưu tổng hợp.", "members": []},
                {"kind": "peoples_committee", "name": "Ủy ban nhân dân Phường 1", "phone": "028 3835 1234", "members": [
                    {"name": "Nguyễn Văn An", "position": "Chủ tịch", "phone": "0903 111 222", "email": "chutich.phuong1@quan10.gov.vn", "display_order": 1},
                    {"name": "Trần Thị Bình", "position": "Phó Chủ tịch", "display_order": 2}
                ]},
                {"kind": "party_committee", "name": "Đảng ủy Phường 1", "members": []}
            ]}},
        }))
        .await;
}

async fn publish_spokesperson(newsroom: &Newsroom) {
    newsroom
        .publish_content(json!({
            "kind": "spokesperson",
            "slug": "nguoi-phat-ngon",
            "title": "Người phát ngôn",
            "details": {"spokesperson": {
                "name": "Nguyễn Văn An",
                "position": "Chủ tịch UBND Phường 1",
                "phone": "0903 123 456",
                "email": "phatngon.phuong1@quan10.gov.vn",
                "valid_from": "2020-01-01",
            }},
        }))
        .await;
}

/// Publishes a meeting on the Monday of the current week (as the server counts weeks,
/// in Vietnam) and answers that Monday as dd/mm/yyyy.
async fn publish_this_weeks_schedule(server: &Server, newsroom: &Newsroom) -> String {
    let this_week: Value = reqwest::get(format!("{}/units/phuong-1/schedule", server.api()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let week = this_week["week"].as_str().unwrap().to_owned();
    let monday = this_week["starts_on"].as_str().unwrap().to_owned();
    newsroom
        .publish_content(json!({
            "kind": "weekly_schedule",
            "slug": format!("lich-{}", week.to_lowercase()),
            "title": format!("Lịch công tác tuần {week}"),
            "details": {"schedule": {"week": week, "entries": [{
                "date": monday,
                "start": "08:00",
                "end": "11:00",
                "content": "Họp giao ban UBND phường",
                "chair": "Chủ tịch UBND",
                "participants": "Các Phó Chủ tịch",
                "location": "Hội trường UBND",
                "preparing_unit": "Văn phòng",
            }]}},
        }))
        .await;
    let (year, rest) = monday.split_once('-').unwrap();
    let (month, day) = rest.split_once('-').unwrap();
    format!("{day}/{month}/{year}")
}

//! The kind-specific fields of the console's editor: a legal document's register
//! fields and a week's schedule are typed in the browser, checked there and by the
//! server, approved by a second person, and then served by the public API.

use serde_json::Value;

use crate::browser::Browser;
use crate::editorial_review::{sign_in, sign_out};
use crate::server::{NEWSROOM_PASSWORD, Server};

const EDITOR: &str = "bien-tap@phuong1.test";
const REVIEWER: &str = "kiem-duyet@phuong1.test";

async fn newsroom() -> Server {
    let server = Server::start().await;
    server.create_staff(
        EDITOR,
        "Nguyễn Văn Biên",
        "editor",
        "phuong-1",
        NEWSROOM_PASSWORD,
    );
    server.create_staff(
        REVIEWER,
        "Lê Thị Duyệt",
        "reviewer",
        "phuong-1",
        NEWSROOM_PASSWORD,
    );
    server
}

/// From the console's content list, "Tạo mới" → the kind.
async fn create(browser: &Browser, kind: &str) {
    browser.find_link("Tin bài").await.click().await.unwrap();
    browser.wait_for_path("/quan-tri/tin-bai").await;
    browser
        .find_link_under("Tạo mới", kind)
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for_path("/quan-tri/tin-bai/moi").await;
    browser.find_text("h1", kind).await;
}

async fn submit(browser: &Browser) {
    browser
        .find_button("Gửi duyệt")
        .await
        .click()
        .await
        .unwrap();
}

/// The reviewer approves the item titled `title` from the queue, to go public now.
async fn approve(browser: &Browser, server: &Server, title: &str) {
    sign_in(browser, server, REVIEWER).await;
    browser.find_link("Duyệt bài").await.click().await.unwrap();
    browser.wait_for_path("/quan-tri/duyet-bai").await;
    browser.find_link(title).await.click().await.unwrap();
    browser.find_text("h1", title).await;
    browser
        .find_button("Duyệt đăng")
        .await
        .click()
        .await
        .unwrap();
    browser.find_text("p", "Đã duyệt và đăng bài.").await;
    sign_out(browser).await;
}

async fn get_json(url: &str) -> Value {
    let response = reqwest::get(url).await.unwrap();
    assert!(
        response.status().is_success(),
        "GET {url}: {}",
        response.status()
    );
    response.json().await.unwrap()
}

#[tokio::test]
async fn a_legal_document_written_in_the_console_is_listed_with_its_number_once_approved() {
    const TITLE: &str = "Quyết định ban hành Quy chế tiếp công dân";
    let server = newsroom().await;
    let browser = Browser::open().await;
    sign_in(&browser, &server, EDITOR).await;
    create(&browser, "Văn bản").await;

    browser.type_into("Tiêu đề", TITLE).await;
    browser.type_into("Số ký hiệu", "125/QĐ-UBND").await;
    browser.choose("Loại văn bản", "Quyết định").await;
    browser
        .type_into("Cơ quan ban hành", "Ủy ban nhân dân Phường 1")
        .await;
    browser.type_into("Người ký", "Nguyễn Văn An").await;
    browser
        .type_into("Ngày ban hành (ngày/tháng/năm)", "02/03/2026")
        .await;
    // A slip the contract's own check catches in the browser, shown beside its input.
    browser
        .type_into("Ngày hiệu lực (ngày/tháng/năm)", "01/03/2026")
        .await;
    browser.choose("Hiệu lực", "Còn hiệu lực").await;
    let pdf = std::env::temp_dir().join(format!("quy-che-{}.pdf", server.port));
    std::fs::write(
        &pdf,
        b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n",
    )
    .unwrap();
    browser
        .find_labelled("Tệp toàn văn")
        .await
        .send_keys(pdf.to_str().unwrap())
        .await
        .unwrap();
    browser.find_text("p", "Đã tải lên").await;
    let _ = std::fs::remove_file(&pdf);

    submit(&browser).await;
    let effective = browser
        .find_labelled("Ngày hiệu lực (ngày/tháng/năm)")
        .await;
    assert_eq!(
        browser.field_error(&effective).await,
        "Ngày hiệu lực không thể trước ngày ban hành"
    );
    assert_eq!(
        effective.attr("aria-invalid").await.unwrap().as_deref(),
        Some("true")
    );
    browser.retype(&effective, "15/03/2026").await;
    submit(&browser).await;
    browser.find_text("p", "Đã gửi bài để duyệt.").await;
    browser.wait_for_path_starting("/quan-tri/tin-bai/").await;
    sign_out(&browser).await;

    approve(&browser, &server, TITLE).await;

    let page = get_json(&format!("{}/units/phuong-1/documents", server.api())).await;
    let listed = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["title"] == TITLE)
        .unwrap_or_else(|| panic!("not listed: {page}"));
    assert_eq!(listed["number"], "125/QĐ-UBND");
    assert_eq!(listed["document_type"], "quyet_dinh");
    assert_eq!(listed["issued_on"], "2026-03-02");
    assert_eq!(listed["effective_on"], "2026-03-15");
    assert_eq!(listed["validity"], "in_force");
    assert!(listed["file_url"].is_string(), "{listed}");
    browser.close().await;
}

#[tokio::test]
async fn the_weeks_schedule_is_written_in_rows_and_published_with_both_entries() {
    let server = newsroom().await;
    let browser = Browser::open().await;
    sign_in(&browser, &server, EDITOR).await;
    create(&browser, "Lịch công tác tuần").await;

    // The week's address is filled in and locked; the title follows the week.
    let slug_field = browser.find_labelled("Đường dẫn").await;
    let slug = slug_field.prop("value").await.unwrap().unwrap_or_default();
    assert!(slug.starts_with("lich-") && slug.contains("-w"), "{slug}");
    assert!(slug_field.attr("readonly").await.unwrap().is_some());
    let title = browser
        .find_labelled("Tiêu đề")
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(title.starts_with("Lịch công tác Tuần "), "{title}");
    let week = slug.trim_start_matches("lich-").to_uppercase();

    browser.find_button("Thêm mục").await.click().await.unwrap();
    let day = browser.find_labelled_in("Mục 1", "Ngày").await;
    browser.choose_starting(&day, "Thứ Hai").await;
    browser
        .type_into_in("Mục 1", "Bắt đầu (giờ:phút)", "08:00")
        .await;
    browser
        .type_into_in("Mục 1", "Kết thúc (giờ:phút)", "11:00")
        .await;
    browser
        .type_into_in("Mục 1", "Nội dung", "Họp giao ban Ủy ban nhân dân phường")
        .await;
    browser
        .type_into_in("Mục 1", "Chủ trì", "Chủ tịch UBND phường")
        .await;
    browser
        .type_into_in("Mục 1", "Địa điểm", "Hội trường UBND")
        .await;

    browser.find_button("Thêm mục").await.click().await.unwrap();
    let day = browser.find_labelled_in("Mục 2", "Ngày").await;
    browser.choose_starting(&day, "Thứ Năm").await;
    browser
        .type_into_in("Mục 2", "Bắt đầu (giờ:phút)", "14:00")
        .await;
    browser
        .type_into_in("Mục 2", "Kết thúc (giờ:phút)", "13:30")
        .await;
    browser
        .type_into_in("Mục 2", "Nội dung", "Tiếp công dân định kỳ")
        .await;
    browser
        .type_into_in("Mục 2", "Chủ trì", "Phó Chủ tịch UBND phường")
        .await;
    browser
        .type_into_in("Mục 2", "Địa điểm", "Phòng tiếp công dân")
        .await;

    // The second row's end is before its start: named on that row, not the first.
    submit(&browser).await;
    let end = browser
        .find_labelled_in("Mục 2", "Kết thúc (giờ:phút)")
        .await;
    assert_eq!(
        browser.field_error(&end).await,
        "Giờ kết thúc phải sau giờ bắt đầu"
    );
    let first_end = browser
        .find_labelled_in("Mục 1", "Kết thúc (giờ:phút)")
        .await;
    assert_eq!(first_end.attr("aria-invalid").await.unwrap(), None);
    browser.retype(&end, "16:30").await;
    submit(&browser).await;
    browser.find_text("p", "Đã gửi bài để duyệt.").await;
    browser.wait_for_path_starting("/quan-tri/tin-bai/").await;
    sign_out(&browser).await;

    approve(&browser, &server, &title).await;

    let published = get_json(&format!(
        "{}/units/phuong-1/schedule?week={week}",
        server.api()
    ))
    .await;
    let entries = published["entries"].as_array().unwrap();
    let contents: Vec<&str> = entries
        .iter()
        .map(|entry| entry["content"].as_str().unwrap())
        .collect();
    assert_eq!(
        contents,
        [
            "Họp giao ban Ủy ban nhân dân phường",
            "Tiếp công dân định kỳ"
        ],
        "{published}"
    );
    assert_eq!(entries[1]["end"], "16:30:00");
    assert_eq!(entries[1]["location"], "Phòng tiếp công dân");
    browser.close().await;
}

#[tokio::test]
async fn the_organization_is_built_body_by_body_reordered_and_published() {
    let server = newsroom().await;
    let browser = Browser::open().await;
    sign_in(&browser, &server, EDITOR).await;
    create(&browser, "Cơ cấu tổ chức").await;
    browser.wait_for_value("Đường dẫn", "co-cau-to-chuc").await;

    browser
        .find_button("Thêm cơ quan, tổ chức")
        .await
        .click()
        .await
        .unwrap();
    let kind = browser.find_labelled_in("Cơ quan 1", "Loại").await;
    browser.choose_starting(&kind, "Bộ phận chuyên môn").await;
    browser
        .type_into_in(
            "Cơ quan 1",
            "Tên cơ quan, tổ chức",
            "Văn phòng HĐND và UBND",
        )
        .await;
    browser
        .find_button("Thêm cơ quan, tổ chức")
        .await
        .click()
        .await
        .unwrap();
    let kind = browser.find_labelled_in("Cơ quan 2", "Loại").await;
    browser.choose_starting(&kind, "Ủy ban nhân dân").await;
    browser
        .type_into_in(
            "Cơ quan 2",
            "Tên cơ quan, tổ chức",
            "Ủy ban nhân dân Phường 1",
        )
        .await;
    for (name, position, phone) in [
        ("Nguyễn Văn An", "Chủ tịch", "12"),
        ("Trần Thị Bình", "Phó Chủ tịch", ""),
    ] {
        browser
            .find_button("Thêm người vào cơ quan 2")
            .await
            .click()
            .await
            .unwrap();
        let legend = if phone.is_empty() {
            "Người 2"
        } else {
            "Người 1"
        };
        browser.type_into_in(legend, "Họ và tên", name).await;
        browser.type_into_in(legend, "Chức vụ", position).await;
        browser.type_into_in(legend, "Điện thoại", phone).await;
    }
    // The deputy is moved above the chairman with the row's own button.
    browser
        .find_button("Lên (người 2 của cơ quan 2)")
        .await
        .click()
        .await
        .unwrap();
    let first = browser.find_labelled_in("Người 1", "Họ và tên").await;
    assert_eq!(
        first.prop("value").await.unwrap().as_deref(),
        Some("Trần Thị Bình")
    );

    // A portrait for the deputy, uploaded on her row.
    let portrait = std::env::temp_dir().join(format!("chan-dung-{}.png", server.port));
    std::fs::write(
        &portrait,
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89",
    )
    .unwrap();
    browser
        .find_labelled_in("Người 1", "Ảnh")
        .await
        .send_keys(portrait.to_str().unwrap())
        .await
        .unwrap();
    browser.find_text("p", "Đã tải lên").await;
    let _ = std::fs::remove_file(&portrait);

    // The chairman's number is refused by the contract, on his row where he now is.
    submit(&browser).await;
    let phone = browser.find_labelled_in("Người 2", "Điện thoại").await;
    assert!(!browser.field_error(&phone).await.is_empty());
    browser.retype(&phone, "0903 111 222").await;
    submit(&browser).await;
    browser.find_text("p", "Đã gửi bài để duyệt.").await;
    sign_out(&browser).await;

    approve(&browser, &server, "Cơ cấu tổ chức").await;

    let shown = get_json(&format!("{}/units/phuong-1/organization", server.api())).await;
    let bodies = shown["bodies"].as_array().unwrap();
    let kinds: Vec<&str> = bodies.iter().map(|b| b["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["peoples_committee", "department"], "{shown}");
    let members: Vec<(&str, &str)> = bodies[0]["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["name"].as_str().unwrap(),
                m["phone"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        members,
        [("Trần Thị Bình", ""), ("Nguyễn Văn An", "0903111222")]
    );
    let photo = bodies[0]["members"][0]["photo_url"]
        .as_str()
        .unwrap_or_default();
    assert!(photo.starts_with("/api/v1/files/"), "{shown}");
    browser.close().await;
}

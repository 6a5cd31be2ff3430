//! The editorial path in the browser: nothing reaches citizens before a second
//! person approved it, and what was returned comes back with its reason.

use thirtyfour::prelude::*;

use crate::browser::Browser;
use crate::server::{NEWSROOM_PASSWORD, NewArticle, Server};
use crate::sign_in::fill_sign_in_form;

const EDITOR: &str = "bien-tap@phuong1.test";
const EDITOR_NAME: &str = "Nguyễn Văn Biên";
const REVIEWER: &str = "kiem-duyet@phuong1.test";
const PASSWORD: &str = "mat-khau-toa-soan";

const TITLE: &str = "Phường 1 ra quân làm sạch kênh Nhiêu Lộc";
const SLUG: &str = "phuong-1-ra-quan-lam-sach-kenh-nhieu-loc";
const SUMMARY: &str = "Đoàn viên, thanh niên và bà con khu phố cùng vớt rác, phát quang bờ kênh.";
const BODY: &str = "## Ra quân\n\nHơn 200 người tham gia làm sạch bờ kênh.";
const REASON: &str = "Bổ sung thời gian và địa điểm ra quân";
const FIX: &str = "\n\nThời gian: 7 giờ sáng Chủ nhật, tại bến Nhiêu Lộc.";

/// Signs in on Phường 1's site; staff land in the console.
pub async fn sign_in(browser: &Browser, server: &Server, login: &str) {
    fill_sign_in_form(browser, server, login, PASSWORD).await;
    browser
        .find_button("Đăng nhập")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for_path("/quan-tri").await;
}

pub async fn sign_out(browser: &Browser) {
    browser
        .find_button("Đăng xuất")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for_path("/").await;
    browser.find_link("Đăng nhập").await;
}

/// The reviewer opens the one article waiting in the queue.
async fn open_from_queue(browser: &Browser) {
    browser.find_link("Duyệt bài").await.click().await.unwrap();
    browser.wait_for_path("/quan-tri/duyet-bai").await;
    browser.find_link(TITLE).await.click().await.unwrap();
    browser.wait_for_path_starting("/quan-tri/duyet-bai/").await;
    browser.find_text("h1", TITLE).await;
}

#[tokio::test]
async fn an_article_is_written_returned_fixed_approved_and_found_without_diacritics() {
    let server = Server::start().await;
    server.create_staff(EDITOR, EDITOR_NAME, "editor", "phuong-1", PASSWORD);
    server.create_staff(REVIEWER, "Lê Thị Duyệt", "reviewer", "phuong-1", PASSWORD);
    let browser = Browser::open().await;

    // The editor writes the article and sends it for review.
    sign_in(&browser, &server, EDITOR).await;
    // Reviewing is not an editor's job: the console does not offer it.
    browser.find_link("Tin bài").await.click().await.unwrap();
    browser.wait_for_path("/quan-tri/tin-bai").await;
    assert!(
        browser
            .driver
            .find_all(By::XPath("//nav//a[normalize-space(.) = 'Duyệt bài']"))
            .await
            .unwrap()
            .is_empty(),
        "an editor is offered the review queue"
    );
    browser
        .find_link("Viết bài mới")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for_path("/quan-tri/tin-bai/moi").await;
    browser.type_into("Tiêu đề", TITLE).await;
    browser.wait_for_value("Đường dẫn", SLUG).await;
    browser.choose("Chuyên mục", "Hoạt động").await;
    browser.type_into("Tóm tắt", SUMMARY).await;
    browser.type_into("Nội dung (Markdown)", BODY).await;
    browser
        .find_button("Gửi duyệt")
        .await
        .click()
        .await
        .unwrap();
    browser.find_text("p", "Đã gửi bài để duyệt.").await;
    let editor_path = browser.wait_for_path_starting("/quan-tri/tin-bai/").await;
    assert_ne!(editor_path, "/quan-tri/tin-bai/moi");
    browser.find_text("span", "Chờ duyệt").await;
    sign_out(&browser).await;

    // A reviewer returns it: first without a reason, which the form refuses.
    sign_in(&browser, &server, REVIEWER).await;
    browser.find_link("Duyệt bài").await.click().await.unwrap();
    browser.wait_for_path("/quan-tri/duyet-bai").await;
    let waiting = browser.find_text("li", TITLE).await.text().await.unwrap();
    assert!(waiting.contains(EDITOR_NAME), "{waiting}");
    assert!(waiting.contains("chờ "), "{waiting}");
    browser.find_link(TITLE).await.click().await.unwrap();
    browser.find_text("h1", TITLE).await;
    // The text under review is readable, rendered or (without the preview endpoint) as written.
    browser.find_text("section", "Hơn 200 người tham gia").await;
    browser.find_button("Trả lại").await.click().await.unwrap();
    browser.find_text("p", "Vui lòng nhập lý do trả lại").await;
    browser.find_text("span", "Chờ duyệt").await;
    browser.type_into("Lý do trả lại", REASON).await;
    browser.find_button("Trả lại").await.click().await.unwrap();
    browser.wait_for_path("/quan-tri/duyet-bai").await;
    browser.find_text("p", "Đã trả lại bài cho tác giả.").await;
    browser
        .find_text("p", "Không có bài nào đang chờ duyệt.")
        .await;
    sign_out(&browser).await;

    // The editor finds it among the returned ones, reads why, fixes it and resends.
    sign_in(&browser, &server, EDITOR).await;
    browser.find_link("Tin bài").await.click().await.unwrap();
    browser.find_link("Bị trả lại").await.click().await.unwrap();
    browser.find_link(TITLE).await.click().await.unwrap();
    browser.wait_for_path(&editor_path).await;
    let notice = browser.find_text("section", "Bài bị trả lại").await;
    assert!(notice.text().await.unwrap().contains(REASON));
    browser.type_into("Nội dung (Markdown)", FIX).await;
    browser
        .find_button("Gửi duyệt")
        .await
        .click()
        .await
        .unwrap();
    browser.find_text("p", "Đã gửi bài để duyệt.").await;
    browser.find_text("span", "Chờ duyệt").await;
    sign_out(&browser).await;

    // The reviewer approves it, to be published at once.
    sign_in(&browser, &server, REVIEWER).await;
    open_from_queue(&browser).await;
    browser
        .find_button("Duyệt đăng")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for_path("/quan-tri/duyet-bai").await;
    browser.find_text("p", "Đã duyệt và đăng bài.").await;
    sign_out(&browser).await;

    // A citizen reads it on the ward site, with the fix…
    browser.goto(&server.site(Some("phuong-1"))).await;
    browser
        .find_in_section("Tin mới", "a", TITLE)
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for_path(&format!("/tin-tuc/{SLUG}")).await;
    browser.find_text("article", "tại bến Nhiêu Lộc").await;

    // …sees it on the district portal under its ward…
    browser.goto(&server.site(None)).await;
    let item = browser
        .find_in_section("Tin mới từ các phường", "li", TITLE)
        .await;
    assert!(item.text().await.unwrap().contains("Phường 1"));

    // …and finds it from the header's search box, typing without diacritics.
    browser.goto(&server.site(Some("phuong-1"))).await;
    let search = browser.find_header_search_box().await;
    search
        .send_keys("phuong 1 ra quan lam sach kenh nhieu loc")
        .await
        .unwrap();
    search.send_keys(Key::Enter).await.unwrap();
    browser.wait_for_path("/tim-kiem").await;
    let hit = browser.find_text("li", TITLE).await;
    hit.find(By::XPath(format!(".//a[normalize-space(.) = '{TITLE}']")))
        .await
        .unwrap();
    let marked = hit.find_all(By::Tag("mark")).await.unwrap();
    assert!(!marked.is_empty(), "the snippet highlights nothing");
    assert!(hit.text().await.unwrap().contains("Phường 1"));
    browser.close().await;
}

#[tokio::test]
async fn the_editor_previews_the_body_and_attaches_a_file() {
    let server = Server::start().await;
    server.create_staff(EDITOR, EDITOR_NAME, "editor", "phuong-1", PASSWORD);
    let browser = Browser::open().await;
    sign_in(&browser, &server, EDITOR).await;
    browser
        .goto(&format!(
            "{}/quan-tri/tin-bai/moi",
            server.site(Some("phuong-1"))
        ))
        .await;
    browser
        .type_into("Tiêu đề", "Kế hoạch tiếp dân tháng 12")
        .await;
    browser
        .type_into(
            "Nội dung (Markdown)",
            "Lịch tiếp dân **thứ Năm** hằng tuần.",
        )
        .await;

    browser
        .find_button("Xem trước")
        .await
        .click()
        .await
        .unwrap();
    let strong = browser.find_text("strong", "thứ Năm").await;
    assert_eq!(strong.text().await.unwrap(), "thứ Năm");
    browser
        .find_button("Soạn thảo")
        .await
        .click()
        .await
        .unwrap();

    let pdf = std::env::temp_dir().join(format!("ke-hoach-{}.pdf", server.port));
    std::fs::write(
        &pdf,
        b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n",
    )
    .unwrap();
    browser
        .find_labelled("Đính kèm tệp")
        .await
        .send_keys(pdf.to_str().unwrap())
        .await
        .unwrap();
    browser.find_text("p", "Đã đính kèm").await;
    let body = browser
        .find_labelled("Nội dung (Markdown)")
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    let name = pdf.file_name().unwrap().to_str().unwrap();
    assert!(body.contains(&format!("[{name}](")), "{body}");
    let _ = std::fs::remove_file(&pdf);
    browser.close().await;
}

#[tokio::test]
async fn the_history_shows_each_step_compares_two_revisions_and_restores_one() {
    let server = Server::start().await;
    server
        .newsroom("phuong-2")
        .await
        .publish(NewArticle {
            slug: "lich-tiep-dan",
            title: "Lịch tiếp công dân tháng 12",
            category: "tin-tuc",
            summary: "Lãnh đạo phường tiếp công dân vào thứ Năm.",
            body: "Tiếp công dân sáng thứ Năm hằng tuần.",
        })
        .await;
    let browser = Browser::open().await;

    // The newsroom's editor writes a second revision in the console.
    fill_sign_in_form_on(&browser, &server, "phuong-2", "bien-tap.phuong-2@e2e.test").await;
    browser.find_link("Tin bài").await.click().await.unwrap();
    browser
        .find_link("Lịch tiếp công dân tháng 12")
        .await
        .click()
        .await
        .unwrap();
    browser
        .type_into("Nội dung (Markdown)", "\n\nThêm buổi chiều thứ Sáu.")
        .await;
    browser.find_button("Lưu nháp").await.click().await.unwrap();
    browser.find_text("p", "Đã lưu nháp.").await;

    browser
        .find_link("Lịch sử phiên bản")
        .await
        .click()
        .await
        .unwrap();
    browser.find_text("h1", "Lịch sử phiên bản").await;
    let first = browser
        .find_text("li", "Bản 1:")
        .await
        .text()
        .await
        .unwrap();
    assert!(first.contains("Đã đăng"), "{first}");
    assert!(first.contains("Nháp → Chờ duyệt"), "{first}");
    assert!(first.contains("Chờ duyệt → Đã đăng"), "{first}");
    assert!(first.contains("Lê Thị Duyệt"), "{first}");

    // The newest two are compared first: the added line is marked, not only coloured.
    browser
        .find_button("Xem khác biệt")
        .await
        .click()
        .await
        .unwrap();
    let added = browser.find_text("ins", "Thêm buổi chiều thứ Sáu.").await;
    assert!(added.text().await.unwrap().starts_with('+'));

    browser
        .find_button("Khôi phục bản này")
        .await
        .click()
        .await
        .unwrap();
    browser
        .find_text("p", "Đã khôi phục nội dung bản 1 thành bản nháp mới.")
        .await;
    let body = browser
        .find_labelled("Nội dung (Markdown)")
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert_eq!(body, "Tiếp công dân sáng thứ Năm hằng tuần.");
    browser.close().await;
}

/// Signs in on the site of `unit` with the newsroom's password.
async fn fill_sign_in_form_on(browser: &Browser, server: &Server, unit: &str, login: &str) {
    browser
        .goto(&format!("{}/dang-nhap", server.site(Some(unit))))
        .await;
    browser
        .type_into("Thư điện tử hoặc số điện thoại", login)
        .await;
    browser.type_into("Mật khẩu", NEWSROOM_PASSWORD).await;
    browser
        .find_button("Đăng nhập")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for_path("/quan-tri").await;
}

//! Citizen feedback from a phone to a published answer: the citizen sends it with a
//! photo, the web officer forwards it, the department answers, the reviewer approves
//! with personal data hidden, the web officer publishes, and the citizen finds the
//! answer by code and in the public list.

use thirtyfour::prelude::*;

use crate::browser::Browser;
use crate::editorial_review::{sign_in, sign_out};
use crate::server::{NEWSROOM_PASSWORD, Server};

const WEB_OFFICER: &str = "phu-trach-web@phuong1.test";
const DEPARTMENT_OFFICER: &str = "can-bo-do-thi@phuong1.test";
const REVIEWER: &str = "kiem-duyet-phan-anh@phuong1.test";
const DEPARTMENT: &str = "kinh-te-ha-tang-do-thi";
const DEPARTMENT_NAME: &str = "Bộ phận Kinh tế - Hạ tầng - Đô thị";

const CATEGORY: &str = "Trật tự đô thị, lấn chiếm vỉa hè";
const TITLE: &str = "Quán ăn lấn chiếm vỉa hè đường Ngô Gia Tự";
const PHONE: &str = "0903 123 456";
const CONTENT: &str = "Quán ăn trước số 12 đường Ngô Gia Tự bày bàn ghế kín vỉa hè mỗi tối, \
người đi bộ phải xuống lòng đường. Cần gì xin gọi tôi số 0903 123 456.";
const INSTRUCTION: &str = "Kiểm tra, xử lý lấn chiếm và báo kết quả trong 5 ngày.";
const REPLY: &str =
    "Ngày 02/12/2026 tổ công tác đã lập biên bản, yêu cầu chủ quán dọn bàn ghế, trả lại vỉa hè.";

/// A real JPEG (16 × 12 pixels), as a phone would send it.
const PHOTO: &[u8] = include_bytes!("fixtures/via-he.jpg");

/// Opens the console's feedback section and, in the queue named `queue`, the
/// feedback of this test.
async fn open_from_queue(browser: &Browser, queue: &str) {
    browser
        .find_link("Phản ánh kiến nghị")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for_path("/quan-tri/phan-anh").await;
    browser.find_link(queue).await.click().await.unwrap();
    browser.find_text("h2", queue).await;
    browser.find_link(TITLE).await.click().await.unwrap();
    browser
        .wait_for_path_starting("/quan-tri/phan-anh/PA-")
        .await;
    browser.find_text("h1", TITLE).await;
}

#[tokio::test]
async fn feedback_with_a_photo_is_forwarded_answered_approved_published_and_found_redacted() {
    let server = Server::start().await;
    server.create_staff(
        WEB_OFFICER,
        "Trần Thị Web",
        "web_officer",
        "phuong-1",
        NEWSROOM_PASSWORD,
    );
    server.create_staff(
        DEPARTMENT_OFFICER,
        "Lý Văn Đô",
        "department_officer",
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
        .add_department_member("phuong-1", DEPARTMENT, DEPARTMENT_OFFICER)
        .await;
    let photo = std::env::temp_dir().join(format!("via-he-{}.jpg", server.port));
    std::fs::write(&photo, PHOTO).unwrap();
    let browser = Browser::open().await;

    // A citizen, on a phone, finds the form from the site's menu and fills it in.
    browser.goto(&server.site(Some("phuong-1"))).await;
    browser
        .wait_for(
            By::XPath(
                "//nav[@aria-label='Điều hướng chính']//a[normalize-space(.)='Phản ánh kiến nghị']"
                    .to_owned(),
            ),
            "no feedback link in the main menu",
        )
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for_path("/phan-anh").await;
    browser.choose("Lĩnh vực", CATEGORY).await;
    browser.type_into("Tiêu đề", TITLE).await;
    browser.type_into("Nội dung", CONTENT).await;
    browser
        .type_into("Địa chỉ", "12 Ngô Gia Tự, Phường 1")
        .await;
    browser
        .find_labelled("Chọn ảnh")
        .await
        .send_keys(photo.to_str().unwrap())
        .await
        .unwrap();
    browser.find_text("p", "Đã tải lên.").await;
    browser.type_into("Họ và tên", "Nguyễn Văn An").await;
    browser.type_into("Số điện thoại", PHONE).await;
    browser
        .find_labelled("Tôi đồng ý")
        .await
        .click()
        .await
        .unwrap();
    browser
        .find_button("Gửi phản ánh")
        .await
        .click()
        .await
        .unwrap();
    browser
        .find_text("h2", "Phường đã tiếp nhận phản ánh của bạn")
        .await;
    let code = browser
        .driver
        .find(By::Id("ma-tra-cuu"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(code.starts_with("PA-"), "{code}");
    browser.find_text("p", "Hạn trả lời").await;
    let _ = std::fs::remove_file(&photo);

    // The web officer forwards it to the department, saying what to do.
    sign_in(&browser, &server, WEB_OFFICER).await;
    open_from_queue(&browser, "Chờ phân loại").await;
    browser.choose("Bộ phận xử lý", DEPARTMENT_NAME).await;
    browser.type_into("Nội dung chỉ đạo", INSTRUCTION).await;
    browser
        .find_button("Chuyển xử lý")
        .await
        .click()
        .await
        .unwrap();
    browser
        .find_text("p", "Đã chuyển phản ánh cho bộ phận xử lý.")
        .await;
    sign_out(&browser).await;

    // The department officer reads the instruction and drafts the reply.
    sign_in(&browser, &server, DEPARTMENT_OFFICER).await;
    open_from_queue(&browser, "Bộ phận xử lý").await;
    browser.find_text("p", INSTRUCTION).await;
    browser.type_into("Nội dung trả lời", REPLY).await;
    browser
        .find_button("Gửi trả lời để duyệt")
        .await
        .click()
        .await
        .unwrap();
    browser
        .find_text("p", "Đã gửi dự thảo trả lời để duyệt.")
        .await;
    sign_out(&browser).await;

    // The reviewer sees what the redaction hid, and approves the public texts.
    sign_in(&browser, &server, REVIEWER).await;
    open_from_queue(&browser, "Chờ duyệt trả lời").await;
    let hidden = browser.find_text("li", "Số điện thoại").await;
    assert!(hidden.text().await.unwrap().contains(PHONE));
    let public_content = browser
        .find_labelled("Nội dung công khai")
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(!public_content.contains(PHONE), "{public_content}");
    assert!(public_content.contains("[đã ẩn]"), "{public_content}");
    browser
        .find_button("Duyệt trả lời")
        .await
        .click()
        .await
        .unwrap();
    browser.find_text("p", "Đã duyệt trả lời.").await;
    sign_out(&browser).await;

    // The web officer publishes it.
    sign_in(&browser, &server, WEB_OFFICER).await;
    open_from_queue(&browser, "Chờ đăng").await;
    browser
        .find_button("Đăng lên trang")
        .await
        .click()
        .await
        .unwrap();
    browser
        .find_text("p", "Đã đăng phản ánh và câu trả lời.")
        .await;
    sign_out(&browser).await;

    // The citizen finds the answer with the code and their phone number…
    browser
        .goto(&format!(
            "{}/phan-anh/tra-cuu",
            server.site(Some("phuong-1"))
        ))
        .await;
    browser.type_into("Mã tra cứu", &code).await;
    browser
        .type_into("Số điện thoại hoặc thư điện tử", PHONE)
        .await;
    browser.find_button("Tra cứu").await.click().await.unwrap();
    browser.find_text("span", "Đã trả lời").await;
    browser.find_text("section", REPLY).await;

    // …and in the public list, where their phone number is hidden.
    browser
        .goto(&format!(
            "{}/phan-anh/da-tra-loi",
            server.site(Some("phuong-1"))
        ))
        .await;
    browser.find_link(TITLE).await.click().await.unwrap();
    browser.wait_for_path(&format!("/phan-anh/{code}")).await;
    let published = browser
        .find_text("section", "Nội dung phản ánh")
        .await
        .text()
        .await
        .unwrap();
    assert!(!published.contains(PHONE), "{published}");
    assert!(published.contains("[đã ẩn]"), "{published}");
    browser.find_text("section", REPLY).await;
    browser.close().await;
}

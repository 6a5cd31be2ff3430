use crate::browser::Browser;
use crate::server::Server;

#[tokio::test]
async fn a_ward_site_opened_by_its_host_name_shows_the_ward_and_its_district() {
    let server = Server::start().await;
    let browser = Browser::open().await;

    browser.goto(&server.site(Some("phuong-1"))).await;

    let heading = browser.find_text("h1", "Phường 1").await;
    assert_eq!(heading.text().await.unwrap(), "Phường 1");
    let header = browser.find_text("header", "Quận 10").await;
    assert!(header.text().await.unwrap().contains("Phường 1"));
    let footer = browser.find_text("footer", "Quận 10").await;
    assert!(footer.is_displayed().await.unwrap());
    browser.find_link("Đăng nhập").await;
    browser.close().await;
}

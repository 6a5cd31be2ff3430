use crate::browser::Browser;
use crate::server::Server;

#[tokio::test]
async fn the_district_portal_links_to_all_fifteen_ward_sites() {
    let server = Server::start().await;
    let browser = Browser::open().await;

    browser.goto(&server.site(None)).await;

    browser.find_text("h1", "Quận 10").await;
    let last_ward = browser.find_link("Phường 15").await;
    let href = last_ward.attr("href").await.unwrap().unwrap();
    assert_eq!(href, format!("http://phuong-15.localhost:{}/", server.port));

    browser.find_link("Phường 2").await.click().await.unwrap();
    browser.find_text("h1", "Phường 2").await;
    browser.close().await;
}

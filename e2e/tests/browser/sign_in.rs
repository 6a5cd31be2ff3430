use crate::browser::Browser;
use crate::server::Server;

/// Opens Phường 1's sign-in page and types a login and password into its labelled fields.
pub async fn fill_sign_in_form(browser: &Browser, server: &Server, login: &str, password: &str) {
    browser
        .goto(&format!("{}/dang-nhap", server.site(Some("phuong-1"))))
        .await;
    browser
        .find_labelled("Thư điện tử hoặc số điện thoại")
        .await
        .send_keys(login)
        .await
        .unwrap();
    browser
        .find_labelled("Mật khẩu")
        .await
        .send_keys(password)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_staff_member_signs_in_sees_the_console_and_signs_out() {
    let server = Server::start().await;
    server.create_staff(
        "mai.tran@phuong1.test",
        "Trần Thị Mai",
        "editor",
        "phuong-1",
        "mat-khau-bien-tap",
    );
    let browser = Browser::open().await;

    fill_sign_in_form(
        &browser,
        &server,
        "mai.tran@phuong1.test",
        "mat-khau-bien-tap",
    )
    .await;
    browser
        .find_button("Đăng nhập")
        .await
        .click()
        .await
        .unwrap();

    browser.wait_for_path("/quan-tri").await;
    browser.find_text("h1", "Xin chào, Trần Thị Mai").await;
    browser.find_text("li", "Biên tập viên — Phường 1").await;

    browser
        .find_button("Đăng xuất")
        .await
        .click()
        .await
        .unwrap();
    browser.find_link("Đăng nhập").await;

    // Signed out for real: the console sends us back to the sign-in page.
    browser
        .goto(&format!("{}/quan-tri", server.site(Some("phuong-1"))))
        .await;
    browser.wait_for_path("/dang-nhap").await;
    browser.close().await;
}

#[tokio::test]
async fn a_wrong_password_is_explained_in_vietnamese() {
    let server = Server::start().await;
    server.create_staff(
        "hung.le@phuong1.test",
        "Lê Văn Hùng",
        "reviewer",
        "phuong-1",
        "mat-khau-dung-roi",
    );
    let browser = Browser::open().await;

    fill_sign_in_form(&browser, &server, "hung.le@phuong1.test", "mat-khau-sai").await;
    browser
        .find_button("Đăng nhập")
        .await
        .click()
        .await
        .unwrap();

    browser
        .find_text("*", "Tên đăng nhập hoặc mật khẩu không đúng")
        .await;
    browser.close().await;
}

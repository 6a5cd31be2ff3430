//! A ward admin puts the ward's boundary on the map from the console: the server's
//! geometry check is shown beside the file input, and a corrected file is stored with
//! the office point and the "illustrative" mark.

use serde_json::{Value, json};
use thirtyfour::prelude::*;

use crate::browser::Browser;
use crate::editorial_review::sign_in;
use crate::server::{NEWSROOM_PASSWORD, Server};

const ADMIN: &str = "quan-tri@phuong1.test";
const FILE_LABEL: &str = "Tệp ranh giới (GeoJSON)";

/// A GeoJSON file on disk, as an admin's drawing tool saves it; removed when dropped.
struct GeoJsonFile(std::path::PathBuf);

impl GeoJsonFile {
    fn write(name: &str, value: &Value) -> GeoJsonFile {
        let path = std::env::temp_dir().join(name);
        std::fs::write(&path, serde_json::to_vec_pretty(value).unwrap()).unwrap();
        GeoJsonFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for GeoJsonFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn ring(closed: bool) -> Value {
    let mut points = vec![
        json!([106.660, 10.770]),
        json!([106.670, 10.770]),
        json!([106.670, 10.780]),
        json!([106.660, 10.780]),
    ];
    if closed {
        points.push(json!([106.660, 10.770]));
    }
    json!({"type": "Feature", "properties": {"ten": "Phường 1"}, "geometry": {"type": "Polygon", "coordinates": [points]}})
}

async fn choose_file(browser: &Browser, file: &GeoJsonFile) {
    browser
        .find_labelled(FILE_LABEL)
        .await
        .send_keys(file.path())
        .await
        .unwrap();
}

#[tokio::test]
async fn a_ward_admin_uploads_the_boundary_and_an_open_ring_is_named_first() {
    let server = Server::start().await;
    server.create_staff(
        ADMIN,
        "Trần Thị Quản",
        "ward_admin",
        "phuong-1",
        NEWSROOM_PASSWORD,
    );
    let browser = Browser::open().await;
    sign_in(&browser, &server, ADMIN).await;

    browser.find_link("Ranh giới").await.click().await.unwrap();
    browser.wait_for_path("/quan-tri/ranh-gioi").await;
    browser
        .find_text("p", "chưa có ranh giới trên bản đồ")
        .await;

    // An open ring: the server's message shows beside the file input.
    let open = GeoJsonFile::write(
        &format!("phuong-1-ho-{}.geojson", server.port),
        &ring(false),
    );
    choose_file(&browser, &open).await;
    browser.find_text("p", "Đã chọn tệp").await;
    browser
        .find_button("Lưu ranh giới")
        .await
        .click()
        .await
        .unwrap();
    let input = browser.find_labelled(FILE_LABEL).await;
    let message = browser.field_error(&input).await;
    assert!(message.contains("không khép kín"), "{message}");
    assert_eq!(
        input.attr("aria-invalid").await.unwrap().as_deref(),
        Some("true")
    );

    // The corrected file, the office point typed with a decimal comma, marked
    // illustrative.
    let closed = GeoJsonFile::write(&format!("phuong-1-{}.geojson", server.port), &ring(true));
    choose_file(&browser, &closed).await;
    browser.find_text("p", "5 điểm").await;
    browser.type_into("Kinh độ", "106,665").await;
    browser.type_into("Vĩ độ", "10,775").await;
    browser
        .find_labelled("Ranh giới minh họa (chưa đo đạc)")
        .await
        .click()
        .await
        .unwrap();
    browser
        .find_button("Lưu ranh giới")
        .await
        .click()
        .await
        .unwrap();
    browser.find_text("p", "Đã lưu ranh giới.").await;
    browser.find_text("p", "Đã có ranh giới: 5 điểm.").await;
    browser
        .find_text("p", "Ranh giới minh họa (chưa đo đạc).")
        .await;
    assert!(
        browser
            .driver
            .find_all(By::ClassName("field-error"))
            .await
            .unwrap()
            .is_empty()
    );

    let response = reqwest::get(format!("{}/units/phuong-1/boundary", server.api()))
        .await
        .unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    let feature: Value = response.json().await.unwrap();
    assert_eq!(feature["properties"]["office"], json!([106.665, 10.775]));
    assert_eq!(feature["properties"]["illustrative"], json!(true));
    assert_eq!(feature["geometry"]["type"], "Polygon");
    browser.close().await;
}

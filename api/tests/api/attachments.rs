//! Files for content: checked by their bytes, stored under generated names, always
//! downloaded as attachments.

use openapi::Problem;
use openapi::attachments::Attachment;
use openapi::auth::Role;
use openapi::content::Article;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use serde_json::json;

use crate::helpers::{Session, TestApp, problem};

const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";

async fn upload(
    app: &TestApp,
    who: &Session,
    unit: &str,
    filename: &str,
    bytes: &'static [u8],
) -> reqwest::Response {
    app.post(&format!("/api/v1/units/{unit}/attachments"))
        .query(&[("filename", filename)])
        .bearer_auth(&who.access_token)
        .header(CONTENT_TYPE, "application/octet-stream")
        .body(bytes)
        .send()
        .await
        .unwrap()
}

on_both_databases! {
    async fn an_uploaded_document_comes_back_as_an_attachment_with_its_name(app) {
        let editor = app.login_as(Role::Editor, "phuong-1").await;
        let response = upload(&app, &editor, "phuong-1", "Quyết định 125.pdf", PDF).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let stored: Attachment = response.json().await.unwrap();
        assert_eq!(stored.content_type, "application/pdf");
        assert!(!stored.key.contains("125"), "the stored name is generated: {}", stored.key);

        let download = app.get(&stored.url).send().await.unwrap();
        assert_eq!(download.status(), StatusCode::OK);
        assert_eq!(download.headers()[CONTENT_TYPE], "application/pdf");
        let disposition = download.headers()[CONTENT_DISPOSITION].to_str().unwrap().to_owned();
        assert!(disposition.starts_with("attachment"), "{disposition}");
        assert!(disposition.contains("Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20125.pdf"), "{disposition}");
        assert_eq!(download.bytes().await.unwrap().as_ref(), PDF);
        assert_eq!(app.audit_events("file_uploaded").await, 1);
    }

    async fn a_file_whose_content_is_not_what_its_name_says_is_refused(app) {
        let editor = app.login_as(Role::Editor, "phuong-1").await;
        let renamed = upload(&app, &editor, "phuong-1", "anh.jpg", PNG).await;
        assert_eq!(renamed.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem(renamed).await.errors[0].code, "type_mismatch");

        let page = upload(&app, &editor, "phuong-1", "anh.png", b"<html><script>alert(1)</script></html>").await;
        assert_eq!(page.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem(page).await.errors[0].code, "unsupported_type");
        assert_eq!(app.audit_events("file_uploaded").await, 0);
    }

    async fn a_file_over_the_limit_is_refused_while_it_streams(app) {
        let editor = app.login_as(Role::Editor, "phuong-1").await;
        let mut big = PDF.to_vec();
        big.resize(21 * 1024 * 1024, b' ');
        let response = app
            .post("/api/v1/units/phuong-1/attachments?filename=lon.pdf")
            .bearer_auth(&editor.access_token)
            .body(big)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
        let body: Problem = response.json().await.unwrap();
        assert_eq!(body.code, openapi::ErrorCode::PayloadTooLarge);
    }

    async fn only_editors_of_the_unit_upload(app) {
        let reviewer = app.login_as(Role::Reviewer, "phuong-1").await;
        assert_eq!(upload(&app, &reviewer, "phuong-1", "anh.png", PNG).await.status(), StatusCode::FORBIDDEN);
        let other_ward = app.login_as(Role::Editor, "phuong-2").await;
        assert_eq!(upload(&app, &other_ward, "phuong-1", "anh.png", PNG).await.status(), StatusCode::NOT_FOUND);
        let anonymous = app
            .post("/api/v1/units/phuong-1/attachments?filename=anh.png")
            .body(PNG)
            .send()
            .await
            .unwrap();
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    }

    async fn a_cover_image_must_be_a_file_of_the_same_ward(app) {
        let newsroom = app.newsroom("phuong-1").await;
        let other_editor = app.login_as(Role::Editor, "phuong-2").await;
        let elsewhere: Attachment = upload(&app, &other_editor, "phuong-2", "anh.png", PNG).await.json().await.unwrap();
        let article = |key: &str| json!({"kind": "article", "slug": "co-anh", "title": "Tin có ảnh", "details": {"cover_image": key}});
        let refused = newsroom.create(&article(&elsewhere.key)).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let error = &problem(refused).await.errors[0];
        assert_eq!((error.field.as_str(), error.code.as_str()), ("details.cover_image", "unknown_file"));

        let own: Attachment = upload(&app, &newsroom.editor, "phuong-1", "anh.png", PNG).await.json().await.unwrap();
        newsroom.publish(&article(&own.key)).await;
        let published: Article = app.get("/api/v1/units/phuong-1/articles/co-anh").send().await.unwrap().json().await.unwrap();
        assert_eq!(published.cover_image_url.as_deref(), Some(own.url.as_str()));
    }

    async fn the_preview_renders_and_sanitizes_like_publishing(app) {
        let editor = app.login_as(Role::Editor, "phuong-1").await;
        let response = app
            .post("/api/v1/content/preview")
            .bearer_auth(&editor.access_token)
            .json(&json!({"body": "**Đậm** <script>alert(1)</script> [x](javascript:alert(1))"}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let html = response.json::<serde_json::Value>().await.unwrap()["html"].as_str().unwrap().to_owned();
        assert!(html.contains("<strong>Đậm</strong>"), "{html}");
        assert!(!html.contains("script") && !html.contains("javascript"), "{html}");

        let citizen = app.register_citizen().await;
        let citizen = app.sign_in(&citizen).await;
        let refused = app
            .post("/api/v1/content/preview")
            .bearer_auth(&citizen.access_token)
            .json(&json!({"body": "x"}))
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    }
}

use openapi::ErrorCode;
use openapi::auth::Role;
use openapi::search::SearchResults;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{TestApp, problem};

/// Publishes an article in `unit` (editor writes, reviewer approves).
async fn publish(app: &TestApp, unit: &str, slug: &str, title: &str, body: &str) {
    let editor = app.login_as(Role::Editor, unit).await;
    let reviewer = app.login_as(Role::Reviewer, unit).await;
    let item: serde_json::Value = app
        .post(&format!("/api/v1/units/{unit}/content"))
        .bearer_auth(&editor.access_token)
        .json(&json!({"kind": "article", "slug": slug, "title": title, "body": body}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = item["id"].as_i64().unwrap();
    let base = format!("/api/v1/units/{unit}/content/{id}");
    app.post(&format!("{base}/submit"))
        .bearer_auth(&editor.access_token)
        .send()
        .await
        .unwrap();
    let approved = app
        .post(&format!("{base}/approve"))
        .bearer_auth(&reviewer.access_token)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(approved.status(), StatusCode::OK);
}

async fn search(app: &TestApp, query: &str) -> SearchResults {
    let response = app
        .get("/api/v1/search")
        .query(&[("q", query)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{query}");
    response.json().await.unwrap()
}

on_both_databases! {
    async fn a_query_without_diacritics_finds_vietnamese_text(app) {
        publish(&app, "phuong-1", "khai-sinh", "Thủ tục khai sinh cho trẻ em", "Hồ sơ gồm tờ khai và giấy chứng sinh.").await;
        publish(&app, "phuong-1", "duong", "Sửa chữa đường Nguyễn Tri Phương", "Thi công ban đêm.").await;

        let found = search(&app, "thu tuc khai sinh").await;
        assert_eq!(found.hits.len(), 1);
        assert_eq!(found.hits[0].title, "Thủ tục khai sinh cho trẻ em");
        assert_eq!(found.hits[0].unit.slug, "phuong-1");

        let road = search(&app, "DUONG nguyen tri phuong").await;
        assert_eq!(road.hits[0].slug, "duong");
    }

    async fn a_query_in_nfd_form_finds_nfc_text(app) {
        publish(&app, "phuong-1", "ho-so", "Hồ sơ trực tuyến", "Nộp hồ sơ qua mạng.").await;
        let decomposed = "Ho\u{302}\u{300} so\u{31b}";
        assert_eq!(search(&app, decomposed).await.hits.len(), 1);
    }

    async fn the_snippet_highlights_the_match_with_its_diacritics(app) {
        publish(&app, "phuong-1", "tiem", "Lịch tiêm chủng", "Tiêm chủng mở rộng cho trẻ dưới 5 tuổi tại trạm y tế phường.").await;
        let found = search(&app, "tram y te").await;
        assert!(found.hits[0].snippet.contains("<mark>trạm</mark>"), "{}", found.hits[0].snippet);
    }

    async fn drafts_are_never_found(app) {
        let editor = app.login_as(Role::Editor, "phuong-1").await;
        app.post("/api/v1/units/phuong-1/content")
            .bearer_auth(&editor.access_token)
            .json(&json!({"kind": "article", "slug": "bi-mat", "title": "Bản nháp bí mật"}))
            .send()
            .await
            .unwrap();
        assert!(search(&app, "bi mat").await.hits.is_empty());
    }

    async fn a_title_match_ranks_above_a_body_match(app) {
        publish(&app, "phuong-1", "than-bai", "Tin hoạt động", "Có nhắc tới hội khuyến học một lần.").await;
        publish(&app, "phuong-1", "tieu-de", "Hội khuyến học phường tổng kết năm", "Tổng kết.").await;
        let found = search(&app, "khuyen hoc").await;
        assert_eq!(found.hits.iter().map(|h| h.slug.as_str()).collect::<Vec<_>>(), ["tieu-de", "than-bai"]);
    }

    async fn searching_a_ward_leaves_out_other_wards_but_the_district_sees_all(app) {
        publish(&app, "phuong-1", "a", "Ngày hội đọc sách", "").await;
        publish(&app, "phuong-2", "b", "Ngày hội đọc sách thiếu nhi", "").await;
        let one = app.get("/api/v1/search?q=doc+sach&unit=phuong-2").send().await.unwrap().json::<SearchResults>().await.unwrap();
        assert_eq!(one.hits.len(), 1);
        assert_eq!(one.hits[0].unit.slug, "phuong-2");
        let district = app.get("/api/v1/search?q=doc+sach&unit=quan-10").send().await.unwrap().json::<SearchResults>().await.unwrap();
        assert_eq!(district.hits.len(), 2);
    }

    async fn an_empty_query_is_refused_naming_q(app) {
        let response = app.get("/api/v1/search?q=%20%21").send().await.unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let problem = problem(response).await;
        assert_eq!(problem.code, ErrorCode::ValidationFailed);
        assert_eq!(problem.errors[0].field, "q");
    }
}

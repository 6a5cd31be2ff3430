//! Pages in the menu, announcements with an expiry, legal documents with their
//! register fields: each through review, each in its public list.

use chrono::{Duration, Utc};
use openapi::content::{AnnouncementPage, MenuPage};
use openapi::legal_documents::{LegalDocument, LegalDocumentPage, Validity};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::problem;

fn document(slug: &str, number: &str, issued_on: &str, validity: &str) -> Value {
    json!({
        "kind": "legal_document",
        "slug": slug,
        "title": format!("Quyết định {number} về việc kiện toàn Tổ dân phố"),
        "summary": "Kiện toàn nhân sự các Tổ dân phố trên địa bàn phường.",
        "body": "Điều 1. Kiện toàn Tổ dân phố số 3.",
        "details": {"document": {
            "number": number,
            "document_type": "quyet_dinh",
            "issuer": "Ủy ban nhân dân Phường 1",
            "signer": "Nguyễn Văn An",
            "issued_on": issued_on,
            "validity": validity,
        }}
    })
}

async fn documents(app: &crate::helpers::TestApp, query: &str) -> LegalDocumentPage {
    let response = app
        .get(&format!("/api/v1/units/phuong-1/documents{query}"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{query}");
    response.json().await.unwrap()
}

on_both_databases! {
    async fn published_pages_form_the_menu_in_their_order(app) {
        let newsroom = app.newsroom("phuong-1").await;
        for (slug, title, order) in [("lien-he", "Liên hệ", 20), ("gioi-thieu", "Giới thiệu chung", 10)] {
            newsroom
                .publish(&json!({"kind": "page", "slug": slug, "title": title, "details": {"menu_order": order}}))
                .await;
        }
        // A page without a position is published but stays out of the menu.
        newsroom.publish(&json!({"kind": "page", "slug": "an", "title": "Trang riêng"})).await;
        // A draft page is not in the menu.
        newsroom
            .create(&json!({"kind": "page", "slug": "nhap", "title": "Nháp", "details": {"menu_order": 1}}))
            .await;

        let menu: Vec<MenuPage> = app.get("/api/v1/units/phuong-1/pages").send().await.unwrap().json().await.unwrap();
        let slugs: Vec<&str> = menu.iter().map(|page| page.slug.as_str()).collect();
        assert_eq!(slugs, ["gioi-thieu", "lien-he"]);
    }

    async fn an_expired_announcement_leaves_the_current_list_but_keeps_its_address(app) {
        let newsroom = app.newsroom("phuong-1").await;
        let past = (Utc::now() - Duration::days(1)).to_rfc3339();
        let future = (Utc::now() + Duration::days(7)).to_rfc3339();
        newsroom
            .publish(&json!({"kind": "announcement", "slug": "cat-nuoc", "title": "Thông báo tạm ngưng cấp nước", "details": {"expires_at": past}}))
            .await;
        newsroom
            .publish(&json!({"kind": "announcement", "slug": "tiem-chung", "title": "Lịch tiêm chủng mở rộng", "details": {"expires_at": future}}))
            .await;

        let current: AnnouncementPage = app.get("/api/v1/units/phuong-1/announcements").send().await.unwrap().json().await.unwrap();
        let slugs: Vec<&str> = current.items.iter().map(|a| a.slug.as_str()).collect();
        assert_eq!(slugs, ["tiem-chung"]);

        let all: AnnouncementPage = app
            .get("/api/v1/units/phuong-1/announcements?include_expired=true")
            .send().await.unwrap().json().await.unwrap();
        assert_eq!(all.items.len(), 2);
        let expired = app.get("/api/v1/units/phuong-1/announcements/cat-nuoc").send().await.unwrap();
        assert_eq!(expired.status(), StatusCode::OK);

        // The district lists its wards' announcements, each naming its ward.
        let district: AnnouncementPage = app.get("/api/v1/units/quan-10/announcements").send().await.unwrap().json().await.unwrap();
        assert_eq!(district.items[0].unit.slug, "phuong-1");
    }

    async fn legal_documents_are_listed_by_issue_date_and_filtered(app) {
        let newsroom = app.newsroom("phuong-1").await;
        newsroom.publish(&document("qd-12-2025", "12/QĐ-UBND", "2025-02-10", "in_force")).await;
        newsroom.publish(&document("qd-130-2026", "130/QĐ-UBND", "2026-05-04", "in_force")).await;
        let mut replaced = document("qd-125-2026", "125/QĐ-UBND", "2026-03-02", "replaced");
        replaced["details"]["document"]["replaced_by"] = json!("qd-130-2026");
        newsroom.publish(&replaced).await;
        let mut plan = document("kh-45-2026", "45/KH-UBND", "2026-04-01", "in_force");
        plan["details"]["document"]["document_type"] = json!("ke_hoach");
        plan["title"] = json!("Kế hoạch tổng vệ sinh môi trường");
        newsroom.publish(&plan).await;

        let all = documents(&app, "").await;
        let numbers: Vec<&str> = all.items.iter().map(|d| d.number.as_str()).collect();
        assert_eq!(numbers, ["130/QĐ-UBND", "45/KH-UBND", "125/QĐ-UBND", "12/QĐ-UBND"]);

        let decisions_2026 = documents(&app, "?type=quyet_dinh&year=2026").await;
        assert_eq!(decisions_2026.items.len(), 2);
        let in_force = documents(&app, "?validity=in_force").await;
        assert_eq!(in_force.items.len(), 3);
        // The number is found without its diacritics.
        let by_number = documents(&app, "?q=125%2FQD").await;
        assert_eq!(by_number.items[0].slug, "qd-125-2026");
        assert_eq!(by_number.items[0].validity, Validity::Replaced);
        assert_eq!(by_number.items[0].replaced_by.as_deref(), Some("qd-130-2026"));

        let paged = documents(&app, "?limit=3").await;
        let rest = documents(&app, &format!("?limit=3&cursor={}", paged.next_cursor.unwrap())).await;
        assert_eq!(rest.items[0].number, "12/QĐ-UBND");
        assert!(rest.next_cursor.is_none());

        let shown: LegalDocument = app
            .get("/api/v1/units/phuong-1/documents/kh-45-2026")
            .send().await.unwrap().json().await.unwrap();
        assert_eq!(shown.document.signer, "Nguyễn Văn An");
        assert!(shown.body_html.contains("Điều 1."));

        let unknown_type = app.get("/api/v1/units/phuong-1/documents?type=sac_lenh").send().await.unwrap();
        assert_eq!(unknown_type.status(), StatusCode::BAD_REQUEST);
    }

    async fn a_legal_document_without_its_register_fields_is_refused_by_field(app) {
        let newsroom = app.newsroom("phuong-1").await;
        let missing = newsroom
            .create(&json!({"kind": "legal_document", "slug": "thieu", "title": "Văn bản thiếu trường"}))
            .await;
        assert_eq!(missing.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem(missing).await.errors[0].field, "details.document");

        let mut blank = document("trong", "  ", "2026-03-02", "in_force");
        blank["details"]["document"]["effective_on"] = json!("2026-03-01");
        let errors = problem(newsroom.create(&blank).await).await.errors;
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["details.document.number", "details.document.effective_on"]);

        let mut dangling = document("treo", "1/QĐ-UBND", "2026-03-02", "replaced");
        dangling["details"]["document"]["replaced_by"] = json!("khong-co");
        let refused = newsroom.create(&dangling).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem(refused).await.errors[0].code, "unknown_document");
        // Nothing was half-written: the slug is still free.
        dangling["details"]["document"]["validity"] = json!("in_force");
        dangling["details"]["document"]["replaced_by"] = Value::Null;
        assert_eq!(newsroom.create(&dangling).await.status(), StatusCode::CREATED);

        let wrong_kind = newsroom
            .create(&json!({"kind": "article", "slug": "sai", "title": "Tin", "details": {"menu_order": 3}}))
            .await;
        let error = &problem(wrong_kind).await.errors[0];
        assert_eq!((error.field.as_str(), error.code.as_str()), ("details.menu_order", "not_allowed"));
    }

    async fn drafts_of_every_kind_stay_out_of_every_public_list(app) {
        let newsroom = app.newsroom("phuong-1").await;
        newsroom.create(&json!({"kind": "announcement", "slug": "nhap-tb", "title": "Thông báo nháp"})).await;
        newsroom.create(&document("nhap-vb", "9/QĐ-UBND", "2026-01-05", "in_force")).await;
        for unit in ["phuong-1", "quan-10"] {
            let announcements: AnnouncementPage = app
                .get(&format!("/api/v1/units/{unit}/announcements?include_expired=true"))
                .send().await.unwrap().json().await.unwrap();
            assert!(announcements.items.is_empty());
            let documents: LegalDocumentPage = app
                .get(&format!("/api/v1/units/{unit}/documents"))
                .send().await.unwrap().json().await.unwrap();
            assert!(documents.items.is_empty());
        }
        let search: openapi::search::SearchResults = app
            .get("/api/v1/search?q=nhap").send().await.unwrap().json().await.unwrap();
        assert!(search.hits.is_empty());
        let show = app.get("/api/v1/units/phuong-1/documents/nhap-vb").send().await.unwrap();
        assert_eq!(show.status(), StatusCode::NOT_FOUND);
    }
}

//! `ward-portal seed --demo`: several units get content a visitor can browse.

use openapi::content::{AnnouncementPage, ArticlePage, MenuPage};
use openapi::legal_documents::{LegalDocumentPage, Validity};

on_both_databases! {
    async fn the_demo_gives_several_wards_and_the_district_content_once(app) {
        api::seed::seed_demo_accounts(&app.db).await.unwrap();
        let first = api::seed::seed_demo_content(&app.db).await.unwrap();
        assert!(first > 60, "only {first} demo items");
        assert_eq!(api::seed::seed_demo_content(&app.db).await.unwrap(), 0);

        for unit in ["phuong-1", "phuong-2", "phuong-3"] {
            let menu: Vec<MenuPage> = app.get_json(&format!("/api/v1/units/{unit}/pages")).await;
            let titles: Vec<&str> = menu.iter().map(|p| p.title.as_str()).collect();
            assert_eq!(titles, ["Giới thiệu chung", "Chức năng, nhiệm vụ", "Liên hệ"]);
            let documents: LegalDocumentPage = app.get_json(&format!("/api/v1/units/{unit}/documents")).await;
            assert!(documents.items.iter().any(|d| d.validity == Validity::Replaced));
        }
        // One of the demo announcements has expired.
        let current: AnnouncementPage = app.get_json("/api/v1/units/phuong-2/announcements").await;
        let all: AnnouncementPage = app.get_json("/api/v1/units/phuong-2/announcements?include_expired=true").await;
        assert_eq!(current.items.len() + 1, all.items.len());
        // The portal's news spans its wards, more than one page of it.
        let news: ArticlePage = app.get_json("/api/v1/units/quan-10/articles").await;
        assert!(news.next_cursor.is_some());
        let units: std::collections::HashSet<&str> = news.items.iter().map(|a| a.unit.slug.as_str()).collect();
        assert!(units.len() >= 2, "{units:?}");
    }

    async fn every_ward_gets_its_organization_spokesperson_week_and_an_illustrative_map(app) {
        api::seed::seed_demo_accounts(&app.db).await.unwrap();
        assert!(api::seed::seed_demo_ward_info(&app.db).await.unwrap() > 60);
        assert_eq!(api::seed::seed_demo_ward_info(&app.db).await.unwrap(), 0);

        for ward in ["phuong-1", "phuong-8", "phuong-15"] {
            let organization: openapi::organization::Organization = app.get_json(&format!("/api/v1/units/{ward}/organization")).await;
            assert!(organization.bodies.len() >= 6);
            let spokesperson: openapi::spokesperson::SpokespersonRecord = app.get_json(&format!("/api/v1/units/{ward}/spokesperson")).await;
            assert!(spokesperson.current.is_some());
            // Without a week, the schedule is this week's: the one the demo wrote.
            let week: openapi::schedule::PublishedWeek = app.get_json(&format!("/api/v1/units/{ward}/schedule")).await;
            assert!(week.entries.len() >= 5, "{ward}: {} entries", week.entries.len());
        }
        let map: serde_json::Value = app.get_json("/api/v1/units/quan-10/boundary").await;
        let features = map["features"].as_array().unwrap();
        assert_eq!(features.len(), 15);
        assert!(features.iter().all(|f| f["properties"]["illustrative"] == true));
        let planning: Vec<openapi::planning::PlanningDocument> = app.get_json("/api/v1/units/phuong-1/planning").await;
        assert_eq!(planning.len(), 1);
    }
}

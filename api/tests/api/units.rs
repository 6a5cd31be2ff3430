use openapi::ErrorCode;
use openapi::units::{LineageKind, UnitDetail, UnitKind, UnitNode};
use reqwest::StatusCode;

use crate::helpers::problem;

on_both_databases! {
    async fn the_unit_tree_is_the_district_with_its_fifteen_wards(app) {
        let response = app.get("/api/v1/units").send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let roots: Vec<UnitNode> = response.json().await.unwrap();
        assert_eq!(roots.len(), 1);
        let district = &roots[0];
        assert_eq!((district.unit.slug.as_str(), district.unit.kind), ("quan-10", UnitKind::District));
        assert_eq!(district.flatten().len(), 16);
        let wards: Vec<&str> = district.children.iter().map(|w| w.unit.name.as_str()).collect();
        assert_eq!(wards.first(), Some(&"Phường 1"));
        assert_eq!(wards.last(), Some(&"Phường 15"));
        assert!(district.children.iter().all(|w| w.unit.parent.as_deref() == Some("quan-10")));
    }

    async fn a_unit_is_found_by_its_slug_with_its_ancestors(app) {
        let detail: UnitDetail = app.get("/api/v1/units/phuong-1").send().await.unwrap().json().await.unwrap();
        assert_eq!(detail.unit.name, "Phường 1");
        assert_eq!(detail.unit.host, "phuong1.quan10.gov.vn");
        assert_eq!(detail.ancestors.iter().map(|a| a.slug.as_str()).collect::<Vec<_>>(), ["quan-10"]);
        assert!(detail.children.is_empty());
    }

    async fn an_unknown_unit_slug_is_not_found(app) {
        let response = app.get("/api/v1/units/phuong-99").send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert_eq!(problem(response).await.code, ErrorCode::NotFound);
    }

    async fn a_merge_shows_in_the_lineage_of_both_units(app) {
        let effective = chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
        api::services::units::record_lineage(&app.db, "phuong-2", "phuong-1", LineageKind::Whole, effective).await.unwrap();
        let merged: UnitDetail = app.get("/api/v1/units/phuong-1").send().await.unwrap().json().await.unwrap();
        assert_eq!(merged.predecessors.len(), 1);
        assert_eq!(merged.predecessors[0].predecessor, "phuong-2");
        assert_eq!(merged.predecessors[0].effective_on, effective);
        let dissolved: UnitDetail = app.get("/api/v1/units/phuong-2").send().await.unwrap().json().await.unwrap();
        assert_eq!(dissolved.successors[0].successor, "phuong-1");
        assert_eq!(dissolved.successors[0].kind, LineageKind::Whole);
    }
}

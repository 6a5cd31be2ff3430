use openapi::ErrorCode;
use openapi::units::Site;
use reqwest::StatusCode;

use crate::helpers::problem;

on_both_databases! {
    async fn a_ward_host_under_localhost_resolves_to_that_ward(app) {
        let site: Site = app.site_for_host("phuong-1.localhost:8080").await.json().await.unwrap();
        assert_eq!(site.unit.name, "Phường 1");
        assert!(!site.is_portal);
        assert_eq!(site.ancestors[0].name, "Quận 10");
    }

    async fn a_wards_public_host_resolves_to_that_ward(app) {
        let site: Site = app.site_for_host("phuong1.quan10.gov.vn").await.json().await.unwrap();
        assert_eq!(site.unit.slug, "phuong-1");
    }

    async fn the_bare_host_is_the_district_portal_linking_every_ward(app) {
        let site: Site = app.site_for_host("localhost:8080").await.json().await.unwrap();
        assert_eq!(site.unit.slug, "quan-10");
        assert!(site.is_portal);
        assert_eq!(site.children.len(), 15);
        assert_eq!(site.children[0].url, "http://phuong-1.localhost:8080/");
    }

    async fn the_district_public_host_links_to_the_wards_public_hosts(app) {
        let site: Site = app.site_for_host("quan10.gov.vn").await.json().await.unwrap();
        assert_eq!(site.unit.slug, "quan-10");
        assert_eq!(site.children[14].url, "http://phuong15.quan10.gov.vn/");
    }

    async fn an_unknown_host_is_an_unknown_site(app) {
        for host in ["example.org", "phuong-99.localhost:8080"] {
            let response = app.site_for_host(host).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{host}");
            assert_eq!(problem(response).await.code, ErrorCode::UnknownSite);
        }
    }
}

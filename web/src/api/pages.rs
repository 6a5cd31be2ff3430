//! Published pages (giới thiệu, chức năng nhiệm vụ…) and the unit's menu of them.

use gloo_net::http::Request;
use openapi::content::{MenuPage, PublishedPage};

use super::ApiError;
use super::client::{encode_component, fetch_json, request};

/// `GET /api/v1/units/{unit}/pages`: the menu, first entry first.
pub async fn menu(unit: &str) -> Result<Vec<MenuPage>, ApiError> {
    fetch_json(request(Request::get(&menu_url(unit))).build()).await
}

/// `GET /api/v1/units/{unit}/pages/{slug}`: one published page (404 otherwise).
pub async fn get(unit: &str, slug: &str) -> Result<PublishedPage, ApiError> {
    fetch_json(request(Request::get(&page_url(unit, slug))).build()).await
}

fn menu_url(unit: &str) -> String {
    format!("/api/v1/units/{}/pages", encode_component(unit))
}

fn page_url(unit: &str, slug: &str) -> String {
    format!(
        "/api/v1/units/{}/pages/{}",
        encode_component(unit),
        encode_component(slug)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_menu_is_the_units_page_collection() {
        assert_eq!(menu_url("phuong-1"), "/api/v1/units/phuong-1/pages");
    }

    #[test]
    fn a_slug_stays_one_path_segment() {
        assert_eq!(
            page_url("phuong-1", "gioi-thieu/../x"),
            "/api/v1/units/phuong-1/pages/gioi-thieu%2F..%2Fx"
        );
    }
}

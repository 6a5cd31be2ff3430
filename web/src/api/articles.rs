//! Published articles, as the public reads them.

use gloo_net::http::Request;
use openapi::content::{Article, ArticlePage};

use super::ApiError;
use super::client::{encode_component, fetch_json, request};

/// `GET /api/v1/units/{unit}/articles`: one page, newest first. For a district, its
/// own articles and all its wards', each naming its unit.
pub async fn list(
    unit: &str,
    category: Option<&str>,
    cursor: Option<&str>,
    limit: u8,
) -> Result<ArticlePage, ApiError> {
    let url = list_url(unit, category, cursor, limit);
    fetch_json(request(Request::get(&url)).build()).await
}

/// `GET /api/v1/units/{unit}/articles/{slug}`: one published article (404 otherwise).
pub async fn get(unit: &str, slug: &str) -> Result<Article, ApiError> {
    let url = format!(
        "/api/v1/units/{}/articles/{}",
        encode_component(unit),
        encode_component(slug)
    );
    fetch_json(request(Request::get(&url)).build()).await
}

/// Absent values are left out rather than sent empty: `category=` would match no
/// article, and `cursor=` is not a cursor.
fn list_url(unit: &str, category: Option<&str>, cursor: Option<&str>, limit: u8) -> String {
    let mut url = format!(
        "/api/v1/units/{}/articles?limit={limit}",
        encode_component(unit)
    );
    for (name, value) in [("category", category), ("cursor", cursor)] {
        if let Some(value) = value {
            url.push('&');
            url.push_str(name);
            url.push('=');
            url.push_str(&encode_component(value));
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_page_asks_only_for_its_size() {
        assert_eq!(
            list_url("phuong-1", None, None, 5),
            "/api/v1/units/phuong-1/articles?limit=5"
        );
    }

    #[test]
    fn category_and_cursor_are_encoded_as_query_values() {
        assert_eq!(
            list_url("quan-10", Some("tin tức&x=1"), Some("MTc5:42=="), 10),
            "/api/v1/units/quan-10/articles?limit=10&category=tin%20t%E1%BB%A9c%26x%3D1&cursor=MTc5%3A42%3D%3D"
        );
    }
}

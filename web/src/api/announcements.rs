//! Published announcements (thông báo), as the public reads them.

use gloo_net::http::Request;
use openapi::content::{Announcement, AnnouncementPage};

use super::ApiError;
use super::client::{encode_component, fetch_json, request};
use super::query::push_param;

/// `GET /api/v1/units/{unit}/announcements`: one page, newest first; only current
/// ones unless `include_expired`. For a district, its wards' too, each naming its unit.
pub async fn list(
    unit: &str,
    include_expired: bool,
    cursor: Option<&str>,
    limit: u8,
) -> Result<AnnouncementPage, ApiError> {
    let url = list_url(unit, include_expired, cursor, limit);
    fetch_json(request(Request::get(&url)).build()).await
}

/// `GET /api/v1/units/{unit}/announcements/{slug}`: one announcement, also expired.
pub async fn get(unit: &str, slug: &str) -> Result<Announcement, ApiError> {
    let url = format!(
        "/api/v1/units/{}/announcements/{}",
        encode_component(unit),
        encode_component(slug)
    );
    fetch_json(request(Request::get(&url)).build()).await
}

fn list_url(unit: &str, include_expired: bool, cursor: Option<&str>, limit: u8) -> String {
    let mut url = format!(
        "/api/v1/units/{}/announcements?limit={limit}",
        encode_component(unit)
    );
    push_param(
        &mut url,
        "include_expired",
        include_expired.then_some("true"),
    );
    push_param(&mut url, "cursor", cursor);
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn current_announcements_are_the_default() {
        assert_eq!(
            list_url("phuong-1", false, None, 5),
            "/api/v1/units/phuong-1/announcements?limit=5"
        );
    }

    #[test]
    fn expired_ones_and_the_cursor_are_asked_for_by_name() {
        assert_eq!(
            list_url("quan-10", true, Some("MjA="), 10),
            "/api/v1/units/quan-10/announcements?limit=10&include_expired=true&cursor=MjA%3D"
        );
    }
}

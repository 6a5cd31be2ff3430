//! The refresh token's cookie: HttpOnly (no script reads it), Secure, SameSite
//! Strict, and sent only to the auth endpoints.

use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite, time::Duration};

pub const NAME: &str = "wp_refresh";
const PATH: &str = "/api/v1/auth";

pub fn set(token: &str, days: i64) -> Cookie<'static> {
    Cookie::build(NAME, token.to_owned())
        .path(PATH)
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Strict)
        .max_age(Duration::days(days))
        .finish()
}

pub fn clear() -> Cookie<'static> {
    Cookie::build(NAME, "")
        .path(PATH)
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Strict)
        .max_age(Duration::ZERO)
        .finish()
}

pub fn read(req: &HttpRequest) -> Option<String> {
    req.cookie(NAME)
        .map(|c| c.value().to_owned())
        .filter(|v| !v.is_empty())
}

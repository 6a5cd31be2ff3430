//! Where to go after signing in or registering: `?tiep=/dich-vu-cong/HT-KS/nop-ho-so`
//! brings a citizen back to the form they were about to fill.

use crate::api::encode_component;

/// The query parameter that carries the page to return to.
pub const PARAMETER: &str = "tiep";

/// `raw` when it is a path of this site; anything else (another host, `//evil`, a
/// `javascript:` address) is dropped, so the link cannot send people elsewhere.
pub fn safe_next(raw: &str) -> Option<String> {
    let path = raw.trim();
    let own_path = path.starts_with('/')
        && !path.starts_with("//")
        && !path.starts_with("/\\")
        && !path.chars().any(|c| c.is_control());
    own_path.then(|| path.to_owned())
}

/// The sign-in (or registration) address that returns to `path` afterwards.
pub fn with_next(page: &str, path: &str) -> String {
    format!("{page}?{PARAMETER}={}", encode_component(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_of_this_site_is_kept() {
        assert_eq!(
            safe_next("/dich-vu-cong/HT-KS/nop-ho-so").as_deref(),
            Some("/dich-vu-cong/HT-KS/nop-ho-so")
        );
    }

    #[test]
    fn another_site_is_refused() {
        for raw in [
            "https://example.com/",
            "//example.com/",
            "/\\example.com",
            "javascript:alert(1)",
            "",
        ] {
            assert_eq!(safe_next(raw), None, "{raw}");
        }
    }
}

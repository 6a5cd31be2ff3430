//! The site the page's host name resolved to, loaded once at start.

use leptos::prelude::*;
use openapi::units::Site;

pub fn provide_site(site: Site) {
    provide_context(site);
}

pub fn use_site() -> Site {
    expect_context::<Site>()
}

/// The unit directly above, e.g. "Quận 10" for "Phường 1"; none for a root.
pub fn parent_name(site: &Site) -> Option<&str> {
    site.ancestors.last().map(|unit| unit.name.as_str())
}

/// The chain above the unit, nearest first: "Quận 10, Thành phố Hồ Chí Minh".
pub fn ancestry(site: &Site) -> Option<String> {
    if site.ancestors.is_empty() {
        return None;
    }
    let names: Vec<&str> = site
        .ancestors
        .iter()
        .rev()
        .map(|unit| unit.name.as_str())
        .collect();
    Some(names.join(", "))
}

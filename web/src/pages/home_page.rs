use leptos::either::Either;
use leptos::prelude::*;

use crate::pages::portal_home_page::PortalHomePage;
use crate::pages::ward_home_page::WardHomePage;
use crate::state::site::use_site;

/// "/": a portal lists its wards, a ward site greets its citizens.
#[component]
pub fn HomePage() -> impl IntoView {
    if use_site().is_portal {
        Either::Left(view! { <PortalHomePage /> })
    } else {
        Either::Right(view! { <WardHomePage /> })
    }
}

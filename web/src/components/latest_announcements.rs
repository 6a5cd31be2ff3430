use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::components::announcement_list::AnnouncementList;
use crate::components::api_errors::ApiErrors;
use crate::components::loading::Loading;
use crate::state::site::use_site;

/// How many announcements a home page shows.
const LATEST: u8 = 5;

/// A home page's current announcements; on a portal, its wards' too.
#[component]
pub fn LatestAnnouncements(
    /// The heading's id, which names the section for screen readers.
    id: &'static str,
    heading: &'static str,
) -> impl IntoView {
    let unit = use_site().unit.slug;
    let latest = LocalResource::new(move || {
        let unit = unit.clone();
        async move { api::announcements::list(&unit, false, None, LATEST).await }
    });
    view! {
        <section class="latest-announcements" aria-labelledby=id>
            <h2 id=id>{heading}</h2>
            <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
                <Suspense fallback=Loading>
                    {move || Suspend::new(async move {
                        latest
                            .await
                            .map(|page| view! { <AnnouncementList items=page.items heading_level=3 /> })
                    })}
                </Suspense>
            </ErrorBoundary>
            <p class="more-link">
                <A href="/thong-bao">"Tất cả thông báo"</A>
            </p>
        </section>
    }
}

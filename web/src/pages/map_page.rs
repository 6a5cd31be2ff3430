use leptos::either::Either;
use leptos::prelude::*;

use crate::api;
use crate::components::api_errors::ApiErrors;
use crate::components::boundary_map::{DistrictMap, WardMap};
use crate::components::document_title::DocumentTitle;
use crate::components::loading::Loading;
use crate::map::geojson::areas;
use crate::state::site::use_site;

/// "/ban-do": a ward's boundary with its office; on a portal, every ward, each a
/// link to its site.
#[component]
pub fn MapPage() -> impl IntoView {
    let site = use_site();
    let unit = site.unit.slug.clone();
    let boundary = LocalResource::new(move || {
        let unit = unit.clone();
        async move { api::ward_info::boundary(&unit).await }
    });
    let name = site.unit.name.clone();
    view! {
        <DocumentTitle page="Bản đồ hành chính" />
        <h1>"Bản đồ hành chính"</h1>
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || {
                    let site = site.clone();
                    let name = name.clone();
                    Suspend::new(async move {
                        boundary
                            .await
                            .map(|boundary| {
                                let found = boundary.as_ref().map(areas).unwrap_or_default();
                                if found.is_empty() {
                                    Either::Left(
                                        view! {
                                            <p class="empty" role="status">
                                                "Chưa có bản đồ ranh giới của " {name} "."
                                            </p>
                                        },
                                    )
                                } else if site.is_portal {
                                    Either::Right(
                                        view! { <DistrictMap wards=found links=site.children /> }
                                            .into_any(),
                                    )
                                } else {
                                    let label = format!("Bản đồ ranh giới hành chính {name}");
                                    Either::Right(
                                        view! { <WardMap base=found id="ban-do" label /> }.into_any(),
                                    )
                                }
                            })
                    })
                }}
            </Suspense>
        </ErrorBoundary>
    }
}

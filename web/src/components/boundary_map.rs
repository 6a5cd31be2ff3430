//! Maps as inline SVG: a ward with its office (and planning zones over it), or a
//! district with every ward a link to its site. Drawing only: the projection and
//! the GeoJSON reading are in `crate::map`.

use leptos::prelude::*;
use openapi::units::SiteLink;

use crate::map::geojson::Area;
use crate::map::projection::{Bounds, Projection, label_point};
use crate::text::ward_info::land_use_label;

/// Width of every map's view box; the SVG itself is as wide as the page allows.
const WIDTH: f64 = 400.0;
const PADDING: f64 = 16.0;
/// Fills and hatchings of the zones, recycled after six.
const ZONE_STYLES: usize = 6;

fn projection<'a>(areas: impl IntoIterator<Item = &'a Area>) -> Option<Projection> {
    let points: Vec<_> = areas.into_iter().flat_map(Area::points).copied().collect();
    Bounds::of(&points).map(|bounds| Projection::fit(bounds, WIDTH, PADDING))
}

fn rings(area: &Area) -> Vec<Vec<[f64; 2]>> {
    area.polygons.iter().flatten().cloned().collect()
}

/// A ward (or every ward of `base`) with its office marked and `zones` drawn over it,
/// each zone numbered and hatched as in its [`ZoneLegend`]. `id` keeps the patterns
/// of two maps on one page apart.
#[component]
pub fn WardMap(
    base: Vec<Area>,
    #[prop(optional)] zones: Vec<Area>,
    #[prop(into)] id: String,
    #[prop(into)] label: String,
) -> impl IntoView {
    let projection = projection(base.iter().chain(&zones))?;
    let illustrative = base.iter().any(|area| area.illustrative);
    let has_office = base.iter().any(|area| area.office.is_some());
    let areas = base
        .iter()
        .map(|area| {
            let d = projection.path(&rings(area));
            view! { <path class="map-area" d=d fill-rule="evenodd" /> }
        })
        .collect_view();
    let zone_shapes = zones
        .iter()
        .enumerate()
        .map(|(index, zone)| {
            let d = projection.path(&rings(zone));
            let fill = format!("url(#{})", pattern_id(&id, index));
            let number = zone
                .polygons
                .first()
                .and_then(|polygon| polygon.first())
                .and_then(|outer| label_point(outer))
                .map(|point| projection.project(point));
            view! {
                <g class="map-zone">
                    <path class="map-zone-shape" d=d fill=fill fill-rule="evenodd" />
                    {number
                        .map(|(x, y)| {
                            view! {
                                <g class="map-zone-number">
                                    <circle cx=x cy=y r="10" />
                                    <text x=x y=y text-anchor="middle" dominant-baseline="central">
                                        {index + 1}
                                    </text>
                                </g>
                            }
                        })}
                </g>
            }
        })
        .collect_view();
    let offices = base
        .iter()
        .filter_map(|area| area.office)
        .map(|office| {
            let (x, y) = projection.project(office);
            view! {
                <g class="map-office">
                    <circle cx=x cy=y r="6" />
                    <text x=x y=y + 20.0 text-anchor="middle">
                        "Trụ sở UBND"
                    </text>
                </g>
            }
        })
        .collect_view();
    let patterns = (0..zones.len())
        .map(|index| view! { <ZonePattern id=pattern_id(&id, index) index /> })
        .collect_view();
    let description = if has_office {
        format!("{label}, có đánh dấu trụ sở Ủy ban nhân dân")
    } else {
        label.clone()
    };
    Some(view! {
        <figure class="map-figure">
            <svg
                class="map"
                viewBox=projection.view_box()
                role="img"
                aria-label=description
                xmlns="http://www.w3.org/2000/svg"
            >
                <defs>{patterns}</defs>
                {areas}
                {zone_shapes}
                {offices}
            </svg>
            <figcaption>
                {label}
                {illustrative
                    .then(|| {
                        view! {
                            " "
                            <strong class="map-illustrative">"Ranh giới minh họa"</strong>
                            " (vẽ gần đúng, không dùng để xác định ranh giới pháp lý)"
                        }
                    })}
                {has_office
                    .then(|| {
                        view! {
                            <span class="map-key">
                                <span class="map-key-office" aria-hidden="true"></span>
                                "Trụ sở Ủy ban nhân dân"
                            </span>
                        }
                    })}
            </figcaption>
        </figure>
    })
}

fn pattern_id(map: &str, index: usize) -> String {
    format!("{map}-vung-{}", index + 1)
}

/// The fill of zone `index`: a colour and a hatching of its own, so the zones differ
/// without colour too.
#[component]
fn ZonePattern(id: String, index: usize) -> impl IntoView {
    let style = index % ZONE_STYLES;
    let rotation = match style {
        0 => "rotate(45)",
        1 => "rotate(-45)",
        2 => "rotate(0)",
        3 => "rotate(90)",
        _ => "rotate(30)",
    };
    view! {
        <pattern id=id width="8" height="8" patternUnits="userSpaceOnUse" patternTransform=rotation>
            <rect class=format!("zone-fill zone-fill-{style}") width="8" height="8" />
            {match style {
                4 => view! { <circle class="zone-hatch-dot" cx="4" cy="4" r="1.5" /> }.into_any(),
                5 => view! { <rect class="zone-hatch-none" width="0" height="0" /> }.into_any(),
                _ => view! { <line class="zone-hatch" x1="0" y1="0" x2="0" y2="8" /> }.into_any(),
            }}
        </pattern>
    }
}

/// The legend of a map's zones: number, swatch, name and land use.
#[component]
pub fn ZoneLegend(zones: Vec<Area>, #[prop(into)] id: String) -> impl IntoView {
    view! {
        <ol class="map-legend" aria-label="Chú giải các khu vực quy hoạch">
            {zones
                .into_iter()
                .enumerate()
                .map(|(index, zone)| {
                    let fill = format!("url(#{})", pattern_id(&id, index));
                    view! {
                        <li>
                            <svg class="legend-swatch" viewBox="0 0 24 24" aria-hidden="true">
                                <rect class="map-zone-shape" width="24" height="24" fill=fill />
                            </svg>
                            <span class="legend-number">{index + 1} "."</span>
                            <span>
                                <span class="legend-name">{zone.name.clone()}</span>
                                {(!zone.land_use.is_empty())
                                    .then(|| {
                                        view! {
                                            <span class="legend-use">
                                                " – " {land_use_label(&zone.land_use).to_owned()}
                                            </span>
                                        }
                                    })}
                            </span>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

/// Every ward of a district in one map, each a link to its own site, and the same
/// links as a list for keyboards and screen readers (the drawing is hidden from
/// them and takes no tab stops).
#[component]
pub fn DistrictMap(wards: Vec<Area>, links: Vec<SiteLink>) -> impl IntoView {
    let projection = projection(&wards);
    let url_of = |slug: &str| {
        links
            .iter()
            .find(|link| link.slug == slug)
            .map(|link| link.url.clone())
    };
    let illustrative = wards.iter().any(|area| area.illustrative);
    let drawn = projection.map(|projection| {
        let shapes = wards
            .iter()
            .map(|ward| {
                let d = projection.path(&rings(ward));
                let label = ward
                    .polygons
                    .first()
                    .and_then(|polygon| polygon.first())
                    .and_then(|outer| label_point(outer))
                    .map(|point| projection.project(point));
                let text = label.map(|(x, y)| {
                    view! {
                        <text class="map-label" x=x y=y text-anchor="middle" dominant-baseline="central">
                            {ward.name.clone()}
                        </text>
                    }
                });
                match url_of(&ward.slug) {
                    Some(url) => view! {
                        <g>
                            <a class="map-link" href=url tabindex="-1">
                                <path class="map-area" d=d fill-rule="evenodd" />
                                {text}
                            </a>
                        </g>
                    }
                    .into_any(),
                    None => view! {
                        <g>
                            <path class="map-area" d=d fill-rule="evenodd" />
                            {text}
                        </g>
                    }
                    .into_any(),
                }
            })
            .collect_view();
        view! {
            <svg class="map" viewBox=projection.view_box() aria-hidden="true" xmlns="http://www.w3.org/2000/svg">
                {shapes}
            </svg>
        }
    });
    view! {
        <figure class="map-figure">
            {drawn}
            <figcaption>
                "Bản đồ các phường. Chọn một phường để mở trang thông tin của phường."
                {illustrative
                    .then(|| {
                        view! {
                            " "
                            <strong class="map-illustrative">"Ranh giới minh họa"</strong>
                        }
                    })}
            </figcaption>
        </figure>
        <nav aria-label="Trang thông tin các phường">
            <ul class="site-list">
                {links
                    .iter()
                    .map(|link| {
                        view! {
                            <li>
                                <a href=link.url.clone()>{link.name.clone()}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

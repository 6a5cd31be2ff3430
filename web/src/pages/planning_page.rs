use leptos::either::Either;
use leptos::prelude::*;
use openapi::planning::PlanningDocument;

use crate::api::{self, ApiError};
use crate::components::api_errors::ApiErrors;
use crate::components::boundary_map::{WardMap, ZoneLegend};
use crate::components::calendar_date::CalendarDate;
use crate::components::document_title::DocumentTitle;
use crate::components::loading::Loading;
use crate::map::geojson::{Area, areas};
use crate::state::site::use_site;

/// "/quy-hoach": the unit's published planning documents, each with its zones drawn
/// over the map of the ward and a legend.
#[component]
pub fn PlanningPage() -> impl IntoView {
    let unit = use_site().unit.slug;
    let loaded = LocalResource::new(move || {
        let unit = unit.clone();
        async move {
            let documents = api::ward_info::planning(&unit).await?;
            // The map under the zones is a help, not a requirement.
            let boundary = api::ward_info::boundary(&unit).await.ok().flatten();
            Ok::<_, ApiError>((documents, boundary.as_ref().map(areas).unwrap_or_default()))
        }
    });
    view! {
        <DocumentTitle page="Thông tin quy hoạch" />
        <h1>"Thông tin quy hoạch"</h1>
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    loaded
                        .await
                        .map(|(documents, base)| {
                            if documents.is_empty() {
                                Either::Left(
                                    view! {
                                        <p class="empty" role="status">
                                            "Chưa có thông tin quy hoạch nào được công bố."
                                        </p>
                                    },
                                )
                            } else {
                                Either::Right(
                                    documents
                                        .into_iter()
                                        .enumerate()
                                        .map(|(index, document)| {
                                            view! { <PlanningView document index base=base.clone() /> }
                                        })
                                        .collect_view(),
                                )
                            }
                        })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

/// "48,5 ha": a decimal comma, as Vietnamese write it.
fn hectares(area: f64) -> String {
    format!("{} ha", area.to_string().replace('.', ","))
}

#[component]
fn PlanningView(document: PlanningDocument, index: usize, base: Vec<Area>) -> impl IntoView {
    let id = format!("quy-hoach-{}", index + 1);
    let heading = format!("{id}-tieu-de");
    let labelled_by = heading.clone();
    let planning = document.planning;
    let fields = planning.document;
    let zones = planning.zones.as_ref().map(areas).unwrap_or_default();
    let map_id = format!("{id}-ban-do");
    let map_heading = format!("{map_id}-tieu-de");
    let map_labelled_by = map_heading.clone();
    let legend_id = map_id.clone();
    // The map of the units the zones lie in; the zones alone without one.
    let base = if base.is_empty() { zones.clone() } else { base };
    let label = format!("Bản đồ các khu vực quy hoạch: {}", document.title);
    view! {
        <article id=id class="planning" aria-labelledby=labelled_by>
            <h2 id=heading>{document.title.clone()}</h2>
            {(!document.summary.is_empty()).then(|| view! { <p class="lead">{document.summary.clone()}</p> })}
            <dl class="register">
                <div>
                    <dt>"Số, ký hiệu"</dt>
                    <dd>{fields.number}</dd>
                </div>
                <div>
                    <dt>"Loại quy hoạch"</dt>
                    <dd>{planning.plan_type.label()}</dd>
                </div>
                <div>
                    <dt>"Tình trạng"</dt>
                    <dd>{planning.status.label()}</dd>
                </div>
                {planning
                    .area_hectares
                    .map(|area| {
                        view! {
                            <div>
                                <dt>"Diện tích"</dt>
                                <dd>{hectares(area)}</dd>
                            </div>
                        }
                    })}
                {(!planning.approval_decision.is_empty())
                    .then(|| {
                        view! {
                            <div>
                                <dt>"Quyết định phê duyệt"</dt>
                                <dd>{planning.approval_decision.clone()}</dd>
                            </div>
                        }
                    })}
                <div>
                    <dt>"Cơ quan ban hành"</dt>
                    <dd>{fields.issuer}</dd>
                </div>
                <div>
                    <dt>"Ngày ban hành"</dt>
                    <dd>
                        <CalendarDate date=fields.issued_on />
                    </dd>
                </div>
                {(document.unit.slug != use_site().unit.slug)
                    .then(|| {
                        view! {
                            <div>
                                <dt>"Đơn vị"</dt>
                                <dd>{document.unit.name.clone()}</dd>
                            </div>
                        }
                    })}
            </dl>
            {document
                .file_url
                .map(|url| {
                    view! {
                        <p class="document-download">
                            <a class="button button-secondary" href=url>
                                "Tải văn bản quy hoạch"
                            </a>
                        </p>
                    }
                })}
            {(!zones.is_empty())
                .then(|| {
                    view! {
                        <section aria-labelledby=map_labelled_by.clone()>
                            <h3 id=map_heading.clone()>"Bản đồ khu vực quy hoạch"</h3>
                            <div class="planning-map">
                                <WardMap base zones=zones.clone() id=map_id.clone() label />
                                <ZoneLegend zones id=legend_id.clone() />
                            </div>
                        </section>
                    }
                })}
            <div class="article-body" inner_html=document.body_html on:click=|event| event.stop_propagation()></div>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_area_has_a_decimal_comma() {
        assert_eq!(hectares(48.5), "48,5 ha");
        assert_eq!(hectares(12.0), "12 ha");
    }
}

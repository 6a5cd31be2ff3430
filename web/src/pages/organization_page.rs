use leptos::either::Either;
use leptos::prelude::*;
use openapi::organization::{BodyKind, Organization, PublicBody, PublicMember};

use crate::api;
use crate::components::api_errors::ApiErrors;
use crate::components::document_title::DocumentTitle;
use crate::components::loading::Loading;
use crate::components::site_footer::tel_href;
use crate::components::spokesperson_contact::SpokespersonCard;
use crate::state::site::use_site;
use crate::text::ward_info::phone_text;

/// "/to-chuc": the unit's organization as a chart, then each body's functions and
/// members, then one contact directory; the spokesperson last.
#[component]
pub fn OrganizationPage() -> impl IntoView {
    let unit = use_site().unit.slug;
    let organization = LocalResource::new(move || {
        let unit = unit.clone();
        async move { api::ward_info::organization(&unit).await }
    });
    view! {
        <DocumentTitle page="Cơ cấu tổ chức" />
        <h1>"Cơ cấu tổ chức"</h1>
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    organization
                        .await
                        .map(|organization| match organization {
                            Some(organization) => {
                                Either::Left(view! { <OrganizationView organization /> })
                            }
                            None => {
                                Either::Right(
                                    view! {
                                        <p class="empty" role="status">
                                            "Cơ cấu tổ chức chưa được công bố."
                                        </p>
                                    },
                                )
                            }
                        })
                })}
            </Suspense>
        </ErrorBoundary>
        <SpokespersonCard />
    }
}

#[component]
fn OrganizationView(organization: Organization) -> impl IntoView {
    let bodies = organization.bodies;
    let kinds: Vec<BodyKind> = bodies.iter().map(|body| body.kind).collect();
    let chart = chart(&kinds);
    let chart_bodies = bodies.clone();
    let directory = bodies.clone();
    view! {
        <section aria-labelledby="so-do-to-chuc">
            <h2 id="so-do-to-chuc">"Sơ đồ tổ chức"</h2>
            <ul class="org-chart">
                {chart
                    .into_iter()
                    .map(|node| {
                        let children = node.children.clone();
                        view! {
                            <li class="org-node">
                                <ChartBox body=chart_bodies[node.index].clone() index=node.index />
                                {(!children.is_empty())
                                    .then(|| {
                                        view! {
                                            <ul class="org-children">
                                                {children
                                                    .into_iter()
                                                    .map(|child| {
                                                        view! {
                                                            <li class="org-node">
                                                                <ChartBox body=chart_bodies[child].clone() index=child />
                                                            </li>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </ul>
                                        }
                                    })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
        <section aria-labelledby="chuc-nang-thanh-vien">
            <h2 id="chuc-nang-thanh-vien">"Chức năng, nhiệm vụ và thành viên"</h2>
            {bodies
                .into_iter()
                .enumerate()
                .map(|(index, body)| view! { <BodyDetails body index /> })
                .collect_view()}
        </section>
        <Directory bodies=directory />
    }
}

/// One box of the chart: the body's name (a link to its details) and its head.
#[component]
fn ChartBox(body: PublicBody, index: usize) -> impl IntoView {
    let head = body.members.first().cloned();
    view! {
        <div class="org-box">
            <a href=format!("#{}", body_anchor(index))>{body.name}</a>
            {head
                .map(|head| {
                    view! {
                        <span class="org-head">{head.position} ": " {head.name}</span>
                    }
                })}
        </div>
    }
}

fn body_anchor(index: usize) -> String {
    format!("co-quan-{}", index + 1)
}

#[component]
fn BodyDetails(body: PublicBody, index: usize) -> impl IntoView {
    let anchor = body_anchor(index);
    let heading = format!("{anchor}-ten");
    let labelled_by = heading.clone();
    let paragraphs: Vec<String> = body
        .functions
        .split("\n\n")
        .map(str::trim)
        .filter(|paragraph| !paragraph.is_empty())
        .map(str::to_owned)
        .collect();
    view! {
        <article id=anchor class="org-body" aria-labelledby=labelled_by tabindex="-1">
            <h3 id=heading>{body.name}</h3>
            <p class="org-kind">{body.kind.label()}</p>
            {body
                .phone
                .map(|phone| {
                    view! {
                        <p>
                            <span class="footer-label">"Điện thoại: "</span>
                            <a href=tel_href(&phone)>{phone_text(&phone)}</a>
                        </p>
                    }
                })}
            {paragraphs.into_iter().map(|text| view! { <p>{text}</p> }).collect_view()}
            {(!body.members.is_empty())
                .then(|| {
                    view! {
                        <ul class="member-list" aria-label=format!("Thành viên {}", body.kind.label())>
                            {body
                                .members
                                .into_iter()
                                .map(|member| view! { <MemberCard member /> })
                                .collect_view()}
                        </ul>
                    }
                })}
        </article>
    }
}

#[component]
fn MemberCard(member: PublicMember) -> impl IntoView {
    view! {
        <li class="member">
            {member
                .photo_url
                .clone()
                .map(|url| {
                    view! {
                        <img class="member-photo" src=url alt=format!("Ảnh {}", member.name) width="64" height="80" />
                    }
                })}
            <div>
                <p class="member-name">{member.name.clone()}</p>
                <p>{member.position.clone()}</p>
                <Contact phone=member.phone.clone() email=member.email.clone() />
            </div>
        </li>
    }
}

#[component]
fn Contact(phone: Option<String>, email: Option<String>) -> impl IntoView {
    view! {
        {phone
            .map(|phone| {
                view! {
                    <p>
                        <a href=tel_href(&phone)>{phone_text(&phone)}</a>
                    </p>
                }
            })}
        {email
            .map(|email| {
                view! {
                    <p>
                        <a href=format!("mailto:{email}")>{email.clone()}</a>
                    </p>
                }
            })}
    }
}

/// Everyone of every body in one table; on a phone each row reads as a card.
#[component]
fn Directory(bodies: Vec<PublicBody>) -> impl IntoView {
    let rows: Vec<(String, PublicMember)> = bodies
        .into_iter()
        .flat_map(|body| {
            let name = body.name;
            body.members
                .into_iter()
                .map(move |member| (name.clone(), member))
        })
        .collect();
    view! {
        <section aria-labelledby="danh-ba">
            <h2 id="danh-ba">"Danh bạ liên hệ"</h2>
            <table class="stack-table directory">
                <thead>
                    <tr>
                        <th scope="col">"Họ và tên"</th>
                        <th scope="col">"Chức vụ"</th>
                        <th scope="col">"Cơ quan, đơn vị"</th>
                        <th scope="col">"Điện thoại"</th>
                        <th scope="col">"Thư điện tử"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|(body, member)| {
                            view! {
                                <tr>
                                    <th scope="row" data-label="Họ và tên">{member.name}</th>
                                    <td data-label="Chức vụ">{member.position}</td>
                                    <td data-label="Cơ quan, đơn vị">{body}</td>
                                    <td data-label="Điện thoại">
                                        {member
                                            .phone
                                            .map(|phone| {
                                                view! { <a href=tel_href(&phone)>{phone_text(&phone)}</a> }
                                            })}
                                    </td>
                                    <td data-label="Thư điện tử">
                                        {member
                                            .email
                                            .map(|email| {
                                                view! { <a href=format!("mailto:{email}")>{email.clone()}</a> }
                                            })}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// One entry of the chart and the bodies drawn under it, as indexes into the list.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ChartNode {
    index: usize,
    children: Vec<usize>,
}

/// The chart of bodies in chart order: the departments under the People's Committee,
/// the mass organizations under the Fatherland Front; without that parent they stand
/// on their own.
fn chart(kinds: &[BodyKind]) -> Vec<ChartNode> {
    let parent_kind = |kind: BodyKind| match kind {
        BodyKind::Department => Some(BodyKind::PeoplesCommittee),
        BodyKind::MassOrganization => Some(BodyKind::FatherlandFront),
        _ => None,
    };
    let mut nodes: Vec<ChartNode> = Vec::new();
    let mut under: Vec<(usize, usize)> = Vec::new();
    for (index, kind) in kinds.iter().enumerate() {
        let parent =
            parent_kind(*kind).and_then(|parent| kinds.iter().position(|other| *other == parent));
        match parent {
            Some(parent) => under.push((parent, index)),
            None => nodes.push(ChartNode {
                index,
                children: Vec::new(),
            }),
        }
    }
    for (parent, child) in under {
        if let Some(node) = nodes.iter_mut().find(|node| node.index == parent) {
            node.children.push(child);
        }
    }
    nodes
}

#[cfg(test)]
mod tests {
    use super::*;
    use BodyKind::*;

    #[test]
    fn departments_hang_under_the_committee_and_mass_organizations_under_the_front() {
        let kinds = [
            PartyCommittee,
            PeoplesCouncil,
            PeoplesCommittee,
            FatherlandFront,
            MassOrganization,
            MassOrganization,
            Department,
        ];
        let shape: Vec<(usize, Vec<usize>)> = chart(&kinds)
            .into_iter()
            .map(|node| (node.index, node.children))
            .collect();
        assert_eq!(
            shape,
            [(0, vec![]), (1, vec![]), (2, vec![6]), (3, vec![4, 5])]
        );
    }

    #[test]
    fn without_their_parent_bodies_stand_on_their_own() {
        let shape: Vec<usize> = chart(&[PartyCommittee, Department])
            .into_iter()
            .map(|node| node.index)
            .collect();
        assert_eq!(shape, [0, 1]);
    }
}

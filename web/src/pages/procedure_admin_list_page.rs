//! "/quan-tri/thu-tuc": the ward's procedures for its admins, each to edit.

use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_router::components::A;
use openapi::auth::Role;
use openapi::procedures::ProcedureList;

use crate::api;
use crate::components::api_errors::ApiErrors;
use crate::components::document_title::DocumentTitle;
use crate::components::loading::Loading;
use crate::state::access::may_act_as;
use crate::state::session::use_session;
use crate::state::site::use_site;
use crate::text::procedures::{editor_href, procedure_href};

/// Whether the signed-in user edits this site's catalog: a ward admin of it, or a
/// district admin above it; a portal has no catalog of its own.
pub fn may_edit_procedures(me: &openapi::auth::Me, site: &openapi::units::Site) -> bool {
    !site.is_portal && may_act_as(me, Role::WardAdmin, site)
}

#[component]
pub fn ProcedureAdminListPage() -> impl IntoView {
    let session = use_session();
    let site = use_site();
    let allowed = session
        .me()
        .is_some_and(|me| may_edit_procedures(&me, &site));
    let portal = site.is_portal;
    view! {
        <DocumentTitle page="Thủ tục hành chính" />
        <h1>"Thủ tục hành chính"</h1>
        {if portal {
            EitherOf3::A(view! {
                <p class="lead">"Mỗi phường có danh mục thủ tục riêng. Mở trang quản trị của phường để sửa thủ tục."</p>
            })
        } else if !allowed {
            EitherOf3::B(view! {
                <p class="lead">"Chỉ quản trị viên của phường sửa được thủ tục và biểu mẫu."</p>
            })
        } else {
            EitherOf3::C(view! { <AdminCatalog /> })
        }}
    }
}

#[component]
fn AdminCatalog() -> impl IntoView {
    let unit = use_site().unit.slug;
    let catalog = LocalResource::new(move || {
        let unit = unit.clone();
        async move { api::procedures::list(&unit, None, None).await }
    });
    view! {
        <p class="lead">
            "Sửa một thủ tục tạo phiên bản mới; hồ sơ đã nộp vẫn theo phiên bản lúc nộp."
        </p>
        <ErrorBoundary fallback=|errors| view! { <ApiErrors errors /> }>
            <Suspense fallback=Loading>
                {move || Suspend::new(async move {
                    catalog.await.map(|list| view! { <AdminTable list /> })
                })}
            </Suspense>
        </ErrorBoundary>
    }
}

#[component]
fn AdminTable(list: ProcedureList) -> impl IntoView {
    view! {
        <div class="table-scroll">
            // On a phone each procedure is a card whose cells name their column.
            <table class="stack-table procedure-table">
                <caption class="visually-hidden">"Danh mục thủ tục của phường"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Mã"</th>
                        <th scope="col">"Thủ tục"</th>
                        <th scope="col">"Thời hạn"</th>
                        <th scope="col">"Phiên bản"</th>
                        <th scope="col"><span class="visually-hidden">"Thao tác"</span></th>
                    </tr>
                </thead>
                <tbody>
                    {list
                        .items
                        .into_iter()
                        .map(|item| {
                            // The link names its procedure for those who hear links out of context.
                            let which = format!(" thủ tục {}", item.name);
                            view! {
                                <tr>
                                    <td data-label="Mã" class="procedure-code">{item.code.clone()}</td>
                                    <td data-label="Thủ tục"><a href=procedure_href(&item.code)>{item.name.clone()}</a></td>
                                    <td data-label="Thời hạn">{item.processing_time.clone()}</td>
                                    <td data-label="Phiên bản">{item.version}</td>
                                    <td>
                                        <A href=editor_href(&item.code)>
                                            "Sửa"<span class="visually-hidden">{which}</span>
                                        </A>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

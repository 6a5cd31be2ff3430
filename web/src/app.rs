//! The app: load the site this host name resolves to, then route. The one routing
//! table of the app is [`SiteRoutes`].

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;
use openapi::units::Site;

use crate::api;
use crate::components::api_errors::ApiErrors;
use crate::components::loading::Loading;
use crate::components::skip_link::MAIN_ID;
use crate::layouts::console_layout::ConsoleLayout;
use crate::layouts::site_layout::SiteLayout;
use crate::pages::about_page::AboutPage;
use crate::pages::announcement_list_page::AnnouncementListPage;
use crate::pages::announcement_page::AnnouncementPage;
use crate::pages::api_keys_page::ApiKeysPage;
use crate::pages::article_page::ArticlePage;
use crate::pages::boundary_page::BoundaryPage;
use crate::pages::console_home_page::ConsoleHomePage;
use crate::pages::content_editor_page::{EditContentPage, NewContentPage};
use crate::pages::content_history_page::ContentHistoryPage;
use crate::pages::content_list_page::ContentListPage;
use crate::pages::departments_page::DepartmentsPage;
use crate::pages::document_list_page::DocumentListPage;
use crate::pages::document_page::DocumentPage;
use crate::pages::dossier_filing_page::DossierFilingPage;
use crate::pages::dossier_inbox_page::DossierInboxPage;
use crate::pages::dossier_lookup_page::DossierLookupPage;
use crate::pages::dossier_page::DossierPage;
use crate::pages::dossier_staff_page::DossierStaffPage;
use crate::pages::dossier_statistics_page::DossierStatisticsPage;
use crate::pages::feedback_answered_page::FeedbackAnsweredPage;
use crate::pages::feedback_lookup_page::FeedbackLookupPage;
use crate::pages::feedback_page::FeedbackPage;
use crate::pages::feedback_public_page::FeedbackPublicPage;
use crate::pages::feedback_queue_page::FeedbackQueuePage;
use crate::pages::feedback_staff_page::FeedbackStaffPage;
use crate::pages::feedback_statistics_page::FeedbackStatisticsPage;
use crate::pages::home_page::HomePage;
use crate::pages::my_dossiers_page::MyDossiersPage;
use crate::pages::news_list_page::NewsListPage;
use crate::pages::not_found_page::NotFoundPage;
use crate::pages::procedure_admin_list_page::ProcedureAdminListPage;
use crate::pages::procedure_editor_page::ProcedureEditorPage;
use crate::pages::procedure_list_page::ProcedureListPage;
use crate::pages::procedure_page::ProcedurePage;
use crate::pages::register_page::RegisterPage;
use crate::pages::review_page::ReviewPage;
use crate::pages::review_queue_page::ReviewQueuePage;
use crate::pages::search_page::SearchPage;
use crate::pages::sign_in_page::SignInPage;
use crate::pages::site_page::SitePage;
use crate::pages::under_construction_page::UnderConstructionPage;
use crate::pages::working_calendar_page::WorkingCalendarPage;
use crate::pages::{
    map_page::MapPage, organization_page::OrganizationPage, planning_page::PlanningPage,
    schedule_page::SchedulePage,
};
use crate::state::session::Session;
use crate::state::site::provide_site;

#[component]
pub fn App() -> impl IntoView {
    let session = Session::provide();
    // Runs beside the site request, so a returning user is signed in by the time the
    // page shows.
    spawn_local(session.restore());
    let site = LocalResource::new(api::site::get);

    view! {
        <Router>
            <ErrorBoundary fallback=|errors| view! { <SiteUnavailable errors /> }>
                <Suspense fallback=|| {
                    view! {
                        <main id=MAIN_ID class="container site-main">
                            <Loading />
                        </main>
                    }
                }>
                    {move || Suspend::new(async move {
                        site.await.map(|site| view! { <SiteRoutes site /> })
                    })}
                </Suspense>
            </ErrorBoundary>
        </Router>
    }
}

/// Every page of a site. Routes are tried in order: the console first, then the
/// public site, whose last route catches unknown addresses.
#[component]
fn SiteRoutes(site: Site) -> impl IntoView {
    provide_site(site);
    view! {
        <Routes fallback=NotFoundPage>
            <ParentRoute path=path!("/quan-tri") view=ConsoleLayout>
                <Route path=path!("") view=ConsoleHomePage />
                <Route path=path!("/tin-bai") view=ContentListPage />
                <Route path=path!("/tin-bai/moi") view=NewContentPage />
                <Route path=path!("/tin-bai/:id") view=EditContentPage />
                <Route path=path!("/tin-bai/:id/lich-su") view=ContentHistoryPage />
                <Route path=path!("/duyet-bai") view=ReviewQueuePage />
                <Route path=path!("/duyet-bai/:id") view=ReviewPage />
                <Route path=path!("/ranh-gioi") view=BoundaryPage />
                <Route path=path!("/khoa-api") view=ApiKeysPage />
                <Route path=path!("/bo-phan") view=DepartmentsPage />
                <Route path=path!("/lich-lam-viec") view=WorkingCalendarPage />
                <Route path=path!("/phan-anh") view=FeedbackQueuePage />
                <Route path=path!("/phan-anh/thong-ke") view=FeedbackStatisticsPage />
                <Route path=path!("/phan-anh/:code") view=FeedbackStaffPage />
                <Route path=path!("/thu-tuc") view=ProcedureAdminListPage />
                <Route path=path!("/thu-tuc/:code") view=ProcedureEditorPage />
                <Route path=path!("/ho-so") view=DossierInboxPage />
                <Route path=path!("/ho-so/thong-ke") view=DossierStatisticsPage />
                <Route path=path!("/ho-so/:code") view=DossierStaffPage />
                <Route path=path!("/nguoi-dung") view=|| view! { <UnderConstructionPage title="Người dùng" /> } />
            </ParentRoute>
            <ParentRoute path=path!("") view=SiteLayout>
                <Route path=path!("") view=HomePage />
                <Route path=path!("/dang-nhap") view=SignInPage />
                <Route path=path!("/dang-ky") view=RegisterPage />
                <Route path=path!("/tin-tuc") view=NewsListPage />
                <Route path=path!("/tin-tuc/:slug") view=ArticlePage />
                <Route path=path!("/tim-kiem") view=SearchPage />
                <Route path=path!("/thong-bao") view=AnnouncementListPage />
                <Route path=path!("/thong-bao/:slug") view=AnnouncementPage />
                <Route path=path!("/van-ban") view=DocumentListPage />
                <Route path=path!("/van-ban/:slug") view=DocumentPage />
                <Route path=path!("/gioi-thieu") view=AboutPage />
                <Route path=path!("/trang/:slug") view=SitePage />
                // Ward information: organization, schedule, map, planning.
                <Route path=path!("/to-chuc") view=OrganizationPage />
                <Route path=path!("/lich-cong-tac") view=SchedulePage />
                <Route path=path!("/ban-do") view=MapPage />
                <Route path=path!("/quy-hoach") view=PlanningPage />
                // Online public services: the ward's procedure catalog.
                <Route path=path!("/dich-vu-cong") view=ProcedureListPage />
                <Route path=path!("/dich-vu-cong/:code") view=ProcedurePage />
                // Citizen feedback: the fixed paths before the code.
                <Route path=path!("/phan-anh") view=FeedbackPage />
                <Route path=path!("/phan-anh/tra-cuu") view=FeedbackLookupPage />
                <Route path=path!("/phan-anh/da-tra-loi") view=FeedbackAnsweredPage />
                <Route path=path!("/phan-anh/:code") view=FeedbackPublicPage />
                // Online dossiers, the citizen's side.
                <Route path=path!("/dich-vu-cong/:code/nop-ho-so") view=DossierFilingPage />
                <Route path=path!("/ho-so-cua-toi") view=MyDossiersPage />
                <Route path=path!("/ho-so/:code") view=DossierPage />
                <Route path=path!("/tra-cuu-ho-so") view=DossierLookupPage />
                <Route path=path!("/*any") view=NotFoundPage />
            </ParentRoute>
        </Routes>
    }
}

/// Shown when the site itself cannot be loaded: an unknown host name, or no server.
#[component]
fn SiteUnavailable(errors: ArcRwSignal<Errors>) -> impl IntoView {
    view! {
        <main id=MAIN_ID class="container site-main">
            <h1>"Không tải được cổng thông tin"</h1>
            <ApiErrors errors />
            <p>"Vui lòng tải lại trang sau ít phút."</p>
        </main>
    }
}

//! One component per route.

pub mod about_page;
pub mod announcement_list_page;
pub mod announcement_page;
pub mod article_page;
pub mod boundary_page;
pub mod console_home_page;
pub mod content_editor_page;
pub mod content_history_page;
pub mod content_list_page;
pub mod document_list_page;
pub mod document_page;
pub mod home_page;
pub mod map_page;
pub mod news_list_page;
pub mod not_found_page;
pub mod organization_page;
pub mod planning_page;
pub mod portal_home_page;
pub mod review_page;
pub mod review_queue_page;
pub mod schedule_page;
pub mod search_page;
pub mod sign_in_page;
pub mod site_page;
pub mod under_construction_page;
pub mod ward_home_page;

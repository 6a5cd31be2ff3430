//! Pieces shared by layouts and pages.

pub mod account_menu;
pub mod announcement_list;
pub mod api_errors;
pub mod article_list;
pub mod brand;
pub mod calendar_date;
pub mod content_link;
pub mod document_filter_form;
pub mod document_table;
pub mod document_title;
pub mod error_message;
pub mod latest_announcements;
pub mod latest_articles;
pub mod load_more;
pub mod loading;
pub mod published_date;
pub mod sign_out_button;
pub mod site_footer;
pub mod site_header;
pub mod site_nav;
pub mod skip_link;

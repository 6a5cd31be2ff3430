//! Pieces shared by layouts and pages.

pub mod account_menu;
pub mod api_errors;
pub mod article_list;
pub mod attachment_input;
pub mod brand;
pub mod content_form;
pub mod content_status;
pub mod date_time_text;
pub mod diff_view;
pub mod document_title;
pub mod error_message;
pub mod field_message;
pub mod flash_message;
pub mod latest_articles;
pub mod loading;
pub mod markdown_preview;
pub mod published_date;
pub mod review_actions;
pub mod revision_compare;
pub mod revision_entry;
pub mod search_box;
pub mod sign_out_button;
pub mod site_footer;
pub mod site_header;
pub mod site_nav;
pub mod skip_link;

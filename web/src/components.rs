//! Pieces shared by layouts and pages.

pub mod account_menu;
pub mod brand;
pub mod document_title;
pub mod error_message;
pub mod loading;
pub mod sign_out_button;
pub mod site_footer;
pub mod site_header;
pub mod site_nav;
pub mod skip_link;

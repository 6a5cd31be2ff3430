//! Pieces shared by layouts and pages.

pub mod account_menu;
pub mod announcement_list;
pub mod api_errors;
pub mod article_list;
pub mod attachment_input;
pub mod boundary_map;
pub mod brand;
pub mod calendar_date;
pub mod confirm_action;
pub mod content_form;
pub mod content_link;
pub mod content_status;
pub mod date_time_text;
pub mod diff_view;
pub mod document_filter_form;
pub mod document_table;
pub mod document_title;
pub mod error_message;
pub mod feedback_actions;
pub mod feedback_form;
pub mod feedback_messages;
pub mod feedback_receipt;
pub mod field_message;
pub mod flash_message;
pub mod geojson_file_field;
pub mod kind_fields;
pub mod kind_fields_view;
pub mod latest_announcements;
pub mod latest_articles;
pub mod load_more;
pub mod loading;
pub mod location_field;
pub mod markdown_preview;
pub mod photo_field;
#[allow(
    dead_code,
    reason = "the dossier pages use it in the next commits; staff pages merge it now"
)]
pub mod protected_download;
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
pub mod spokesperson_contact;
pub mod text_field;
pub mod upload_field;
pub mod ward_information_links;

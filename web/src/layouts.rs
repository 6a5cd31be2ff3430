//! The frames pages render in.

pub mod console_layout;
pub mod site_layout;

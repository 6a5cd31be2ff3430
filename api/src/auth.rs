//! Authentication (who is calling) and authorization (may they do this here).

pub mod current_user;
pub mod guard;
pub mod jwt;
pub mod password;
pub mod refresh_cookie;

pub use current_user::CurrentUser;
pub use guard::require_role;

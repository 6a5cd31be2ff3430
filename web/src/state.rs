//! State shared by every page: the site this host resolved to and the session.

pub mod access;
pub mod dossier_inbox;
pub mod feedback_access;
pub mod flash;
pub mod session;
pub mod site;

//! Browser tests: the real `ward-portal` binary serving the built web app, driven
//! through Debian's headless Chromium by chromedriver. They build nothing: `make
//! test` builds the server and the web app first.
//!
//! Each test reads as find (locate by role, label or visible text), act, check.

// A failed setup step should fail the test loudly, with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod boundary;
mod browser;
mod dossiers;
mod editorial_review;
mod feedback;
mod kind_fields;
mod news;
mod portal;
mod public_content;
mod server;
mod sign_in;
mod ward_admin;
mod ward_information;
mod ward_site;
mod working_calendar;

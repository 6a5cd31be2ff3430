//! The few browser facilities the pages use beyond the DOM: random bytes, the
//! device's position, drawing a chosen photo, the clipboard. Each failure is a plain
//! `Err`, so a page can fall back rather than break.

pub mod clipboard;
pub mod geolocation;
pub mod photo_preview;
pub mod random;
pub mod save_file;
pub mod timer;

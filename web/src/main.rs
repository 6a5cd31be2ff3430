//! Ward Portal web app: one WASM build serves every ward site, the district portal
//! and the staff console; the host name decides which site it is.

mod api;
mod app;
mod browser;
mod components;
mod layouts;
mod map;
mod pages;
mod state;
mod text;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App)
}

//! Waiting without blocking: a `setTimeout` as a future.

use std::time::Duration;

use wasm_bindgen_futures::JsFuture;

/// Resolves after `delay` (never, outside a window: there is nothing to wait for).
pub async fn sleep(delay: Duration) {
    let millis = i32::try_from(delay.as_millis()).unwrap_or(i32::MAX);
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis);
        }
    });
    let _ = JsFuture::from(promise).await;
}

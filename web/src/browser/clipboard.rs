use wasm_bindgen_futures::JsFuture;

/// Copies `text`; `false` when the browser refused (no permission, not HTTPS).
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.is_ok()
}

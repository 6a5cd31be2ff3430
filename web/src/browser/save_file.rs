//! Hands a fetched file to the browser as a download. A link to the API cannot carry
//! the bearer token, so the page fetches the bytes itself and offers them from a
//! short-lived object URL through a temporary `<a download>`.

use leptos::prelude::set_timeout;
use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::{Blob, HtmlAnchorElement, Url};

/// How long the object URL lives after the click: the browser has started reading it
/// by then, and the memory is given back.
const KEEP_URL: Duration = Duration::from_secs(60);

/// Saves `blob` under `file_name`; `Err` when the browser refused.
pub fn save(blob: &Blob, file_name: &str) -> Result<(), ()> {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or(())?;
    let body = document.body().ok_or(())?;
    let url = Url::create_object_url_with_blob(blob).map_err(drop)?;
    let clicked = (|| {
        let anchor: HtmlAnchorElement = document
            .create_element("a")
            .map_err(drop)?
            .dyn_into()
            .map_err(drop)?;
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.set_hidden(true);
        body.append_child(&anchor).map_err(drop)?;
        anchor.click();
        anchor.remove();
        Ok(())
    })();
    set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        KEEP_URL,
    );
    clicked
}

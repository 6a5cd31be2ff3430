//! The intake inbox's live signal: `GET /api/v1/units/{unit}/dossier-inbox/events`, a
//! server-sent event stream read through `fetch` (the browser's `EventSource` cannot
//! send the access token, and a token in the address would end up in logs).

use gloo_net::http::Request;
use js_sys::{Reflect, Uint8Array};
use openapi::dossier_inbox::{INBOX_EVENT, InboxSignal};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, ReadableStreamDefaultReader};

use super::ApiError;
use super::client::{encode_component, request, send, with_bearer};
use crate::text::event_stream::EventStreamReader;

/// Calls `on_signal` with each inbox event until the server ends the stream (`Ok`),
/// `abort` fires, or the connection fails (`Err`); the caller reconnects.
pub async fn listen(
    unit: &str,
    token: &str,
    abort: &AbortSignal,
    mut on_signal: impl FnMut(InboxSignal),
) -> Result<(), ApiError> {
    let path = format!(
        "/api/v1/units/{}/dossier-inbox/events",
        encode_component(unit)
    );
    let builder = with_bearer(request(Request::get(&path)), token)
        .header("Accept", "text/event-stream")
        .abort_signal(Some(abort));
    let response = send(builder.build()).await?;
    let body = response.body().ok_or(ApiError::Network)?;
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut events = EventStreamReader::default();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| ApiError::Network)?;
        if field(&chunk, "done").as_bool().unwrap_or(true) {
            return Ok(());
        }
        let bytes = field(&chunk, "value")
            .dyn_into::<Uint8Array>()
            .map_err(|_| ApiError::Network)?
            .to_vec();
        for event in events.push(&bytes) {
            if event.name == INBOX_EVENT
                && let Ok(signal) = serde_json::from_str::<InboxSignal>(&event.data)
            {
                on_signal(signal);
            }
        }
    }
}

fn field(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

//! "Dùng vị trí của tôi": the device's position, once, when the citizen asks.

use futures::channel::oneshot;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

/// Why no position came.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PositionError {
    /// The browser has no geolocation (or the page is not on HTTPS).
    Unsupported,
    Denied,
    Unavailable,
}

impl PositionError {
    pub fn text(self) -> &'static str {
        match self {
            PositionError::Unsupported => "Trình duyệt không hỗ trợ lấy vị trí. Hãy nhập địa chỉ.",
            PositionError::Denied => {
                "Bạn chưa cho phép trang lấy vị trí. Hãy cho phép trong cài đặt trình duyệt hoặc nhập địa chỉ."
            }
            PositionError::Unavailable => {
                "Không lấy được vị trí lúc này. Hãy thử lại hoặc nhập địa chỉ."
            }
        }
    }
}

/// (latitude, longitude) of the device.
pub async fn current_position() -> Result<(f64, f64), PositionError> {
    let geolocation = web_sys::window()
        .and_then(|window| window.navigator().geolocation().ok())
        .ok_or(PositionError::Unsupported)?;
    let (sender, receiver) = oneshot::channel::<Result<(f64, f64), PositionError>>();
    let sender = std::rc::Rc::new(std::cell::RefCell::new(Some(sender)));
    let on_success = {
        let sender = sender.clone();
        Closure::once(move |position: web_sys::Position| {
            let coords = position.coords();
            if let Some(sender) = sender.borrow_mut().take() {
                let _ = sender.send(Ok((coords.latitude(), coords.longitude())));
            }
        })
    };
    let on_error = {
        let sender = sender.clone();
        Closure::once(move |error: web_sys::PositionError| {
            // 1 is PERMISSION_DENIED.
            let reason = if error.code() == 1 {
                PositionError::Denied
            } else {
                PositionError::Unavailable
            };
            if let Some(sender) = sender.borrow_mut().take() {
                let _ = sender.send(Err(reason));
            }
        })
    };
    let options = web_sys::PositionOptions::new();
    options.set_enable_high_accuracy(true);
    options.set_timeout(20_000);
    geolocation
        .get_current_position_with_error_callback_and_options(
            on_success.as_ref().unchecked_ref(),
            Some(on_error.as_ref().unchecked_ref()),
            &options,
        )
        .map_err(|_| PositionError::Unsupported)?;
    let result = receiver.await.unwrap_or(Err(PositionError::Unavailable));
    // The closures live until one of them has been called.
    drop((on_success, on_error));
    result
}

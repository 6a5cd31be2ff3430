use crate::text::feedback::idempotency_key;

/// A fresh `Idempotency-Key`. `crypto.getRandomValues` works on plain HTTP too, unlike
/// `randomUUID`, so a site behind a misconfigured proxy still gets one.
pub fn new_idempotency_key() -> String {
    let mut bytes = [0_u8; 16];
    let filled = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // Unguessable is not needed here, only distinct per form fill.
        let now = js_now().to_bits().to_le_bytes();
        bytes[..8].copy_from_slice(&now);
    }
    idempotency_key(&bytes)
}

fn js_now() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| {
            performance.time_origin() + performance.now()
        })
}

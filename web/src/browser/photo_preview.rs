//! Draws a chosen photo into a canvas. The page's CSP allows images from the site
//! only (no `blob:` or `data:` URLs), and decoding the file into a bitmap loads no
//! URL at all, so the preview needs no exception in the policy.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{CanvasRenderingContext2d, File, HtmlCanvasElement, ImageBitmap};

/// The longest side of a preview, in CSS pixels.
const PREVIEW_SIZE: u32 = 160;

/// Draws `file` scaled into `canvas`; `Err` when the browser cannot decode it.
pub async fn draw(file: &File, canvas: &HtmlCanvasElement) -> Result<(), ()> {
    let window = web_sys::window().ok_or(())?;
    let promise = window.create_image_bitmap_with_blob(file).map_err(drop)?;
    let bitmap: ImageBitmap = JsFuture::from(promise)
        .await
        .map_err(drop)?
        .dyn_into()
        .map_err(drop)?;
    let (width, height) = fit(bitmap.width(), bitmap.height(), PREVIEW_SIZE);
    canvas.set_width(width);
    canvas.set_height(height);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(drop)?
        .ok_or(())?
        .dyn_into()
        .map_err(drop)?;
    let drawn = context.draw_image_with_image_bitmap_and_dw_and_dh(
        &bitmap,
        0.0,
        0.0,
        f64::from(width),
        f64::from(height),
    );
    bitmap.close();
    drawn.map_err(drop)
}

/// `width` × `height` scaled down so the longer side is at most `size`.
pub fn fit(width: u32, height: u32, size: u32) -> (u32, u32) {
    let longer = width.max(height).max(1);
    if longer <= size {
        return (width.max(1), height.max(1));
    }
    let scale = |side: u32| ((u64::from(side) * u64::from(size)) / u64::from(longer)).max(1) as u32;
    (scale(width), scale(height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_photo_is_scaled_to_the_preview_size_keeping_its_shape() {
        assert_eq!(fit(4000, 3000, 160), (160, 120));
        assert_eq!(fit(1000, 2000, 160), (80, 160));
        assert_eq!(fit(100, 50, 160), (100, 50));
    }
}

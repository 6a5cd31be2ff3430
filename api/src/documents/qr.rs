//! The QR code of the lookup address, as the dark runs of its rows, drawn by the
//! composer as filled rectangles (vector: sharp at any zoom, no image codec).

use qrcode::{Color, EcLevel, QrCode};

use super::DocumentError;

/// A run of dark modules in one row: `length` modules from `column` on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Run {
    pub row: usize,
    pub column: usize,
    pub length: usize,
}

/// The modules of a QR code, without its quiet zone (the page's white margin around
/// the code provides it).
pub(super) struct QrMatrix {
    /// Modules per side.
    pub width: usize,
    pub runs: Vec<Run>,
}

/// Level M (15 % of the code may be smudged) keeps a lookup address of a hundred
/// characters at a size a phone reads from paper.
pub(super) fn encode(text: &str) -> Result<QrMatrix, DocumentError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|_| DocumentError::LookupUrlTooLong)?;
    let width = code.width();
    let colors = code.to_colors();
    let mut runs = Vec::new();
    for (row, modules) in colors.chunks(width).enumerate() {
        let mut start = None;
        for (column, color) in modules.iter().chain([&Color::Light]).enumerate() {
            match (color, start) {
                (Color::Dark, None) => start = Some(column),
                (Color::Light, Some(first)) => {
                    runs.push(Run {
                        row,
                        column: first,
                        length: column - first,
                    });
                    start = None;
                }
                _ => {}
            }
        }
    }
    Ok(QrMatrix { width, runs })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_runs_cover_exactly_the_dark_modules() {
        let text = "https://phuong-1.quan10.gov.vn/tra-cuu-ho-so?ma=27184-260225-0001";
        let matrix = encode(text).unwrap();
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).unwrap();
        let mut drawn = vec![false; matrix.width * matrix.width];
        for run in &matrix.runs {
            for column in run.column..run.column + run.length {
                drawn[run.row * matrix.width + column] = true;
            }
        }
        let dark: Vec<bool> = code.to_colors().iter().map(|c| *c == Color::Dark).collect();
        assert_eq!(drawn, dark);
    }

    #[test]
    fn an_address_too_long_for_any_qr_code_is_refused() {
        let text = "x".repeat(5_000);
        assert!(matches!(
            encode(&text),
            Err(DocumentError::LookupUrlTooLong)
        ));
    }
}

//! The typefaces of the documents, built into the binary (`api/assets/fonts/`, see its
//! README): the server never reads a system font, so a document looks the same on
//! every machine.

use printpdf::{FontId, ParsedFont, PdfDocument};

use super::DocumentError;

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSerif-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSerif-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../assets/fonts/NotoSerif-Italic.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    Regular,
    Bold,
    Italic,
}

/// One face added to a PDF: its resource id and its metrics for measuring text.
pub(super) struct Face {
    pub id: FontId,
    parsed: ParsedFont,
}

impl Face {
    fn add(pdf: &mut PdfDocument, bytes: &[u8], name: &'static str) -> Result<Face, DocumentError> {
        let parsed =
            ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).ok_or(DocumentError::Font(name))?;
        let id = pdf.add_font(&parsed);
        Ok(Face { id, parsed })
    }

    /// How wide `text` is at `size` points, in points (advance widths, no kerning:
    /// the PDF draws the glyphs the same way).
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| {
                let glyph = self.parsed.lookup_glyph_index(u32::from(c)).unwrap_or(0);
                u32::from(self.parsed.get_glyph_width(glyph).unwrap_or(0))
            })
            .sum();
        let per_em = f32::from(self.parsed.units_per_em.max(1));
        units as f32 * size / per_em
    }
}

pub(super) struct Fonts {
    regular: Face,
    bold: Face,
    italic: Face,
}

impl Fonts {
    pub fn add_to(pdf: &mut PdfDocument) -> Result<Fonts, DocumentError> {
        Ok(Fonts {
            regular: Face::add(pdf, REGULAR, "NotoSerif-Regular")?,
            bold: Face::add(pdf, BOLD, "NotoSerif-Bold")?,
            italic: Face::add(pdf, ITALIC, "NotoSerif-Italic")?,
        })
    }

    pub fn face(&self, style: Style) -> &Face {
        match style {
            Style::Regular => &self.regular,
            Style::Bold => &self.bold,
            Style::Italic => &self.italic,
        }
    }
}

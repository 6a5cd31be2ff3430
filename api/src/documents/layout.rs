//! A small page composer: a cursor running down A4 pages, text wrapped within a column
//! by measured glyph widths, and a new page when the next line does not fit. Enough for
//! the one-page forms; no general layout engine.

use printpdf::{
    Color, Greyscale, Line, LinePoint, Op, PaintMode, PdfFontHandle, PdfPage, Point, Pt, Rect,
    TextItem,
};
use unicode_normalization::UnicodeNormalization;

use super::fonts::{Fonts, Style};

/// A4, in points.
pub(super) const PAGE_WIDTH: f32 = 595.28;
pub(super) const PAGE_HEIGHT: f32 = 841.89;

/// Margins of an administrative document (Decree 30/2020/NĐ-CP: left 30–35 mm,
/// right 15–20 mm, top and bottom 20–25 mm).
pub(super) const LEFT: f32 = mm(30.0);
pub(super) const RIGHT: f32 = PAGE_WIDTH - mm(15.0);
const TOP: f32 = PAGE_HEIGHT - mm(20.0);
const BOTTOM: f32 = mm(20.0);

/// Line spacing as a multiple of the font size.
const LEADING: f32 = 1.4;
/// From the top of a line to its baseline, as a multiple of the font size.
const ASCENT: f32 = 1.05;

pub(super) const fn mm(value: f32) -> f32 {
    value * 72.0 / 25.4
}

/// A horizontal band of the page that text is set in.
#[derive(Debug, Clone, Copy)]
pub(super) struct Column {
    pub x: f32,
    pub width: f32,
}

impl Column {
    pub fn full() -> Column {
        Column {
            x: LEFT,
            width: RIGHT - LEFT,
        }
    }

    /// The left or right half of the text area.
    pub fn half(right: bool) -> Column {
        let width = (RIGHT - LEFT) / 2.0;
        Column {
            x: if right { LEFT + width } else { LEFT },
            width,
        }
    }

    pub fn inset(self, indent: f32) -> Column {
        Column {
            x: self.x + indent,
            width: (self.width - indent).max(1.0),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    Left,
    Center,
}

pub(super) const NO_BREAK_SPACE: char = '\u{a0}';

/// Text in one style; a paragraph is a list of these.
pub(super) type Run<'a> = (&'a str, Style);

/// One wrapped line: its pieces in their styles, and its width in points.
struct SetLine {
    pieces: Vec<(String, Style)>,
    width: f32,
}

pub(super) struct Composer<'f> {
    fonts: &'f Fonts,
    done: Vec<Vec<Op>>,
    ops: Vec<Op>,
    /// The top of the next line, in points from the bottom of the page.
    y: f32,
}

impl<'f> Composer<'f> {
    pub fn new(fonts: &'f Fonts) -> Composer<'f> {
        Composer {
            fonts,
            done: Vec::new(),
            ops: Vec::new(),
            y: TOP,
        }
    }

    pub fn y(&self) -> f32 {
        self.y
    }

    pub fn set_y(&mut self, y: f32) {
        self.y = y;
    }

    pub fn skip(&mut self, points: f32) {
        self.y -= points;
    }

    pub fn line_height(size: f32) -> f32 {
        size * LEADING
    }

    /// Starts a new page unless `height` points still fit on this one, so a block
    /// (signatures, the QR code) is never cut in two.
    pub fn keep_together(&mut self, height: f32) {
        if self.y - height < BOTTOM && self.y < TOP {
            self.new_page();
        }
    }

    fn new_page(&mut self) {
        self.done.push(std::mem::take(&mut self.ops));
        self.y = TOP;
    }

    pub fn width(&self, text: &str, style: Style, size: f32) -> f32 {
        self.fonts.face(style).width(text, size)
    }

    /// Sets a paragraph in `column`, wrapped at word boundaries (a word wider than
    /// the column, such as an address, is cut between characters).
    pub fn paragraph(&mut self, column: Column, runs: &[Run<'_>], size: f32, align: Align) {
        for line in self.wrap(runs, size, column.width) {
            self.set_line(column, &line, size, align, None);
        }
    }

    /// A numbered or dashed item: the label at the column's edge, the text after it,
    /// and the text's following lines aligned under its first word.
    pub fn item(&mut self, column: Column, label: &str, runs: &[Run<'_>], size: f32) {
        let indent = mm(8.0);
        let text_column = column.inset(indent);
        for (index, line) in self.wrap(runs, size, text_column.width).iter().enumerate() {
            let label = (index == 0).then_some((column.x, label));
            self.set_line(text_column, line, size, Align::Left, label);
        }
    }

    /// A thin horizontal line, centred in `column`, under the line set last and
    /// clear of its descenders.
    pub fn rule_under(&mut self, column: Column, length: f32) {
        let x = column.x + (column.width - length) / 2.0;
        let y = self.y - 1.5;
        self.y -= 3.0;
        self.ops.push(Op::SetOutlineColor { col: black() });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(0.6) });
        self.ops.push(Op::DrawLine {
            line: Line {
                points: vec![point(x, y), point(x + length, y)],
                is_closed: false,
            },
        });
    }

    /// A filled black rectangle; `top` is its upper edge.
    pub fn fill_rect(&mut self, x: f32, top: f32, width: f32, height: f32) {
        self.ops.push(Op::SetFillColor { col: black() });
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(top - height),
                width: Pt(width),
                height: Pt(height),
                mode: Some(PaintMode::Fill),
                winding_order: None,
            },
        });
    }

    /// The pages; when there are several, each is marked `{mark} - trang n/N` at its
    /// foot so a loose page is known.
    pub fn finish(mut self, mark: &str) -> Vec<PdfPage> {
        self.done.push(std::mem::take(&mut self.ops));
        let total = self.done.len();
        let pages = std::mem::take(&mut self.done);
        pages
            .into_iter()
            .enumerate()
            .map(|(index, mut ops)| {
                if total > 1 {
                    let size = 9.0;
                    let footer = format!("{mark} - trang {}/{total}", index + 1);
                    let x = RIGHT - self.width(&footer, Style::Regular, size);
                    let pieces = [(footer, Style::Regular)];
                    std::mem::swap(&mut self.ops, &mut ops);
                    self.draw_text(x, BOTTOM - 2.0 * size, &pieces, size, None);
                    std::mem::swap(&mut self.ops, &mut ops);
                }
                PdfPage::new(points_to_mm(PAGE_WIDTH), points_to_mm(PAGE_HEIGHT), ops)
            })
            .collect()
    }

    fn set_line(
        &mut self,
        column: Column,
        line: &SetLine,
        size: f32,
        align: Align,
        label: Option<(f32, &str)>,
    ) {
        let height = Composer::line_height(size);
        if self.y - height < BOTTOM {
            self.new_page();
        }
        let baseline = self.y - size * ASCENT;
        let x = match align {
            Align::Left => column.x,
            Align::Center => column.x + (column.width - line.width).max(0.0) / 2.0,
        };
        match label {
            Some((label_x, label)) => {
                // The label and its text in one text object, the label ending in a
                // space, so "1. Giấy chứng sinh" reads back as one line.
                let mut pieces = vec![(
                    format!("{} ", label.nfc().collect::<String>()),
                    Style::Regular,
                )];
                pieces.extend(line.pieces.iter().cloned());
                self.draw_text(label_x, baseline, &pieces, size, Some(x - label_x));
            }
            None => self.draw_text(x, baseline, &line.pieces, size, None),
        }
        self.y -= height;
    }

    /// One text object per line, so text read back from the PDF keeps its lines.
    /// With `tab`, the first piece (a label) is set at `x` and the others from
    /// `x + tab` on.
    fn draw_text(
        &mut self,
        x: f32,
        baseline: f32,
        pieces: &[(String, Style)],
        size: f32,
        tab: Option<f32>,
    ) {
        self.ops.push(Op::StartTextSection);
        self.ops.push(Op::SetFillColor { col: black() });
        self.ops.push(Op::SetTextCursor {
            pos: Point {
                x: Pt(x),
                y: Pt(baseline),
            },
        });
        for (index, (text, style)) in pieces.iter().enumerate() {
            if let (1, Some(tab)) = (index, tab) {
                // Relative to the start of the line, not to the end of the label.
                self.ops.push(Op::SetTextCursor {
                    pos: Point {
                        x: Pt(tab),
                        y: Pt(0.0),
                    },
                });
            }
            self.ops.push(Op::SetFont {
                font: PdfFontHandle::External(self.fonts.face(*style).id.clone()),
                size: Pt(size),
            });
            self.ops.push(Op::ShowText {
                items: vec![TextItem::Text(text.clone())],
            });
        }
        self.ops.push(Op::EndTextSection);
    }

    /// Greedy word wrapping over runs of several styles (a word may change style
    /// within, as "sinh" in bold and its full stop in regular). Text is put in Unicode
    /// normal form C so every Vietnamese letter is one precomposed glyph (the PDF has
    /// no shaping to place combining marks).
    fn wrap(&self, runs: &[Run<'_>], size: f32, width: f32) -> Vec<SetLine> {
        let mut lines = Vec::new();
        let mut line = SetLine::empty();
        for word in words(runs) {
            let word_width: f32 = word
                .iter()
                .map(|(text, style)| self.width(text, *style, size))
                .sum();
            // The space before a word belongs to the text before it.
            let space_style = line.pieces.last().map_or(word[0].1, |(_, style)| *style);
            let space = self.width(" ", space_style, size);
            if !line.pieces.is_empty() && line.width + space + word_width > width {
                lines.push(std::mem::replace(&mut line, SetLine::empty()));
            }
            if word_width > width {
                // Only a word wider than the whole column is cut, piece by piece.
                for (text, style) in word {
                    for chunk in self.cut(&text, style, size, width) {
                        let chunk_width = self.width(&chunk, style, size);
                        if !line.pieces.is_empty() && line.width + chunk_width > width {
                            lines.push(std::mem::replace(&mut line, SetLine::empty()));
                        }
                        line.push(chunk, style, chunk_width);
                    }
                }
                continue;
            }
            if !line.pieces.is_empty() {
                line.push(" ".to_owned(), space_style, space);
            }
            for (text, style) in word {
                let piece_width = self.width(&text, style, size);
                line.push(text, style, piece_width);
            }
        }
        if !line.pieces.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// Cuts a word too wide for a line into pieces that fit.
    fn cut(&self, word: &str, style: Style, size: f32, width: f32) -> Vec<String> {
        let mut chunks = Vec::new();
        let mut chunk = String::new();
        for c in word.chars() {
            let mut longer = chunk.clone();
            longer.push(c);
            if self.width(&longer, style, size) > width && !chunk.is_empty() {
                chunks.push(std::mem::take(&mut chunk));
                chunk.push(c);
            } else {
                chunk = longer;
            }
        }
        if !chunk.is_empty() {
            chunks.push(chunk);
        }
        chunks
    }
}

impl SetLine {
    fn empty() -> SetLine {
        SetLine {
            pieces: Vec::new(),
            width: 0.0,
        }
    }

    /// Adds text at the end, joining it to the last piece when the style is the same.
    fn push(&mut self, text: String, style: Style, width: f32) {
        match self.pieces.last_mut() {
            Some((last, last_style)) if *last_style == style => last.push_str(&text),
            _ => self.pieces.push((text, style)),
        }
        self.width += width;
    }
}

/// The words of a paragraph in normal form C, each as its pieces in their styles.
fn words(runs: &[Run<'_>]) -> Vec<Vec<(String, Style)>> {
    let mut words = Vec::new();
    let mut word: Vec<(String, Style)> = Vec::new();
    for (text, style) in runs {
        for c in text.nfc() {
            // A no-break space (as in "Phường\u{a0}1") joins, it does not separate.
            if c.is_whitespace() && c != NO_BREAK_SPACE {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
                continue;
            }
            match word.last_mut() {
                Some((piece, piece_style)) if *piece_style == *style => piece.push(c),
                _ => word.push((c.to_string(), *style)),
            }
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

fn point(x: f32, y: f32) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    }
}

fn black() -> Color {
    Color::Greyscale(Greyscale::new(0.0, None))
}

fn points_to_mm(points: f32) -> printpdf::Mm {
    printpdf::Mm(points * 25.4 / 72.0)
}

#[cfg(test)]
mod tests {
    use printpdf::PdfDocument;

    use super::*;

    fn words_of(lines: &[SetLine]) -> Vec<String> {
        let text: Vec<String> = lines
            .iter()
            .map(|line| line.pieces.iter().map(|(text, _)| text.as_str()).collect())
            .collect();
        text.join(" ")
            .split_whitespace()
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn wrapped_lines_stay_within_the_column_and_keep_every_word_in_order() {
        let fonts = Fonts::add_to(&mut PdfDocument::new("wrap")).unwrap();
        let page = Composer::new(&fonts);
        let text = "Nội dung yêu cầu giải quyết: Đăng ký khai sinh, đăng ký thường trú, cấp \
                    thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi (liên thông thủ tục hành chính)";
        let runs = [
            ("Hồ sơ của: ", Style::Regular),
            ("Tôn Nữ Thị Phương Thảo Nguyễn Hoàng Bảo Ngọc", Style::Bold),
            (". ", Style::Regular),
            (text, Style::Italic),
        ];
        let width = mm(60.0);
        let lines = page.wrap(&runs, 13.0, width);
        assert!(lines.len() > 3);
        for line in &lines {
            let measured: f32 = line
                .pieces
                .iter()
                .map(|(text, style)| page.width(text, *style, 13.0))
                .sum();
            assert!(measured <= width + 0.01, "{measured} > {width}");
            assert!((measured - line.width).abs() < 0.01);
        }
        let expected: Vec<String> = runs
            .iter()
            .map(|(text, _)| *text)
            .collect::<String>()
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        assert_eq!(words_of(&lines), expected);
    }

    #[test]
    fn an_address_wider_than_the_column_is_cut_between_characters() {
        let fonts = Fonts::add_to(&mut PdfDocument::new("wrap")).unwrap();
        let page = Composer::new(&fonts);
        let url = "https://phuong-1.quan10.gov.vn/tra-cuu-ho-so?ma=27184-260225-0001";
        let lines = page.wrap(&[(url, Style::Regular)], 9.0, mm(40.0));
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|line| line.width <= mm(40.0) + 0.01));
        let joined: String = lines
            .iter()
            .flat_map(|line| line.pieces.iter().map(|(text, _)| text.as_str()))
            .collect();
        assert_eq!(joined, url);
    }

    #[test]
    fn a_no_break_space_keeps_a_ward_name_on_one_line() {
        let fonts = Fonts::add_to(&mut PdfDocument::new("wrap")).unwrap();
        let page = Composer::new(&fonts);
        let text = "liên hệ Ủy ban nhân dân Phường\u{a0}1 để được hướng dẫn";
        // Narrow enough that a plain space would leave "1" alone on the next line.
        let width = page.width("liên hệ Ủy ban nhân dân Phường", Style::Regular, 13.0) + 1.0;
        let lines = page.wrap(&[(text, Style::Regular)], 13.0, width);
        assert_eq!(lines[0].pieces[0].0, "liên hệ Ủy ban nhân dân");
        assert!(lines[1].pieces[0].0.starts_with("Phường\u{a0}1"));
    }

    #[test]
    fn a_style_change_inside_a_word_adds_no_space() {
        let fonts = Fonts::add_to(&mut PdfDocument::new("wrap")).unwrap();
        let page = Composer::new(&fonts);
        let runs = [
            ("Ngày hẹn: ", Style::Regular),
            ("02/03/2026", Style::Bold),
            (".", Style::Regular),
        ];
        let lines = page.wrap(&runs, 13.0, mm(165.0));
        assert_eq!(lines.len(), 1);
        assert_eq!(
            lines[0].pieces,
            vec![
                ("Ngày hẹn: ".to_owned(), Style::Regular),
                ("02/03/2026".to_owned(), Style::Bold),
                (".".to_owned(), Style::Regular),
            ]
        );
    }
}

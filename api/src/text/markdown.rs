//! Markdown written by staff, turned into HTML on the server.
//!
//! The stored HTML is served to every citizen, so it passes an allow-list sanitizer
//! (ammonia) after rendering: whatever raw HTML the Markdown carried, only the tags,
//! attributes and URL schemes listed here reach a browser.
//!
//! Headings: a page owns its single `<h1>` (its title), so content headings live in
//! `<h2>`–`<h4>`. [`render`] clamps Markdown headings into that range (`#` becomes
//! `<h2>`, `#####` becomes `<h4>`), because staff who write `# Lệ phí` mean a heading
//! and should get one. [`sanitize`] cannot rename tags, so a raw `<h1>`, `<h5>` or
//! `<h6>` loses its tag and keeps its text.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use ammonia::{Builder, UrlRelative};
use pulldown_cmark::{Alignment, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Markdown (CommonMark with tables and strikethrough) as sanitized HTML.
pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut rewrite = Rewrite::default();
    let events = Parser::new_ext(markdown, options).map(|event| rewrite.event(event));
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events);
    sanitize(&html)
}

/// `html` reduced to the allow-list: tags, attributes and URL schemes not listed are
/// removed, links get `rel="noopener noreferrer"`.
///
/// Sanitizing its own output again changes nothing, so stored HTML can be sanitized
/// again (after an allow-list change, say) without drifting.
pub fn sanitize(html: &str) -> String {
    // Removing a disallowed element leaves its children where the HTML parser would
    // never have put them (the text of a removed `<caption>` directly in a `<table>`, a
    // `<p>` in a `<p>` once the `<button>` between them is gone), so parsing the output
    // again moves them. Cleaning until nothing moves makes the output its own
    // sanitization; one more pass is usually enough, and the bound only guards against
    // a case nobody has found yet (every pass is safe on its own).
    let mut clean = clean_once(html);
    for _ in 1..MAX_PASSES {
        let again = clean_once(&clean);
        if again == clean {
            break;
        }
        clean = again;
    }
    clean
}

const MAX_PASSES: usize = 4;

fn clean_once(html: &str) -> String {
    // The parser drops a line feed right after `<pre>`, and the HTML standard has the
    // serializer write an extra one when the text starts with a line feed; html5ever's
    // serializer does not, so every pass would eat a line. `<pre>` keeps no attributes
    // and html5ever escapes `<` in text and attribute values, so this string can only
    // be that start tag followed by its text.
    SANITIZER
        .clean(html)
        .to_string()
        .replace("<pre>\n", "<pre>\n\n")
}

/// Built once: the allow-list never changes at run time.
static SANITIZER: LazyLock<Builder<'static>> = LazyLock::new(|| {
    let mut builder = Builder::empty();
    builder
        .tags(HashSet::from([
            "p",
            "br",
            "h2",
            "h3",
            "h4",
            "strong",
            "em",
            "del",
            "ul",
            "ol",
            "li",
            "blockquote",
            "code",
            "pre",
            "a",
            "img",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "hr",
        ]))
        // Removed together with their content: the text of a script, a style sheet or
        // an embedded document is not prose, and foreign SVG/MathML content is where
        // sanitizer bypasses through namespace confusion live.
        .clean_content_tags(HashSet::from([
            "script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math",
        ]))
        .tag_attributes(HashMap::from([
            ("a", HashSet::from(["href", "title"])),
            ("img", HashSet::from(["src", "alt", "title"])),
            ("th", HashSet::from(["align"])),
            ("td", HashSet::from(["align"])),
        ]))
        .generic_attributes(HashSet::new())
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        // Our own attachments are linked by path (`/tep/…`), whichever host serves the
        // page.
        .url_relative(UrlRelative::PassThrough)
        .link_rel(Some("noopener noreferrer"))
        .strip_comments(true);
    builder
});

/// Adjusts pulldown-cmark's events before they are written as HTML.
#[derive(Default)]
struct Rewrite {
    alignments: Vec<Alignment>,
    in_head: bool,
    column: usize,
}

impl Rewrite {
    fn event<'a>(&mut self, event: Event<'a>) -> Event<'a> {
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => Event::Start(Tag::Heading {
                level: content_heading(level),
                id,
                classes,
                attrs,
            }),
            Event::End(TagEnd::Heading(level)) => {
                Event::End(TagEnd::Heading(content_heading(level)))
            }
            // pulldown-cmark writes column alignment as `style="text-align: …"`, and
            // styles are not on the allow-list; the `align` attribute is, so cells are
            // written here instead.
            Event::Start(Tag::Table(alignments)) => {
                self.alignments.clone_from(&alignments);
                Event::Start(Tag::Table(alignments))
            }
            Event::Start(Tag::TableHead) => {
                self.in_head = true;
                self.column = 0;
                event
            }
            Event::End(TagEnd::TableHead) => {
                self.in_head = false;
                event
            }
            Event::Start(Tag::TableRow) => {
                self.column = 0;
                event
            }
            Event::Start(Tag::TableCell) => {
                let align = self.alignments.get(self.column).copied();
                self.column += 1;
                Event::Html(CowStr::Borrowed(cell_start(self.in_head, align)))
            }
            Event::End(TagEnd::TableCell) => Event::Html(CowStr::Borrowed(if self.in_head {
                "</th>"
            } else {
                "</td>"
            })),
            other => other,
        }
    }
}

fn content_heading(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H5 | HeadingLevel::H6 => HeadingLevel::H4,
        other => other,
    }
}

fn cell_start(in_head: bool, align: Option<Alignment>) -> &'static str {
    match (in_head, align) {
        (true, Some(Alignment::Left)) => r#"<th align="left">"#,
        (true, Some(Alignment::Center)) => r#"<th align="center">"#,
        (true, Some(Alignment::Right)) => r#"<th align="right">"#,
        (true, _) => "<th>",
        (false, Some(Alignment::Left)) => r#"<td align="left">"#,
        (false, Some(Alignment::Center)) => r#"<td align="center">"#,
        (false, Some(Alignment::Right)) => r#"<td align="right">"#,
        (false, _) => "<td>",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Inputs that sanitizers have been known to get wrong: mutation XSS through
    /// namespaces, comments and raw-text elements, mis-nesting that the HTML parser
    /// repairs, obfuscated URL schemes.
    const NASTY: &[&str] = &[
        r#"<script>alert(1)</script><p>x</p>"#,
        r#"<img src=x onerror=alert(1)>"#,
        r#"<a href="javascript:alert(1)">a</a>"#,
        r#"<a href="JaVaScRiPt:alert(1)">a</a>"#,
        "<a href=\"java\tscript:alert(1)\">a</a>",
        r#"<a href="&#106;avascript:alert(1)">a</a>"#,
        r#"<a href=" javascript:alert(1)">a</a>"#,
        r#"<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">"#,
        r#"<a href="data:text/html,<script>alert(1)</script>">a</a>"#,
        r#"<svg><style><img src=x onerror=alert(1)></style></svg>"#,
        r#"<math><mi><mglyph><style><img src=x onerror=alert(1)></style></mglyph></mi></math>"#,
        r#"<noscript><p title="</noscript><img src=x onerror=alert(1)>">"#,
        r#"<!--><img src=x onerror=alert(1)>-->"#,
        r#"<p>a<p>b<ul><li>c<p>d</ul>"#,
        r#"<table><p>foster</p><tr><td>a<table><td>b</table></table>"#,
        r#"<a href="/x"><a href="/y">nested</a></a>"#,
        r#"<h1>Tiêu đề</h1><h5>nhỏ</h5><p>đoạn</p>"#,
        r#"<form><input name=x><button>b</button></form>"#,
        r#"<iframe src="https://example.com"></iframe><object data=x></object>"#,
        r#"<p style="color:red" class="x" id="y" onclick="alert(1)">z</p>"#,
        "<pre>\n\nkhoảng trắng</pre>",
        "<pre>\n\n\n\n\nnhiều dòng</pre><pre>\n</pre><pre>\n\n</pre>",
        "<img alt=\"<pre>\nx\">",
        "<table><caption>chú thích</caption><tr><td>x</td></tr></table>",
        "<table><tfoot><tr><td>x</td></tr></tfoot></table>",
        "<table><tr><td><table><caption>c</caption></table></td></tr></table>",
        "<h2><div><h3>x</h3></div></h2>",
        "<p><button><p>x</p></button></p>",
        "<p><marquee><p>x</p></marquee></p>",
        "<a href=/a><div><a href=/b>x</a></div></a>",
        "<select><option>a</option></select><p>b</p>",
        "<textarea><p>t</p></textarea><title>u</title>",
        r#"<div><span>lồng</span></div><b>đậm</b>"#,
        r#"<td>lạc</td><tr><th>lạc</th>"#,
        r#"<a href="https://example.com" rel="opener" target="_blank">x</a>"#,
        "&lt;script&gt;alert(1)&lt;/script&gt;",
    ];

    #[test]
    fn render_keeps_a_paragraph_a_link_a_list_and_a_table() {
        let markdown = "Xin **chào** _bạn_.\n\n\
                        [Cổng](https://example.gov.vn/thu-tuc \"Thủ tục\")\n\n\
                        - một\n- hai\n\n\
                        1. ba\n\n\
                        | Giấy tờ | Số bản |\n|:---|---:|\n| CCCD | 1 |\n";
        assert_eq!(
            render(markdown),
            "<p>Xin <strong>chào</strong> <em>bạn</em>.</p>\n\
             <p><a href=\"https://example.gov.vn/thu-tuc\" title=\"Thủ tục\" rel=\"noopener noreferrer\">Cổng</a></p>\n\
             <ul>\n<li>một</li>\n<li>hai</li>\n</ul>\n\
             <ol>\n<li>ba</li>\n</ol>\n\
             <table><thead><tr><th align=\"left\">Giấy tờ</th><th align=\"right\">Số bản</th></tr></thead><tbody>\n\
             <tr><td align=\"left\">CCCD</td><td align=\"right\">1</td></tr>\n\
             </tbody></table>\n"
        );
    }

    #[test]
    fn render_keeps_quotes_code_rules_strikethrough_and_images() {
        let markdown = "> trích\n\n`mã`\n\n```\nkhối <mã>\n```\n\n---\n\n~~bỏ~~\n\n\
                        ![Sơ đồ](/tep/so-do.png \"Sơ đồ\")";
        assert_eq!(
            render(markdown),
            "<blockquote>\n<p>trích</p>\n</blockquote>\n\
             <p><code>mã</code></p>\n\
             <pre><code>khối &lt;mã&gt;\n</code></pre>\n\
             <hr>\n\
             <p><del>bỏ</del></p>\n\
             <p><img src=\"/tep/so-do.png\" alt=\"Sơ đồ\" title=\"Sơ đồ\"></p>\n"
        );
    }

    #[test]
    fn markdown_h1_becomes_h2_and_small_headings_become_h4() {
        assert_eq!(
            render("# Lệ phí\n\n## Hồ sơ\n\n### Nộp\n\n#### Ở đâu\n\n##### Ghi chú\n\n###### Khác"),
            "<h2>Lệ phí</h2>\n<h2>Hồ sơ</h2>\n<h3>Nộp</h3>\n<h4>Ở đâu</h4>\n\
             <h4>Ghi chú</h4>\n<h4>Khác</h4>\n"
        );
    }

    #[test]
    fn leading_line_feeds_in_pre_survive_sanitizing() {
        assert_eq!(sanitize("<pre>\n\nmã</pre>"), "<pre>\n\nmã</pre>");
    }

    #[test]
    fn children_of_removed_elements_settle_where_the_parser_puts_them() {
        assert_eq!(
            sanitize("<table><caption>chú thích</caption><tr><td>x</td></tr></table>"),
            "chú thích<table><tbody><tr><td>x</td></tr></tbody></table>"
        );
        assert_eq!(
            sanitize("<p><button><p>x</p></button></p>"),
            "<p></p><p>x</p><p></p>"
        );
    }

    #[test]
    fn raw_h1_loses_its_tag_and_keeps_its_text() {
        assert_eq!(sanitize("<h1>Tiêu đề</h1><p>x</p>"), "Tiêu đề<p>x</p>");
    }

    #[test]
    fn scripts_are_removed_with_their_content() {
        assert_eq!(sanitize("<p>a</p><script>alert(1)</script>"), "<p>a</p>");
        assert_eq!(
            render("a\n\n<script>alert(1)</script>\n\nb"),
            "<p>a</p>\n\n<p>b</p>\n"
        );
    }

    #[test]
    fn event_handlers_are_removed() {
        assert_eq!(
            sanitize(r#"<img src="/tep/a.png" onerror="alert(1)">"#),
            r#"<img src="/tep/a.png">"#
        );
        assert_eq!(sanitize(r#"<p onclick="alert(1)">x</p>"#), "<p>x</p>");
    }

    #[test]
    fn javascript_urls_are_removed() {
        for html in [
            r#"<a href="javascript:alert(1)">x</a>"#,
            r#"<a href="JaVaScRiPt:alert(1)">x</a>"#,
            "<a href=\"java\tscript:alert(1)\">x</a>",
            r#"<a href="&#106;avascript:alert(1)">x</a>"#,
        ] {
            assert_eq!(
                sanitize(html),
                r#"<a rel="noopener noreferrer">x</a>"#,
                "{html}"
            );
        }
        assert_eq!(
            render("[x](javascript:alert(1))"),
            "<p><a rel=\"noopener noreferrer\">x</a></p>\n"
        );
    }

    #[test]
    fn data_urls_are_removed() {
        assert_eq!(
            sanitize(r#"<img src="data:image/png;base64,iVBORw0KGgo=" alt="a">"#),
            r#"<img alt="a">"#
        );
        assert_eq!(
            render("![a](data:image/png;base64,iVBORw0KGgo=)"),
            "<p><img alt=\"a\"></p>\n"
        );
    }

    #[test]
    fn styles_classes_ids_and_embedded_documents_are_removed() {
        assert_eq!(
            sanitize(r#"<p style="color:red" class="x" id="y">z</p><style>p{}</style>"#),
            "<p>z</p>"
        );
        assert_eq!(
            sanitize(r#"<iframe src="https://example.com">i</iframe><object data="x">o</object>"#),
            ""
        );
    }

    #[test]
    fn links_get_noopener_noreferrer_and_lose_other_rels() {
        assert_eq!(
            sanitize(r#"<a href="https://example.com" rel="opener" target="_blank">x</a>"#),
            r#"<a href="https://example.com" rel="noopener noreferrer">x</a>"#
        );
        assert_eq!(
            sanitize(r#"<a href="mailto:ubnd@example.gov.vn">thư</a>"#),
            r#"<a href="mailto:ubnd@example.gov.vn" rel="noopener noreferrer">thư</a>"#
        );
    }

    #[test]
    fn relative_attachment_urls_are_kept() {
        assert_eq!(
            sanitize(r#"<a href="/tep/mau-don.pdf">Mẫu đơn</a>"#),
            r#"<a href="/tep/mau-don.pdf" rel="noopener noreferrer">Mẫu đơn</a>"#
        );
    }

    #[test]
    fn nasty_inputs_leave_no_script_handler_or_dangerous_url() {
        for html in NASTY {
            let clean = sanitize(html).to_lowercase();
            for needle in [
                "<script",
                "onerror",
                "onclick",
                "javascript:",
                "data:",
                "<iframe",
                "<svg",
                "<math",
                "<style",
                "style=",
            ] {
                assert!(
                    !clean.contains(needle),
                    "{needle} survived in {clean} from {html}"
                );
            }
        }
    }

    #[test]
    fn sanitizing_twice_gives_the_same_result_as_once() {
        for html in NASTY {
            let once = sanitize(html);
            assert_eq!(sanitize(&once), once, "from {html}");
        }
    }

    #[test]
    fn rendered_html_is_already_sanitized() {
        let markdown = "# T\n\n| a | b |\n|:-:|---|\n| <b>c</b> | [d](/tep/d) |\n\n<img src=x onerror=alert(1)>";
        let html = render(markdown);
        assert_eq!(sanitize(&html), html);
    }

    #[test]
    fn vietnamese_text_passes_through_unchanged() {
        let text =
            "Thủ tục đăng ký khai sinh, kết hôn; giấy tờ: CCCD, sổ hộ khẩu — Phường Bến Nghé.";
        assert_eq!(render(text), format!("<p>{text}</p>\n"));
        assert_eq!(sanitize(text), text);
        // Decomposed input is stored as written: normalizing is not the sanitizer's job.
        let decomposed = "Vie\u{0302}\u{0323}t Nam";
        assert_eq!(sanitize(decomposed), decomposed);
    }
}

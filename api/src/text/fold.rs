//! Search folding for Vietnamese.
//!
//! Each searchable text is stored beside its folded form, and queries are folded the
//! same way, so a plain `LIKE '%term%'` finds "Thủ tục" from "thu tuc" on SQLite and
//! PostgreSQL alike: neither database's collations or extensions are involved.
//!
//! Folding works one character at a time (see [`fold_char`]) so that [`highlight`] can
//! map every folded character back to the original one it came from and show the
//! original spelling, diacritics included.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Each term becomes one `LIKE` clause that scans the folded column, so the number of
/// terms bounds the cost of a query that anyone can send.
const MAX_TERMS: usize = 10;

/// The search form of `text`: diacritics removed, `đ` as `d`, lowercase, every run of
/// characters that are not letters or digits replaced by one space, trimmed.
///
/// "ĐƯỜNG Nguyễn Tri Phương" folds to "duong nguyen tri phuong". NFC and NFD
/// encodings of the same text fold alike.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut space_pending = false;
    for c in text.chars() {
        fold_char(c, |f| {
            if f == ' ' {
                // Leading separators never become a space; trailing ones never get
                // flushed, which trims both ends.
                space_pending = !folded.is_empty();
            } else {
                if space_pending {
                    folded.push(' ');
                    space_pending = false;
                }
                folded.push(f);
            }
        });
    }
    folded
}

/// The words of a search query, folded, without duplicates (first occurrence kept), at
/// most ten of them.
pub fn terms(query: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for word in fold(query).split(' ').filter(|word| !word.is_empty()) {
        if terms.len() == MAX_TERMS {
            break;
        }
        if !terms.iter().any(|term| term == word) {
            terms.push(word.to_owned());
        }
    }
    terms
}

/// An HTML snippet of the plain text `original` around the first match of any of
/// `query_terms`, every match wrapped in `<mark>`, everything else escaped.
///
/// Matching compares folded text (as search does), but the snippet shows the original
/// characters. The snippet holds at most `max_chars` characters of `original`, plus
/// "…" at each end where the text was cut; a cut never separates a letter from its
/// combining marks. Without a match the snippet is the start of the text. Terms are
/// folded again here, so unfolded terms work too.
pub fn highlight(original: &str, query_terms: &[String], max_chars: usize) -> String {
    if max_chars == 0 {
        return String::new();
    }
    let chars: Vec<char> = original.chars().collect();
    let (folded, source) = fold_with_sources(&chars);

    let needles: Vec<Vec<char>> = query_terms
        .iter()
        .flat_map(|term| {
            fold(term)
                .split(' ')
                .filter(|word| !word.is_empty())
                .map(|word| word.chars().collect())
                .collect::<Vec<_>>()
        })
        .collect();

    let mut marked = vec![false; chars.len()];
    let mut first: Option<(usize, usize)> = None;
    for needle in &needles {
        for (at, window) in folded.windows(needle.len()).enumerate() {
            if window != needle.as_slice() {
                continue;
            }
            let from = source[at];
            let to = skip_marks(&chars, source[at + needle.len() - 1] + 1);
            marked[from..to].fill(true);
            if first.is_none_or(|(first_from, _)| from < first_from) {
                first = Some((from, to));
            }
        }
    }

    let (start, end) = window(&chars, first, max_chars);
    let mut snippet = String::with_capacity((end - start) * 2 + 16);
    if start > 0 {
        snippet.push('…');
    }
    let mut in_mark = false;
    for (&c, &is_marked) in chars[start..end].iter().zip(&marked[start..end]) {
        if is_marked != in_mark {
            snippet.push_str(if is_marked { "<mark>" } else { "</mark>" });
            in_mark = is_marked;
        }
        push_escaped(&mut snippet, c);
    }
    if in_mark {
        snippet.push_str("</mark>");
    }
    if end < chars.len() {
        snippet.push('…');
    }
    snippet
}

/// Folds one character into zero or more folded characters, passing each to `emit`;
/// a separator is emitted as `' '` and left for the caller to collapse.
///
/// Folding each character on its own gives the same result as decomposing the whole
/// text first: canonical reordering only moves combining marks, and those are dropped.
fn fold_char(c: char, mut emit: impl FnMut(char)) {
    decompose_canonical(c, |decomposed| {
        for lower in decomposed.to_lowercase() {
            // NFD leaves `đ` whole (its stroke is not a combining mark), yet Vietnamese
            // readers type `d` for it.
            match lower {
                'đ' => emit('d'),
                _ if is_combining_mark(lower) => {}
                _ if lower.is_alphanumeric() => emit(lower),
                _ => emit(' '),
            }
        }
    });
}

/// The folded characters of `chars` (separators not collapsed) and, for each, the index
/// in `chars` of the character it came from.
fn fold_with_sources(chars: &[char]) -> (Vec<char>, Vec<usize>) {
    let mut folded = Vec::with_capacity(chars.len());
    let mut source = Vec::with_capacity(chars.len());
    for (index, &c) in chars.iter().enumerate() {
        fold_char(c, |f| {
            folded.push(f);
            source.push(index);
        });
    }
    (folded, source)
}

/// The first index at or after `index` that is not a combining mark, so marks stay
/// with the letter before them.
fn skip_marks(chars: &[char], mut index: usize) -> usize {
    while chars.get(index).is_some_and(|&c| is_combining_mark(c)) {
        index += 1;
    }
    index
}

/// The range of `chars` to show: at most `max_chars` long, the first match centred when
/// the text allows, cut between words where it can and never between a letter and its
/// marks.
fn window(chars: &[char], first: Option<(usize, usize)>, max_chars: usize) -> (usize, usize) {
    let len = chars.len();
    if len <= max_chars {
        return (0, len);
    }
    let (mut start, mut end) = match first {
        None => (0, max_chars),
        Some((from, to)) => {
            let room = max_chars.saturating_sub(to - from);
            let end = (from.saturating_sub(room / 2) + max_chars).min(len);
            // Near the end of the text, show more before the match instead.
            (end - max_chars, end)
        }
    };
    // Half a word reads as a different word; shrinking never loses the match because
    // the search stops at its edges.
    let (keep_from, keep_to) = first.unwrap_or((end, start));
    if start > 0
        && let Some(word_start) =
            (start..=keep_from.min(end)).find(|&i| chars[i - 1].is_whitespace())
    {
        start = word_start;
    }
    if end < len
        && let Some(word_end) = (keep_to.max(start)..=end)
            .rev()
            .find(|&i| chars[i].is_whitespace())
    {
        end = word_end;
    }
    // A mark cut off its letter would combine with "…" or stand alone, so the letter
    // goes with its marks: dropped at the start, dropped at the end.
    let start = skip_marks(chars, start).min(end);
    if end < len {
        while end > start && is_combining_mark(chars[end]) {
            end -= 1;
        }
    }
    (start, end)
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        _ => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn strings(words: &[&str]) -> Vec<String> {
        words.iter().map(|word| (*word).to_owned()).collect()
    }

    #[test]
    fn thu_tuc_finds_thu_tuc_with_diacritics() {
        let stored = fold("Thủ tục khai sinh");
        assert_eq!(stored, "thu tuc khai sinh");
        assert!(stored.contains(&fold("thu tuc")));
        assert!(stored.contains(&fold("THỦ TỤC")));
    }

    #[test]
    fn d_matches_d_with_stroke() {
        assert_eq!(fold("ĐƯỜNG Nguyễn Tri Phương"), "duong nguyen tri phuong");
        assert_eq!(fold("đ Đ"), "d d");
        assert!(fold("Đăng ký kết hôn").contains("dang ky"));
    }

    #[test]
    fn nfd_input_folds_like_nfc() {
        let nfc: String = "Thủ tục đăng ký khai sinh ở Phường Bến Nghé"
            .nfc()
            .collect();
        let nfd: String = nfc.nfd().collect();
        assert_ne!(nfc, nfd);
        assert_eq!(fold(&nfd), fold(&nfc));
        assert_eq!(fold(&nfd), "thu tuc dang ky khai sinh o phuong ben nghe");
    }

    #[test]
    fn every_vietnamese_tone_and_vowel_mark_is_removed() {
        assert_eq!(
            fold("àáảãạ ăằắẳẵặ âầấẩẫậ èéẻẽẹ êềếểễệ ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ"),
            "aaaaa aaaaaa aaaaaa eeeee eeeeee iiiii ooooo oooooo oooooo uuuuu uuuuuu yyyyy"
        );
    }

    #[test]
    fn runs_of_punctuation_become_one_space_and_ends_are_trimmed() {
        assert_eq!(fold("Hồ sơ: đăng-ký"), "ho so dang ky");
        assert_eq!(fold("  --Hồ   sơ!!\n(số 12/2024)  "), "ho so so 12 2024");
    }

    #[test]
    fn text_without_letters_or_digits_folds_to_nothing() {
        assert_eq!(fold(""), "");
        assert_eq!(fold(" \t-–—…!? "), "");
    }

    #[test]
    fn folding_twice_changes_nothing() {
        let once = fold("ĐƯỜNG Nguyễn Tri Phương, Hồ sơ: đăng-ký");
        assert_eq!(fold(&once), once);
    }

    #[test]
    fn terms_are_folded_words_without_duplicates_in_order() {
        assert_eq!(
            terms("Thủ tục, thu TỤC khai-sinh"),
            strings(&["thu", "tuc", "khai", "sinh"])
        );
    }

    #[test]
    fn terms_stop_at_ten() {
        let query = "một hai ba bốn năm sáu bảy tám chín mười mười-một";
        let found = terms(query);
        assert_eq!(found.len(), 10);
        assert_eq!(found.first().map(String::as_str), Some("mot"));
        assert_eq!(found.last().map(String::as_str), Some("muoi"));
    }

    #[test]
    fn duplicates_do_not_count_towards_the_ten_terms() {
        let found = terms("a a a a a a a a a a a b c");
        assert_eq!(found, strings(&["a", "b", "c"]));
    }

    #[test]
    fn a_blank_query_has_no_terms() {
        assert!(terms("  ,.;  ").is_empty());
    }

    #[test]
    fn highlight_keeps_the_original_diacritics() {
        assert_eq!(
            highlight("Thủ tục khai sinh", &terms("thu tuc"), 100),
            "<mark>Thủ</mark> <mark>tục</mark> khai sinh"
        );
    }

    #[test]
    fn highlight_matches_d_with_stroke() {
        assert_eq!(
            highlight("Đăng ký kết hôn", &terms("dang"), 100),
            "<mark>Đăng</mark> ký kết hôn"
        );
    }

    #[test]
    fn highlight_folds_the_terms_it_is_given() {
        assert_eq!(
            highlight("Thủ tục khai sinh", &strings(&["THỦ"]), 100),
            "<mark>Thủ</mark> tục khai sinh"
        );
    }

    #[test]
    fn highlight_keeps_combining_marks_of_nfd_text_inside_the_mark() {
        let original: String = "Tiếng Việt".nfd().collect();
        let expected = format!(
            "<mark>{}</mark> {}",
            "Tiếng".nfd().collect::<String>(),
            "Việt".nfd().collect::<String>()
        );
        assert_eq!(highlight(&original, &terms("tieng"), 100), expected);
        let snippet = highlight(&original, &terms("tie"), 100);
        assert!(snippet.starts_with(&format!("<mark>{}</mark>", "Tiế".nfd().collect::<String>())));
    }

    #[test]
    fn highlight_escapes_html() {
        assert_eq!(
            highlight(r#"<b>"Hồ sơ"</b> & 'giấy tờ'"#, &terms("ho so"), 100),
            "&lt;b&gt;&quot;<mark>Hồ</mark> <mark>sơ</mark>&quot;&lt;/b&gt; &amp; &#39;giấy tờ&#39;"
        );
    }

    #[test]
    fn highlight_marks_every_occurrence() {
        assert_eq!(
            highlight("hồ sơ, Hồ Sơ và HỒ SƠ", &terms("ho"), 100),
            "<mark>hồ</mark> sơ, <mark>Hồ</mark> Sơ và <mark>HỒ</mark> SƠ"
        );
    }

    #[test]
    fn highlight_cuts_around_the_first_match_with_ellipses() {
        let original = "Người dân nộp hồ sơ tại bộ phận một cửa của phường. \
                        Sau đó cán bộ kiểm tra giấy tờ và hẹn ngày trả kết quả đăng ký khai sinh.";
        let snippet = highlight(original, &terms("kiểm tra"), 30);
        assert!(snippet.starts_with('…'), "{snippet}");
        assert!(snippet.ends_with('…'), "{snippet}");
        assert!(
            snippet.contains("<mark>kiểm</mark> <mark>tra</mark>"),
            "{snippet}"
        );
        let shown = snippet.replace("<mark>", "").replace("</mark>", "");
        assert!(shown.chars().count() <= 30 + 2, "{snippet}");
    }

    #[test]
    fn highlight_near_the_end_shows_more_before_the_match() {
        let snippet = highlight("một hai ba bốn năm sáu", &terms("sau"), 10);
        assert_eq!(snippet, "…năm <mark>sáu</mark>");
    }

    #[test]
    fn highlight_without_a_match_shows_the_start() {
        assert_eq!(highlight("a < b và c > d", &terms("xyz"), 6), "a &lt; b…");
        assert_eq!(highlight("ngắn", &terms("xyz"), 5), "ngắn");
        assert_eq!(highlight("ngắn", &[], 5), "ngắn");
    }

    #[test]
    fn highlight_never_separates_a_letter_from_its_marks() {
        // "ệ" in NFD is three characters; a cut after the second would orphan a mark.
        let original: String = "Việt".nfd().collect();
        assert_eq!(original.chars().count(), 6);
        assert_eq!(highlight(&original, &terms("xyz"), 4), "Vi…");
    }

    #[test]
    fn highlight_cuts_between_words_when_it_can() {
        assert_eq!(
            highlight("giấy khai sinh bản chính", &terms("xyz"), 12),
            "giấy khai…"
        );
        assert_eq!(
            highlight("một hai ba bốn năm sáu bảy", &terms("bon"), 12),
            "…ba <mark>bốn</mark> năm…"
        );
    }

    #[test]
    fn highlight_with_no_room_is_empty() {
        assert_eq!(highlight("Thủ tục", &terms("thu"), 0), "");
    }
}

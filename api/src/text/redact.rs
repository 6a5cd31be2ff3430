//! Hiding personal data in a citizen's text before the ward publishes it: ID numbers
//! (12-digit CCCD, 9-digit CMND), phone numbers, e-mail addresses and the sender's
//! own name. Staff see the list of what was hidden and can adjust the text before
//! approving; this is the automatic first pass, erring on the side of hiding.

use std::sync::LazyLock;

use regex::Regex;

/// What replaces each hidden piece.
pub const MASK: &str = "[đã ẩn]";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedactionKind {
    IdNumber,
    Phone,
    Email,
    Name,
}

/// One piece of text that was hidden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redaction {
    pub kind: RedactionKind,
    pub original: String,
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
        .unwrap_or_else(|error| unreachable!("the e-mail pattern is valid: {error}"))
});

/// Digits, possibly grouped by single spaces, dots or hyphens, possibly after `+`.
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\+?\d(?:[ .\-]?\d)+")
        .unwrap_or_else(|error| unreachable!("the number pattern is valid: {error}"))
});

fn classify(number: &str) -> Option<RedactionKind> {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let international = number.starts_with('+') || digits.starts_with("84");
    match digits.len() {
        12 if !number.starts_with('+') => Some(RedactionKind::IdNumber),
        9 if !digits.starts_with('0') => Some(RedactionKind::IdNumber),
        10 | 11 if digits.starts_with('0') => Some(RedactionKind::Phone),
        11 | 12 if international => Some(RedactionKind::Phone),
        _ => None,
    }
}

fn name_pattern(name: &str) -> Option<Regex> {
    let words: Vec<String> = name.split_whitespace().map(regex::escape).collect();
    if words.len() < 2 {
        // A single word ("An", "Hà") is too common to hide wherever it appears.
        return None;
    }
    Regex::new(&format!(r"(?i)\b{}\b", words.join(r"\s+"))).ok()
}

/// `text` with personal data replaced by [`MASK`], and what was replaced, in order
/// of appearance. `names` are the sender's names (full names of two words or more).
pub fn redact(text: &str, names: &[&str]) -> (String, Vec<Redaction>) {
    let mut spans: Vec<(usize, usize, RedactionKind)> = Vec::new();
    for found in EMAIL.find_iter(text) {
        spans.push((found.start(), found.end(), RedactionKind::Email));
    }
    for found in NUMBER.find_iter(text) {
        if let Some(kind) = classify(found.as_str()) {
            spans.push((found.start(), found.end(), kind));
        }
    }
    for pattern in names.iter().filter_map(|name| name_pattern(name)) {
        for found in pattern.find_iter(text) {
            spans.push((found.start(), found.end(), RedactionKind::Name));
        }
    }
    // Earlier first; of two overlapping pieces the one that starts first wins
    // (a number inside an e-mail address stays part of the address).
    spans.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
    let mut redacted = String::with_capacity(text.len());
    let mut found = Vec::new();
    let mut position = 0;
    for (start, end, kind) in spans {
        if start < position {
            continue;
        }
        redacted.push_str(&text[position..start]);
        redacted.push_str(MASK);
        found.push(Redaction {
            kind,
            original: text[start..end].to_owned(),
        });
        position = end;
    }
    redacted.push_str(&text[position..]);
    (redacted, found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hidden(text: &str) -> String {
        redact(text, &["Nguyễn Văn An"]).0
    }

    #[test]
    fn an_id_number_is_hidden_with_or_without_spaces() {
        assert_eq!(
            hidden("CCCD số 079201001234 của tôi"),
            "CCCD số [đã ẩn] của tôi"
        );
        assert_eq!(hidden("CCCD 0792 0100 1234."), "CCCD [đã ẩn].");
    }

    #[test]
    fn mobile_landline_and_international_numbers_are_hidden() {
        assert_eq!(
            hidden("Gọi 0903 123 456 hoặc 028.3835.1234"),
            "Gọi [đã ẩn] hoặc [đã ẩn]"
        );
        assert_eq!(hidden("Số +84 903 123 456"), "Số [đã ẩn]");
    }

    #[test]
    fn dates_amounts_and_house_numbers_stay() {
        let text = "Ngày 30/11/2026, hẻm 285/12 đường Cách Mạng Tháng Tám, phạt 1.500.000 đồng";
        assert_eq!(hidden(text), text);
    }

    #[test]
    fn an_email_address_is_hidden_whole() {
        let (text, found) = redact("Liên hệ an.nguyen1990@gmail.com nhé", &[]);
        assert_eq!(text, "Liên hệ [đã ẩn] nhé");
        assert_eq!(found[0].kind, RedactionKind::Email);
    }

    #[test]
    fn the_senders_name_is_hidden_in_any_case() {
        let (text, found) = redact(
            "Tôi là NGUYỄN VĂN AN, nhà ở hẻm 12. Nguyễn  Văn An xin phản ánh.",
            &["Nguyễn Văn An"],
        );
        assert_eq!(text, "Tôi là [đã ẩn], nhà ở hẻm 12. [đã ẩn] xin phản ánh.");
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn a_one_word_name_is_not_hunted_down() {
        assert_eq!(redact("An ninh trật tự", &["An"]).0, "An ninh trật tự");
    }

    #[test]
    fn redacting_twice_changes_nothing_more() {
        let once = hidden("Nguyễn Văn An, 0903123456, 079201001234");
        assert_eq!(hidden(&once), once);
    }
}

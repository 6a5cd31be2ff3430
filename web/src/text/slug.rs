//! A slug suggested from a title: "Ra quân Mùa hè xanh 2026" → "ra-quan-mua-he-xanh-2026".

/// The longest slug the server accepts (`openapi::values::Slug`).
const MAX_LEN: usize = 63;

/// Vietnamese letters with their marks, grouped by the plain letter they fold to.
const FOLDS: [(char, &str); 7] = [
    ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
    ('e', "èéẻẽẹêềếểễệ"),
    ('i', "ìíỉĩị"),
    ('o', "òóỏõọôồốổỗộơờớởỡợ"),
    ('u', "ùúủũụưừứửữự"),
    ('y', "ỳýỷỹỵ"),
    ('d', "đ"),
];

/// The plain letter of a lower-case Vietnamese letter, `None` for a combining mark
/// (text typed in decomposed form), and the letter itself otherwise.
fn fold_char(c: char) -> Option<char> {
    if ('\u{300}'..='\u{36f}').contains(&c) {
        return None;
    }
    Some(
        FOLDS
            .iter()
            .find(|(_, marked)| marked.contains(c))
            .map_or(c, |(plain, _)| *plain),
    )
}

/// Lower-case ASCII letters and digits of `title`, words joined by single hyphens,
/// at most 63 characters and cut between words where it can.
pub fn suggest_slug(title: &str) -> String {
    let mut slug = String::new();
    let mut pending_hyphen = false;
    for c in title
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(fold_char)
    {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.push(c);
        } else {
            pending_hyphen = true;
        }
    }
    if slug.len() > MAX_LEN {
        let cut = slug[..=MAX_LEN]
            .rfind('-')
            .filter(|&at| at > 0)
            .unwrap_or(MAX_LEN);
        slug.truncate(cut);
    }
    slug.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use openapi::values::Slug;

    #[test]
    fn vietnamese_letters_fold_to_ascii_and_words_join_with_hyphens() {
        assert_eq!(
            suggest_slug("Ra quân chiến dịch Mùa hè xanh năm 2026"),
            "ra-quan-chien-dich-mua-he-xanh-nam-2026"
        );
        assert_eq!(suggest_slug("Đường Điện Biên Phủ"), "duong-dien-bien-phu");
        assert_eq!(
            suggest_slug("Ỷ LẠI, ỨNG XỬ & ƯỚC MƠ"),
            "y-lai-ung-xu-uoc-mo"
        );
    }

    #[test]
    fn decomposed_text_folds_like_composed_text() {
        // "Thủ tục" with the marks as separate code points (NFD).
        assert_eq!(suggest_slug("Thu\u{309} tu\u{323}c"), "thu-tuc");
    }

    #[test]
    fn punctuation_never_leaves_stray_hyphens() {
        assert_eq!(
            suggest_slug("  --Thông báo: lịch tiếp dân!--  "),
            "thong-bao-lich-tiep-dan"
        );
        assert_eq!(suggest_slug("“”…"), "");
    }

    #[test]
    fn long_titles_are_cut_between_words_and_stay_valid() {
        let title =
            "Hội nghị tổng kết công tác cải cách hành chính và chuyển đổi số năm 2026 của phường";
        let slug = suggest_slug(title);
        assert!(slug.len() <= 63, "{slug}");
        assert!(!slug.ends_with('-'));
        assert!(Slug::parse(&slug).is_ok(), "{slug}");
        assert!(title.len() > 63 && slug.starts_with("hoi-nghi-tong-ket"));
    }
}

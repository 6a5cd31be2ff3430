//! Pure helpers of the feedback pages: the character count, the idempotency key, a
//! point as people read it, and what a contact looks like.

use openapi::feedback::{FeedbackState, MAX_CONTENT_CHARS};

/// "120/5.000 ký tự", with Vietnamese thousands separators.
pub fn content_count_text(content: &str) -> String {
    format!(
        "{}/{} ký tự",
        thousands(content.chars().count()),
        thousands(MAX_CONTENT_CHARS)
    )
}

/// "5.000": Vietnamese groups thousands with dots.
pub fn thousands(number: usize) -> String {
    let digits = number.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    grouped
}

/// An `Idempotency-Key` from 16 random bytes, as 32 lowercase hex digits.
pub fn idempotency_key(bytes: &[u8; 16]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// "10,77234, 106,66781": a point with five decimals (about a metre), decimal commas
/// as Vietnamese write them.
pub fn point_text(latitude: f64, longitude: f64) -> String {
    let one = |value: f64| format!("{value:.5}").replace('.', ",");
    format!("{}, {}", one(latitude), one(longitude))
}

/// "11/2026" for the wire's "2026-11"; anything else as it came.
pub fn month_text(month: &str) -> String {
    match month.split_once('-') {
        Some((year, month)) => format!("{month}/{year}"),
        None => month.to_owned(),
    }
}

/// The length of a bar for `value` when `max` fills `full`: at least 1 for a count
/// above zero, so a small month is still seen.
pub fn bar_length(value: u32, max: u32, full: u32) -> u32 {
    if value == 0 || max == 0 {
        return 0;
    }
    ((u64::from(value) * u64::from(full)) / u64::from(max)).max(1) as u32
}

/// The badge of a state; its label says the same in words, never colour alone.
pub fn feedback_state_class(state: FeedbackState) -> &'static str {
    match state {
        FeedbackState::Received => "badge badge-draft",
        FeedbackState::Forwarded
        | FeedbackState::Answered
        | FeedbackState::Approved
        | FeedbackState::ReturnedToDepartment => "badge badge-review",
        FeedbackState::Published => "badge badge-published",
        FeedbackState::Rejected => "badge badge-returned",
        FeedbackState::Closed => "badge badge-archived",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_groups_thousands_with_dots() {
        assert_eq!(content_count_text(""), "0/5.000 ký tự");
        assert_eq!(content_count_text("Vỉa hè"), "6/5.000 ký tự");
        assert_eq!(thousands(1_234_567), "1.234.567");
        assert_eq!(thousands(999), "999");
    }

    #[test]
    fn a_key_is_every_byte_in_two_hex_digits() {
        let mut bytes = [0_u8; 16];
        bytes[0] = 0xab;
        bytes[15] = 0x01;
        let key = idempotency_key(&bytes);
        assert_eq!(key.len(), 32);
        assert!(key.starts_with("ab00"));
        assert!(key.ends_with("01"));
    }

    #[test]
    fn a_point_is_written_with_decimal_commas() {
        assert_eq!(point_text(10.772_341, 106.667_812), "10,77234, 106,66781");
    }

    #[test]
    fn a_month_is_written_month_first() {
        assert_eq!(month_text("2026-11"), "11/2026");
    }

    #[test]
    fn bars_are_proportional_and_a_small_count_stays_visible() {
        assert_eq!(bar_length(10, 10, 220), 220);
        assert_eq!(bar_length(5, 10, 220), 110);
        assert_eq!(bar_length(1, 1000, 220), 1);
        assert_eq!(bar_length(0, 10, 220), 0);
        assert_eq!(bar_length(0, 0, 220), 0);
    }
}

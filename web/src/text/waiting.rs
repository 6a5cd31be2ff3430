//! How long something has waited, as a reviewer reads it: "chờ 2 giờ", "chờ 3 ngày".

const MINUTE: i64 = 60;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

/// Whole units, rounded down: a revision that has waited 1 day 23 hours waited
/// "1 ngày" so far, never more than it did.
pub fn waiting_text(seconds: i64) -> String {
    match seconds.max(0) {
        s if s < MINUTE => "chờ chưa đến 1 phút".to_owned(),
        s if s < HOUR => format!("chờ {} phút", s / MINUTE),
        s if s < DAY => format!("chờ {} giờ", s / HOUR),
        s => format!("chờ {} ngày", s / DAY),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_wait_is_told_in_its_largest_whole_unit() {
        assert_eq!(waiting_text(0), "chờ chưa đến 1 phút");
        assert_eq!(waiting_text(59), "chờ chưa đến 1 phút");
        assert_eq!(waiting_text(60), "chờ 1 phút");
        assert_eq!(waiting_text(59 * 60 + 59), "chờ 59 phút");
        assert_eq!(waiting_text(2 * 3600 + 30 * 60), "chờ 2 giờ");
        assert_eq!(waiting_text(3 * 86_400 + 5), "chờ 3 ngày");
        assert_eq!(waiting_text(86_400 + 23 * 3600), "chờ 1 ngày");
    }

    #[test]
    fn a_clock_skew_never_shows_a_negative_wait() {
        assert_eq!(waiting_text(-30), "chờ chưa đến 1 phút");
    }
}

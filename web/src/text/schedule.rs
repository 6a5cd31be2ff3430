//! The scheduled publishing time a reviewer types: a date as Vietnamese write it
//! (dd/mm/yyyy) and a time (hh:mm), both in Vietnam's time zone.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use openapi::FieldError;

/// Vietnam keeps UTC+7 all year (checked when compiling: within ±24 hours).
const VIETNAM: FixedOffset = match FixedOffset::east_opt(7 * 3600) {
    Some(offset) => offset,
    None => panic!("UTC+7 is a valid offset"),
};

pub fn vietnam() -> FixedOffset {
    VIETNAM
}

/// `None` when both are empty (publish at once); the instant otherwise, or the
/// field errors naming `publish_date` / `publish_time`.
pub fn parse_schedule(
    date: &str,
    time: &str,
) -> Result<Option<DateTime<FixedOffset>>, Vec<FieldError>> {
    let (date, time) = (date.trim(), time.trim());
    if date.is_empty() && time.is_empty() {
        return Ok(None);
    }
    let mut errors = Vec::new();
    let parsed_date = NaiveDate::parse_from_str(date, "%d/%m/%Y").ok();
    if parsed_date.is_none() {
        errors.push(FieldError::new(
            "publish_date",
            "invalid_format",
            "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/12/2026",
        ));
    }
    // A date alone means the start of that day.
    let parsed_time = if time.is_empty() {
        NaiveTime::from_hms_opt(0, 0, 0)
    } else {
        NaiveTime::parse_from_str(time, "%H:%M").ok()
    };
    if parsed_time.is_none() {
        errors.push(FieldError::new(
            "publish_time",
            "invalid_format",
            "Nhập giờ theo dạng giờ:phút, ví dụ 08:30",
        ));
    }
    match (parsed_date, parsed_time) {
        (Some(date), Some(time)) if errors.is_empty() => {
            Ok(vietnam().from_local_datetime(&date.and_time(time)).single())
        }
        _ => Err(errors),
    }
}

/// "05/12/2026 08:30", in Vietnam whatever the reader's own time zone.
pub fn date_time_text(at: &DateTime<FixedOffset>) -> String {
    at.with_timezone(&vietnam())
        .format("%d/%m/%Y %H:%M")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_typed_means_publish_now() {
        assert_eq!(parse_schedule(" ", ""), Ok(None));
    }

    #[test]
    fn a_vietnamese_date_and_time_are_an_instant_in_vietnam() {
        let at = parse_schedule("05/12/2026", "08:30").unwrap().unwrap();
        assert_eq!(at.to_rfc3339(), "2026-12-05T08:30:00+07:00");
        let midnight = parse_schedule("5/12/2026", "").unwrap().unwrap();
        assert_eq!(midnight.to_rfc3339(), "2026-12-05T00:00:00+07:00");
    }

    #[test]
    fn a_month_first_date_or_a_bad_time_is_named() {
        let errors = parse_schedule("12/31/2026", "25:00").unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["publish_date", "publish_time"]);
        let errors = parse_schedule("", "08:30").unwrap_err();
        assert_eq!(errors[0].field, "publish_date");
    }

    #[test]
    fn times_are_shown_in_vietnam() {
        let utc = DateTime::parse_from_rfc3339("2026-12-04T18:05:00+00:00").unwrap();
        assert_eq!(date_time_text(&utc), "05/12/2026 01:05");
    }
}

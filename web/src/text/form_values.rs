//! What staff type into the console's kind-specific fields, read into the contract's
//! types: dates as Vietnamese write them (dd/mm/yyyy), times as hh:mm, numbers. A slip
//! becomes a `FieldError` named by the path the server uses (`details.document.issued_on`),
//! so it shows beside the same input as the server's own answer would.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone, Weekday};
use openapi::FieldError;

use crate::text::schedule::vietnam;

const REQUIRED: &str = "Trường này là bắt buộc";

/// "05/12/2026".
pub fn day_text(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

/// "08:30".
pub fn clock_text(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

/// "Thứ Hai"… "Chủ nhật".
pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Thứ Hai",
        Weekday::Tue => "Thứ Ba",
        Weekday::Wed => "Thứ Tư",
        Weekday::Thu => "Thứ Năm",
        Weekday::Fri => "Thứ Sáu",
        Weekday::Sat => "Thứ Bảy",
        Weekday::Sun => "Chủ nhật",
    }
}

fn missing(field: &str, required: bool, errors: &mut Vec<FieldError>) {
    if required {
        errors.push(FieldError::new(field, "required", REQUIRED));
    }
}

/// A day typed as dd/mm/yyyy; `None` when empty (an error if `required`) or wrong.
pub fn read_day(
    value: &str,
    field: &str,
    required: bool,
    errors: &mut Vec<FieldError>,
) -> Option<NaiveDate> {
    let value = value.trim();
    if value.is_empty() {
        missing(field, required, errors);
        return None;
    }
    let day = NaiveDate::parse_from_str(value, "%d/%m/%Y").ok();
    if day.is_none() {
        errors.push(FieldError::new(
            field,
            "invalid_format",
            "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/12/2026",
        ));
    }
    day
}

/// A time of day typed as hh:mm (also h:mm and hh.mm).
pub fn read_clock(
    value: &str,
    field: &str,
    required: bool,
    errors: &mut Vec<FieldError>,
) -> Option<NaiveTime> {
    let value = value.trim().replace(['.', 'h', 'g'], ":");
    if value.is_empty() {
        missing(field, required, errors);
        return None;
    }
    let time = NaiveTime::parse_from_str(&value, "%H:%M").ok();
    if time.is_none() {
        errors.push(FieldError::new(
            field,
            "invalid_format",
            "Nhập giờ theo dạng giờ:phút, ví dụ 08:30",
        ));
    }
    time
}

/// A whole number, or `None` when nothing is typed.
pub fn read_whole(value: &str, field: &str, errors: &mut Vec<FieldError>) -> Option<i32> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let number = value.parse().ok();
    if number.is_none() {
        errors.push(FieldError::new(
            field,
            "invalid_format",
            "Nhập một số nguyên, ví dụ 10",
        ));
    }
    number
}

/// A decimal number as Vietnamese write it ("52,4") or with a dot ("52.4"); `None`
/// when nothing is typed.
pub fn read_decimal(value: &str, field: &str, errors: &mut Vec<FieldError>) -> Option<f64> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    // One separator only: "1.234,5" is ambiguous and asked again.
    let separators = value.matches([',', '.']).count();
    let number = (separators <= 1)
        .then(|| value.replace(',', ".").parse::<f64>().ok())
        .flatten()
        .filter(|number| number.is_finite());
    if number.is_none() {
        errors.push(FieldError::new(
            field,
            "invalid_format",
            "Nhập một số, phần thập phân sau dấu phẩy, ví dụ 52,4",
        ));
    }
    number
}

/// "52,4": a decimal with the Vietnamese comma.
pub fn decimal_text(value: f64) -> String {
    value.to_string().replace('.', ",")
}

/// An instant typed as a day and a time in Vietnam. Both empty: `None`. A day alone
/// means the end of that day (23:59), as "hết hạn ngày 05/12" is read.
pub fn read_instant(
    day: &str,
    time: &str,
    field: &str,
    errors: &mut Vec<FieldError>,
) -> Option<DateTime<FixedOffset>> {
    if day.trim().is_empty() && time.trim().is_empty() {
        return None;
    }
    let day = read_day(day, field, true, errors)?;
    let time = if time.trim().is_empty() {
        NaiveTime::from_hms_opt(23, 59, 0)
    } else {
        read_clock(time, field, true, errors)
    }?;
    vietnam().from_local_datetime(&day.and_time(time)).single()
}

/// The day and time of `at` in Vietnam, as the two fields show them.
pub fn instant_parts(at: &DateTime<FixedOffset>) -> (String, String) {
    let local = at.with_timezone(&vietnam());
    (day_text(local.date_naive()), clock_text(local.time()))
}

/// The problems of what was typed, then those the contract's parse finds, except on
/// fields that already have one (a wrong date is not also "before the issue date").
pub fn merge_errors(typed: Vec<FieldError>, parsed: Vec<FieldError>) -> Vec<FieldError> {
    let mut errors = typed;
    for error in parsed {
        if !errors.iter().any(|seen| seen.field == error.field) {
            errors.push(error);
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_read_as_vietnamese_write_it() {
        let mut errors = Vec::new();
        assert_eq!(
            read_day(" 5/12/2026 ", "d", true, &mut errors),
            NaiveDate::from_ymd_opt(2026, 12, 5)
        );
        assert_eq!(read_day("2026-12-05", "d", true, &mut errors), None);
        assert_eq!(read_day("", "e", false, &mut errors), None);
        assert_eq!(read_day("", "f", true, &mut errors), None);
        let found: Vec<(&str, &str)> = errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(found, [("d", "invalid_format"), ("f", "required")]);
        assert_eq!(
            day_text(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()),
            "02/03/2026"
        );
    }

    #[test]
    fn a_time_takes_the_usual_separators() {
        let mut errors = Vec::new();
        for typed in ["08:30", "8:30", "8.30", "8h30"] {
            assert_eq!(
                read_clock(typed, "t", true, &mut errors),
                NaiveTime::from_hms_opt(8, 30, 0),
                "{typed}"
            );
        }
        assert_eq!(read_clock("25:00", "t", true, &mut errors), None);
        assert_eq!(errors.len(), 1);
    }

    #[test]
    fn an_expiry_day_without_a_time_lasts_the_whole_day_in_vietnam() {
        let mut errors = Vec::new();
        let at = read_instant("05/12/2026", "", "details.expires_at", &mut errors).unwrap();
        assert_eq!(at.to_rfc3339(), "2026-12-05T23:59:00+07:00");
        assert_eq!(
            instant_parts(&at),
            ("05/12/2026".to_owned(), "23:59".to_owned())
        );
        assert_eq!(read_instant(" ", "", "x", &mut errors), None);
        assert_eq!(read_instant("", "08:00", "x", &mut errors), None);
        assert_eq!(errors[0].field, "x");
    }

    #[test]
    fn a_menu_position_is_a_whole_number() {
        let mut errors = Vec::new();
        assert_eq!(read_whole(" 10 ", "m", &mut errors), Some(10));
        assert_eq!(read_whole("mười", "m", &mut errors), None);
        assert_eq!(errors[0].code, "invalid_format");
    }

    #[test]
    fn a_decimal_takes_a_comma_or_a_dot_but_not_both() {
        let mut errors = Vec::new();
        assert_eq!(read_decimal(" 52,4 ", "a", &mut errors), Some(52.4));
        assert_eq!(read_decimal("52.4", "a", &mut errors), Some(52.4));
        assert_eq!(read_decimal("", "a", &mut errors), None);
        assert!(errors.is_empty());
        assert_eq!(read_decimal("1.234,5", "a", &mut errors), None);
        assert_eq!(read_decimal("năm mươi", "b", &mut errors), None);
        assert_eq!(errors.len(), 2);
        assert_eq!(decimal_text(52.4), "52,4");
        assert_eq!(decimal_text(106.665), "106,665");
    }

    #[test]
    fn a_typing_slip_hides_the_parse_error_of_the_same_field() {
        let typed = vec![FieldError::new("a", "invalid_format", "x")];
        let parsed = vec![
            FieldError::new("a", "before_issue", "y"),
            FieldError::new("b", "required", "z"),
        ];
        let fields: Vec<String> = merge_errors(typed, parsed)
            .into_iter()
            .map(|e| format!("{}:{}", e.field, e.code))
            .collect();
        assert_eq!(fields, ["a:invalid_format", "b:required"]);
    }
}

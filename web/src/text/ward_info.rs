//! Words and groupings of the ward information pages: weekdays, changed schedule
//! fields, land uses.

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use openapi::schedule::PublicScheduleEntry;

/// "Thứ Hai" … "Chủ nhật".
pub fn weekday_name(day: NaiveDate) -> &'static str {
    match day.weekday() {
        Weekday::Mon => "Thứ Hai",
        Weekday::Tue => "Thứ Ba",
        Weekday::Wed => "Thứ Tư",
        Weekday::Thu => "Thứ Năm",
        Weekday::Fri => "Thứ Sáu",
        Weekday::Sat => "Thứ Bảy",
        Weekday::Sun => "Chủ nhật",
    }
}

/// "Thứ Hai 30/11/2026".
pub fn day_heading(day: NaiveDate) -> String {
    format!("{} {}", weekday_name(day), day.format("%d/%m/%Y"))
}

/// "08:00 – 11:00", or "08:00" without an end.
pub fn time_range(start: NaiveTime, end: Option<NaiveTime>) -> String {
    match end {
        Some(end) => format!("{} – {}", start.format("%H:%M"), end.format("%H:%M")),
        None => start.format("%H:%M").to_string(),
    }
}

/// A changed field of a schedule entry, by its wire name, as readers say it.
pub fn schedule_field_label(field: &str) -> &str {
    match field {
        "date" => "ngày",
        "start" => "giờ bắt đầu",
        "end" => "giờ kết thúc",
        "content" => "nội dung",
        "chair" => "người chủ trì",
        "participants" => "thành phần",
        "location" => "địa điểm",
        "preparing_unit" => "đơn vị chuẩn bị",
        other => other,
    }
}

/// "giờ bắt đầu, địa điểm".
pub fn changed_fields_text(fields: &[String]) -> String {
    fields
        .iter()
        .map(|field| schedule_field_label(field))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The week's entries by day, days in order and each day's entries by start time.
pub fn entries_by_day(
    entries: &[PublicScheduleEntry],
) -> Vec<(NaiveDate, Vec<PublicScheduleEntry>)> {
    let mut sorted = entries.to_vec();
    sorted.sort_by_key(|item| (item.entry.date, item.entry.start));
    let mut days: Vec<(NaiveDate, Vec<PublicScheduleEntry>)> = Vec::new();
    for item in sorted {
        match days.last_mut() {
            Some((day, list)) if *day == item.entry.date => list.push(item),
            _ => days.push((item.entry.date, vec![item])),
        }
    }
    days
}

/// A phone number grouped as Vietnamese write it: "028 3835 1020" (landline),
/// "0903 123 456" (mobile); anything else as stored.
pub fn phone_text(phone: &str) -> String {
    let digits = phone.chars().all(|c| c.is_ascii_digit());
    let groups: &[usize] = match phone.len() {
        11 if digits && phone.starts_with("02") => &[3, 4, 4],
        10 if digits => &[4, 3, 3],
        _ => return phone.to_owned(),
    };
    let mut parts = Vec::new();
    let mut rest = phone;
    for &size in groups {
        let (part, tail) = rest.split_at(size);
        parts.push(part);
        rest = tail;
    }
    parts.join(" ")
}

/// A planning zone's `land_use` as the legend names it; an unknown value as written.
pub fn land_use_label(land_use: &str) -> &str {
    match land_use {
        "residential" => "Đất ở",
        "public" => "Đất công trình công cộng, cây xanh",
        "commercial" => "Đất thương mại, dịch vụ",
        "green" | "park" => "Đất cây xanh, công viên",
        "education" => "Đất giáo dục",
        "health" => "Đất y tế",
        "industrial" => "Đất công nghiệp",
        "mixed" | "mixed_use" => "Đất hỗn hợp",
        "transport" | "traffic" => "Đất giao thông",
        "water" => "Mặt nước",
        "religious" => "Đất tôn giáo, tín ngưỡng",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use openapi::schedule::ScheduleEntry;

    use super::*;

    fn date(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, day).unwrap()
    }

    fn time(hour: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(hour, 0, 0).unwrap()
    }

    fn entry(day: u32, hour: u32) -> PublicScheduleEntry {
        PublicScheduleEntry {
            entry: ScheduleEntry {
                id: format!("{day}-{hour}"),
                date: date(day),
                start: time(hour),
                end: None,
                content: String::new(),
                chair: String::new(),
                participants: String::new(),
                location: String::new(),
                preparing_unit: String::new(),
            },
            change: None,
        }
    }

    #[test]
    fn a_day_is_named_the_vietnamese_way() {
        assert_eq!(day_heading(date(30)), "Thứ Hai 30/11/2026");
        assert_eq!(weekday_name(date(29)), "Chủ nhật");
    }

    #[test]
    fn times_are_24_hour_with_an_optional_end() {
        assert_eq!(time_range(time(8), Some(time(11))), "08:00 – 11:00");
        assert_eq!(time_range(time(14), None), "14:00");
    }

    #[test]
    fn changed_fields_are_named_in_vietnamese() {
        let fields = vec!["start".to_owned(), "location".to_owned()];
        assert_eq!(changed_fields_text(&fields), "giờ bắt đầu, địa điểm");
    }

    #[test]
    fn entries_are_grouped_by_day_in_time_order() {
        let days = entries_by_day(&[entry(26, 14), entry(24, 8), entry(26, 8)]);
        let shape: Vec<(u32, Vec<String>)> = days
            .iter()
            .map(|(day, list)| {
                (
                    day.day(),
                    list.iter().map(|item| item.entry.id.clone()).collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            [
                (24, vec!["24-8".to_owned()]),
                (26, vec!["26-8".to_owned(), "26-14".to_owned()])
            ]
        );
    }

    #[test]
    fn phone_numbers_are_grouped_for_reading() {
        assert_eq!(phone_text("02838351020"), "028 3835 1020");
        assert_eq!(phone_text("0903123456"), "0903 123 456");
        assert_eq!(phone_text("+84903123456"), "+84903123456");
    }

    #[test]
    fn known_land_uses_have_names_and_others_show_as_written() {
        assert_eq!(land_use_label("residential"), "Đất ở");
        assert_eq!(land_use_label("Đất quốc phòng"), "Đất quốc phòng");
    }
}

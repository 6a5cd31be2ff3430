use leptos::prelude::*;

/// Vietnam keeps UTC+7 all year (no daylight saving time), so a fixed offset is its
/// time zone.
const VIETNAM_OFFSET_SECONDS: i64 = 7 * 3600;

/// A date as Vietnamese readers write it, "01/05/2026", on the calendar of Vietnam
/// whatever the reader's own time zone: an article published at 23:30 in Hà Nội is
/// dated that day, not the next day in UTC. `datetime` carries the same date for
/// machines.
#[component]
pub fn PublishedDate(
    /// Seconds since 1970-01-01T00:00:00Z (`DateTime::timestamp`).
    unix_seconds: i64,
) -> impl IntoView {
    let (year, month, day) = vietnam_date(unix_seconds);
    view! {
        <time datetime=format!("{year:04}-{month:02}-{day:02}")>
            {format!("{day:02}/{month:02}/{year:04}")}
        </time>
    }
}

/// The (year, month, day) in Vietnam at `unix_seconds`.
pub fn vietnam_date(unix_seconds: i64) -> (i64, u32, u32) {
    civil_from_days((unix_seconds + VIETNAM_OFFSET_SECONDS).div_euclid(86_400))
}

/// The proleptic Gregorian date `days` days after 1970-01-01 (Howard Hinnant's
/// `civil_from_days`): the app ships no date library for this one conversion.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    // Months counted from March, so that February, with its leap day, comes last.
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // Both are in range by construction: day 1..=31, month 1..=12.
    (year, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_epoch_is_seven_in_the_morning_of_the_same_day_in_vietnam() {
        assert_eq!(vietnam_date(0), (1970, 1, 1));
    }

    #[test]
    fn an_evening_in_vietnam_is_already_the_next_day() {
        // 2025-12-31T16:59:59Z is 23:59:59 in Vietnam; one second later it is 2026.
        assert_eq!(vietnam_date(1_767_200_399), (2025, 12, 31));
        assert_eq!(vietnam_date(1_767_200_400), (2026, 1, 1));
        // 2025-12-31T17:30:00Z
        assert_eq!(vietnam_date(1_767_202_200), (2026, 1, 1));
    }

    #[test]
    fn leap_days_and_dates_before_1970_come_out_right() {
        // 2024-02-29T00:00:00Z
        assert_eq!(vietnam_date(1_709_164_800), (2024, 2, 29));
        assert_eq!(vietnam_date(1_709_164_800 + 86_400), (2024, 3, 1));
        // 1969-12-31T16:00:00Z is 23:00 in Vietnam.
        assert_eq!(vietnam_date(-28_800), (1969, 12, 31));
        assert_eq!(vietnam_date(-25_200), (1970, 1, 1));
    }
}

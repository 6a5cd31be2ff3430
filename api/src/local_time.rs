//! Vietnam's civil time (UTC+7, no daylight saving): the day a citizen means by
//! "today" and "this week", and the instant a ward's schedule entry starts.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Offset, Utc};

/// UTC+7, Vietnam's offset all year.
pub fn vietnam() -> FixedOffset {
    // Seven hours east of UTC is always a valid offset.
    FixedOffset::east_opt(7 * 3600).unwrap_or_else(|| Utc.fix())
}

pub fn today() -> NaiveDate {
    date_of(Utc::now())
}

/// The day it was in Vietnam at `at`.
pub fn date_of(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&vietnam()).date_naive()
}

/// The instant of `time` on `date` in Vietnam.
pub fn instant(date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    date.and_time(time)
        .and_local_timezone(vietnam())
        .single()
        .map(|local| local.with_timezone(&Utc))
        .unwrap_or_else(|| date.and_time(time).and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_in_the_morning_in_hanoi_is_one_utc() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let start = instant(date, NaiveTime::from_hms_opt(8, 0, 0).unwrap());
        assert_eq!(start.to_rfc3339(), "2026-11-30T01:00:00+00:00");
    }

    #[test]
    fn eleven_at_night_utc_is_already_tomorrow_in_vietnam() {
        let at = "2026-11-29T17:00:00Z".parse::<DateTime<Utc>>().unwrap();
        assert_eq!(date_of(at), NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    }
}

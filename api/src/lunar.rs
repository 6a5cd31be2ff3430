//! The Vietnamese lunar calendar (âm lịch), by Hồ Ngọc Đức's published algorithm
//! ("Thuật toán tính âm lịch"): new moons and the sun's longitude from Jean Meeus'
//! "Astronomical Algorithms", reckoned at UTC+7. Vietnam's calendar differs from
//! China's (UTC+8) in some years, Tết 1985 for one, so the offset matters.
//!
//! A lunar month starts on the day of a new moon; the month holding the winter
//! solstice is the 11th; a lunar year with 13 months repeats (as a leap month) the
//! first month after the 11th in which the sun enters no new major solar term.
//!
//! Only used to propose the lunar holidays of a coming year (Tết, Giỗ Tổ Hùng
//! Vương); an administrator confirms them, so no deadline rests on this alone.

use std::f64::consts::PI;

use chrono::{Datelike, NaiveDate};

/// Vietnam's civil time, in hours east of UTC.
const TIME_ZONE: f64 = 7.0;
/// Julian day number of 1900-01-01, the epoch of the new moon count `k`.
const EPOCH: f64 = 2_415_021.076_998_695;
/// The mean synodic month, in days.
const SYNODIC_MONTH: f64 = 29.530_588_853;
/// `NaiveDate::num_days_from_ce` of a day plus this is its Julian day number.
const JULIAN_DAY_OF_CE: i64 = 1_721_425;

/// A day of the lunar calendar: `leap` when its month is the year's repeated month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LunarDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub leap: bool,
}

impl LunarDate {
    /// A day of an ordinary (not leap) month, e.g. 10/3 for Giỗ Tổ.
    pub fn new(year: i32, month: u32, day: u32) -> LunarDate {
        LunarDate {
            year,
            month,
            day,
            leap: false,
        }
    }
}

fn julian_day(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) + JULIAN_DAY_OF_CE
}

fn from_julian_day(day: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(day - JULIAN_DAY_OF_CE).ok()?)
}

/// The moment (Julian date, UT) of the `k`th new moon after 1/1/1900.
fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let t2 = t * t;
    let t3 = t2 * t;
    let dr = PI / 180.0;
    let mut jd1 = 2_415_020.759_33 + 29.530_588_68 * k + 0.000_117_8 * t2 - 0.000_000_155 * t3;
    jd1 += 0.000_33 * ((166.56 + 132.87 * t - 0.009_173 * t2) * dr).sin();
    // Mean anomalies of the sun and the moon, and the moon's argument of latitude.
    let m = 359.224_2 + 29.105_356_08 * k - 0.000_033_3 * t2 - 0.000_003_47 * t3;
    let mpr = 306.025_3 + 385.816_918_06 * k + 0.010_730_6 * t2 + 0.000_012_36 * t3;
    let f = 21.296_4 + 390.670_506_46 * k - 0.001_652_8 * t2 - 0.000_002_39 * t3;
    // Meeus' periodic terms, added and subtracted one by one as published.
    let c1 = (0.173_4 - 0.000_393 * t) * (m * dr).sin() + 0.002_1 * (2.0 * dr * m).sin()
        - 0.406_8 * (mpr * dr).sin()
        + 0.016_1 * (dr * 2.0 * mpr).sin()
        - 0.000_4 * (dr * 3.0 * mpr).sin()
        + 0.010_4 * (dr * 2.0 * f).sin()
        - 0.005_1 * (dr * (m + mpr)).sin()
        - 0.007_4 * (dr * (m - mpr)).sin()
        + 0.000_4 * (dr * (2.0 * f + m)).sin()
        - 0.000_4 * (dr * (2.0 * f - m)).sin()
        - 0.000_6 * (dr * (2.0 * f + mpr)).sin()
        + 0.001_0 * (dr * (2.0 * f - mpr)).sin()
        + 0.000_5 * (dr * (2.0 * mpr + m)).sin();
    // ΔT, the difference between dynamical and universal time.
    let delta_t = if t < -11.0 {
        0.001 + 0.000_839 * t + 0.000_226_1 * t2 - 0.000_008_45 * t3 - 0.000_000_081 * t * t3
    } else {
        -0.000_278 + 0.000_265 * t + 0.000_262 * t2
    };
    jd1 + c1 - delta_t
}

/// The Julian day number of the local day on which the `k`th new moon falls.
fn new_moon_day(k: i64) -> i64 {
    (new_moon(k) + 0.5 + TIME_ZONE / 24.0).floor() as i64
}

/// The sun's apparent longitude, in radians within [0, 2π), at Julian date `jd`.
fn sun_longitude(jd: f64) -> f64 {
    let t = (jd - 2_451_545.0) / 36_525.0;
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.529_10 + 35_999.050_30 * t - 0.000_155_9 * t2 - 0.000_000_48 * t * t2;
    let l0 = 280.466_45 + 36_000.769_83 * t + 0.000_303_2 * t2;
    let mut dl = (1.914_600 - 0.004_817 * t - 0.000_014 * t2) * (dr * m).sin();
    dl += (0.019_993 - 0.000_101 * t) * (dr * 2.0 * m).sin() + 0.000_290 * (dr * 3.0 * m).sin();
    let l = (l0 + dl) * dr;
    l - 2.0 * PI * (l / (2.0 * PI)).floor()
}

/// Which of the 12 major solar terms (0 = spring equinox … 9 = winter solstice) the
/// sun is in at the start of the local day `day`.
fn solar_term(day: i64) -> i64 {
    (sun_longitude(day as f64 - 0.5 - TIME_ZONE / 24.0) / PI * 6.0).floor() as i64
}

/// The first day (Julian day number) of the 11th lunar month, the one holding the
/// winter solstice of solar year `year`.
fn month_11(year: i32) -> Option<i64> {
    let last_day = julian_day(NaiveDate::from_ymd_opt(year, 12, 31)?);
    let k = ((last_day as f64 - 2_415_021.0) / SYNODIC_MONTH).floor() as i64;
    let start = new_moon_day(k);
    // A new moon after the solstice (sun past 270°) starts the 12th month already.
    Some(if solar_term(start) >= 9 {
        new_moon_day(k - 1)
    } else {
        start
    })
}

/// In a 13-month lunar year starting at the 11th month `a11`: how many months after
/// it the leap month comes, the first without a new major solar term.
fn leap_month_offset(a11: i64) -> i64 {
    let k = ((a11 as f64 - EPOCH) / SYNODIC_MONTH + 0.5).floor() as i64;
    let mut i = 1;
    let mut term = solar_term(new_moon_day(k + i));
    loop {
        let last = term;
        i += 1;
        term = solar_term(new_moon_day(k + i));
        if term == last || i >= 14 {
            break;
        }
    }
    i - 1
}

/// The lunar date of a solar (Gregorian) day.
pub fn to_lunar(date: NaiveDate) -> Option<LunarDate> {
    let day = julian_day(date);
    let k = ((day as f64 - EPOCH) / SYNODIC_MONTH).floor() as i64;
    let mut month_start = new_moon_day(k + 1);
    if month_start > day {
        month_start = new_moon_day(k);
    }
    let mut a11 = month_11(date.year())?;
    let mut b11 = a11;
    let mut year = if a11 >= month_start {
        a11 = month_11(date.year() - 1)?;
        date.year()
    } else {
        b11 = month_11(date.year() + 1)?;
        date.year() + 1
    };
    let lunar_day = day - month_start + 1;
    let months_after_11 = ((month_start - a11) as f64 / 29.0).floor() as i64;
    let mut leap = false;
    let mut month = months_after_11 + 11;
    if b11 - a11 > 365 {
        let leap_offset = leap_month_offset(a11);
        if months_after_11 >= leap_offset {
            month = months_after_11 + 10;
            leap = months_after_11 == leap_offset;
        }
    }
    if month > 12 {
        month -= 12;
    }
    if month >= 11 && months_after_11 < 4 {
        year -= 1;
    }
    Some(LunarDate {
        year,
        month: u32::try_from(month).ok()?,
        day: u32::try_from(lunar_day).ok()?,
        leap,
    })
}

/// The solar (Gregorian) day of a lunar date; `None` for a leap month the year does
/// not have, or a date out of range.
pub fn to_solar(lunar: LunarDate) -> Option<NaiveDate> {
    if !(1..=12).contains(&lunar.month) || !(1..=30).contains(&lunar.day) {
        return None;
    }
    let (a11, b11) = if lunar.month < 11 {
        (month_11(lunar.year - 1)?, month_11(lunar.year)?)
    } else {
        (month_11(lunar.year)?, month_11(lunar.year + 1)?)
    };
    let k = (0.5 + (a11 as f64 - EPOCH) / SYNODIC_MONTH).floor() as i64;
    let mut offset = i64::from(lunar.month) - 11;
    if offset < 0 {
        offset += 12;
    }
    if b11 - a11 > 365 {
        let leap_offset = leap_month_offset(a11);
        let mut leap_month = leap_offset - 2;
        if leap_month < 0 {
            leap_month += 12;
        }
        if lunar.leap && i64::from(lunar.month) != leap_month {
            return None;
        }
        if lunar.leap || offset >= leap_offset {
            offset += 1;
        }
    } else if lunar.leap {
        return None;
    }
    let month_start = new_moon_day(k + offset);
    from_julian_day(month_start + i64::from(lunar.day) - 1)
}

/// Mùng 1 Tết: the first day of lunar year `year` (the one starting in that solar year).
pub fn tet(year: i32) -> Option<NaiveDate> {
    to_solar(LunarDate::new(year, 1, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn tet_falls_on_the_published_days() {
        for (year, first_day) in [
            (2024, "2024-02-10"),
            (2025, "2025-01-29"),
            (2026, "2026-02-17"),
            (2027, "2027-02-06"),
            (2028, "2028-01-26"),
        ] {
            assert_eq!(tet(year), Some(date(first_day)), "Tết {year}");
            assert_eq!(
                to_lunar(date(first_day)),
                Some(LunarDate::new(year, 1, 1)),
                "{first_day}"
            );
        }
    }

    #[test]
    fn the_eve_of_tet_is_the_last_day_of_the_old_year() {
        // 2026-02-16 is 29 tháng Chạp Ất Tỵ: that month had 29 days.
        assert_eq!(
            to_lunar(date("2026-02-16")),
            Some(LunarDate::new(2025, 12, 29))
        );
    }

    #[test]
    fn hung_kings_day_is_the_tenth_of_the_third_month() {
        assert_eq!(
            to_solar(LunarDate::new(2026, 3, 10)),
            Some(date("2026-04-26"))
        );
        assert_eq!(
            to_solar(LunarDate::new(2027, 3, 10)),
            Some(date("2027-04-16"))
        );
    }

    #[test]
    fn the_leap_sixth_month_of_2025_follows_the_sixth() {
        // 2025: tháng 6 from 25/6, tháng 6 nhuận from 25/7, tháng 7 from 23/8.
        assert_eq!(
            to_lunar(date("2025-07-24")),
            Some(LunarDate::new(2025, 6, 30))
        );
        let leap_first = LunarDate {
            leap: true,
            ..LunarDate::new(2025, 6, 1)
        };
        assert_eq!(to_lunar(date("2025-07-25")), Some(leap_first));
        assert_eq!(to_solar(leap_first), Some(date("2025-07-25")));
        assert_eq!(
            to_solar(LunarDate::new(2025, 7, 1)),
            Some(date("2025-08-23"))
        );
    }

    #[test]
    fn the_leap_second_month_of_2023_follows_the_second() {
        // 2023: tháng 2 from 20/2, tháng 2 nhuận from 22/3, tháng 3 from 20/4.
        assert_eq!(
            to_solar(LunarDate::new(2023, 2, 1)),
            Some(date("2023-02-20"))
        );
        let leap_first = LunarDate {
            leap: true,
            ..LunarDate::new(2023, 2, 1)
        };
        assert_eq!(to_solar(leap_first), Some(date("2023-03-22")));
        assert_eq!(to_lunar(date("2023-03-22")), Some(leap_first));
        assert_eq!(
            to_solar(LunarDate::new(2023, 3, 1)),
            Some(date("2023-04-20"))
        );
        // Giỗ Tổ 2023 was 29/4, a month later than a year without the leap month.
        assert_eq!(
            to_solar(LunarDate::new(2023, 3, 10)),
            Some(date("2023-04-29"))
        );
    }

    #[test]
    fn a_leap_month_a_year_does_not_have_is_no_date() {
        let leap_third = LunarDate {
            leap: true,
            ..LunarDate::new(2025, 3, 1)
        };
        assert_eq!(to_solar(leap_third), None);
        let leap_in_a_common_year = LunarDate {
            leap: true,
            ..LunarDate::new(2026, 6, 1)
        };
        assert_eq!(to_solar(leap_in_a_common_year), None);
    }

    #[test]
    fn every_day_of_a_decade_converts_there_and_back() {
        let mut day = date("2020-01-01");
        while day < date("2030-12-31") {
            let lunar = to_lunar(day).unwrap();
            assert_eq!(to_solar(lunar), Some(day), "{day} → {lunar:?}");
            day += chrono::Duration::days(1);
        }
    }
}

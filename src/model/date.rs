//! Calendar dates as notices write them: a day (`2024-04-12`) or only a month (`2018-05`).

use std::fmt;

/// A date, to the day or to the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    /// The year, e.g. 2024.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
    /// The day of the month, when known.
    pub day: Option<u32>,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// A date to the day.
    pub const fn ymd(year: i32, month: u32, day: u32) -> Date {
        Date {
            year,
            month,
            day: Some(day),
        }
    }

    /// Parse `YYYY-MM-DD` or `YYYY-MM`. Returns `None` for anything else, or an impossible
    /// date such as `2024-02-30`.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let mut parts = s.split('-');
        let y = parts.next()?;
        let m = parts.next()?;
        let d = parts.next();
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        let month: u32 = m.parse().ok()?;
        if !(1..=12).contains(&month) || !(1900..=2999).contains(&year) {
            return None;
        }
        let day = match d {
            None => None,
            Some(d) if d.len() == 2 => {
                let day: u32 = d.parse().ok()?;
                if day == 0 || day > days_in_month(year, month) {
                    return None;
                }
                Some(day)
            }
            Some(_) => return None,
        };
        Some(Date { year, month, day })
    }

    /// The last day this date could mean (the end of the month for a month-only date).
    pub fn latest(self) -> (i32, u32, u32) {
        (
            self.year,
            self.month,
            self.day
                .unwrap_or_else(|| days_in_month(self.year, self.month)),
        )
    }

    /// The first day this date could mean.
    pub fn earliest(self) -> (i32, u32, u32) {
        (self.year, self.month, self.day.unwrap_or(1))
    }

    /// Whether this date is certainly before `other` (every day it could mean is earlier).
    pub fn is_before(self, other: Date) -> bool {
        self.latest() < other.earliest()
    }

    /// The number of whole months from `self` to `later` (negative if `later` is earlier).
    pub fn months_until(self, later: Date) -> i32 {
        let (y1, m1, d1) = self.latest();
        let (y2, m2, d2) = later.earliest();
        let mut months = (y2 - y1) * 12 + (m2 as i32 - m1 as i32);
        if d2 < d1 {
            months -= 1;
        }
        months
    }

    /// Today's date from the system clock (UTC). Only the command line calls this: the
    /// library takes dates as arguments so its outputs stay deterministic.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_unix_days((secs / 86_400) as i64)
    }

    /// The date `days` days after 1970-01-01 (civil-from-days, proleptic Gregorian).
    pub fn from_unix_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date::ymd(year, month, day)
    }

    /// Written out for people: `12 April 2024`, or `May 2018` for a month.
    pub fn long(self) -> String {
        let month = MONTHS[(self.month - 1) as usize];
        match self.day {
            Some(d) => format!("{d} {month} {}", self.year),
            None => format!("{month} {}", self.year),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.day {
            Some(d) => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, d),
            None => write!(f, "{:04}-{:02}", self.year, self.month),
        }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_days_and_months() {
        assert_eq!(Date::parse("2024-04-12"), Some(Date::ymd(2024, 4, 12)));
        assert_eq!(Date::parse("2018-05").unwrap().long(), "May 2018");
        assert_eq!(Date::parse("2024-02-30"), None);
        assert_eq!(Date::parse("2024-2-3"), None);
        assert_eq!(Date::parse("12/04/2024"), None);
        assert_eq!(Date::parse("2024-02-29"), Some(Date::ymd(2024, 2, 29)));
    }

    #[test]
    fn month_dates_compare_cautiously() {
        let may = Date::parse("2018-05").unwrap();
        assert!(may.is_before(Date::ymd(2018, 6, 1)));
        assert!(!may.is_before(Date::ymd(2018, 5, 31)));
        assert_eq!(
            Date::ymd(2024, 4, 12).months_until(Date::ymd(2025, 4, 12)),
            12
        );
        assert_eq!(
            Date::ymd(2024, 4, 12).months_until(Date::ymd(2025, 4, 11)),
            11
        );
    }

    #[test]
    fn unix_days_convert() {
        assert_eq!(Date::from_unix_days(0), Date::ymd(1970, 1, 1));
        assert_eq!(Date::from_unix_days(20_517), Date::ymd(2026, 3, 5));
    }
}

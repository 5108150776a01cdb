//! Dates and inclusive date ranges.
//!
//! Every edge, post, membership and status in a dataset carries an optional
//! `from` and `to` date. Both ends are **inclusive** and a missing end is open:
//! `{"from": "2025-07-01"}` holds from 1 July 2025 on, `{"to": "2025-06-30"}`
//! holds up to and including 30 June 2025. This matches how the documents word
//! it ("đến hết ngày 30/6/2025", "từ ngày 1/7/2025").
//!
//! Dates travel as ISO-8601 calendar dates (`YYYY-MM-DD`). The (de)serialisers in
//! this module parse that form directly, which keeps loading a country-sized
//! dataset fast.

use chrono::{Datelike, Months, NaiveDate};

/// A calendar date (re-exported from `chrono`).
pub type Date = NaiveDate;

/// An inclusive range of dates; `None` at either end means open.
///
/// ```
/// use xeploai::date::{Period, parse_iso_date};
/// let p = Period::new(parse_iso_date("2025-07-01"), None);
/// assert!(p.contains(parse_iso_date("2026-01-01").unwrap()));
/// assert!(!p.contains(parse_iso_date("2025-06-30").unwrap()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Period {
    /// First day, inclusive; `None` is open.
    pub from: Option<Date>,
    /// Last day, inclusive; `None` is open.
    pub to: Option<Date>,
}

impl Period {
    /// A range from `from` to `to`, both inclusive.
    #[must_use]
    pub const fn new(from: Option<Date>, to: Option<Date>) -> Self {
        Self { from, to }
    }

    /// The range open at both ends.
    #[must_use]
    pub const fn always() -> Self {
        Self {
            from: None,
            to: None,
        }
    }

    /// Whether `day` lies in the range.
    #[must_use]
    pub fn contains(&self, day: Date) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }

    /// Whether `to` comes before `from` (an empty, reversed range).
    #[must_use]
    pub fn is_reversed(&self) -> bool {
        matches!((self.from, self.to), (Some(f), Some(t)) if t < f)
    }

    /// Whether the two ranges share at least one day.
    #[must_use]
    pub fn overlaps(&self, other: &Self) -> bool {
        let starts_before_other_ends = match (self.from, other.to) {
            (Some(f), Some(t)) => f <= t,
            _ => true,
        };
        let other_starts_before_self_ends = match (other.from, self.to) {
            (Some(f), Some(t)) => f <= t,
            _ => true,
        };
        starts_before_other_ends && other_starts_before_self_ends
    }

    /// Whether this range lies inside `outer` (every day of `self` is in `outer`).
    #[must_use]
    pub fn within(&self, outer: &Self) -> bool {
        let start_ok = match (outer.from, self.from) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(o), Some(s)) => o <= s,
        };
        let end_ok = match (outer.to, self.to) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(o), Some(s)) => s <= o,
        };
        start_ok && end_ok
    }
}

/// Adds calendar months, clamping to the end of the month (31 Aug + 6 months
/// is 28 or 29 Feb). `None` only if the result is out of chrono's range.
///
/// The Party Charter counts membership age by month ("tính theo tháng"), so
/// "admitted less than 6 months ago" is `add_months(admitted_on, 6) > reference`
/// (party-rating.md §4, E3).
#[must_use]
pub fn add_months(day: Date, months: u32) -> Option<Date> {
    day.checked_add_months(Months::new(months))
}

/// 31 December of `year`.
#[must_use]
pub fn end_of_year(year: i32) -> Option<Date> {
    NaiveDate::from_ymd_opt(year, 12, 31)
}

/// Parses `YYYY-MM-DD` (exactly ten ASCII characters, a real calendar day).
///
/// ```
/// use xeploai::date::parse_iso_date;
/// assert!(parse_iso_date("2025-02-29").is_none());
/// assert_eq!(parse_iso_date("2024-02-29").map(|d| d.to_string()).as_deref(), Some("2024-02-29"));
/// ```
#[must_use]
pub fn parse_iso_date(text: &str) -> Option<Date> {
    let b = text.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let mut value = 0u32;
        for &c in b.get(range)? {
            if !c.is_ascii_digit() {
                return None;
            }
            value = value * 10 + u32::from(c - b'0');
        }
        Some(value)
    };
    let year = i32::try_from(digits(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
}

/// Writes a date as `YYYY-MM-DD`.
#[must_use]
pub fn format_iso_date(day: Date) -> String {
    format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
}

pub(crate) mod serde_date {
    //! `#[serde(with = ...)]` helpers for required and optional ISO dates.
    use super::{format_iso_date, parse_iso_date, Date};
    use serde::{de, Deserializer, Serializer};
    use std::fmt;

    struct DateVisitor;

    impl de::Visitor<'_> for DateVisitor {
        type Value = Date;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an ISO-8601 date `YYYY-MM-DD`")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
            parse_iso_date(v).ok_or_else(|| {
                E::custom(format_args!(
                    "`{v}` is not a valid ISO-8601 date `YYYY-MM-DD`"
                ))
            })
        }
    }

    pub(crate) fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_iso_date(*d))
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        d.deserialize_str(DateVisitor)
    }

    pub(crate) mod opt {
        //! Optional dates; `null` and a missing field are both `None`.
        use super::{format_iso_date, DateVisitor};
        use crate::date::Date;
        use serde::{de, Deserializer, Serializer};
        use std::fmt;

        struct OptVisitor;
        impl<'de> de::Visitor<'de> for OptVisitor {
            type Value = Option<Date>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an ISO-8601 date `YYYY-MM-DD` or null")
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_str(DateVisitor).map(Some)
            }
        }

        #[expect(
            clippy::ref_option,
            reason = "serde's `with` calls serialize with a reference to the field"
        )]
        pub(crate) fn serialize<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
            match d {
                Some(d) => s.serialize_str(&format_iso_date(*d)),
                None => s.serialize_none(),
            }
        }

        pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<Date>, D::Error> {
            d.deserialize_option(OptVisitor)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        parse_iso_date(s).unwrap()
    }

    #[test]
    fn inclusive_ends() {
        let p = Period::new(Some(d("2025-01-01")), Some(d("2025-06-30")));
        assert!(p.contains(d("2025-01-01")));
        assert!(p.contains(d("2025-06-30")));
        assert!(!p.contains(d("2025-07-01")));
        let q = Period::new(Some(d("2025-06-30")), None);
        assert!(p.overlaps(&q));
        let r = Period::new(Some(d("2025-07-01")), None);
        assert!(!p.overlaps(&r));
        assert!(Period::always().overlaps(&r));
    }

    #[test]
    fn calendar_months_clamp() {
        assert_eq!(add_months(d("2025-08-31"), 6), Some(d("2026-02-28")));
        assert_eq!(add_months(d("2025-06-15"), 6), Some(d("2025-12-15")));
    }

    #[test]
    fn rejects_bad_dates() {
        for bad in [
            "2025-1-01",
            "2025-13-01",
            "20250101",
            "2025-02-30",
            "２０２５-01-01",
            "",
        ] {
            assert!(parse_iso_date(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn within() {
        let outer = Period::new(Some(d("2020-01-01")), Some(d("2025-06-30")));
        assert!(Period::new(Some(d("2021-01-01")), Some(d("2022-01-01"))).within(&outer));
        assert!(!Period::new(Some(d("2019-01-01")), Some(d("2022-01-01"))).within(&outer));
        assert!(!Period::new(Some(d("2021-01-01")), None).within(&outer));
        assert!(Period::new(None, None).within(&Period::always()));
    }
}

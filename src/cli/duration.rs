//! Durations as staff type them (`--older-than 90d`, `--since 12h`): humantime's units, with
//! `mo` for 30-day months, and a bare `m` refused, since minutes and months are both read into
//! it and one of them purges nearly every resolved ticket.

use std::time::Duration;

/// The units, as the help and the errors name them.
pub const UNITS: &str = "min, h, d, w, mo = 30 days, y";

const DAY: u64 = 24 * 60 * 60;

/// `90d`, `12h`, `30min`, `2w`, `6mo`, `1y`, or several (`1d 12h`). Any unit humantime knows
/// is taken (`s`, `hours`, `weeks`...), except `m`; months (`mo`, `month(s)`, `M`) are 30 days.
/// A bare number is refused with the unit spelled out: guessing days or seconds would purge
/// the wrong tickets.
pub fn parse(text: &str) -> Result<Duration, String> {
    let t = text.trim();
    let not_one = || {
        format!(
            "`{t}` is not a duration: use a number with a unit, such as 30d, 12h or 90min (units: {UNITS})"
        )
    };
    if t.is_empty() {
        return Err(not_one());
    }
    if let Some(positive) = t.strip_prefix('-') {
        return Err(format!(
            "`{t}` is negative: give how far back as a duration such as 30d or 12h (for {positive} ago write {positive})"
        ));
    }
    if t.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!("{} (for {t} days write {t}d)", not_one()));
    }
    let mut total = Duration::ZERO;
    let mut rest = t;
    while !rest.is_empty() {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let (number, after) = rest.split_at(digits);
        let after = after.trim_start();
        let letters = after.len() - after.trim_start_matches(char::is_alphabetic).len();
        let (unit, after) = after.split_at(letters);
        let n: u64 = number.parse().map_err(|_| not_one())?;
        let part = match unit {
            "" => return Err(not_one()),
            "m" => {
                return Err(format!(
                    "`{t}`: m is ambiguous: write {n}min or {n}mo (30-day months)"
                ));
            }
            "mo" | "month" | "months" | "M" => n
                .checked_mul(30 * DAY)
                .map(Duration::from_secs)
                .ok_or_else(not_one)?,
            _ => humantime::parse_duration(&format!("{n}{unit}")).map_err(|_| not_one())?,
        };
        total = total.checked_add(part).ok_or_else(not_one)?;
        rest = after.trim_start();
    }
    Ok(total)
}

/// `d` in the units [`parse`] reads back: `6min`, `12h`, `3d`, `45s` (nothing is `0d`).
pub fn spell(d: Duration) -> String {
    let s = d.as_secs();
    match s {
        0 => "0d".into(),
        s if s % DAY == 0 => format!("{}d", s / DAY),
        s if s % 3600 == 0 => format!("{}h", s / 3600),
        s if s % 60 == 0 => format!("{}min", s / 60),
        s => format!("{s}s"),
    }
}

/// Whether `d` is under one day (a purge that takes tickets resolved today).
pub fn under_a_day(d: Duration) -> bool {
    d.as_secs() < DAY
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(text: &str) -> u64 {
        parse(text)
            .unwrap_or_else(|e| panic!("{text}: {e}"))
            .as_secs()
    }

    #[test]
    fn each_unit_means_one_thing() {
        assert_eq!(secs("30min"), 30 * 60);
        assert_eq!(secs("12h"), 12 * 3600);
        assert_eq!(secs("7d"), 7 * DAY);
        assert_eq!(secs("2w"), 14 * DAY);
        assert_eq!(secs("6mo"), 180 * DAY);
        assert_eq!(secs("6months"), 180 * DAY);
        assert_eq!(secs("1month"), 30 * DAY);
        assert_eq!(
            secs("1y"),
            humantime::parse_duration("1y").unwrap().as_secs()
        );
        assert!(secs("1y") >= 365 * DAY);
    }

    #[test]
    fn forms_that_worked_before_still_do() {
        assert_eq!(secs("90d"), 90 * DAY);
        assert_eq!(secs(" 0s "), 0);
        assert_eq!(secs("45s"), 45);
        assert_eq!(secs("3 days"), 3 * DAY);
        assert_eq!(secs("1d 12h"), DAY + 12 * 3600);
        assert_eq!(secs("1h30min"), 5400);
        assert_eq!(secs("90mins"), 5400);
    }

    #[test]
    fn a_bare_m_is_refused_as_ambiguous() {
        for text in ["6m", "1h30m", "6 m"] {
            let e = parse(text).unwrap_err();
            assert!(e.contains("m is ambiguous"), "{text}: {e}");
        }
        let e = parse("6m").unwrap_err();
        assert!(e.contains("write 6min or 6mo"), "{e}");
    }

    #[test]
    fn a_number_without_unit_or_nonsense_is_refused() {
        let e = parse("90").unwrap_err();
        assert!(e.contains("for 90 days write 90d"), "{e}");
        for text in ["", "abc", "d", "5 parsecs", "99999999999999999999d"] {
            let e = parse(text).unwrap_err();
            assert!(
                e.contains("is not a duration") && e.contains(UNITS),
                "{text}: {e}"
            );
        }
    }

    #[test]
    fn a_negative_duration_says_so() {
        let e = parse("-5d").unwrap_err();
        assert!(
            e.contains("`-5d` is negative") && e.contains("write 5d"),
            "{e}"
        );
    }

    #[test]
    fn spelled_durations_read_back() {
        for text in ["0d", "45s", "6min", "12h", "3d"] {
            assert_eq!(spell(parse(text).unwrap()), text);
        }
        assert!(under_a_day(parse("23h").unwrap()));
        assert!(!under_a_day(parse("1d").unwrap()));
    }
}

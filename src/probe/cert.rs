//! Reads a certificate's expiry (`notAfter`) from its DER bytes.
//!
//! Only this one field is needed, so a short DER walk replaces an X.509 crate (x509-parser
//! would add about ten crates to the build). Anything unexpected yields `None`, never a panic.

/// The `notAfter` time of an X.509 certificate, in unix seconds.
pub fn not_after(der: &[u8]) -> Option<i64> {
    let (cert, _) = tlv(der, 0x30)?;
    let (mut tbs, _) = tlv(cert, 0x30)?;
    if tbs.first() == Some(&0xa0) {
        tbs = tlv(tbs, 0xa0)?.1; // [0] EXPLICIT version
    }
    let (_, rest) = tlv(tbs, 0x02)?; // serialNumber
    let (_, rest) = tlv(rest, 0x30)?; // signature algorithm
    let (_, rest) = tlv(rest, 0x30)?; // issuer
    let (validity, _) = tlv(rest, 0x30)?;
    let tag = *validity.first()?;
    let (_, after) = tlv(validity, tag)?; // notBefore
    let tag = *after.first()?;
    let (time, _) = tlv(after, tag)?;
    parse_time(tag, std::str::from_utf8(time).ok()?)
}

/// One tag-length-value: (contents, remainder), when the tag is `tag`.
fn tlv(input: &[u8], tag: u8) -> Option<(&[u8], &[u8])> {
    if *input.first()? != tag {
        return None;
    }
    let first = *input.get(1)?;
    let (len, header) = if first < 0x80 {
        (usize::from(first), 2)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 {
            return None;
        }
        let mut len = 0usize;
        for b in input.get(2..2 + n)? {
            len = (len << 8) | usize::from(*b);
        }
        (len, 2 + n)
    };
    let end = header.checked_add(len)?;
    Some((input.get(header..end)?, input.get(end..)?))
}

/// UTCTime (`YYMMDDHHMMSSZ`, tag 0x17) or GeneralizedTime (`YYYYMMDDHHMMSSZ`, tag 0x18).
fn parse_time(tag: u8, s: &str) -> Option<i64> {
    let s = s.strip_suffix('Z')?;
    let (year, rest) = match tag {
        0x17 if s.len() == 12 => {
            let yy: i64 = s.get(..2)?.parse().ok()?;
            (if yy >= 50 { 1900 + yy } else { 2000 + yy }, s.get(2..)?)
        }
        0x18 if s.len() == 14 => (s.get(..4)?.parse().ok()?, s.get(4..)?),
        _ => return None,
    };
    let num = |r: std::ops::Range<usize>| -> Option<i64> { rest.get(r)?.parse().ok() };
    let (month, day) = (num(0..2)?, num(2..4)?);
    let (hour, minute, second) = (num(4..6)?, num(6..8)?, num(8..10)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(parse_time(0x17, "300101000000Z"), Some(1_893_456_000));
        assert_eq!(parse_time(0x18, "20300101000000Z"), Some(1_893_456_000));
        assert_eq!(parse_time(0x17, "990101000000Z"), Some(915_148_800));
        assert_eq!(parse_time(0x17, "bogus"), None);
    }

    #[test]
    fn reads_not_after_from_a_real_certificate() {
        for (y, expected) in [(2030, 1_893_456_000), (2055, 2_682_374_400)] {
            let mut params =
                rcgen::CertificateParams::new(vec!["localhost".into()]).expect("params");
            params.not_after = rcgen::date_time_ymd(y, 1, 1);
            let key = rcgen::KeyPair::generate().expect("key");
            let cert = params.self_signed(&key).expect("cert");
            assert_eq!(not_after(cert.der()), Some(expected), "{y}");
        }
        assert_eq!(not_after(&[0x30, 0x03, 0x02, 0x01]), None);
        assert_eq!(not_after(&[]), None);
    }
}

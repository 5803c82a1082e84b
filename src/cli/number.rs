//! Whole-number settings (`CROWD_MINUTES`, `CHECK_CACHE_SECONDS`, ports) parsed with one
//! wording for every way they can be wrong: not a number, negative, or out of range.

/// `text` as a whole number from `low` to `high` (both included), as a `T`. The error says
/// what the setting takes: "must be 0 or more", "must be between 1 and 1440", never a type's
/// limit nobody chose (a `high` of `u32::MAX` or more reads as no upper bound).
pub fn whole<T: TryFrom<u64>>(text: &str, low: u64, high: u64) -> Result<T, String> {
    let text = text.trim();
    let Ok(n) = text.parse::<i128>() else {
        return Err(if text.is_empty() {
            "empty".to_string()
        } else {
            "not a whole number".to_string()
        });
    };
    let unbounded = high >= u64::from(u32::MAX);
    let takes = if !unbounded {
        format!("between {low} and {high}")
    } else {
        format!("{low} or more")
    };
    if n < i128::from(low) {
        return Err(format!("must be {takes}"));
    }
    if n > i128::from(high) {
        return Err(if unbounded {
            format!("too large (at most {high})")
        } else {
            format!("must be {takes}")
        });
    }
    // In range: `n` is from `low` to `high`, so it fits a u64; and `high` fits a `T` (each
    // caller gives its type's bound or less), so the conversion cannot fail either.
    u64::try_from(n)
        .ok()
        .and_then(|n| T::try_from(n).ok())
        .ok_or_else(|| format!("too large (at most {high})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_wrong_number_says_what_the_setting_takes() {
        assert_eq!(
            whole::<u64>("-1", 0, u64::MAX),
            Err("must be 0 or more".into())
        );
        assert_eq!(
            whole::<u32>("-1", 1, u64::from(u32::MAX)),
            Err("must be 1 or more".into())
        );
        assert_eq!(
            whole::<u64>("-1", 1, 1440),
            Err("must be between 1 and 1440".into())
        );
        assert_eq!(
            whole::<u64>("1441", 1, 1440),
            Err("must be between 1 and 1440".into())
        );
        assert_eq!(
            whole::<u32>("4294967296", 1, u64::from(u32::MAX)),
            Err("too large (at most 4294967295)".into())
        );
        assert_eq!(
            whole::<u64>("abc", 0, u64::MAX),
            Err("not a whole number".into())
        );
        assert_eq!(
            whole::<u64>("1.5", 0, u64::MAX),
            Err("not a whole number".into())
        );
        assert_eq!(whole::<u16>(" 443 ", 1, 65535), Ok(443));
        assert_eq!(whole::<u64>("0", 0, u64::MAX), Ok(0));
    }
}

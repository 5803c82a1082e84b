//! The dev/test split rule of the real-text sets (`tests/data/diagnose_real.toml`,
//! `tests/data/replies.toml`): fixed once, by the source, so no case can move between splits.

/// FNV-1a 64 of `text`.
pub fn fnv1a(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Whether the case from `source` is in the test split (never tuned on): FNV-1a-64 % 5 < 2.
pub fn is_test(source: &str) -> bool {
    fnv1a(source) % 5 < 2
}

//! How rows are written and read: big-endian numeric keys (so sled's order is numeric order)
//! and JSON values.
//!
//! **Unreadable rows.** A row written by an incompatible version, or damaged, is never fatal to
//! the others: listings and aggregates skip it with a warning naming its table and key
//! ([`decode_or_skip`]); reading that one row by its key is an error that names it
//! ([`decode`]), so the operator learns which. Sessions are the exception, decided in
//! `sessions.rs`: an unreadable session starts the user afresh rather than failing every
//! message they send.

use serde::Serialize;
use serde::de::DeserializeOwned;

pub(super) fn be(n: u64) -> [u8; 8] {
    n.to_be_bytes()
}

pub(super) fn from_be(bytes: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    let n = bytes.len().min(8);
    b[8 - n..].copy_from_slice(&bytes[..n]);
    u64::from_be_bytes(b)
}

#[allow(clippy::expect_used)] // each `expect` below says why it cannot fail
pub(super) fn to_json<T: Serialize>(v: &T) -> Vec<u8> {
    // Serialising our own plain data types cannot fail (no maps with non-string keys).
    serde_json::to_vec(v).expect("plain data serialises")
}

/// A row read by its key that does not decode: which table, which key, why.
pub(super) fn decode<T: DeserializeOwned>(
    table: &str,
    key: &dyn std::fmt::Display,
    bytes: &[u8],
) -> Result<T, String> {
    serde_json::from_slice(bytes).map_err(|e| format!("{table} row {key} is unreadable: {e}"))
}

/// A row met while listing: decoded, or skipped with a warning.
pub(super) fn decode_or_skip<T: DeserializeOwned>(
    table: &str,
    key: &[u8],
    bytes: &[u8],
) -> Option<T> {
    match serde_json::from_slice(bytes) {
        Ok(v) => Some(v),
        Err(e) => {
            tracing::warn!(table, key = %key_text(key), error = %e, "unreadable row skipped");
            None
        }
    }
}

/// A key for the log: its number when it is one of ours (8 bytes), else its text.
fn key_text(key: &[u8]) -> String {
    if key.len() == 8 {
        from_be(key).to_string()
    } else {
        String::from_utf8_lossy(key).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sort_as_numbers_and_bad_rows_are_named() {
        assert!(be(2) < be(10));
        assert_eq!(from_be(&be(42)), 42);
        assert_eq!(decode_or_skip::<u32>("stats", &be(7), b"not json"), None);
        let e = decode::<u32>("tickets", &"T-0007", b"{").unwrap_err();
        assert!(e.starts_with("tickets row T-0007 is unreadable"), "{e}");
    }
}

//! The embedding cache on disk: chunk vectors keyed by model and text, so a restart or a hot
//! reload embeds only the chunks that changed.
//!
//! One file per model under the cache directory, `<model as a file name>.vectors`: a header
//! (magic, model name, dimension), then records of a 64-bit text hash and the vector as
//! little-endian f32. New vectors are appended; when more than half the file is vectors no
//! article uses any more, it is rewritten (to a temporary file, then renamed). A damaged file
//! (a torn append after a crash, a wrong header) is never an error: what can be read is kept,
//! the rest is embedded again.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 8] = b"SBVEC01\n";

/// Key of a chunk's text. A 64-bit hash: at 10,000 articles of 30 chunks the chance that two
/// texts share a key is about 1 in 400 million, and a collision only gives one chunk another
/// chunk's vector.
pub fn text_key(text: &str) -> u64 {
    let mut h = StableHasher::default();
    h.write(text.as_bytes());
    h.add(text.len() as u64);
    let a = h.finish();
    // FxHash alone mixes the last bytes weakly; a second round over the first result spreads
    // them (a splitmix64 finaliser).
    let mut z = a.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// FxHash over bytes (one rotate, xor and multiply per 8 bytes), written out here rather than
/// taken from `rustc-hash`: [`text_key`]s are stored in cache files, so their hash must never
/// change with a dependency update (rustc-hash promises no stable output, and its 2.0 changed it).
#[derive(Debug, Default)]
struct StableHasher(u64);

impl StableHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

/// Vectors of one model, loaded from and saved to its file.
#[derive(Debug)]
pub struct EmbeddingCache {
    path: PathBuf,
    model: String,
    dim: usize,
    /// Row of each key in `rows`: one flat array rather than a vector per chunk (a large base
    /// has over 100,000 chunks; this halves the time to read them).
    slots: HashMap<u64, usize>,
    rows: Vec<f32>,
    /// Keys appended since loading, in order, not yet written.
    fresh: Vec<u64>,
    /// Whether the file on disk must be rewritten whole (damaged, another model, or stale).
    rewrite: bool,
}

fn file_name(model: &str) -> String {
    let safe: String = model
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{safe}-{:016x}.vectors", text_key(model))
}

impl EmbeddingCache {
    /// Opens (or starts) the cache of `model` in `dir`. Never fails: an unreadable file is
    /// logged and treated as empty.
    pub fn open(dir: &Path, model: &str, dim: usize) -> EmbeddingCache {
        let path = dir.join(file_name(model));
        let mut cache = EmbeddingCache {
            path,
            model: model.to_string(),
            dim,
            slots: HashMap::new(),
            rows: Vec::new(),
            fresh: Vec::new(),
            rewrite: false,
        };
        match File::open(&cache.path) {
            Ok(f) => {
                if let Err(why) = cache.read(BufReader::new(f)) {
                    tracing::warn!(file = %cache.path.display(), %why, "embedding cache partly unreadable; the rest is embedded again");
                    cache.rewrite = true;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => cache.rewrite = true,
            Err(e) => {
                tracing::warn!(file = %cache.path.display(), error = %e, "cannot read the embedding cache");
                cache.rewrite = true;
            }
        }
        cache
    }

    /// Whether this cache holds vectors of `model` with `dim` dimensions.
    pub fn is_for(&self, model: &str, dim: usize) -> bool {
        self.model == model && self.dim == dim
    }

    #[allow(clippy::expect_used)] // each `expect` below says why it cannot fail
    fn read(&mut self, mut r: impl Read) -> Result<(), String> {
        let mut bytes = Vec::new();
        r.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
        let mut at = 0;
        let mut take = |n: usize| -> Result<&[u8], String> {
            let piece = bytes.get(at..at + n).ok_or("the file ends early")?;
            at += n;
            Ok(piece)
        };
        if take(8)? != MAGIC {
            return Err("not an embedding cache file".into());
        }
        let word = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize;
        let name_len = word(take(4)?);
        if name_len > 4096 {
            return Err("header too long".into());
        }
        let name = take(name_len)?.to_vec();
        let dim = word(take(4)?);
        if name != self.model.as_bytes() || dim != self.dim {
            return Err("written for another model".into());
        }
        let record = 8 + 4 * dim;
        let body = &bytes[at..];
        let whole = body.len() / record;
        self.rows.reserve(whole * dim);
        self.slots.reserve(whole);
        for rec in body.chunks_exact(record) {
            let (key, rest) = rec.split_at(8);
            // split_at(8) gives exactly 8 bytes.
            let key = u64::from_le_bytes(key.try_into().expect("8 bytes"));
            let start = self.rows.len();
            self.rows.extend(
                rest.chunks_exact(4)
                    .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])),
            );
            if self.rows[start..].iter().any(|x| !x.is_finite()) {
                self.rows.truncate(start);
                return Err("a vector holds a value that is not a number".into());
            }
            // A key written twice keeps its newer row.
            self.slots.insert(key, start / dim);
        }
        if body.len() % record != 0 {
            return Err("the last record is torn (a crash while writing)".into());
        }
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    fn row(&self, slot: usize) -> &[f32] {
        &self.rows[slot * self.dim..(slot + 1) * self.dim]
    }

    pub fn get(&self, text: &str) -> Option<&[f32]> {
        self.slots.get(&text_key(text)).map(|&s| self.row(s))
    }

    pub fn insert(&mut self, text: &str, vector: Vec<f32>) {
        if vector.len() != self.dim {
            return;
        }
        let key = text_key(text);
        let slot = self.rows.len() / self.dim;
        self.rows.extend_from_slice(&vector);
        if self.slots.insert(key, slot).is_none() {
            self.fresh.push(key);
        }
    }

    /// Writes what is new. `in_use` are the keys the current articles need: when most of the
    /// file is vectors nobody needs, it is rewritten with only those. Errors are logged: a
    /// cache that cannot be written costs time at the next start, nothing else.
    pub fn save(&mut self, in_use: &[u64]) {
        let stale = self.slots.len().saturating_sub(in_use.len());
        if stale > in_use.len().max(64) {
            let keep: std::collections::HashSet<u64> = in_use.iter().copied().collect();
            self.slots.retain(|k, _| keep.contains(k));
            self.rewrite = true;
        }
        let result = if self.rewrite {
            self.write_whole()
        } else if self.fresh.is_empty() {
            Ok(())
        } else {
            self.append()
        };
        match result {
            Ok(()) => {
                self.rewrite = false;
                self.fresh.clear();
            }
            Err(e) => {
                // Whatever reached the file may be partial: write it whole next time.
                self.rewrite = true;
                tracing::warn!(file = %self.path.display(), error = %e, "cannot write the embedding cache; vectors will be computed again next start")
            }
        }
    }

    fn header(&self, w: &mut impl Write) -> std::io::Result<()> {
        w.write_all(MAGIC)?;
        w.write_all(&(self.model.len() as u32).to_le_bytes())?;
        w.write_all(self.model.as_bytes())?;
        w.write_all(&(self.dim as u32).to_le_bytes())
    }

    fn record(w: &mut impl Write, key: u64, v: &[f32]) -> std::io::Result<()> {
        w.write_all(&key.to_le_bytes())?;
        for x in v {
            w.write_all(&x.to_le_bytes())?;
        }
        Ok(())
    }

    fn write_whole(&self) -> std::io::Result<()> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        // A name of this process's own: two processes rewriting at once must not share it.
        let tmp = self
            .path
            .with_extension(format!("vectors.{}.tmp", std::process::id()));
        {
            let mut w = BufWriter::new(File::create(&tmp)?);
            self.header(&mut w)?;
            let mut keys: Vec<(&u64, &usize)> = self.slots.iter().collect();
            keys.sort();
            for (k, &slot) in keys {
                Self::record(&mut w, *k, self.row(slot))?;
            }
            w.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        }
        std::fs::rename(&tmp, &self.path)
    }

    fn append(&self) -> std::io::Result<()> {
        let mut buf = Vec::with_capacity(self.fresh.len() * (8 + 4 * self.dim));
        for k in &self.fresh {
            Self::record(&mut buf, *k, self.row(self.slots[k]))?;
        }
        // One write of whole records in append mode: another process appending at the same
        // time cannot cut a record in two, and a crash tears at most the last one, which is
        // dropped when read.
        OpenOptions::new()
            .append(true)
            .open(&self.path)?
            .write_all(&buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys are stored in cache files: a change here silently re-embeds every article.
    #[test]
    fn text_keys_are_stable_across_versions() {
        assert_eq!(
            text_key("quickbooks error 502 bad gateway"),
            15_360_044_544_997_238_615
        );
    }

    fn v(x: f32) -> Vec<f32> {
        vec![x, 1.0 - x, 0.5]
    }

    #[test]
    fn vectors_survive_a_reopen_and_appends() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = EmbeddingCache::open(dir.path(), "m/one", 3);
        assert!(c.is_empty());
        c.insert("bad gateway", v(0.1));
        c.save(&[text_key("bad gateway")]);
        let mut c = EmbeddingCache::open(dir.path(), "m/one", 3);
        assert_eq!(c.get("bad gateway"), Some(&v(0.1)[..]));
        c.insert("blank page", v(0.2));
        c.save(&[text_key("bad gateway"), text_key("blank page")]);
        let c = EmbeddingCache::open(dir.path(), "m/one", 3);
        assert_eq!(c.len(), 2);
        assert_eq!(c.get("blank page"), Some(&v(0.2)[..]));
    }

    #[test]
    fn another_model_or_dimension_starts_empty() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = EmbeddingCache::open(dir.path(), "m/one", 3);
        c.insert("x", v(0.3));
        c.save(&[text_key("x")]);
        assert!(EmbeddingCache::open(dir.path(), "m/two", 3).is_empty());
        // Same file name only for the same model; a wrong dimension in it is refused too.
        let file = dir.path().join(file_name("m/one"));
        let mut bytes = std::fs::read(&file).unwrap();
        bytes[8 + 4 + 5] = 9; // the dimension's low byte
        std::fs::write(&file, bytes).unwrap();
        assert!(EmbeddingCache::open(dir.path(), "m/one", 3).is_empty());
    }

    #[test]
    fn a_torn_record_loses_only_itself() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = EmbeddingCache::open(dir.path(), "m", 3);
        c.insert("a", v(0.1));
        c.insert("b", v(0.2));
        c.save(&[text_key("a"), text_key("b")]);
        let file = dir.path().join(file_name("m"));
        let bytes = std::fs::read(&file).unwrap();
        std::fs::write(&file, &bytes[..bytes.len() - 5]).unwrap();
        let mut c = EmbeddingCache::open(dir.path(), "m", 3);
        assert_eq!(c.len(), 1);
        assert!(c.get("a").is_some());
        c.insert("b", v(0.2));
        c.save(&[text_key("a"), text_key("b")]);
        assert_eq!(EmbeddingCache::open(dir.path(), "m", 3).len(), 2);
    }

    #[test]
    fn garbage_is_an_empty_cache_and_stale_vectors_are_dropped() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(file_name("m")), b"hello").unwrap();
        let mut c = EmbeddingCache::open(dir.path(), "m", 3);
        assert!(c.is_empty());
        for i in 0..200 {
            c.insert(&format!("t{i}"), v(0.5));
        }
        c.save(&[text_key("t1")]);
        let c = EmbeddingCache::open(dir.path(), "m", 3);
        assert_eq!(
            c.len(),
            1,
            "199 unused of 200 are more than half: rewritten"
        );
    }
}

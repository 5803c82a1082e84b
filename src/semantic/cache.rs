//! The embedding cache on disk: chunk vectors keyed by model and text, so a restart or a hot
//! reload embeds only the chunks that changed.
//!
//! One file per model under the cache directory, `<model as a file name>.vectors`: a header
//! (magic, model name, dimension), then records of a 64-bit text hash and the vector as
//! little-endian f32. New vectors are appended; when more than half the file is vectors no
//! knowledge base has used for [`GRACE_DAYS`], it is rewritten without them (to a temporary
//! file, then renamed). Beside it, `<model as a file name>.used` says when each vector was last
//! used: records of the text hash and a day (days since 1970, little-endian u32), appended, the
//! latest day of a key counting. A damaged file (a torn append after a crash, a wrong header) is
//! never an error: what can be read is kept, the rest is embedded again (a vector without a day
//! is taken as used today).
//!
//! Why by age: several knowledge bases can share the file (a staging and a production bot with
//! one `MODEL_CACHE_DIR`, which also holds the model; `supportbot kb check` of another
//! directory), and none knows the others' chunks. Dropping whatever the base saving did not use
//! erased the others' vectors at every save, and the big base then embedded everything again at
//! its next start. A file per knowledge directory would not be bounded (one more for every
//! directory ever checked), would embed anew a directory that moved, and would not share the
//! vectors of the chunks bases have in common. By age, the file holds what some base used in the
//! last [`GRACE_DAYS`] (a running bot marks its own every day, see
//! `Knowledge::mark_vectors_in_use`), plus at most as many older ones: chunks edited away are
//! dropped once that time has passed.
//!
//! The files keep the name every version gave them. A version before the days reads our
//! `.vectors` file, ignores the days, and may drop other bases' vectors when it rewrites it;
//! the version before the present keys ([`MAGIC`]) finds our file in another format and writes
//! it anew. Either only costs embedding the vectors again.

use std::fs::{File, OpenOptions};
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

/// `02`: the keys are [`text_key`]'s; a file of `01` (FxHash keys) reads as another format and
/// is written anew, so its vectors are embedded once more and none of its keys lingers.
const MAGIC: &[u8; 8] = b"SBVEC02\n";
/// Of the `.used` file, the days the vectors were last used.
const USED_MAGIC: &[u8; 8] = b"SBUSE02\n";
/// The vectors file of the version before [`text_key`], and its days file.
const OLD_KEYS_MAGIC: &[u8; 8] = b"SBVEC01\n";
const OLD_KEYS_USED_MAGIC: &[u8; 8] = b"SBUSE01\n";
/// Why a file of that version is not read (an upgrade, not damage: said at info level).
const WRITTEN_WITH_OLD_KEYS: &str =
    "written by an earlier version with other keys; every chunk is embedded once more";
/// A `.used` record: the text key, then the day.
const USED_RECORD: usize = 8 + 4;

/// How long a vector no knowledge base uses is kept: a base stopped for less (a staging bot,
/// an edit undone) finds its vectors again.
pub const GRACE_DAYS: u32 = 30;

/// Today, in days since 1970 (never 0: that means "no day known").
fn today() -> u32 {
    use crate::clock::Clock as _;
    let days = crate::clock::SystemClock.now() / 86_400;
    u32::try_from(days).unwrap_or(u32::MAX).max(1)
}

/// Key of a chunk's text: 64 bits of a hash that spreads every byte over the whole key (a
/// folded 128-bit multiply per 16 bytes, as wyhash and foldhash do), so at 10,000 articles of 30
/// chunks the chance that two texts share a key is about 1 in 400 million. A collision would give
/// one chunk another chunk's vector, so the hash must really be that good on texts that differ in
/// a digit or two: the FxHash this replaced gave 120,000 texts `"chunk text {i}"` only 118,954
/// keys (see [`MAGIC`] for how the files of that version are replaced).
///
/// Written out here rather than taken from a crate: the keys are stored in cache files, so the
/// hash must never change with a dependency update.
pub fn text_key(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let len = bytes.len() as u64;
    let mut state = fold(KEY_SEED ^ KEY_MIX[0], len ^ KEY_MIX[1]);
    let mut blocks = bytes.chunks_exact(16);
    for block in &mut blocks {
        let (a, b) = block.split_at(8);
        state = fold(le_word(a) ^ KEY_MIX[0], le_word(b) ^ state);
    }
    let tail = blocks.remainder();
    if !tail.is_empty() {
        let (a, b) = tail.split_at(tail.len().min(8));
        state = fold(le_word(a) ^ KEY_MIX[0], le_word(b) ^ state);
    }
    fold(state ^ KEY_MIX[1], len ^ KEY_MIX[0])
}

/// The hash's starting value and the two constants it mixes with (wyhash's; none of them is the
/// little-endian reading of eight bytes of valid UTF-8, so no text word can cancel one out).
const KEY_SEED: u64 = 0x243f_6a88_85a3_08d3;
const KEY_MIX: [u64; 2] = [0xa076_1d64_78bd_642f, 0xe703_7ed1_a0b4_28db];

/// The 128-bit product of `a` and `b`, its halves folded together with xor.
fn fold(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}

/// Up to eight bytes read as a little-endian word (missing bytes are zero; the text's length is
/// hashed apart, so "a" and "a\0" differ).
fn le_word(bytes: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    word[..bytes.len()].copy_from_slice(bytes);
    u64::from_le_bytes(word)
}

/// The tag in a cache file's name, from its model name: FxHash with a finaliser, as every
/// version has named the files, so a version with new keys finds the file of the one before and
/// replaces it rather than leaving it behind. Model names are few and the header names the model
/// in full, so this weaker hash is enough here.
fn file_tag(model: &str) -> u64 {
    let mut h = StableHasher::default();
    h.write(model.as_bytes());
    h.add(model.len() as u64);
    let a = h.finish();
    // FxHash alone mixes the last bytes weakly; a second round over the first result spreads
    // them (a splitmix64 finaliser).
    let mut z = a.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// FxHash over bytes (one rotate, xor and multiply per 8 bytes), for [`file_tag`]; written out
/// here rather than taken from `rustc-hash`, whose output is not promised stable (its 2.0
/// changed it).
#[derive(Debug, Default)]
struct StableHasher(u64);

impl StableHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(le_word(c));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(le_word(rest));
        }
    }

    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

/// Where a key's vector is, and when it was last used.
#[derive(Debug, Clone, Copy)]
struct Slot {
    /// Row in `rows` (4 bytes, as the day: the map of a large base stays as small as it was
    /// without days; 4 billion rows would be terabytes of vectors).
    row: u32,
    /// Day last used (see [`today`]); 0 when not known (a vector just computed, or read from a
    /// file without days): the next save makes it today.
    used: u32,
}

/// Vectors of one model, loaded from and saved to its file.
#[derive(Debug)]
pub struct EmbeddingCache {
    path: PathBuf,
    model: String,
    dim: usize,
    /// Row of each key in `rows`: one flat array rather than a vector per chunk (a large base
    /// has over 100,000 chunks; this halves the time to read them). FxHash: the keys are hashes
    /// already, and it is over 100,000 of them to insert and look up at each start.
    slots: rustc_hash::FxHashMap<u64, Slot>,
    rows: Vec<f32>,
    /// Keys appended since loading, in order, not yet written.
    fresh: Vec<u64>,
    /// Whether the file on disk must be rewritten whole (damaged, another model, or stale).
    rewrite: bool,
    /// Records in the `.used` file (it is rewritten when they are many more than the keys).
    used_records: usize,
    /// Whether the `.used` file must be rewritten whole (missing, damaged).
    rewrite_used: bool,
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
    format!("{safe}-{:016x}.vectors", file_tag(model))
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
            slots: rustc_hash::FxHashMap::default(),
            rows: Vec::new(),
            fresh: Vec::new(),
            rewrite: false,
            used_records: 0,
            rewrite_used: false,
        };
        match File::open(&cache.path) {
            Ok(f) => {
                if let Err(why) = cache.read(BufReader::new(f)) {
                    if why == WRITTEN_WITH_OLD_KEYS {
                        tracing::info!(file = %cache.path.display(), "embedding cache {why}");
                    } else {
                        tracing::warn!(file = %cache.path.display(), %why, "embedding cache partly unreadable; the rest is embedded again");
                    }
                    cache.rewrite = true;
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => cache.rewrite = true,
            Err(e) => {
                tracing::warn!(file = %cache.path.display(), error = %e, "cannot read the embedding cache");
                cache.rewrite = true;
            }
        }
        let used_path = cache.used_path();
        match std::fs::read(&used_path) {
            Ok(bytes) => {
                if let Err(why) = cache.read_used(&bytes) {
                    if why == WRITTEN_WITH_OLD_KEYS {
                        tracing::info!(file = %used_path.display(), "embedding cache days {why}");
                    } else {
                        tracing::warn!(file = %used_path.display(), %why, "embedding cache days partly unreadable; the vectors without one are taken as used today");
                    }
                    cache.rewrite_used = true;
                }
            }
            // A file of a version before the days (or none yet): they are written at the save.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => cache.rewrite_used = true,
            Err(e) => {
                tracing::warn!(file = %used_path.display(), error = %e, "cannot read when the cached vectors were last used; taken as today");
                cache.rewrite_used = true;
            }
        }
        cache
    }

    /// The `.used` file beside the vectors.
    fn used_path(&self) -> PathBuf {
        self.path.with_extension("used")
    }

    /// Reads the days of the `.used` file into the slots read already (a key without a vector
    /// is skipped; a key given several days keeps the latest).
    #[allow(clippy::expect_used)] // each `expect` below says why it cannot fail
    fn read_used(&mut self, bytes: &[u8]) -> Result<(), String> {
        if bytes.starts_with(OLD_KEYS_USED_MAGIC) {
            return Err(WRITTEN_WITH_OLD_KEYS.into());
        }
        let body = bytes
            .strip_prefix(USED_MAGIC.as_slice())
            .ok_or("not a file of the days the vectors were used")?;
        for rec in body.chunks_exact(USED_RECORD) {
            let (key, day) = rec.split_at(8);
            // split_at(8) of 12 bytes gives exactly 8 and 4.
            let key = u64::from_le_bytes(key.try_into().expect("8 bytes"));
            let day = u32::from_le_bytes(day.try_into().expect("4 bytes"));
            self.used_records += 1;
            if let Some(slot) = self.slots.get_mut(&key) {
                slot.used = slot.used.max(day);
            }
        }
        if body.len() % USED_RECORD != 0 {
            return Err("the last record is torn (a crash while writing)".into());
        }
        Ok(())
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
        let magic = take(8)?;
        if magic == OLD_KEYS_MAGIC {
            return Err(WRITTEN_WITH_OLD_KEYS.into());
        }
        if magic != MAGIC {
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
            self.slots.insert(
                key,
                Slot {
                    // Fits: see `Slot::row`.
                    row: (start / dim) as u32,
                    used: 0,
                },
            );
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

    fn row(&self, row: u32) -> &[f32] {
        let row = row as usize;
        &self.rows[row * self.dim..(row + 1) * self.dim]
    }

    pub fn get(&self, text: &str) -> Option<&[f32]> {
        self.slots.get(&text_key(text)).map(|s| self.row(s.row))
    }

    pub fn insert(&mut self, text: &str, vector: Vec<f32>) {
        if vector.len() != self.dim {
            return;
        }
        let key = text_key(text);
        // Fits: see `Slot::row`.
        let row = (self.rows.len() / self.dim) as u32;
        self.rows.extend_from_slice(&vector);
        match self.slots.entry(key) {
            std::collections::hash_map::Entry::Occupied(mut slot) => slot.get_mut().row = row,
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(Slot { row, used: 0 });
                self.fresh.push(key);
            }
        }
    }

    /// Writes what is new, and that the vectors of `in_use` (the keys the caller's articles
    /// need) were used today. When most of the file is vectors no knowledge base has used for
    /// [`GRACE_DAYS`], it is rewritten without them. Errors are logged: a cache that cannot be
    /// written costs time at the next start, nothing else.
    pub fn save(&mut self, in_use: &[u64]) {
        self.save_on(in_use, today());
    }

    /// [`save`](Self::save) on the day `today`.
    fn save_on(&mut self, in_use: &[u64], today: u32) {
        let mut marked = Vec::new();
        for key in in_use {
            if let Some(slot) = self.slots.get_mut(key)
                && slot.used < today
            {
                slot.used = today;
                marked.push(*key);
            }
        }
        // Vectors with no day known (just computed, or read from a file without days) start
        // their grace period now.
        for (key, slot) in &mut self.slots {
            if slot.used == 0 {
                slot.used = today;
                marked.push(*key);
            }
        }
        let aged = |slot: &Slot| today.saturating_sub(slot.used) > GRACE_DAYS;
        let old = self.slots.values().filter(|s| aged(s)).count();
        // Only once they are most of the file: a rewrite costs as much as reading it all, so
        // each one at least halves it.
        if old > (self.slots.len() - old).max(64) {
            self.slots.retain(|_, s| !aged(s));
            self.rewrite = true;
        }
        let rewrote = self.rewrite;
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
        // The days after the vectors: a crash between the two leaves at worst vectors without
        // a day, taken as used today.
        let whole = rewrote
            || self.rewrite_used
            || self.used_records + marked.len() > 2 * self.slots.len() + 64;
        let result = if whole {
            self.write_used_whole()
                .map(|()| self.used_records = self.slots.len())
        } else if marked.is_empty() {
            Ok(())
        } else {
            self.append_used(&marked)
                .map(|()| self.used_records += marked.len())
        };
        match result {
            Ok(()) => self.rewrite_used = false,
            Err(e) => {
                self.rewrite_used = true;
                tracing::warn!(file = %self.used_path().display(), error = %e, "cannot write when the cached vectors were used; they are taken as used today next start")
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

    /// Writes `path` whole from what `write` puts in it: to a temporary file, then renamed.
    fn replace(
        path: &Path,
        write: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        // A name of this process's own: two processes rewriting at once must not share it.
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(format!(".{}.tmp", std::process::id()));
        let tmp = path.with_file_name(name);
        {
            let mut w = BufWriter::new(File::create(&tmp)?);
            write(&mut w)?;
            w.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        }
        std::fs::rename(&tmp, path)
    }

    fn sorted_slots(&self) -> Vec<(u64, Slot)> {
        let mut slots: Vec<(u64, Slot)> = self.slots.iter().map(|(k, s)| (*k, *s)).collect();
        slots.sort_by_key(|(k, _)| *k);
        slots
    }

    fn write_whole(&self) -> std::io::Result<()> {
        Self::replace(&self.path, |w| {
            self.header(w)?;
            for (k, slot) in self.sorted_slots() {
                Self::record(w, k, self.row(slot.row))?;
            }
            Ok(())
        })
    }

    fn append(&self) -> std::io::Result<()> {
        let mut buf = Vec::with_capacity(self.fresh.len() * (8 + 4 * self.dim));
        for k in &self.fresh {
            Self::record(&mut buf, *k, self.row(self.slots[k].row))?;
        }
        // One write of whole records in append mode: another process appending at the same
        // time cannot cut a record in two, and a crash tears at most the last one, which is
        // dropped when read.
        OpenOptions::new()
            .append(true)
            .open(&self.path)?
            .write_all(&buf)
    }

    fn used_record(w: &mut impl Write, key: u64, day: u32) -> std::io::Result<()> {
        w.write_all(&key.to_le_bytes())?;
        w.write_all(&day.to_le_bytes())
    }

    fn write_used_whole(&self) -> std::io::Result<()> {
        Self::replace(&self.used_path(), |w| {
            w.write_all(USED_MAGIC)?;
            for (k, slot) in self.sorted_slots() {
                Self::used_record(w, k, slot.used)?;
            }
            Ok(())
        })
    }

    /// Appends the days of `keys`, as [`append`](Self::append) does vectors. The file is there:
    /// a missing one is written whole instead (`rewrite_used`).
    fn append_used(&self, keys: &[u64]) -> std::io::Result<()> {
        let mut buf = Vec::with_capacity(keys.len() * USED_RECORD);
        for k in keys {
            Self::used_record(&mut buf, *k, self.slots[k].used)?;
        }
        OpenOptions::new()
            .append(true)
            .open(self.used_path())?
            .write_all(&buf)
    }
}

/// Makes every vector of `model`'s cache in `dir` last used `days` ago (tests of what a
/// long-running process sees).
#[cfg(test)]
pub(crate) fn backdate(dir: &Path, model: &str, dim: usize, days: u32) {
    let mut c = EmbeddingCache::open(dir, model, dim);
    let day = today() - days;
    for slot in c.slots.values_mut() {
        slot.used = day;
    }
    c.write_used_whole().unwrap();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys are stored in cache files: a change here silently re-embeds every article (and
    /// wants a new [`MAGIC`]). The file names never change, so a new version replaces the old
    /// file rather than leaving it behind.
    #[test]
    fn text_keys_and_file_names_are_stable_across_versions() {
        assert_eq!(
            text_key("quickbooks error 502 bad gateway"),
            9_155_436_313_747_232_542
        );
        assert_eq!(
            file_tag("quickbooks error 502 bad gateway"),
            15_360_044_544_997_238_615,
            "the tag the files have always been named with"
        );
        assert_ne!(text_key(""), text_key(" "));
        assert_ne!(text_key("a"), text_key("a\0"));
    }

    /// Texts that differ in a digit or two, as generated and numbered chunks do, get keys of
    /// their own: over a million of them, a 64-bit hash as good as random collides with odds
    /// of about 1 in 36 million.
    #[test]
    fn near_identical_texts_never_share_a_key() {
        fn distinct(texts: impl Iterator<Item = String>) -> (usize, usize) {
            let mut seen = std::collections::HashSet::new();
            let mut n = 0;
            for t in texts {
                n += 1;
                seen.insert(text_key(&t));
            }
            (n, seen.len())
        }
        type Family = (&'static str, Box<dyn Fn(usize) -> String>);
        let families: [Family; 5] = [
            ("numbered", Box::new(|i| format!("chunk text {i}"))),
            (
                "steps",
                Box::new(|i| {
                    format!(
                        "Step {}: open Settings and pick option {}",
                        i % 997,
                        i / 997
                    )
                }),
            ),
            ("padded", Box::new(|i| format!("{i:0>24}"))),
            (
                "long",
                Box::new(|i| format!("{}{i}{}", "payroll will not update ".repeat(3), " again")),
            ),
            (
                "repeated",
                Box::new(|i| "x".repeat(i % 4096) + &"y".repeat(i / 4096)),
            ),
        ];
        for (name, make) in &families {
            let (n, keys) = distinct((0..250_000).map(make));
            assert_eq!(keys, n, "{name}: {} keys shared", n - keys);
        }
        // The test can fail: the FxHash the keys once were (now only naming files) fails it.
        let old: std::collections::HashSet<u64> = (0..120_000)
            .map(|i| file_tag(&format!("chunk text {i}")))
            .collect();
        assert!(old.len() < 120_000, "{}", old.len());
    }

    /// A file of the version with the FxHash keys is written anew, not read: none of its keys
    /// may stand for a text of ours, and none lingers.
    #[test]
    fn a_file_of_the_old_keys_is_replaced_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = EmbeddingCache::open(dir.path(), "m", 3);
        c.insert("bad gateway", v(0.1));
        c.save(&[text_key("bad gateway")]);
        let path = dir.path().join(file_name("m"));
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[..8].copy_from_slice(OLD_KEYS_MAGIC);
        std::fs::write(&path, &bytes).unwrap();
        let mut c = EmbeddingCache::open(dir.path(), "m", 3);
        assert!(c.is_empty(), "old keys are not read");
        c.insert("blank page", v(0.2));
        c.save(&[text_key("blank page")]);
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(&bytes[..8], MAGIC);
        let c = EmbeddingCache::open(dir.path(), "m", 3);
        assert_eq!(c.len(), 1);
        assert_eq!(c.get("blank page"), Some(&v(0.2)[..]));
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            2,
            "one vectors file and its days, under the same names"
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
        // Records are written in key order: the one written last is torn.
        let (kept, torn) = if c.get("a").is_some() {
            ("a", "b")
        } else {
            ("b", "a")
        };
        assert!(c.get(kept).is_some() && c.get(torn).is_none());
        c.insert(torn, v(0.2));
        c.save(&[text_key("a"), text_key("b")]);
        assert_eq!(EmbeddingCache::open(dir.path(), "m", 3).len(), 2);
    }

    #[test]
    fn garbage_is_an_empty_cache() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(file_name("m")), b"hello").unwrap();
        let mut c = EmbeddingCache::open(dir.path(), "m", 3);
        assert!(c.is_empty());
        c.insert("t", v(0.5));
        c.save(&[text_key("t")]);
        assert_eq!(EmbeddingCache::open(dir.path(), "m", 3).len(), 1);
    }

    #[test]
    fn a_second_knowledge_base_sharing_the_cache_keeps_the_first_ones_vectors() {
        let dir = tempfile::tempdir().unwrap();
        let mut big = EmbeddingCache::open(dir.path(), "m", 3);
        let keys: Vec<u64> = (0..500).map(|i| text_key(&format!("big {i}"))).collect();
        for i in 0..500 {
            big.insert(&format!("big {i}"), vec![0.1, 0.2, 0.3]);
        }
        big.save(&keys);
        let mut small = EmbeddingCache::open(dir.path(), "m", 3);
        small.insert("small", vec![0.3, 0.2, 0.1]);
        small.save(&[text_key("small")]);

        let big = EmbeddingCache::open(dir.path(), "m", 3);
        assert_eq!(big.len(), 501);
        for i in 0..500 {
            assert_eq!(big.get(&format!("big {i}")), Some(&[0.1, 0.2, 0.3][..]));
        }
        assert_eq!(big.get("small"), Some(&[0.3, 0.2, 0.1][..]));
    }

    /// Chunks edited away (or of a base no longer checked) go once no base has used them for
    /// the grace period, and only once they are most of the file.
    #[test]
    fn vectors_no_base_uses_are_dropped_after_the_grace_period() {
        let dir = tempfile::tempdir().unwrap();
        let day = 20_000;
        let mut c = EmbeddingCache::open(dir.path(), "m", 3);
        for i in 0..200 {
            c.insert(&format!("t{i}"), v(0.5));
        }
        c.save_on(&[text_key("t1")], day);
        let mut c = EmbeddingCache::open(dir.path(), "m", 3);
        assert_eq!(c.len(), 200, "used today: kept");
        c.save_on(&[text_key("t1")], day + GRACE_DAYS);
        let mut c = EmbeddingCache::open(dir.path(), "m", 3);
        assert_eq!(c.len(), 200, "unused for the grace period: kept");
        c.save_on(&[text_key("t1")], day + GRACE_DAYS + 1);
        let c = EmbeddingCache::open(dir.path(), "m", 3);
        assert_eq!(c.len(), 1, "199 unused for longer, more than half: dropped");
        assert!(c.get("t1").is_some());

        // A few old ones among many in use stay until they are most of the file.
        let mut c = EmbeddingCache::open(dir.path(), "m", 3);
        for i in 0..100 {
            c.insert(&format!("old {i}"), v(0.1));
        }
        let in_use: Vec<u64> = (0..150).map(|i| text_key(&format!("new {i}"))).collect();
        for i in 0..150 {
            c.insert(&format!("new {i}"), v(0.2));
        }
        c.save_on(&in_use, day);
        let mut c = EmbeddingCache::open(dir.path(), "m", 3);
        c.save_on(&in_use, day + 2 * GRACE_DAYS);
        assert_eq!(EmbeddingCache::open(dir.path(), "m", 3).len(), 251);
    }

    /// The days are a file beside the vectors, written for a cache that has none (as a
    /// version before the days left it, or after the days file was lost).
    #[test]
    fn a_cache_of_the_version_before_the_days_is_kept_and_given_them() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = EmbeddingCache::open(dir.path(), "m", 3);
        for i in 0..100 {
            c.insert(&format!("t{i}"), v(0.5));
        }
        c.save_on(&[], 20_000);
        let vectors = dir.path().join(file_name("m"));
        let header = 8 + 4 + 1 + 4;
        assert_eq!(
            std::fs::metadata(&vectors).unwrap().len(),
            (header + 100 * (8 + 4 * 3)) as u64,
            "header and records, nothing else"
        );
        // As the version before left it: no days.
        let used = c.used_path();
        std::fs::remove_file(&used).unwrap();
        let mut c = EmbeddingCache::open(dir.path(), "m", 3);
        assert_eq!(c.len(), 100);
        // Taken as used on the day first seen, so kept for the grace period after it.
        c.save_on(&[], 30_000);
        assert!(used.is_file());
        let mut c = EmbeddingCache::open(dir.path(), "m", 3);
        c.save_on(&[], 30_000 + GRACE_DAYS);
        let mut c = EmbeddingCache::open(dir.path(), "m", 3);
        assert_eq!(c.len(), 100);
        c.save_on(&[], 30_001 + GRACE_DAYS);
        assert!(EmbeddingCache::open(dir.path(), "m", 3).is_empty());
    }

    #[test]
    fn damaged_days_cost_no_vector() {
        let dir = tempfile::tempdir().unwrap();
        let mut c = EmbeddingCache::open(dir.path(), "m", 3);
        for i in 0..100 {
            c.insert(&format!("t{i}"), v(0.5));
        }
        c.save_on(&[], 20_000);
        let used = c.used_path();
        for damage in [&b"hello"[..], &std::fs::read(&used).unwrap()[..30]] {
            std::fs::write(&used, damage).unwrap();
            let mut c = EmbeddingCache::open(dir.path(), "m", 3);
            assert_eq!(c.len(), 100);
            c.save_on(&[], 20_000 + GRACE_DAYS);
            let c = EmbeddingCache::open(dir.path(), "m", 3);
            assert_eq!(c.len(), 100, "the days written whole again");
            assert!(c.slots.values().all(|s| s.used >= 20_000));
        }
    }

    #[test]
    fn the_days_file_stays_small_however_often_the_vectors_are_used() {
        let dir = tempfile::tempdir().unwrap();
        let keys: Vec<u64> = (0..100).map(|i| text_key(&format!("t{i}"))).collect();
        let mut c = EmbeddingCache::open(dir.path(), "m", 3);
        for i in 0..100 {
            c.insert(&format!("t{i}"), v(0.5));
        }
        for day in 20_000..20_050 {
            c.save_on(&keys, day);
            c = EmbeddingCache::open(dir.path(), "m", 3);
        }
        let size = std::fs::metadata(c.used_path()).unwrap().len() as usize;
        assert!(size <= 8 + (3 * 100 + 64) * USED_RECORD, "{size} bytes");
        assert!(c.slots.values().all(|s| s.used == 20_049));
    }
}

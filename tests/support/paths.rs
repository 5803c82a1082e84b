//! Where the tests find the repository's own files: the shipped knowledge base and test fixtures.

use std::path::{Path, PathBuf};

/// The repository's root (the crate's manifest directory).
pub fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The knowledge base the bot ships with (`knowledge/`).
pub fn shipped_knowledge() -> PathBuf {
    repo_root().join("knowledge")
}

/// `tests/fixtures/`: knowledge bases valid and broken, one folder each.
pub fn fixtures_dir() -> PathBuf {
    repo_root().join("tests/fixtures")
}

/// One folder under `tests/fixtures/`, e.g. `fixture("valid")`.
pub fn fixture(name: &str) -> PathBuf {
    fixtures_dir().join(name)
}

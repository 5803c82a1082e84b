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

/// A copy of the shipped articles in `to`, with one monitored target, `quickbooks-online`, at
/// `url`: thresholds of 1, a 1 s timeout, and `extra` lines (e.g. `interval = 10`).
pub fn knowledge_watching(to: &Path, url: &str, extra: &str) {
    let from = shipped_knowledge();
    std::fs::create_dir_all(to.join("articles")).unwrap();
    for entry in std::fs::read_dir(from.join("articles")).unwrap().flatten() {
        std::fs::copy(entry.path(), to.join("articles").join(entry.file_name())).unwrap();
    }
    std::fs::write(
        to.join("endpoints.toml"),
        format!(
            "[[target]]\nname = \"quickbooks-online\"\ndescription = \"QuickBooks Online sign-in page\"\n\
             url = \"{url}\"\ntimeout_ms = 1000\nfailure_threshold = 1\nsuccess_threshold = 1\n{extra}"
        ),
    )
    .unwrap();
}

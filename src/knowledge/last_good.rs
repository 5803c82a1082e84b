//! The last good knowledge base kept on disk (a copy of the files that loaded), so a bot
//! restarted while an edit is broken starts with it instead of not at all.

use super::load::load_dir;
use std::io;
use std::path::{Path, PathBuf};

/// Copies the knowledge directory `from` (its `articles/` tree and `endpoints.toml`) to `to`,
/// only if the copy loads without a problem: a broken edit made between the load and the copy
/// never replaces a good snapshot. The old snapshot is swapped out only once the new one is
/// complete, so a crash leaves one of the two whole: `to`, or between the two renames only
/// `<to>.old`, which [`find`] (and the next save) puts back.
pub fn save(from: &Path, to: &Path) -> io::Result<()> {
    let staging = sibling(to, "new");
    let retired = sibling(to, "old");
    // Left by a crash between the renames below, `.old` is the only whole copy: removing it
    // before the new one is in place would leave none.
    restore(to)?;
    remove_if_there(&staging)?;
    copy_tree(&from.join("articles"), &staging.join("articles"))?;
    let endpoints = from.join(super::endpoints::FILE_NAME);
    if endpoints.is_file() {
        std::fs::copy(&endpoints, staging.join(super::endpoints::FILE_NAME))?;
    }
    // Which directory it is a copy of: a data directory shared with another knowledge
    // directory serves no copy of the wrong one.
    let source = std::fs::canonicalize(from).unwrap_or_else(|_| from.to_path_buf());
    std::fs::write(staging.join(SOURCE), source.to_string_lossy().as_bytes())?;
    if let Err(problems) = load_dir(&staging) {
        remove_if_there(&staging)?;
        return Err(io::Error::other(format!(
            "the files changed while they were copied ({} problem(s)); the snapshot is kept as it was",
            problems.len()
        )));
    }
    remove_if_there(&retired)?;
    if to.exists() {
        std::fs::rename(to, &retired)?;
    }
    std::fs::rename(&staging, to)?;
    remove_if_there(&retired)
}

/// Where the last good copy kept in `snapshot` is, if there is one: `snapshot` itself, or,
/// after a crash between the two renames of [`save`] left only `<snapshot>.old` (the copy
/// before), that copy, put back in place (read where it is if it cannot be moved).
pub fn find(snapshot: &Path) -> Option<PathBuf> {
    let has_articles = |dir: &Path| dir.join("articles").is_dir();
    if has_articles(snapshot) {
        return Some(snapshot.to_path_buf());
    }
    let retired = sibling(snapshot, "old");
    if !has_articles(&retired) {
        return None;
    }
    match restore(snapshot) {
        Ok(()) if has_articles(snapshot) => {
            tracing::info!(snapshot = %snapshot.display(), "the last good knowledge copy put back after an interrupted save");
            Some(snapshot.to_path_buf())
        }
        Ok(()) => Some(retired),
        Err(e) => {
            tracing::warn!(error = %e, copy = %retired.display(), "could not put the last good knowledge copy back in place; reading it where it is");
            Some(retired)
        }
    }
}

/// Puts `<to>.old` back as `to` when only it is there (a save interrupted between its renames).
fn restore(to: &Path) -> io::Result<()> {
    let retired = sibling(to, "old");
    if to.exists() || !retired.is_dir() {
        return Ok(());
    }
    std::fs::rename(&retired, to)
}

/// The file in a snapshot that names the knowledge directory it copies.
const SOURCE: &str = "source.txt";

/// Whether `snapshot` is a copy of the knowledge directory `dir` (a copy made before the
/// source was recorded is taken to be).
pub fn is_copy_of(snapshot: &Path, dir: &Path) -> bool {
    let Ok(recorded) = std::fs::read_to_string(snapshot.join(SOURCE)) else {
        return true;
    };
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    Path::new(recorded.trim()) == dir
}

/// `dir` with `.suffix` added to its last component (`knowledge-last-good.new`).
fn sibling(dir: &Path, suffix: &str) -> PathBuf {
    let mut name = dir.file_name().unwrap_or_default().to_os_string();
    name.push(".");
    name.push(suffix);
    dir.with_file_name(name)
}

fn remove_if_there(dir: &Path) -> io::Result<()> {
    match std::fs::remove_dir_all(dir) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Copies the files of `from` into `to`, folders included (symbolic links followed, except
/// one back to a folder being copied or copied already, which loading leaves out too).
fn copy_tree(from: &Path, to: &Path) -> io::Result<()> {
    copy_tree_once(from, to, &mut std::collections::HashSet::new())
}

fn copy_tree_once(
    from: &Path,
    to: &Path,
    copied: &mut std::collections::HashSet<PathBuf>,
) -> io::Result<()> {
    let here = std::fs::canonicalize(from)?;
    copied.insert(here.clone());
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            let real = std::fs::canonicalize(&path)?;
            if here.starts_with(&real) || copied.contains(&real) {
                continue;
            }
            copy_tree_once(&path, &target, copied)?;
        } else if path.exists() {
            std::fs::copy(path, target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "+++\ntitle = \"Page does not load\"\nsymptoms = [\"the page does not load\"]\n+++\nSummary.\n\n## Solution: Reload\n1. Press F5.\n";

    #[test]
    fn a_copy_knows_the_directory_it_copies() {
        let root = tempfile::tempdir().unwrap();
        let source = root.path().join("knowledge");
        std::fs::create_dir_all(source.join("articles")).unwrap();
        std::fs::write(source.join("articles/a.md"), ARTICLE).unwrap();
        let other = root.path().join("other");
        std::fs::create_dir_all(&other).unwrap();
        let snapshot = root.path().join("knowledge-last-good");
        save(&source, &snapshot).unwrap();
        assert!(is_copy_of(&snapshot, &source));
        assert!(!is_copy_of(&snapshot, &other));
        // A copy made before the source was recorded is taken as the directory's own.
        std::fs::remove_file(snapshot.join(SOURCE)).unwrap();
        assert!(is_copy_of(&snapshot, &other));
    }

    /// A crash between the two renames of `save`: the copy before is `.old`, the new one a
    /// staging folder that may be partial.
    fn crash_between_the_renames(snapshot: &Path) {
        std::fs::rename(snapshot, sibling(snapshot, "old")).unwrap();
        std::fs::create_dir_all(sibling(snapshot, "new").join("articles")).unwrap();
    }

    #[test]
    fn a_copy_left_as_old_by_a_crash_is_found_and_put_back() {
        let root = tempfile::tempdir().unwrap();
        let source = root.path().join("knowledge");
        std::fs::create_dir_all(source.join("articles")).unwrap();
        std::fs::write(source.join("articles/a.md"), ARTICLE).unwrap();
        let snapshot = root.path().join("knowledge-last-good");
        assert_eq!(find(&snapshot), None, "no copy yet");
        save(&source, &snapshot).unwrap();
        crash_between_the_renames(&snapshot);

        assert_eq!(find(&snapshot), Some(snapshot.clone()));
        assert_eq!(load_dir(&snapshot).unwrap().articles().len(), 1);
        assert!(is_copy_of(&snapshot, &source));
        assert!(
            !sibling(&snapshot, "old").exists(),
            "moved back, not copied"
        );
    }

    #[test]
    fn a_save_after_a_crash_keeps_the_copy_left_as_old() {
        let root = tempfile::tempdir().unwrap();
        let source = root.path().join("knowledge");
        std::fs::create_dir_all(source.join("articles")).unwrap();
        std::fs::write(source.join("articles/a.md"), ARTICLE).unwrap();
        let snapshot = root.path().join("knowledge-last-good");
        save(&source, &snapshot).unwrap();
        crash_between_the_renames(&snapshot);

        // The next save meets a broken edit: the copy before the crash is still the one kept.
        std::fs::write(source.join("articles/a.md"), "+++\ntitle = \"broken").unwrap();
        assert!(save(&source, &snapshot).is_err());
        assert_eq!(
            std::fs::read_to_string(snapshot.join("articles/a.md")).unwrap(),
            ARTICLE
        );
    }

    #[test]
    fn a_good_directory_is_kept_and_a_broken_one_never_replaces_it() {
        let root = tempfile::tempdir().unwrap();
        let source = root.path().join("knowledge");
        std::fs::create_dir_all(source.join("articles/sub")).unwrap();
        std::fs::write(source.join("articles/sub/a.md"), ARTICLE).unwrap();
        let snapshot = root.path().join("data/knowledge-last-good");
        std::fs::create_dir_all(snapshot.parent().unwrap()).unwrap();

        save(&source, &snapshot).unwrap();
        assert_eq!(load_dir(&snapshot).unwrap().articles().len(), 1);

        std::fs::write(source.join("articles/sub/a.md"), "+++\ntitle = \"broken").unwrap();
        assert!(save(&source, &snapshot).is_err());
        assert_eq!(
            std::fs::read_to_string(snapshot.join("articles/sub/a.md")).unwrap(),
            ARTICLE,
            "the good snapshot stays"
        );
        assert!(
            !sibling(&snapshot, "new").exists(),
            "no staging left behind"
        );
    }
}

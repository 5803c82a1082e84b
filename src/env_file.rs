//! Reads `.env` the way admins expect: a blank value means "not set", and a broken line is
//! reported with its line number instead of silently dropping the rest of the file.

use std::fmt;
use std::path::{Path, PathBuf};

/// A `.env` file that could not be read completely.
#[derive(Debug)]
pub struct EnvFileError {
    pub path: PathBuf,
    /// 1-based line of the offending text, when it could be found.
    pub line: Option<usize>,
    pub problem: String,
}

impl fmt::Display for EnvFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.problem),
            None => write!(f, "{}: {}", self.path.display(), self.problem),
        }
    }
}

impl std::error::Error for EnvFileError {}

/// The 1-based line of `text` that assigns `key` (`KEY=...` or `export KEY=...`); the first
/// one if it is assigned twice, as the first is the one applied.
pub fn line_of_key(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            let line = line.trim_start();
            let line = line.strip_prefix("export ").unwrap_or(line).trim_start();
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|(i, _)| i + 1)
        .next()
}

/// The `.env` in the current directory or the nearest parent, as dotenv tools look for it.
pub fn find(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(".env"))
        .find(|p| p.is_file())
}

/// Parses a `.env` file into its assignments, in order. Blank values are left out: an admin
/// who copied `.env.example` and left `DEV_GUILD_ID=` empty means "unset", not "the empty id".
pub fn read(path: &Path) -> Result<Vec<(String, String)>, EnvFileError> {
    let error = |line: Option<usize>, problem: String| EnvFileError {
        path: path.to_owned(),
        line,
        problem,
    };
    let iter = dotenvy::from_path_iter(path).map_err(|e| error(None, e.to_string()))?;
    let mut pairs = Vec::new();
    for item in iter {
        match item {
            Ok((key, value)) if value.trim().is_empty() => {
                tracing::debug!(%key, "blank in .env: treated as unset");
            }
            Ok(pair) => pairs.push(pair),
            Err(dotenvy::Error::LineParse(text, _)) => {
                let line = std::fs::read_to_string(path)
                    .ok()
                    .and_then(|all| line_of(&all, &text));
                return Err(error(
                    line,
                    format!(
                        "cannot read `{}`: each line must be KEY=value (quote values that contain \
                         spaces; start comments with #). Nothing from this file was applied: \
                         fix or remove this line.",
                        text.trim()
                    ),
                ));
            }
            Err(e) => return Err(error(None, e.to_string())),
        }
    }
    Ok(pairs)
}

/// The 1-based line where `text` (one logical line as dotenvy reports it) starts.
fn line_of(all: &str, text: &str) -> Option<usize> {
    let first = text.lines().next()?.trim();
    if first.is_empty() {
        return None;
    }
    all.lines().position(|l| l.trim() == first).map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(text: &str) -> tempfile::NamedTempFile {
        let f = tempfile::NamedTempFile::new().expect("temp file");
        std::fs::write(f.path(), text).expect("write");
        f
    }

    #[test]
    fn the_line_that_sets_a_key_is_found() {
        let text = "# comment\nDISCORD_TOKEN=x\n\nexport ALLOW_PRIVATE_TARGETS = yes\nALLOW_PRIVATE_TARGETS=no\nALLOW=1\n";
        assert_eq!(line_of_key(text, "ALLOW_PRIVATE_TARGETS"), Some(4));
        assert_eq!(line_of_key(text, "DISCORD_TOKEN"), Some(2));
        assert_eq!(
            line_of_key(text, "ALLOW"),
            Some(6),
            "not a prefix of a longer name"
        );
        assert_eq!(line_of_key(text, "MISSING"), None);
    }

    #[test]
    fn blank_values_are_left_out_and_the_rest_is_kept_in_order() {
        let f =
            write("# comment\nDATA_DIR=./data\nDEV_GUILD_ID=\nSTAFF_ROLE_ID=   \nTOKEN=\"a b\"\n");
        let pairs = read(f.path()).expect("valid file");
        assert_eq!(
            pairs,
            vec![
                ("DATA_DIR".to_owned(), "./data".to_owned()),
                ("TOKEN".to_owned(), "a b".to_owned()),
            ]
        );
    }

    #[test]
    fn a_broken_line_is_named_with_its_line_number() {
        let f = write("KNOWLEDGE_DIR=./knowledge\n\nBAD LINE\nDISCORD_TOKEN=abc\n");
        let e = read(f.path()).expect_err("broken line");
        assert_eq!(e.line, Some(3));
        let shown = e.to_string();
        assert!(shown.contains(":3: cannot read `BAD LINE`"), "{shown}");
        assert!(shown.contains("fix or remove this line"), "{shown}");
    }

    #[test]
    fn finds_the_nearest_env_file_upwards() {
        let dir = tempfile::tempdir().expect("temp dir");
        let nested = dir.path().join("a/b");
        std::fs::create_dir_all(&nested).expect("mkdir");
        std::fs::write(dir.path().join(".env"), "X=1\n").expect("write");
        assert_eq!(find(&nested), Some(dir.path().join(".env")));
    }
}

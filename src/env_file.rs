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

/// One variable as a `.env` file sets it: its last assignment in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    pub key: String,
    pub value: String,
    /// 1-based line of that last assignment, when it could be found.
    pub line: Option<usize>,
}

/// The 1-based line of `text` that assigns `key` (`KEY=...` or `export KEY=...`); the last
/// one if it is assigned twice, as the last is the one applied.
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
        .last()
}

/// The `.env` in the current directory or the nearest parent, as dotenv tools look for it.
pub fn find(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(".env"))
        .find(|p| p.is_file())
}

/// Parses a `.env` file into its variables, each with its line. Every line is read (a broken
/// one anywhere stops it, named by its line); a key set twice takes the later value, as
/// Docker's `--env-file`, systemd and shells do. Blank values are left out: an admin who copied
/// `.env.example` and left `DEV_GUILD_ID=` empty means "unset", not "the empty id" (and a blank
/// later line unsets an earlier value). A UTF-8 byte order mark at the start is skipped.
pub fn read(path: &Path) -> Result<Vec<Assignment>, EnvFileError> {
    let error = |line: Option<usize>, problem: String| EnvFileError {
        path: path.to_owned(),
        line,
        problem,
    };
    let bytes = std::fs::read(path).map_err(|e| {
        error(
            None,
            format!(
                "cannot read the file: {e}. Make it readable by the user running supportbot, \
                 or remove it."
            ),
        )
    })?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        error(
            Some(line),
            "this line is not UTF-8 text. Save the file as UTF-8 (in your editor: save with \
             encoding UTF-8), or retype the line; nothing from this file was applied."
                .to_string(),
        )
    })?;
    let mut set: Vec<(String, String)> = Vec::new();
    for item in dotenvy::from_read_iter(text.as_bytes()) {
        match item {
            Ok((key, value)) => {
                // The later line wins: the earlier value goes, the new one is last in order.
                set.retain(|(k, _)| *k != key);
                set.push((key, value));
            }
            Err(dotenvy::Error::LineParse(bad, _)) => {
                return Err(error(
                    line_of(text, &bad),
                    format!(
                        "cannot read `{}`: each line must be KEY=value (quote values that contain \
                         spaces; start comments with #). Nothing from this file was applied: \
                         fix or remove this line.",
                        bad.trim()
                    ),
                ));
            }
            Err(e) => return Err(error(None, e.to_string())),
        }
    }
    Ok(set
        .into_iter()
        .filter(|(key, value)| {
            let blank = value.trim().is_empty();
            if blank {
                tracing::debug!(%key, "blank in .env: treated as unset");
            }
            !blank
        })
        .map(|(key, value)| Assignment {
            line: line_of_key(text, &key),
            key,
            value,
        })
        .collect())
}

/// The setting `key` was likely meant to be, when it is not one of `known` but close to one
/// (`DATADIR`, `SEMANTIC_MODLE`, `data_dir`): a typo that would otherwise be ignored without a
/// word. Keys far from every setting (another tool's, in a shared `.env`) give none.
pub fn meant<'a>(key: &str, known: &'a [String]) -> Option<&'a str> {
    if known.iter().any(|k| k == key) {
        return None;
    }
    let bare = |k: &str| k.replace(['_', '-'], "").to_uppercase();
    let typed = bare(key);
    known
        .iter()
        .map(|k| (k, strsim::levenshtein(&typed, &bare(k))))
        .filter(|(k, d)| *d == 0 || (*d <= 2 && k.len() >= 6))
        .min_by_key(|(_, d)| *d)
        .map(|(k, _)| k.as_str())
}

/// A path a `.env` sets, as meant: relative to the `.env`'s own folder (`DATA_DIR=./data` in
/// the project's `.env`, read from one of its subfolders, is the project's `data`, not a new
/// one beside the current directory). Absolute paths and values that are no path stay.
pub fn relative_to(value: &str, env_dir: &Path) -> String {
    let path = Path::new(value);
    if path.is_absolute() || value.trim().is_empty() {
        return value.to_string();
    }
    env_dir.join(path).display().to_string()
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

    #[test]
    fn a_key_close_to_a_setting_is_taken_for_it_and_others_are_left_alone() {
        let known: Vec<String> = ["DATA_DIR", "SEMANTIC_MODEL", "KNOWLEDGE_DIR", "MONITOR"]
            .map(String::from)
            .to_vec();
        assert_eq!(meant("DATADIR", &known), Some("DATA_DIR"));
        assert_eq!(meant("data_dir", &known), Some("DATA_DIR"));
        assert_eq!(meant("SEMANTIC_MODLE", &known), Some("SEMANTIC_MODEL"));
        assert_eq!(meant("KNOWLEDGE_DIRR", &known), Some("KNOWLEDGE_DIR"));
        assert_eq!(meant("DATA_DIR", &known), None, "known");
        assert_eq!(meant("POSTGRES_URL", &known), None, "another tool's");
        assert_eq!(meant("MONITORS", &known), Some("MONITOR"));
        assert_eq!(meant("MINUTE", &known), None);
    }

    #[test]
    fn a_relative_path_is_the_env_files_folders() {
        let dir = Path::new("/srv/bot");
        assert_eq!(relative_to("./data", dir), "/srv/bot/./data");
        assert_eq!(relative_to("knowledge", dir), "/srv/bot/knowledge");
        assert_eq!(relative_to("/var/lib/bot", dir), "/var/lib/bot");
    }

    fn write(text: &str) -> tempfile::NamedTempFile {
        let f = tempfile::NamedTempFile::new().expect("temp file");
        std::fs::write(f.path(), text).expect("write");
        f
    }

    #[test]
    fn the_line_that_sets_a_key_is_found() {
        let text = "# comment\nDISCORD_TOKEN=x\n\nexport ALLOW_PRIVATE_TARGETS = yes\nALLOW_PRIVATE_TARGETS=no\nALLOW=1\n";
        assert_eq!(
            line_of_key(text, "ALLOW_PRIVATE_TARGETS"),
            Some(5),
            "the last assignment, the one applied"
        );
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
                Assignment {
                    key: "DATA_DIR".to_owned(),
                    value: "./data".to_owned(),
                    line: Some(2)
                },
                Assignment {
                    key: "TOKEN".to_owned(),
                    value: "a b".to_owned(),
                    line: Some(5)
                },
            ]
        );
    }

    fn pairs(text: &str) -> Vec<(String, String, Option<usize>)> {
        let f = write(text);
        read(f.path())
            .expect("valid file")
            .into_iter()
            .map(|a| (a.key, a.value, a.line))
            .collect()
    }

    #[test]
    fn a_key_set_twice_takes_the_later_line() {
        assert_eq!(
            pairs("CHECK_RATE_PER_MINUTE=5\nDATA_DIR=/a\nCHECK_RATE_PER_MINUTE=abc\n"),
            vec![
                ("DATA_DIR".into(), "/a".into(), Some(2)),
                ("CHECK_RATE_PER_MINUTE".into(), "abc".into(), Some(3)),
            ]
        );
        // A blank later line unsets the earlier value, as blank means "not set".
        assert_eq!(pairs("DATA_DIR=/a\nDATA_DIR=\n"), vec![]);
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        assert_eq!(
            pairs("\u{feff}KNOWLEDGE_DIR=./k\nDATA_DIR=./d\n"),
            vec![
                ("KNOWLEDGE_DIR".into(), "./k".into(), Some(1)),
                ("DATA_DIR".into(), "./d".into(), Some(2)),
            ]
        );
    }

    #[test]
    fn a_line_that_is_not_utf8_is_named() {
        let f = tempfile::NamedTempFile::new().expect("temp file");
        std::fs::write(f.path(), b"A=1\n# caf\xe9\nB=2\n").expect("write");
        let e = read(f.path()).expect_err("not UTF-8");
        assert_eq!(e.line, Some(2));
        let shown = e.to_string();
        assert!(
            shown.contains(":2: this line is not UTF-8 text. Save the file as UTF-8"),
            "{shown}"
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

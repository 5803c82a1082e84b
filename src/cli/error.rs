//! [`CliError`]: why a command failed, worded for the person at the terminal, with its exit
//! code. Commands return it; only `main` prints it (on stderr) and exits with its code.

use std::fmt;

/// A command's failure: what stderr says and the exit code.
///
/// - [`CliError::usage`]: the request cannot be carried out as given (an empty argument, a
///   missing setting): `error: ...`, exit 2.
/// - [`CliError::failed`]: the command ran and could not do it (no such ticket, a refused
///   action): `error: ...`, exit 1.
/// - [`CliError::report`]: a report that speaks for itself, printed as is (the knowledge base's
///   problems, an unknown article with suggestions), with its exit code.
/// - an internal failure (I/O, the store), from any error through `?`: `error: ...` with its
///   causes, exit 1; a reader that went away (`| head -1`) ends the command quietly.
///
/// Display gives exactly the text stderr shows, without the final newline.
#[derive(Debug)]
pub struct CliError {
    kind: Kind,
    /// A line after the message that is not part of the failure (notifications left queued).
    note: Option<String>,
}

#[derive(Debug)]
enum Kind {
    Message { message: String, code: u8 },
    Report { text: String, code: u8 },
    Internal(anyhow::Error),
}

impl CliError {
    /// Wrong use, exit 2: stderr says `error: {message}`.
    pub fn usage(message: impl Into<String>) -> Self {
        Self::message(message, 2)
    }

    /// The command could not do it, exit 1: stderr says `error: {message}`.
    pub fn failed(message: impl Into<String>) -> Self {
        Self::message(message, 1)
    }

    /// `error: {message}` with the given exit code (for errors that choose their own).
    pub fn message(message: impl Into<String>, code: u8) -> Self {
        Self::from_kind(Kind::Message {
            message: message.into(),
            code,
        })
    }

    /// `text` printed as it is, without the `error:` prefix, and exit `code`.
    pub fn report(text: impl Into<String>, code: u8) -> Self {
        Self::from_kind(Kind::Report {
            text: text.into(),
            code,
        })
    }

    /// Something broke underneath: `error: ...` with its causes, exit 1.
    pub fn internal(e: anyhow::Error) -> Self {
        Self::from_kind(Kind::Internal(e))
    }

    fn from_kind(kind: Kind) -> Self {
        CliError { kind, note: None }
    }

    /// Adds a line printed after the message (a note, not part of the failure).
    pub fn with_note(mut self, note: String) -> Self {
        self.note = Some(note);
        self
    }

    /// The process exit code.
    pub fn code(&self) -> u8 {
        match &self.kind {
            Kind::Message { code, .. } | Kind::Report { code, .. } => *code,
            Kind::Internal(_) => 1,
        }
    }

    /// The failure for a `--json` caller, on stdout: `{"error": "..."}` with the text stderr
    /// shows (without its `error: ` prefix), and `"note"` when a note follows it. Every
    /// `--json` failure carries its words in `error`; those that have a machine name (`check
    /// --json`'s per-target lines) add it as `code`. The exit code stays [`CliError::code`].
    pub fn to_json(&self) -> serde_json::Value {
        let text = match &self.kind {
            Kind::Message { message, .. } => message.clone(),
            Kind::Report { text, .. } => text.clone(),
            Kind::Internal(e) => format!("{e:#}"),
        };
        let mut v = serde_json::json!({ "error": text });
        if let Some(note) = &self.note {
            v["note"] = serde_json::json!(note);
        }
        v
    }

    /// Whether something broke underneath (I/O, the store) rather than the request being refused.
    pub fn is_internal(&self) -> bool {
        matches!(self.kind, Kind::Internal(_))
    }

    /// Whether this is only the reader of our output going away (`supportbot tickets list |
    /// head -1`): not a failure of the command, so it ends quietly with success.
    pub fn is_broken_pipe(&self) -> bool {
        match &self.kind {
            Kind::Internal(e) => e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }),
            _ => false,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Refusals quote what was typed or read (ids, file contents): a control character in
        // them must not reach the terminal, where it could rewrite or hide the message.
        match &self.kind {
            Kind::Message { message, .. } => write!(f, "error: {}", printable(message))?,
            Kind::Report { text, .. } => write!(f, "{}", printable(text))?,
            Kind::Internal(e) => write!(f, "error: {}", printable(&format!("{e:#}")))?,
        }
        if let Some(note) = &self.note {
            write!(f, "\n{}", printable(note))?;
        }
        Ok(())
    }
}

/// `text` with control characters other than line breaks and tabs shown as escapes (`\u{1b}`).
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

// `CliError` is deliberately not a `std::error::Error`: that keeps this blanket conversion
// (every I/O, store or JSON error through `?`) from overlapping `From<CliError> for CliError`.
// An `anyhow::Error` goes through [`CliError::internal`]: a `From` for it would overlap this one.
impl<E> From<E> for CliError
where
    E: std::error::Error + Send + Sync + 'static,
{
    fn from(e: E) -> Self {
        Self::from_kind(Kind::Internal(anyhow::Error::from(e)))
    }
}

/// The next step after a refusal, as the command line spells it.
pub struct CliSpelling;

impl crate::service::SpellNextStep for CliSpelling {
    fn spell(&self, step: &crate::service::NextStep) -> String {
        use crate::service::NextStep;
        match step {
            NextStep::ListTickets => "`supportbot tickets list` shows the ids.".into(),
            NextStep::Reopen(id) => format!("Reopen it with `supportbot tickets reopen {id}`."),
            NextStep::ListArticles => {
                "`supportbot kb list` shows the article ids (give them with --article ID).".into()
            }
            NextStep::ListIncidents => "`supportbot incidents list --all` shows them.".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_prefixed_and_reports_are_not() {
        assert_eq!(CliError::usage("x").to_string(), "error: x");
        assert_eq!(CliError::usage("x").code(), 2);
        assert_eq!(CliError::failed("y").code(), 1);
        assert_eq!(CliError::report("plain", 3).to_string(), "plain");
        assert_eq!(
            CliError::failed("y")
                .with_note("note: z".into())
                .to_string(),
            "error: y\nnote: z"
        );
    }

    #[test]
    fn json_errors_carry_the_text_without_its_prefix() {
        let v = CliError::failed("no ticket T-9").to_json();
        assert_eq!(v, serde_json::json!({"error": "no ticket T-9"}));
        let v = CliError::report("No article", 1)
            .with_note("note: queued".into())
            .to_json();
        assert_eq!(v["error"], "No article");
        assert_eq!(v["note"], "note: queued");
        let v = CliError::internal(anyhow::anyhow!("inner").context("outer")).to_json();
        assert_eq!(v["error"], "outer: inner");
    }

    #[test]
    fn internal_errors_show_their_causes_and_a_closed_pipe_is_quiet() {
        let e = CliError::internal(anyhow::anyhow!("inner").context("outer"));
        assert_eq!(e.to_string(), "error: outer: inner");
        assert_eq!(e.code(), 1);
        assert!(!e.is_broken_pipe());
        let pipe = CliError::from(std::io::Error::from(std::io::ErrorKind::BrokenPipe));
        assert!(pipe.is_broken_pipe());
    }
}

//! Parses the command line with clap, and words its errors for settings admins keep in the
//! environment or `.env`: a bad value names the variable and the `.env` line, not a `--flag`
//! nobody typed, and usage lines do not show settings the environment already gives as if they
//! had to be typed.

use super::args::Cli;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches};
use std::ffi::OsString;
use std::path::PathBuf;

/// Where a variable applied from a `.env` file was set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvFileOrigin {
    pub key: String,
    pub path: PathBuf,
    /// 1-based, when the line could be found.
    pub line: Option<usize>,
}

/// What to print and the exit code, when parsing ends the program (help, version or an error).
#[derive(Debug)]
pub struct ParseEnd {
    pub text: String,
    /// Help and version go to stdout with 0; errors to stderr with 2.
    pub to_stdout: bool,
    pub code: u8,
    /// With `--json` typed, an error also as `{"error": ...}` for stdout, as every other
    /// failure of a `--json` command is (a script read nothing there).
    pub json: Option<String>,
}

/// Parses `args` (the program name first) with the environment as it is now.
pub fn parse(args: Vec<OsString>, from_env_file: &[EnvFileOrigin]) -> Result<Cli, ParseEnd> {
    let command = Cli::command();
    let matches = command.clone().try_get_matches_from(&args);
    let error = match matches.and_then(|m| Cli::from_arg_matches(&m)) {
        Ok(cli) => return Ok(cli),
        Err(e) => e,
    };
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        return Err(ParseEnd {
            text: error.render().to_string(),
            to_stdout: true,
            code: 0,
            json: None,
        });
    }
    let typed: Vec<String> = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let text = from_environment(&command, &error, &typed, from_env_file)
        .unwrap_or_else(|| without_env_flags(&command, &error.render().to_string(), &typed));
    let json = typed
        .iter()
        .any(|a| a == "--json")
        .then(|| serde_json::json!({ "error": json_error(&text) }).to_string());
    Err(ParseEnd {
        text,
        to_stdout: false,
        code: 2,
        json,
    })
}

/// The error text for `{"error": ...}`: every line stderr shows (the missing argument, the
/// possible values, the usage), without the leading `error: ` and clap's closing "For more
/// information, try '--help'." line.
fn json_error(text: &str) -> String {
    let text = text.trim_start();
    let text = text.strip_prefix("error: ").unwrap_or(text);
    text.lines()
        .filter(|l| !l.starts_with("For more information, try"))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

fn context_string(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        _ => None,
    }
}

/// Every argument of `command` and its subcommands.
fn all_args(command: &clap::Command) -> Vec<clap::Arg> {
    let mut args: Vec<clap::Arg> = command.get_arguments().cloned().collect();
    for sub in command.get_subcommands() {
        args.extend(all_args(sub));
    }
    args
}

/// Whether `--long` (or `--long=value`) was typed.
fn was_typed(typed: &[String], long: &str) -> bool {
    let flag = format!("--{long}");
    typed
        .iter()
        .any(|a| *a == flag || a.starts_with(&format!("{flag}=")))
}

/// A bad value that came from a variable (not typed): the error in the variable's words.
fn from_environment(
    command: &clap::Command,
    error: &clap::Error,
    typed: &[String],
    from_env_file: &[EnvFileOrigin],
) -> Option<String> {
    if !matches!(
        error.kind(),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation
    ) {
        return None;
    }
    let flag = context_string(error, ContextKind::InvalidArg)?;
    let value = context_string(error, ContextKind::InvalidValue)?;
    let long = flag.trim_start_matches("--").split([' ', '=']).next()?;
    let arg = all_args(command)
        .into_iter()
        .find(|a| a.get_long() == Some(long))?;
    let var = arg.get_env()?.to_string_lossy().into_owned();
    if was_typed(typed, long) {
        return None;
    }
    let whole = std::env::var(&var).ok()?;
    // A list (`CHECK_ALLOWED_PORTS=80,https`): clap names the one item that is wrong.
    let item = if whole == value {
        None
    } else if arg
        .get_value_delimiter()
        .is_some_and(|d| whole.split(d).any(|part| part == value))
    {
        Some(value.as_str())
    } else {
        return None;
    };
    let origin = match from_env_file.iter().find(|o| o.key == var) {
        Some(EnvFileOrigin {
            path,
            line: Some(line),
            ..
        }) => format!("set in {}, line {line}", path.display()),
        Some(o) => format!("set in {}", o.path.display()),
        None => "set in the environment".to_string(),
    };
    let why = match error.get(ContextKind::ValidValue) {
        Some(ContextValue::Strings(valid)) => format!("use one of: {}", valid.join(", ")),
        _ => std::error::Error::source(error)
            .map(|s| s.to_string())
            .unwrap_or_else(|| "see `supportbot --help` for what it takes".to_string()),
    };
    let why = plain(&why);
    let why = match item {
        Some(item) => format!("`{item}` in it is wrong ({why})"),
        None => why,
    };
    let fix = if from_env_file.iter().any(|o| o.key == var) {
        "Fix that line in .env (or delete it, if the setting is optional)."
    } else {
        "Fix or unset the variable."
    };
    let why = why.trim_end_matches('.');
    Some(format!(
        "error: {var}={whole} ({origin}) is not valid: {why}.\n  {fix} (The same setting can be given as {flag} on the command line.)\n"
    ))
}

/// Rust's number-parsing words as an admin would say them.
fn plain(why: &str) -> String {
    match why {
        "invalid digit found in string" => "not a whole number".to_string(),
        "number too large to fit in target type" => "too large".to_string(),
        "cannot parse integer from empty string" => "empty".to_string(),
        other => match other.split_once(" is not in ").and_then(|(n, r)| {
            let (low, high) = r.split_once("..=")?;
            Some(format!("{n} is not between {low} and {high}"))
        }) {
            Some(range) => range,
            None => other.to_string(),
        },
    }
}

/// clap's error text with the usage line freed of `--flag <VALUE>` parts that the environment
/// provides and nobody typed: clap lists them as if they were required.
fn without_env_flags(command: &clap::Command, text: &str, typed: &[String]) -> String {
    let from_env: Vec<String> = all_args(command)
        .into_iter()
        .filter(|a| {
            a.get_env().is_some_and(|v| std::env::var_os(v).is_some())
                && a.get_long().is_some_and(|l| !was_typed(typed, l))
        })
        .filter_map(|a| {
            let long = a.get_long()?;
            let names = a.get_value_names().map(|v| v.join("> <"));
            let value = names.unwrap_or_else(|| long.to_uppercase().replace('-', "_"));
            Some(format!(" --{long} <{value}>"))
        })
        .collect();
    text.lines()
        .map(|line| {
            if line.starts_with("Usage:") {
                from_env
                    .iter()
                    .fold(line.to_string(), |l, part| l.replace(part.as_str(), ""))
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        std::iter::once("supportbot")
            .chain(list.iter().copied())
            .map(OsString::from)
            .collect()
    }

    #[test]
    fn a_typed_bad_value_keeps_claps_words() {
        let end = parse(args(&["--allow-private-targets", "maybe", "status"]), &[]).unwrap_err();
        assert_eq!(end.code, 2);
        assert!(end.text.contains("--allow-private-targets"), "{}", end.text);
    }

    #[test]
    fn number_errors_are_said_in_plain_words() {
        assert_eq!(plain("invalid digit found in string"), "not a whole number");
        assert_eq!(
            plain("99999 is not in 1..=65535"),
            "99999 is not between 1 and 65535"
        );
        assert_eq!(plain("something else"), "something else");
    }

    fn json_error_of(list: &[&str]) -> String {
        let end = parse(args(list), &[]).unwrap_err();
        let v: serde_json::Value =
            serde_json::from_str(end.json.as_deref().expect("json")).expect("valid JSON");
        v["error"].as_str().expect("error text").to_string()
    }

    #[test]
    fn a_json_error_keeps_every_line_of_the_message() {
        let said = json_error_of(&["tickets", "show", "--json"]);
        assert!(
            said.starts_with("the following required arguments were not provided:")
                && said.contains("<ID>"),
            "{said}"
        );
        assert!(!said.contains("For more information"), "{said}");
        let said = json_error_of(&["--monitor", "maybe", "status", "--json"]);
        assert!(
            said.contains("'maybe'") && said.contains("[possible values: true, false]"),
            "{said}"
        );
    }

    #[test]
    fn help_goes_to_stdout_with_success() {
        let end = parse(args(&["--help"]), &[]).unwrap_err();
        assert!(end.to_stdout && end.code == 0, "{end:?}");
    }
}

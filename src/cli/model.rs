//! The sentence model from the command line: `model fetch` / `model status`, and turning the
//! semantic settings into a [`SemanticSetup`] for the commands that match descriptions
//! (through [`super::Context`]: console, run, diagnose, kb check, escalate).

use super::args::ModelCommand;
use super::{CliError, Context};
use crate::config::SemanticConfig;
use crate::semantic::{SemanticSetup, SemanticStatus};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Runs `model fetch` or `model status`.
pub fn run(ctx: &Context, command: ModelCommand) -> Result<ExitCode, CliError> {
    let config = &ctx.config().semantic;
    let out = &mut std::io::stdout().lock();
    match command {
        ModelCommand::Status { json } => ctx.runtime()?.block_on(status(config, json, out)),
        ModelCommand::Fetch => {
            let interactive = std::io::stderr().is_terminal();
            ctx.runtime()?.block_on(fetch(config, interactive, out))
        }
    }
}

/// Loads the configured model (fetching a repo id on first use when `download`), or says once,
/// on stderr, why matching stays lexical. Never fails: without a model the product still runs.
pub async fn setup(config: &SemanticConfig, download: bool, interactive: bool) -> SemanticSetup {
    let setup = build(config, download, interactive).await;
    if !setup.status.is_ready()
        && !matches!(&setup.status, SemanticStatus::Off { reason } if reason == "SEMANTIC_MODEL=off")
    {
        eprintln!("note: {}", setup.status.line());
    }
    setup
}

/// What the configured model's embedding cache is keyed by, read from its `config.json`
/// without loading the weights (so the cache can be read while they load). `None` when the
/// model is off, not on disk yet, or its config does not say: the cache is then read after.
#[cfg(feature = "semantic")]
pub fn expected_identity(config: &SemanticConfig) -> Option<crate::knowledge::ModelIdentity> {
    use crate::semantic::model::{ModelSource, cached};
    let source = ModelSource::parse(&config.model).ok()?;
    let dir = match &source {
        ModelSource::Off => return None,
        ModelSource::Dir(d) => d.clone(),
        ModelSource::Hub(id) => cached(&config.cache_dir, id)?,
    };
    let text = std::fs::read_to_string(dir.join("config.json")).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    let dim = usize::try_from(json.get("hidden_size")?.as_u64()?).ok()?;
    Some(crate::knowledge::ModelIdentity {
        // As the loaded encoder keys its cache (`Embed::cache_key`).
        name: format!(
            "{}@{}",
            source.name(),
            crate::semantic::bert::files_fingerprint(&dir)
        ),
        dim,
        cache_dir: config.embeddings_dir(),
    })
}

/// Without the `semantic` feature there is no model to expect.
#[cfg(not(feature = "semantic"))]
pub fn expected_identity(_config: &SemanticConfig) -> Option<crate::knowledge::ModelIdentity> {
    None
}

#[cfg(not(feature = "semantic"))]
async fn build(config: &SemanticConfig, _download: bool, _interactive: bool) -> SemanticSetup {
    if config.model.trim().eq_ignore_ascii_case("off") {
        return SemanticSetup::off("SEMANTIC_MODEL=off");
    }
    SemanticSetup::off("this build has no `semantic` feature; rebuild with default features")
}

#[cfg(feature = "semantic")]
async fn build(config: &SemanticConfig, download: bool, interactive: bool) -> SemanticSetup {
    use crate::semantic::model::{ModelSource, load};
    let source = match ModelSource::parse(&config.model) {
        Ok(s) => s,
        Err(why) => {
            return SemanticSetup::unavailable(SemanticStatus::Unavailable {
                model: config.model.clone(),
                reason: why,
            });
        }
    };
    match load(
        &source,
        &config.cache_dir,
        download,
        interactive,
        config.hub_endpoint.as_deref(),
    )
    .await
    {
        Ok(encoder) => {
            let setup =
                SemanticSetup::ready(std::sync::Arc::new(encoder), Some(config.embeddings_dir()));
            if interactive {
                setup.with_progress(progress_bar())
            } else {
                setup
            }
        }
        Err(status) => SemanticSetup::unavailable(status),
    }
}

/// A progress bar on stderr for embedding the articles (shown only when there is work).
#[cfg(feature = "semantic")]
#[allow(clippy::expect_used)] // each `expect` below says why it cannot fail
fn progress_bar() -> crate::semantic::Progress {
    let bar = indicatif::ProgressBar::hidden();
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "Embedding article chunks {bar:30} {pos}/{len} ({eta} left)",
        )
        // The template is a constant that is known to parse.
        .expect("valid template"),
    );
    std::sync::Arc::new(move |done, total| {
        if bar.is_hidden() && done < total {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
        bar.set_length(total as u64);
        bar.set_position(done as u64);
        if done >= total {
            bar.finish_and_clear();
        }
    })
}

/// `model status`: which model is configured, whether it is on disk, what is missing, and
/// whether it loads: a model whose files are all there is loaded as the matcher loads it, so a
/// truncated weights file or a broken tokenizer is not "ready" (exit 1 when missing or broken;
/// the output says why, in the words the other commands' note uses).
async fn status(
    config: &SemanticConfig,
    json: bool,
    out: &mut impl Write,
) -> Result<ExitCode, CliError> {
    #[cfg(feature = "semantic")]
    {
        use crate::semantic::model::{ModelSource, status};
        // A model directory that does not exist is a missing model (exit 1), as an empty one
        // is, and as a missing knowledge or data directory is for the other commands; a value
        // that is neither a path nor a repo id is wrong use (exit 2).
        let (source, absent) = match ModelSource::parse(&config.model) {
            Ok(s) => (s, false),
            Err(why) => match ModelSource::local_path(&config.model) {
                Some(dir) => (ModelSource::Dir(dir), true),
                None => return Err(CliError::usage(why)),
            },
        };
        let s = status(&source, &config.cache_dir);
        let on_disk = source != ModelSource::Off && s.missing.is_empty();
        // Never downloads: the files are there, only whether they are whole (their checksums)
        // and load is in question.
        let damaged = match &s.dir {
            Some(dir) if on_disk => crate::semantic::model::verify(dir).err(),
            _ => None,
        };
        let broken = if let Some(why) = damaged {
            Some(SemanticStatus::Unavailable {
                model: s.model.clone(),
                reason: why,
            })
        } else if on_disk {
            let loaded = build(config, false, false).await.status;
            (!loaded.is_ready()).then_some(loaded)
        } else {
            None
        };
        let ready = on_disk && broken.is_none();
        let dir = s
            .dir
            .as_ref()
            .map(|d| d.display().to_string())
            .unwrap_or_default();
        // The reason as the other commands' note gives it.
        // (Files missing are the error too: a failure in JSON always says what is wrong.)
        let load_error = broken.as_ref().map(|b| match b {
            SemanticStatus::Unavailable { reason, .. } => reason.clone(),
            other => other.line(),
        });
        // ("/etc/passwd": there, but a file.)
        let not_a_directory = absent.then(|| {
            if std::path::Path::new(&dir).exists() {
                format!("{dir} is a file, not a model directory")
            } else {
                format!("the directory {dir} does not exist")
            }
        });
        let error = load_error.clone().or(not_a_directory.clone()).or_else(|| {
            (source != ModelSource::Off && !s.missing.is_empty()).then(|| {
                format!(
                    "the model's files are not there: {} missing in {}",
                    s.missing.join(", "),
                    if dir.is_empty() {
                        s.model.as_str()
                    } else {
                        dir.as_str()
                    }
                )
            })
        });
        if json {
            writeln!(
                out,
                "{}",
                serde_json::json!({"model": s.model, "off": source == ModelSource::Off, "ready": ready, "dir": s.dir, "missing": s.missing, "bytes": s.bytes, "cache_dir": config.cache_dir, "error": error})
            )?;
        } else if let Some(error) = &load_error {
            writeln!(
                out,
                "Model `{}` in {dir} does not load: {}.\nUntil it does, every command matches with the lexical matcher only.",
                s.model,
                error.trim_end_matches('.')
            )?;
            writeln!(
                out,
                "{}",
                if matches!(source, ModelSource::Hub(_)) {
                    format!("Delete {dir} and run `supportbot model fetch` to download it again.")
                } else {
                    format!(
                        "Replace the files in {dir} with a complete copy of the model (a damaged or cut-short download?)."
                    )
                }
            )?;
        } else if source == ModelSource::Off {
            writeln!(
                out,
                "Semantic matching is off (SEMANTIC_MODEL=off): the matcher is lexical only."
            )?;
        } else if ready {
            writeln!(
                out,
                "Model `{}`: ready in {dir} ({:.1} MB; it loads).",
                s.model,
                s.bytes as f64 / 1e6
            )?;
        } else if let Some(what) = &not_a_directory {
            writeln!(
                out,
                "Model `{}`: not on this machine ({what}).\nSet SEMANTIC_MODEL to a model directory that exists, a Hugging Face repo id, or `off`.",
                s.model
            )?;
        } else {
            writeln!(
                out,
                "Model `{}`: not on this machine (missing: {}).",
                s.model,
                s.missing.join(", ")
            )?;
            if matches!(source, ModelSource::Hub(_)) {
                writeln!(
                    out,
                    "Run `supportbot model fetch` (needs the Hugging Face hub), or set SEMANTIC_MODEL to a model directory."
                )?;
            } else {
                writeln!(
                    out,
                    "Copy a sentence-transformers model's files into {dir}, or set SEMANTIC_MODEL to a Hugging Face repo id (then `supportbot model fetch`), or `off`."
                )?;
            }
        }
        Ok(if ready || source == ModelSource::Off {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        })
    }
    #[cfg(not(feature = "semantic"))]
    {
        let _ = config;
        if json {
            writeln!(
                out,
                "{}",
                serde_json::json!({"model": null, "off": true, "ready": false, "reason": "built without the semantic feature"})
            )?;
        } else {
            writeln!(
                out,
                "This supportbot was built without the `semantic` feature: the matcher is lexical only."
            )?;
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// `model fetch`: downloads the configured repo id into the model cache and checks it.
async fn fetch(
    config: &SemanticConfig,
    interactive: bool,
    out: &mut impl Write,
) -> Result<ExitCode, CliError> {
    #[cfg(feature = "semantic")]
    {
        use crate::semantic::model::{ModelSource, cached, fetch};
        match ModelSource::parse(&config.model) {
            Err(why) => Err(CliError::usage(why)),
            Ok(ModelSource::Off) => Err(CliError::usage(format!(
                "SEMANTIC_MODEL=off: there is no model to fetch. Set SEMANTIC_MODEL to a Hugging Face repo id (default {}).",
                crate::semantic::model::DEFAULT_MODEL
            ))),
            Ok(ModelSource::Dir(d)) => {
                writeln!(
                    out,
                    "SEMANTIC_MODEL is a directory ({}): nothing to fetch.",
                    d.display()
                )?;
                Ok(ExitCode::SUCCESS)
            }
            Ok(ModelSource::Hub(id)) => {
                if let Some(dir) = cached(&config.cache_dir, &id) {
                    match crate::semantic::model::verify(&dir) {
                        Ok(()) => {
                            writeln!(
                                out,
                                "Model `{id}` is already in {} (checksums verified).",
                                dir.display()
                            )?;
                            return Ok(ExitCode::SUCCESS);
                        }
                        // Damaged on disk since: the damaged files go, and are fetched again.
                        Err(why) => {
                            writeln!(out, "{why}: fetching the damaged files again.")?;
                            crate::semantic::model::remove_damaged(&dir);
                        }
                    }
                }
                match fetch(
                    &config.cache_dir,
                    &id,
                    interactive,
                    config.hub_endpoint.as_deref(),
                )
                .await
                {
                    Ok(dir) => {
                        writeln!(
                            out,
                            "Fetched `{id}` into {} (checksums verified).",
                            dir.display()
                        )?;
                        Ok(ExitCode::SUCCESS)
                    }
                    Err(why) => Err(CliError::failed(why)),
                }
            }
        }
    }
    #[cfg(not(feature = "semantic"))]
    {
        let _ = (config, interactive, out);
        Err(CliError::usage(
            "this supportbot was built without the `semantic` feature; rebuild with default features to use a sentence model.",
        ))
    }
}

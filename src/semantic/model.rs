//! The sentence model as a managed dependency: where `SEMANTIC_MODEL` points (a directory, a
//! Hugging Face repo id, or `off`), fetching a repo into the model cache with hf-hub (progress
//! bar on a terminal, checksum checked), and loading it.

use super::bert::BertEncoder;
use super::{EmbedError, SemanticStatus};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The model used when `SEMANTIC_MODEL` is not set; chosen by measurement (BENCHMARKS.md).
pub const DEFAULT_MODEL: &str = "sentence-transformers/all-MiniLM-L6-v2";

/// Files every model directory needs.
pub const REQUIRED: [&str; 3] = ["config.json", "tokenizer.json", "model.safetensors"];
/// Files read when present (length limit, pooling).
pub const OPTIONAL: [&str; 2] = ["sentence_bert_config.json", "1_Pooling/config.json"];

/// What `SEMANTIC_MODEL` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelSource {
    Off,
    /// A model directory on disk.
    Dir(PathBuf),
    /// A Hugging Face repo id (`owner/name`), fetched into the model cache on first use.
    Hub(String),
}

/// Whether a `SEMANTIC_MODEL` value is written as a path (`./m`, `/opt/m`, `~/m`, `C:\m`).
fn looks_local(v: &str) -> bool {
    v.starts_with('.') || v.starts_with('/') || v.starts_with('~') || v.contains('\\')
}

impl ModelSource {
    /// Reads a `SEMANTIC_MODEL` value. A value that is neither `off`, an existing directory,
    /// nor `owner/name` is an error that says what is accepted.
    pub fn parse(value: &str) -> Result<ModelSource, String> {
        let v = value.trim();
        if v.is_empty() {
            return Ok(ModelSource::Hub(DEFAULT_MODEL.into()));
        }
        if matches!(
            v.to_ascii_lowercase().as_str(),
            "off" | "none" | "false" | "0" | "no"
        ) {
            return Ok(ModelSource::Off);
        }
        let path = Path::new(v);
        if path.is_dir() {
            return Ok(ModelSource::Dir(path.to_path_buf()));
        }
        let looks_local = looks_local(v);
        let parts: Vec<&str> = v.split('/').collect();
        let repo_like = parts.len() == 2
            && parts.iter().all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
            });
        if repo_like && !looks_local {
            return Ok(ModelSource::Hub(v.to_string()));
        }
        Err(format!(
            "SEMANTIC_MODEL=`{v}` is neither a model directory that exists nor a Hugging Face repo \
             id like `{DEFAULT_MODEL}`; use one of those, or `off` for the lexical matcher only"
        ))
    }

    /// A directory that `value` names, when it names one (a path, whether or not it exists);
    /// `None` for a repo id or `off`. `model status` reports one that does not exist as a
    /// missing model.
    pub fn local_path(value: &str) -> Option<PathBuf> {
        let v = value.trim();
        looks_local(v).then(|| PathBuf::from(v))
    }

    /// The name the model goes by (cache key, status lines).
    pub fn name(&self) -> String {
        match self {
            ModelSource::Off => "off".into(),
            ModelSource::Dir(p) => p.display().to_string(),
            ModelSource::Hub(id) => id.clone(),
        }
    }
}

/// The directory of a repo already in the model cache with every required file, if any.
pub fn cached(cache_dir: &Path, repo: &str) -> Option<PathBuf> {
    let cache = hf_hub::Cache::new(cache_dir.to_path_buf());
    let repo = cache.model(repo.to_string());
    let config = repo.get("config.json")?;
    let dir = config.parent()?.to_path_buf();
    REQUIRED
        .iter()
        .all(|f| dir.join(f).is_file())
        .then_some(dir)
}

/// Checks a blob against the SHA-256 the hub names it by (large files are stored under their
/// checksum). Files whose name is not a SHA-256 (small git files) are only checked for size.
fn verify_blob(path: &Path) -> Result<(), String> {
    let real = std::fs::canonicalize(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let name = real.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let meta = std::fs::metadata(&real).map_err(|e| format!("{}: {e}", real.display()))?;
    if meta.len() == 0 {
        return Err(format!("{} is empty", path.display()));
    }
    if name.len() != 64 || !name.chars().all(|c| c.is_ascii_hexdigit()) {
        return Ok(());
    }
    let mut file = std::fs::File::open(&real).map_err(|e| format!("{}: {e}", real.display()))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file
            .read(&mut buf)
            .map_err(|e| format!("{}: {e}", real.display()))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    let got: String = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    if got != name.to_ascii_lowercase() {
        return Err(format!(
            "{} is damaged (checksum {got}, expected {name}); delete it and fetch again",
            path.display()
        ));
    }
    Ok(())
}

/// Checks every file of a downloaded model against the checksum its blob is named by (files
/// of a model directory copied by hand have none and pass): a file damaged on disk since its
/// download (same size, other bytes) is found, and named. Reads the whole model (about 0.3 s
/// for 90 MB), so it is for `model status` and `model fetch`, not for every start.
pub fn verify(dir: &Path) -> Result<(), String> {
    REQUIRED
        .iter()
        .chain(OPTIONAL.iter())
        .map(|f| dir.join(f))
        .filter(|p| p.is_file())
        .try_for_each(|p| verify_blob(&p))
}

/// Deletes the files of `dir` whose checksum fails (their link and the blob behind it), so a
/// fetch downloads them again.
pub fn remove_damaged(dir: &Path) {
    for p in REQUIRED.iter().chain(OPTIONAL.iter()).map(|f| dir.join(f)) {
        if p.is_file() {
            let _ = verify_or_remove(&p);
        }
    }
}

/// Downloads `repo` into `cache_dir` (the hub's own cache layout) and verifies it. Shows a
/// progress bar when `progress` (a terminal). Returns the model directory.
/// `endpoint` replaces the hub's address (`HF_ENDPOINT`: a mirror, or a test server).
pub async fn fetch(
    cache_dir: &Path,
    repo: &str,
    progress: bool,
    endpoint: Option<&str>,
) -> Result<PathBuf, String> {
    std::fs::create_dir_all(cache_dir)
        .map_err(|e| format!("cannot create the model cache {}: {e}", cache_dir.display()))?;
    let mut builder =
        hf_hub::api::tokio::ApiBuilder::from_cache(hf_hub::Cache::new(cache_dir.to_path_buf()))
            .with_progress(progress);
    if let Some(endpoint) = endpoint {
        builder = builder.with_endpoint(endpoint.trim_end_matches('/').to_string());
    }
    let api = builder
        .build()
        .map_err(|e| format!("cannot set up the download: {e}"))?;
    hub_answers(endpoint.unwrap_or(HUB), repo, HUB_ANSWER_TIMEOUT).await?;
    let remote = api.model(repo.to_string());
    let mut dir = None;
    let download = |file: &'static str| {
        let remote = &remote;
        async move {
            match tokio::time::timeout(DOWNLOAD_TIMEOUT, remote.get(file)).await {
                Ok(Ok(path)) => Ok(Some(path)),
                Ok(Err(e)) => Err(e.to_string()),
                Err(_) => Err(format!(
                    "no progress in {} minutes",
                    DOWNLOAD_TIMEOUT.as_secs() / 60
                )),
            }
        }
    };
    for file in REQUIRED {
        let path = download(file).await.map_err(|why| {
            format!(
                "could not download {file} of `{repo}` from the Hugging Face hub ({why}). Check \
                 the repo id; on a machine without access to the hub, copy a model directory to \
                 it and set SEMANTIC_MODEL to that directory"
            )
        })?;
        if let Some(path) = path {
            verify_or_remove(&path)?;
            dir = path.parent().map(Path::to_path_buf);
        }
    }
    for file in OPTIONAL {
        match download(file).await {
            Ok(Some(path)) => verify_or_remove(&path)?,
            Ok(None) => {}
            // A repo without the file answers 404: the model is read with defaults (mean
            // pooling, the position table's length). Anything else (a timeout, a 429) must not
            // leave a model that would be read with the wrong pooling: fail, and fetch again.
            Err(why) if why.contains("404") => {}
            Err(why) => {
                return Err(format!(
                    "could not download {file} of `{repo}` ({why}); run `supportbot model fetch` \
                     again"
                ));
            }
        }
    }
    dir.ok_or_else(|| format!("`{repo}` gave no files"))
}

/// The Hugging Face hub's address, where `HF_ENDPOINT` names no other.
const HUB: &str = "https://huggingface.co";

/// How long the hub may take to answer at all. A firewall that drops its traffic (rather than
/// refusing it) would otherwise hold start-up until the download's own limit.
const HUB_ANSWER_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(8);

/// Whether the hub at `endpoint` answers a request for `repo`'s config at all (any HTTP status
/// will do: the download then says what is wrong) within `timeout`.
async fn hub_answers(
    endpoint: &str,
    repo: &str,
    timeout: std::time::Duration,
) -> Result<(), String> {
    let url = format!(
        "{}/{repo}/resolve/main/config.json",
        endpoint.trim_end_matches('/')
    );
    let client = reqwest::Client::builder()
        .connect_timeout(timeout)
        .timeout(timeout)
        .build()
        .map_err(|e| format!("cannot set up the download: {e}"))?;
    match client.head(&url).send().await {
        Ok(_) => Ok(()),
        Err(e) if e.is_timeout() => Err(format!(
            "the Hugging Face hub at {endpoint} did not answer within {} s (a firewall may be \
             dropping its traffic). On a machine without access to the hub, copy a model \
             directory to it and set SEMANTIC_MODEL to that directory",
            timeout.as_secs()
        )),
        Err(e) => Err(format!(
            "could not reach the Hugging Face hub at {endpoint} ({e}). On a machine without \
             access to the hub, copy a model directory to it and set SEMANTIC_MODEL to that \
             directory"
        )),
    }
}

/// How long one file's download may take before it counts as stalled.
const DOWNLOAD_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Checks a downloaded file; a damaged one is deleted (its link and the blob behind it), so the
/// next start does not take the model for complete and a fetch downloads it again.
fn verify_or_remove(path: &Path) -> Result<(), String> {
    verify_blob(path).inspect_err(|_| {
        if let Ok(blob) = std::fs::canonicalize(path) {
            let _ = std::fs::remove_file(blob);
        }
        let _ = std::fs::remove_file(path);
    })
}

/// What `model status` reports about one source, without loading or downloading anything.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ModelStatus {
    pub model: String,
    /// The directory the model is read from, when it is on disk.
    pub dir: Option<PathBuf>,
    /// Required files missing from it.
    pub missing: Vec<String>,
    /// Total size of the model's files on disk, bytes.
    pub bytes: u64,
}

pub fn status(source: &ModelSource, cache_dir: &Path) -> ModelStatus {
    let dir = match source {
        ModelSource::Off => None,
        ModelSource::Dir(d) => Some(d.clone()),
        ModelSource::Hub(id) => cached(cache_dir, id),
    };
    let (missing, bytes) = match &dir {
        Some(d) => (
            REQUIRED
                .iter()
                .filter(|f| !d.join(f).is_file())
                .map(|f| f.to_string())
                .collect(),
            REQUIRED
                .iter()
                .chain(OPTIONAL.iter())
                .filter_map(|f| std::fs::metadata(d.join(f)).ok())
                .map(|m| m.len())
                .sum(),
        ),
        None if *source == ModelSource::Off => (Vec::new(), 0),
        None => (REQUIRED.iter().map(|f| f.to_string()).collect(), 0),
    };
    ModelStatus {
        model: source.name(),
        dir,
        missing,
        bytes,
    }
}

/// Loads the model `source` names: a directory as it is, a repo id from the cache, fetched
/// first when `download` allows. Errors say what to do; the caller runs lexical-only then.
pub async fn load(
    source: &ModelSource,
    cache_dir: &Path,
    download: bool,
    progress: bool,
    endpoint: Option<&str>,
) -> Result<BertEncoder, SemanticStatus> {
    let unavailable = |reason: String| SemanticStatus::Unavailable {
        model: source.name(),
        reason,
    };
    let dir = match source {
        ModelSource::Off => {
            return Err(SemanticStatus::Off {
                reason: "SEMANTIC_MODEL=off".into(),
            });
        }
        ModelSource::Dir(d) => d.clone(),
        ModelSource::Hub(id) => match cached(cache_dir, id) {
            Some(d) => d,
            None if download => fetch(cache_dir, id, progress, endpoint)
                .await
                .map_err(unavailable)?,
            None => {
                return Err(unavailable(format!(
                    "not in the model cache {}; run `supportbot model fetch` (needs access to \
                     the Hugging Face hub) or set SEMANTIC_MODEL to a model directory",
                    cache_dir.display()
                )));
            }
        },
    };
    let name = source.name();
    tokio::task::spawn_blocking(move || BertEncoder::load(&dir, &name))
        .await
        .map_err(|e| unavailable(format!("loading stopped: {e}")))?
        .map_err(|e: EmbedError| unavailable(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semantic_model_values() {
        assert_eq!(ModelSource::parse("off"), Ok(ModelSource::Off));
        assert_eq!(ModelSource::parse(" OFF "), Ok(ModelSource::Off));
        assert_eq!(
            ModelSource::parse(""),
            Ok(ModelSource::Hub(DEFAULT_MODEL.into()))
        );
        assert_eq!(
            ModelSource::parse("BAAI/bge-small-en-v1.5"),
            Ok(ModelSource::Hub("BAAI/bge-small-en-v1.5".into()))
        );
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().to_str().unwrap();
        assert_eq!(
            ModelSource::parse(p),
            Ok(ModelSource::Dir(dir.path().into()))
        );
        let err = ModelSource::parse("./no/such/model").unwrap_err();
        assert!(err.contains("neither a model directory"), "{err}");
        assert!(ModelSource::parse("just-a-word").is_err());
        assert!(ModelSource::parse("a/b/c").is_err());
    }

    #[test]
    fn a_blob_named_by_its_checksum_must_match_it() {
        let dir = tempfile::tempdir().unwrap();
        let sha = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"; // "hello\n"
        let good = dir.path().join(sha);
        std::fs::write(&good, "hello\n").unwrap();
        assert_eq!(verify_blob(&good), Ok(()));
        std::fs::write(&good, "hellO\n").unwrap();
        let err = verify_blob(&good).unwrap_err();
        assert!(err.contains("damaged"), "{err}");
        let plain = dir.path().join("config.json");
        std::fs::write(&plain, "{}").unwrap();
        assert_eq!(verify_blob(&plain), Ok(()));
        std::fs::write(&plain, "").unwrap();
        assert!(verify_blob(&plain).is_err());
    }

    #[test]
    fn verify_finds_a_model_file_damaged_since_its_download() {
        let dir = tempfile::tempdir().unwrap();
        let blobs = dir.path().join("blobs");
        let snapshot = dir.path().join("snapshot");
        std::fs::create_dir_all(&blobs).unwrap();
        std::fs::create_dir_all(&snapshot).unwrap();
        let sha = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03"; // "hello\n"
        std::fs::write(blobs.join(sha), "hello\n").unwrap();
        std::os::unix::fs::symlink(blobs.join(sha), snapshot.join("model.safetensors")).unwrap();
        std::fs::write(snapshot.join("config.json"), "{}").unwrap();
        assert_eq!(verify(&snapshot), Ok(()));
        // Same size, other bytes.
        std::fs::write(blobs.join(sha), "hellO\n").unwrap();
        let err = verify(&snapshot).unwrap_err();
        assert!(err.contains("model.safetensors is damaged"), "{err}");
        remove_damaged(&snapshot);
        assert!(!snapshot.join("model.safetensors").exists());
        assert!(snapshot.join("config.json").exists(), "sound files stay");
    }

    #[test]
    fn a_damaged_download_is_deleted_with_its_link() {
        let dir = tempfile::tempdir().unwrap();
        let sha = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
        let blob = dir.path().join(sha);
        std::fs::write(&blob, "not hello").unwrap();
        let link = dir.path().join("model.safetensors");
        std::os::unix::fs::symlink(&blob, &link).unwrap();
        assert!(verify_or_remove(&link).is_err());
        assert!(!blob.exists() && !link.exists());
    }

    #[test]
    fn an_empty_cache_reports_every_file_missing() {
        let dir = tempfile::tempdir().unwrap();
        let s = status(&ModelSource::Hub(DEFAULT_MODEL.into()), dir.path());
        assert_eq!(s.dir, None);
        assert_eq!(s.missing.len(), 3);
    }
}

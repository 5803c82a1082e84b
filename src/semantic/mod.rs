//! Sentence embeddings: the [`Embed`] seam, article chunks, long-post windows, the embedding cache
//! and the encoding runtime. The candle encoder and model fetching need feature `semantic`.
//!
//! Everything here but [`bert`] and [`model`] is plain Rust over `Vec<f32>`, so the hybrid
//! ranking, the cache and the runtime are built and tested without candle too.

#[cfg(feature = "semantic")]
pub mod bert;
pub mod cache;
pub mod chunks;
pub mod index;
#[cfg(feature = "semantic")]
pub mod model;
pub mod runtime;
pub mod windows;

pub use chunks::{Chunk, ChunkKind};
pub use index::{SemanticHit, SemanticIndex};
pub use runtime::{Encoder, EncoderStats, QueryVectors};

/// Turns texts into unit vectors (one per text, in order). Implemented by the candle BERT
/// encoder; tests use their own.
pub trait Embed: Send + Sync {
    /// Identifies the model (a repo id or a directory), as status lines name it.
    fn model_name(&self) -> &str;
    /// What the embedding cache is keyed by: the name and, where known, which files are behind
    /// it (a model directory replaced in place must not be answered from the old one's vectors).
    fn cache_key(&self) -> &str {
        self.model_name()
    }
    /// Length of every vector.
    fn dim(&self) -> usize;
    /// The longest input the model reads, in tokens.
    fn max_tokens(&self) -> usize;
    /// One unit vector per text. CPU-heavy: call from a blocking thread.
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError>;
}

/// Why embeddings are not available or an encoding failed. Internal: logged, and the user gets
/// the lexical ranking; the one line admins see says how to fix it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EmbedError {
    /// The model files are missing or unreadable.
    #[error("the sentence model could not be loaded: {0}")]
    Model(String),
    /// Encoding one input failed.
    #[error("encoding failed: {0}")]
    Encode(String),
}

/// Cosine similarity of two unit vectors.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Whether semantic matching is in use, for `/kb` status, `diagnose --json` and start-up.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum SemanticStatus {
    /// Turned off (`SEMANTIC_MODEL=off`, or built without feature `semantic`).
    Off { reason: String },
    /// Wanted but not available: the bot runs on the lexical matcher.
    Unavailable { model: String, reason: String },
    /// In use.
    Ready { model: String, dim: usize },
}

impl SemanticStatus {
    pub fn is_ready(&self) -> bool {
        matches!(self, SemanticStatus::Ready { .. })
    }

    /// One line for logs, `/kb` and the console.
    pub fn line(&self) -> String {
        match self {
            SemanticStatus::Off { reason } => format!("semantic matching off ({reason})"),
            SemanticStatus::Unavailable { model, reason } => format!(
                "semantic matching unavailable, using the lexical matcher only: model `{model}`: \
                 {reason}"
            ),
            SemanticStatus::Ready { model, dim } => {
                format!("semantic matching on (model `{model}`, {dim} dimensions)")
            }
        }
    }
}

/// Reports chunks embedded so far (done, total); the binary draws a progress bar with it.
pub type Progress = std::sync::Arc<dyn Fn(usize, usize) + Send + Sync>;

/// How a knowledge base gets its chunk vectors: the encoder (when a model is loaded), where
/// the embedding cache lives, and what to tell admins.
#[derive(Clone)]
pub struct SemanticSetup {
    pub encoder: Option<Encoder>,
    /// Directory of the embedding cache; `None` embeds everything at every load.
    pub cache_dir: Option<std::path::PathBuf>,
    pub status: SemanticStatus,
    pub progress: Option<Progress>,
}

impl std::fmt::Debug for SemanticSetup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SemanticSetup")
            .field("status", &self.status)
            .field("cache_dir", &self.cache_dir)
            .finish()
    }
}

impl SemanticSetup {
    /// Lexical matching only, for this reason (shown in status lines).
    pub fn off(reason: impl Into<String>) -> SemanticSetup {
        SemanticSetup {
            encoder: None,
            cache_dir: None,
            status: SemanticStatus::Off {
                reason: reason.into(),
            },
            progress: None,
        }
    }

    /// Lexical matching only, because the model wanted could not be had.
    pub fn unavailable(status: SemanticStatus) -> SemanticSetup {
        SemanticSetup {
            encoder: None,
            cache_dir: None,
            status,
            progress: None,
        }
    }

    /// Semantic matching with this model.
    pub fn ready(
        embed: std::sync::Arc<dyn Embed>,
        cache_dir: Option<std::path::PathBuf>,
    ) -> SemanticSetup {
        let status = SemanticStatus::Ready {
            model: embed.model_name().to_string(),
            dim: embed.dim(),
        };
        SemanticSetup {
            encoder: Some(Encoder::start(embed)),
            cache_dir,
            status,
            progress: None,
        }
    }

    pub fn with_progress(mut self, progress: Progress) -> SemanticSetup {
        self.progress = Some(progress);
        self
    }
}

//! A sentence-transformers BERT model on candle: tokenize, run, pool as the model declares, L2-normalise.
//!
//! Loads a model directory as sentence-transformers writes it: `config.json`, `tokenizer.json`,
//! `model.safetensors`, and when present `sentence_bert_config.json` (the length the model was
//! trained for) and `1_Pooling/config.json` (mean of the tokens, or the CLS token for bge-style
//! models). The tokenizer file's own padding and truncation are replaced: shipped files often pad
//! every input to 128 tokens, which makes a short query cost as much as a long one and, pooled
//! without the mask, wrong. Here each batch is padded to its longest input and pooled with the
//! attention mask.

use super::{Embed, EmbedError};
use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use tokenizers::{Tokenizer, TruncationParams};

/// How token vectors become one sentence vector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pooling {
    /// Average of the token vectors, padding left out (all-MiniLM, most sentence-transformers).
    Mean,
    /// The first ([CLS]) token's vector (bge models).
    Cls,
}

#[derive(Deserialize)]
struct PoolingConfig {
    #[serde(default)]
    pooling_mode_cls_token: bool,
    #[serde(default)]
    pooling_mode_mean_tokens: bool,
    #[serde(default)]
    pooling_mode_max_tokens: bool,
    #[serde(default)]
    pooling_mode_mean_sqrt_len_tokens: bool,
}

#[derive(Deserialize)]
struct SentenceBertConfig {
    max_seq_length: Option<usize>,
}

/// A loaded sentence encoder. Encoding is CPU work: call it from a blocking thread (see
/// [`super::runtime`]), never on the async executor.
pub struct BertEncoder {
    model: BertModel,
    tokenizer: Tokenizer,
    pooling: Pooling,
    max_tokens: usize,
    dim: usize,
    pad_id: u32,
    name: String,
    /// [`Embed::cache_key`]: the name and [`files_fingerprint`].
    cache_key: String,
}

impl std::fmt::Debug for BertEncoder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BertEncoder")
            .field("name", &self.name)
            .field("pooling", &self.pooling)
            .field("max_tokens", &self.max_tokens)
            .field("dim", &self.dim)
            .finish()
    }
}

fn broken(dir: &Path, file: &str, what: impl std::fmt::Display) -> EmbedError {
    // Its first line: candle appends a stack trace when RUST_BACKTRACE is set, which is no
    // reason an admin can act on (the debug log has the whole error).
    let whole = what.to_string();
    tracing::debug!(file, error = %whole, "model file refused");
    let what = whole.lines().next().unwrap_or_default().trim_end();
    EmbedError::Model(format!("{}: {what}", dir.join(file).display()))
}

fn read_json<T: serde::de::DeserializeOwned>(dir: &Path, file: &str) -> Result<T, EmbedError> {
    let raw = std::fs::read_to_string(dir.join(file)).map_err(|e| broken(dir, file, e))?;
    serde_json::from_str(&raw).map_err(|e| broken(dir, file, e))
}

/// The pooling a model directory declares (`1_Pooling/config.json`); mean when it says nothing.
pub fn declared_pooling(dir: &Path) -> Result<Pooling, EmbedError> {
    let file = "1_Pooling/config.json";
    if !dir.join(file).exists() {
        return Ok(Pooling::Mean);
    }
    let p: PoolingConfig = read_json(dir, file)?;
    match (
        p.pooling_mode_cls_token,
        p.pooling_mode_mean_tokens,
        p.pooling_mode_max_tokens || p.pooling_mode_mean_sqrt_len_tokens,
    ) {
        (true, false, false) => Ok(Pooling::Cls),
        (false, true, false) => Ok(Pooling::Mean),
        _ => Err(broken(
            dir,
            file,
            "only CLS or mean pooling is supported (exactly one of pooling_mode_cls_token and \
             pooling_mode_mean_tokens set to true)",
        )),
    }
}

impl BertEncoder {
    /// Loads a sentence-transformers model directory. `name` identifies the model in the
    /// embedding cache and in status lines (a repo id, or the directory).
    pub fn load(dir: &Path, name: &str) -> Result<Self, EmbedError> {
        let config: Config = read_json(dir, "config.json")?;
        let pooling = declared_pooling(dir)?;
        let declared_len = if dir.join("sentence_bert_config.json").exists() {
            read_json::<SentenceBertConfig>(dir, "sentence_bert_config.json")?.max_seq_length
        } else {
            None
        };
        // The position table bounds what the model can read at all.
        let max_tokens = declared_len
            .unwrap_or(config.max_position_embeddings)
            .min(config.max_position_embeddings)
            .max(8);
        let mut tokenizer = Tokenizer::from_file(dir.join("tokenizer.json"))
            .map_err(|e| broken(dir, "tokenizer.json", e))?;
        tokenizer.with_padding(None);
        tokenizer
            .with_truncation(Some(TruncationParams {
                max_length: max_tokens,
                ..TruncationParams::default()
            }))
            .map_err(|e| broken(dir, "tokenizer.json", e))?;
        let weights: PathBuf = dir.join("model.safetensors");
        if !weights.exists() {
            return Err(broken(dir, "model.safetensors", "missing"));
        }
        let device = Device::Cpu;
        // SAFETY: the weights file is memory-mapped read-only. Changing it while the bot runs
        // would be undefined behaviour, as for any mapped file; model directories are written
        // once (by `model fetch` into a new directory) and never edited in place.
        let vb = unsafe {
            VarBuilder::from_mmaped_safetensors(&[&weights], DType::F32, &device)
                .map_err(|e| broken(dir, "model.safetensors", e))?
        };
        let model =
            BertModel::load(vb, &config).map_err(|e| broken(dir, "model.safetensors", e))?;
        let encoder = BertEncoder {
            model,
            tokenizer,
            pooling,
            max_tokens,
            dim: config.hidden_size,
            pad_id: u32::try_from(config.pad_token_id).unwrap_or(0),
            name: name.to_string(),
            cache_key: format!("{name}@{}", files_fingerprint(dir)),
        };
        encoder.check_numbers(dir)?;
        Ok(encoder)
    }

    /// Weights damaged in place (same size, other bytes) load, then give "not a number" for
    /// every text, which would rank nothing: one sentence is encoded at load, and a model that
    /// does not give a unit vector of real numbers for it is refused (the matcher is lexical
    /// then, and says why).
    fn check_numbers(&self, dir: &Path) -> Result<(), EmbedError> {
        let probe = self.embed(&["the page does not load after I sign in"])?;
        let sound = probe.first().is_some_and(|v| {
            let norm: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            v.iter().all(|x| x.is_finite()) && (norm - 1.0).abs() < 1e-3
        });
        if sound {
            Ok(())
        } else {
            Err(broken(
                dir,
                "model.safetensors",
                "gives invalid numbers (NaN) for a test sentence: the weights are damaged",
            ))
        }
    }

    pub fn pooling(&self) -> Pooling {
        self.pooling
    }

    /// The longest input the model reads, in tokens (longer inputs are cut; see
    /// [`super::windows`] for how long posts are read whole).
    pub fn max_tokens(&self) -> usize {
        self.max_tokens
    }

    /// How many tokens `text` becomes (special tokens included), up to the model's limit.
    pub fn count_tokens(&self, text: &str) -> Result<usize, EmbedError> {
        let enc = self
            .tokenizer
            .encode(text, true)
            .map_err(|e| EmbedError::Encode(e.to_string()))?;
        Ok(enc.get_ids().len())
    }

    fn forward(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let fail = |e: &dyn std::fmt::Display| EmbedError::Encode(e.to_string());
        let encodings = self
            .tokenizer
            .encode_batch(texts.to_vec(), true)
            .map_err(|e| fail(&e))?;
        let len = encodings
            .iter()
            .map(|e| e.get_ids().len())
            .max()
            .unwrap_or(0)
            .max(1);
        let n = encodings.len();
        let mut ids = Vec::with_capacity(n * len);
        let mut types = Vec::with_capacity(n * len);
        let mut mask = Vec::with_capacity(n * len);
        for e in &encodings {
            let pad = len - e.get_ids().len();
            ids.extend_from_slice(e.get_ids());
            ids.extend(std::iter::repeat_n(self.pad_id, pad));
            types.extend_from_slice(e.get_type_ids());
            types.extend(std::iter::repeat_n(0, pad));
            mask.extend_from_slice(e.get_attention_mask());
            mask.extend(std::iter::repeat_n(0, pad));
        }
        let device = &self.model.device;
        let ids = Tensor::from_vec(ids, (n, len), device).map_err(|e| fail(&e))?;
        let types = Tensor::from_vec(types, (n, len), device).map_err(|e| fail(&e))?;
        let mask = Tensor::from_vec(mask, (n, len), device).map_err(|e| fail(&e))?;
        let hidden = self
            .model
            .forward(&ids, &types, Some(&mask))
            .map_err(|e| fail(&e))?;
        let pooled = pool(&hidden, &mask, self.pooling).map_err(|e| fail(&e))?;
        let rows: Vec<Vec<f32>> = pooled.to_vec2().map_err(|e| fail(&e))?;
        Ok(rows.into_iter().map(normalize).collect())
    }
}

/// Pools `hidden` (batch x tokens x dim) into batch x dim, leaving out masked (padding) tokens.
pub fn pool(hidden: &Tensor, mask: &Tensor, pooling: Pooling) -> candle_core::Result<Tensor> {
    match pooling {
        Pooling::Cls => hidden.narrow(1, 0, 1)?.squeeze(1),
        Pooling::Mean => {
            let mask = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
            let summed = hidden.broadcast_mul(&mask)?.sum(1)?;
            // At least one token per row ([CLS]); the clamp only guards an empty row.
            let counts = mask.sum(1)?.clamp(1e-9, f64::MAX)?;
            summed.broadcast_div(&counts)
        }
    }
}

/// Which files a model directory holds, cheaply: the size and modification time of each file
/// the encoder reads, hashed (FNV-1a). Files replaced in place give another value, so the
/// embedding cache of the old ones is not used for them; a copy made with new times is embedded
/// once more, which costs time only.
pub fn files_fingerprint(dir: &Path) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in ["config.json", "tokenizer.json", "model.safetensors"] {
        let (len, modified) = std::fs::metadata(dir.join(file))
            .map(|m| {
                let at = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                (m.len(), at)
            })
            .unwrap_or_default();
        for byte in len.to_le_bytes().into_iter().chain(modified.to_le_bytes()) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{:08x}", hash as u32)
}

/// Scales `v` to unit length (so cosine similarity is a dot product); a zero vector stays zero.
pub fn normalize(mut v: Vec<f32>) -> Vec<f32> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
    v
}

impl Embed for BertEncoder {
    fn model_name(&self) -> &str {
        &self.name
    }

    fn cache_key(&self) -> &str {
        &self.cache_key
    }

    fn dim(&self) -> usize {
        self.dim
    }

    fn max_tokens(&self) -> usize {
        self.max_tokens
    }

    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        // Sort by length so each sub-batch pads little, run in sub-batches of similar length,
        // then put the rows back in the caller's order.
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| texts[i].len());
        let mut out: Vec<Vec<f32>> = vec![Vec::new(); texts.len()];
        for group in order.chunks(BATCH) {
            let batch: Vec<&str> = group.iter().map(|&i| texts[i]).collect();
            for (&i, v) in group.iter().zip(self.forward(&batch)?) {
                out[i] = v;
            }
        }
        Ok(out)
    }
}

/// Inputs run through the model at once: larger batches pad more and gain little on 2 cores.
const BATCH: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_file_is_said_in_one_line_without_a_stack_trace() {
        let EmbedError::Model(why) = broken(
            Path::new("/m"),
            "model.safetensors",
            "shape mismatch for w\n   0: candle_core::error::Error::bt\n   1: ...",
        ) else {
            panic!("a model error");
        };
        assert_eq!(why, "/m/model.safetensors: shape mismatch for w");
    }
}

//! A tiny sentence-transformers BERT with random weights, written by the tests themselves, so
//! loading, pooling, batching and the hybrid ranking are tested on a fresh offline machine.

use candle_core::{DType, Device};
use candle_nn::{VarBuilder, VarMap};
use candle_transformers::models::bert::{BertModel, Config};
use serde_json::json;
use std::path::Path;

/// Words the tiny tokenizer knows (anything else becomes [UNK] or word pieces of letters).
const WORDS: &[&str] = &[
    "the",
    "page",
    "is",
    "blank",
    "white",
    "bad",
    "gateway",
    "bank",
    "feed",
    "payroll",
    "error",
    "quickbooks",
    "slow",
    "login",
    "sign",
    "in",
    "out",
    "keeps",
    "not",
    "loading",
    "update",
    "how",
    "do",
    "i",
    "record",
    "a",
    "draw",
    "invoice",
    "template",
    "502",
    "503",
    "504",
];

fn vocab() -> serde_json::Map<String, serde_json::Value> {
    let mut v = serde_json::Map::new();
    for (i, t) in ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
        .iter()
        .enumerate()
    {
        v.insert(t.to_string(), json!(i));
    }
    let letters = ('a'..='z').chain('0'..='9');
    let pieces = WORDS
        .iter()
        .map(|w| w.to_string())
        .chain(letters.clone().map(String::from))
        .chain(letters.map(|c| format!("##{c}")));
    for piece in pieces {
        if !v.contains_key(&piece) {
            let id = v.len();
            v.insert(piece, json!(id));
        }
    }
    v
}

/// Writes the tokenizer as sentence-transformers ships it, padding every input to 128 tokens
/// and truncating at 128, which the encoder must override.
fn tokenizer_json(dir: &Path) {
    let v = vocab();
    let tok = json!({
        "version": "1.0",
        "truncation": {"direction": "Right", "max_length": 128, "strategy": "LongestFirst", "stride": 0},
        "padding": {"strategy": {"Fixed": 128}, "direction": "Right", "pad_to_multiple_of": null,
                    "pad_id": 0, "pad_type_id": 0, "pad_token": "[PAD]"},
        "added_tokens": [
            {"id": 0, "content": "[PAD]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
            {"id": 1, "content": "[UNK]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
            {"id": 2, "content": "[CLS]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
            {"id": 3, "content": "[SEP]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true},
            {"id": 4, "content": "[MASK]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}
        ],
        "normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true,
                       "strip_accents": null, "lowercase": true},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {"type": "BertProcessing", "sep": ["[SEP]", 3], "cls": ["[CLS]", 2]},
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": true},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": v}
    });
    std::fs::write(dir.join("tokenizer.json"), tok.to_string()).unwrap();
}

/// Writes a complete tiny model directory into `dir`: 2 layers, hidden size 16, random
/// weights from `seed`'s draw, mean pooling (or CLS with `cls`), sequences up to 32 tokens.
pub fn write(dir: &Path, cls: bool) {
    std::fs::create_dir_all(dir.join("1_Pooling")).unwrap();
    let vocab_size = vocab().len();
    let config = json!({
        "architectures": ["BertModel"], "model_type": "bert",
        "vocab_size": vocab_size, "hidden_size": 16, "num_hidden_layers": 2,
        "num_attention_heads": 2, "intermediate_size": 32, "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": 64, "type_vocab_size": 2, "initializer_range": 0.02,
        "layer_norm_eps": 1e-12, "pad_token_id": 0, "position_embedding_type": "absolute"
    });
    std::fs::write(dir.join("config.json"), config.to_string()).unwrap();
    std::fs::write(
        dir.join("sentence_bert_config.json"),
        json!({"max_seq_length": 32, "do_lower_case": false}).to_string(),
    )
    .unwrap();
    std::fs::write(
        dir.join("1_Pooling/config.json"),
        json!({"word_embedding_dimension": 16, "pooling_mode_cls_token": cls,
               "pooling_mode_mean_tokens": !cls, "pooling_mode_max_tokens": false,
               "pooling_mode_mean_sqrt_len_tokens": false})
        .to_string(),
    )
    .unwrap();
    tokenizer_json(dir);
    // BertModel::load over a VarMap creates every weight it asks for, randomly initialised.
    let config: Config = serde_json::from_value(config).unwrap();
    let varmap = VarMap::new();
    let vb = VarBuilder::from_varmap(&varmap, DType::F32, &Device::Cpu);
    BertModel::load(vb, &config).unwrap();
    varmap.save(dir.join("model.safetensors")).unwrap();
}

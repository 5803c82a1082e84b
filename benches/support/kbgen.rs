//! Synthetic knowledge bases for the benchmarks: article files in the admin format, shaped like
//! real ones (title, codes, 3-6 symptoms, keywords, summary, causes, 2-5 solutions, some with
//! per-browser steps, prevention, FAQ), words drawn Zipf-like from a support vocabulary plus
//! generated names, so the vocabulary grows with the base as it does in practice.
#![allow(dead_code, reason = "each bench uses a different part")]

use std::fmt::Write as _;
use std::path::Path;
/// xorshift64*: deterministic, dependency-free.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    /// Zipf-like pick: low indices far more often than high ones.
    pub fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) - 1.0) as usize % n
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

pub const NOUNS: &[&str] = &[
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

pub const VERBS: &[&str] = &[
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

pub const STATES: &[&str] = &[
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

pub const ADJECTIVES: &[&str] = &[
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

pub const FILLER: &[&str] = &[
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

pub const OUT_OF_SCOPE: &[&str] = &[
    "how do I record a refund for a customer",
    "what is the best way to set up a new chart of accounts",
    "can you recommend a good accountant near me",
    "where do I change the colour of the company logo",
    "is there a discount for non profit organisations",
    "what time does the office open on saturday",
    "how many users can I add on the cheapest plan",
    "can I get a copy of last year's price list",
];

pub const BROWSERS: &[&str] = &[
    "Chrome",
    "Firefox",
    "Safari (Mac)",
    "Safari (iPhone and iPad)",
    "Microsoft Edge",
];

/// Generated product and feature names ("Valmora", "Trixel"): rare words that grow the
/// vocabulary with the number of articles.
pub fn names(rng: &mut Rng, n: usize) -> Vec<String> {
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

pub struct Gen {
    rng: Rng,
    names: Vec<String>,
}

impl Gen {
    pub fn noun(&mut self) -> String {
        if self.rng.below(3) == 0 {
            let i = self.rng.zipf(self.names.len());
            self.names[i].clone()
        } else {
            NOUNS[self.rng.zipf(NOUNS.len())].to_string()
        }
    }

    pub fn symptom(&mut self) -> String {
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

    pub fn sentence(&mut self) -> String {
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

    pub fn steps(&mut self, out: &mut String) {
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

    pub fn article(&mut self, i: usize) -> (String, String) {
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

pub fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// One typo: a dropped, doubled or swapped letter in a word of 5+ letters.
pub fn typo(rng: &mut Rng, text: &str) -> String {
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
pub fn write_base(dir: &Path, n: usize, seed: u64) -> usize {
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

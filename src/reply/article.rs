//! A whole article as Markdown (`kb show`, `/kb show`), optionally with one browser's steps.

use crate::browser::Browser;
use crate::knowledge::{Article, Solution, StepsFor};

/// One solution's steps for `browser`: its general steps and, where it has them, the browser's own.
pub fn steps_text(s: &Solution, browser: Option<Browser>) -> String {
    match s.steps_for(browser) {
        StepsFor::Browser(v) if s.general.is_empty() => v.steps.clone(),
        StepsFor::Browser(v) => format!("{}\n\n{}", s.general, v.steps),
        StepsFor::General => s.general.clone(),
        StepsFor::NoVariant => {
            let names: Vec<&str> = s.browsers().iter().map(|b| b.label()).collect();
            let mut t = format!(
                "(No steps for this browser; written for {}.)",
                names.join(", ")
            );
            if !s.general.is_empty() {
                t = format!("{}\n\n{t}", s.general);
            }
            t
        }
        StepsFor::NeedBrowser => {
            let mut t = s.general.clone();
            for v in &s.variants {
                t.push_str(&format!("\n\n### {}\n{}", v.browser.label(), v.steps));
            }
            t.trim().to_string()
        }
    }
}

/// Markdown rendering of a whole article (for `kb show`).
pub fn article_markdown(a: &Article, browser: Option<Browser>) -> String {
    let mut t = format!("# {}\n", a.title);
    t.push_str(&format!("id: {}", a.id));
    if let Some(p) = &a.product {
        t.push_str(&format!(" · product: {p}"));
    }
    if let Some(b) = browser {
        t.push_str(&format!(" · browser: {}", b.label()));
    }
    t.push_str("\n\n");
    t.push_str(&a.summary);
    t.push_str("\n\n## Symptoms\n");
    for s in &a.symptoms {
        t.push_str(&format!("- {s}\n"));
    }
    if !a.codes.is_empty() {
        t.push_str(&format!("\nCodes: {}\n", a.codes.join(", ")));
    }
    if !a.causes.is_empty() {
        t.push_str("\n## Causes\n");
        for c in &a.causes {
            if c.detail.is_empty() {
                t.push_str(&format!("- {}\n", c.name));
            } else {
                t.push_str(&format!("- {}: {}\n", c.name, c.detail));
            }
        }
    }
    for (i, s) in a.solutions.iter().enumerate() {
        t.push_str(&format!(
            "\n## {} {}: {}\n{}\n",
            if s.test { "Test" } else { "Solution" },
            i + 1,
            s.title,
            steps_text(s, browser)
        ));
    }
    if !a.prevention.is_empty() {
        t.push_str("\n## Prevention\n");
        for p in &a.prevention {
            t.push_str(&format!("- {p}\n"));
        }
    }
    if !a.faq.is_empty() {
        t.push_str("\n## FAQ\n");
        for f in &a.faq {
            t.push_str(&format!("### {}\n{}\n\n", f.question, f.answer));
        }
    }
    if let Some(e) = &a.escalation {
        t.push_str(&format!("\n## When to ask a human\n{e}\n"));
    }
    t.trim_end().to_string()
}

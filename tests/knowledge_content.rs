//! The shipped knowledge base: the 502 article encodes the whole seed guide, and the neighbouring
//! articles exist with the ids the issue names.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

use supportbot::browser::Browser;
use supportbot::knowledge::load::load_dir;

mod support;
use support::paths::shipped_knowledge;

#[test]
fn the_502_article_encodes_the_whole_seed_guide() {
    let kb = load_dir(&shipped_knowledge()).expect("valid");
    let a = kb.get("quickbooks-error-502").expect("the 502 article");

    for code in ["502", "HTTP Error 502", "Bad Gateway"] {
        assert!(a.codes.iter().any(|c| c == code), "code {code}");
    }
    // The five causes, in the guide's order.
    let causes: Vec<String> = a.causes.iter().map(|c| c.name.to_lowercase()).collect();
    for (i, word) in ["maintenance", "internet", "cache", "firewall", "browser"]
        .iter()
        .enumerate()
    {
        assert!(
            causes[i].contains(word),
            "cause {} should be about {word}: {causes:?}",
            i + 1
        );
    }
    assert_eq!(causes.len(), 5);
    // The five warning signs.
    let symptoms = a.symptoms.join(" | ").to_lowercase();
    for sign in [
        "does not open",
        "payroll",
        "bank transactions",
        "company files",
        "employee payroll portals",
    ] {
        assert!(
            symptoms.contains(sign),
            "warning sign `{sign}` in {symptoms}"
        );
    }
    // The six solutions in order, with every browser variant the guide gives.
    let expect: [(&str, &[Browser]); 6] = [
        ("active scripting", &[Browser::Ie]),
        ("bank transactions", &[]),
        ("firewall", &[]),
        (
            "browser cache",
            &[
                Browser::Chrome,
                Browser::Firefox,
                Browser::SafariMac,
                Browser::SafariIos,
                Browser::Edge,
            ],
        ),
        (
            "trusted site",
            &[Browser::SafariMac, Browser::Chrome, Browser::Edge],
        ),
        ("app cache", &[]),
    ];
    assert_eq!(a.solutions.len(), 6);
    for (s, (title, browsers)) in a.solutions.iter().zip(expect) {
        assert!(
            s.title.to_lowercase().contains(title),
            "{} should be about {title}",
            s.title
        );
        assert_eq!(s.browsers(), browsers, "{}", s.title);
    }
    assert!(
        a.solutions[1].general.contains("Exclude selected"),
        "duplicates excluded from For Review"
    );
    assert_eq!(a.prevention.len(), 5);
    let faq: Vec<String> = a.faq.iter().map(|f| f.question.to_lowercase()).collect();
    assert_eq!(faq.len(), 4);
    for (q, word) in faq.iter().zip(["cache", "traffic", "blocked", "data loss"]) {
        assert!(q.contains(word), "{q} should be about {word}");
    }
    assert!(a.escalation.is_some(), "escalation advice");
    let all = format!("{} {:?}", a.summary, a.escalation).to_lowercase();
    assert!(
        !all.contains("smbaccountants") && !all.contains("1800"),
        "no marketing"
    );
}

#[test]
fn the_neighbouring_articles_exist() {
    let kb = load_dir(&shipped_knowledge()).expect("valid");
    for id in [
        "service-unavailable-503",
        "gateway-timeout-504",
        "internal-server-error-500",
        "service-outage",
        "page-not-loading",
        "unsupported-browser",
        "login-loop-signed-out",
        "browser-cache-cookies",
        "bank-feed-not-updating",
        "payroll-not-updating",
        "firewall-antivirus-proxy",
        "company-file-not-opening",
        "slow-performance",
    ] {
        let a = kb.get(id).unwrap_or_else(|| panic!("article {id}"));
        assert!(!a.solutions.is_empty() && !a.symptoms.is_empty(), "{id}");
    }
}

/// The revision is the files' content (and names), not where the folder is: the last good copy
/// under DATA_DIR and a clone elsewhere have the revision of the folder they came from.
#[test]
fn the_same_files_in_another_folder_have_the_same_revision() {
    fn copy(from: &std::path::Path, to: &std::path::Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let elsewhere = tempfile::tempdir().unwrap();
    let copied = elsewhere.path().join("some/other/kb-copy");
    copy(&shipped_knowledge(), &copied);
    let here = load_dir(&shipped_knowledge()).expect("valid");
    let there = load_dir(&copied).expect("valid");
    assert_eq!(here.revision(), there.revision());
    // A change of content is a new revision.
    let article = copied.join("articles/slow-performance.md");
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(&article, format!("{text}\n")).unwrap();
    assert_ne!(load_dir(&copied).unwrap().revision(), here.revision());
}

/// The article template in the README ("The knowledge files") is a valid article as written:
/// pasted into `articles/` beside the shipped endpoints.toml, it loads with no problem, its
/// test leads where it says, and its admin comment is no part of the text (a helper pasted
/// it and got an error: a go-to named a solution the template did not have).
#[test]
fn the_readme_article_template_loads_as_written() {
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let section = readme
        .find("## The knowledge files (for admins)")
        .expect("the section");
    let start = section
        + readme[section..]
            .find("```markdown\n")
            .expect("the template");
    let body = &readme[start + "```markdown\n".len()..];
    let template = &body[..body.find("```").expect("its end")];
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("articles")).unwrap();
    std::fs::write(
        dir.path().join("articles/quickbooks-error-502.md"),
        template,
    )
    .unwrap();
    std::fs::copy(
        shipped_knowledge().join("endpoints.toml"),
        dir.path().join("endpoints.toml"),
    )
    .unwrap();
    let kb = load_dir(dir.path()).unwrap_or_else(|problems| panic!("{problems:?}"));
    let a = kb.get("quickbooks-error-502").expect("the template's id");
    let test = a.solutions.iter().find(|s| s.test).expect("its test");
    assert!(
        test.also_called.iter().any(|n| n == "incognito"),
        "{:?}",
        test.also_called
    );
    assert!(!test.general.contains("optional"), "{}", test.general);
}

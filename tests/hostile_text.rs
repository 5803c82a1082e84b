//! Hostile text in tickets (mentions, bidi overrides, control characters, code fences, 100 KiB):
//! stored intact, rendered safely on the staff card, in the transcript and on the terminal; and
//! `escalate` refuses empty ids.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

use supportbot::escalation::summary::{Summary, limits};
use supportbot::session::{Session, UserRef};
use supportbot::store::Store;

mod support;
use support::bin::{run_on, show};
use support::paths::shipped_knowledge;
use support::tickets::desk;

#[test]
fn hostile_text_is_stored_intact_and_rendered_safely() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_waiting(dir.path(), std::time::Duration::from_secs(5)).unwrap();
    let hostile = format!(
        "@everyone @here <@123> <@&456> | a | b |\n```\nfence\u{202E}gnp.exe\u{0000}\u{0007} {}",
        "x".repeat(100 * 1024)
    );
    let mut s = Session::new(
        UserRef {
            id: "u1".into(),
            name: "@everyone".into(),
            channel: "c".into(),
        },
        0,
    );
    s.descriptions.push(hostile.clone());
    let summary = Summary::capture(&s, None, Some(hostile.clone()), "rev", 1);
    let t = desk(&store).file(summary, 1).unwrap().ticket;
    drop(store);
    let store = Store::open_waiting(dir.path(), std::time::Duration::from_secs(5)).unwrap();
    let back = store.ticket(t.id).unwrap().unwrap();
    let s = back.summary().unwrap();
    assert_eq!(s.descriptions[0], hostile, "stored byte for byte");
    assert_eq!(s.note.as_deref(), Some(hostile.as_str()));
    let card = s.card("T-0001");
    assert!(card.total_chars() <= limits::TOTAL);
    assert!(card.description.chars().count() <= limits::DESCRIPTION);
    for text in std::iter::once(&card.description)
        .chain(card.fields.iter().map(|(_, v)| v))
        .chain([&card.title])
    {
        assert!(
            !text.contains("@everyone") && !text.contains("@here"),
            "{text:.200}"
        );
        assert!(
            !text.contains("<@123>") && !text.contains("<@&456>") && !text.contains("@1"),
            "{text:.200}"
        );
        assert!(!text.contains('\u{202E}') && !text.contains('\u{0000}'));
        assert!(!text.contains("\n```"), "code fences are escaped");
    }
    let md = s.transcript_markdown("T-0001");
    assert!(md.len() > 200 * 1024, "transcript never truncated");
    assert!(!md.contains("@everyone") && !md.contains('\u{202E}'));
    let item = store.outbox_head().unwrap().unwrap();
    assert!(!item.notification.text.contains("@everyone"));
}

/// `escalate` refuses an empty user id or name (exit 2, naming the flag), and hostile names and
/// texts reach neither the terminal raw nor the Markdown export, while the stored data (and so the
/// JSON) keeps them intact.
#[test]
fn escalate_refuses_empty_ids_and_terminal_output_is_defused() {
    let data = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let sb = |args: &[&str]| run_on(cwd.path(), &shipped_knowledge(), data.path(), args);
    // A database to list, so an empty list says the refusals filed nothing.
    drop(Store::open(data.path()).unwrap());
    for (user, name, flag) in [("", "Ann", "--user"), ("web1", "  \t", "--name")] {
        let o = sb(&["escalate", "--user", user, "--name", name, "--text", "502"]);
        assert_eq!(o.status.code(), Some(2), "{}", show(&o));
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(stderr.contains(&format!("{flag} is empty")), "{stderr}");
    }
    let o = sb(&["tickets", "list", "--json"]);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        "[]",
        "{}",
        show(&o)
    );

    let name = "Eve\u{1b}[2J\r\nEvil";
    let text = "502 bad gateway \u{1b}]0;pwned\u{7}\r\nline two";
    let o = sb(&["escalate", "--user", "web1", "--name", name, "--text", text]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));
    let o = sb(&["tickets", "claim", "T-0001", "--by", "bob\u{1b}[31m"]);
    assert_eq!(o.status.code(), Some(0), "{}", show(&o));

    for args in [
        &["tickets", "list"][..],
        &["tickets", "show", "T-0001"],
        &["tickets", "export", "T-0001"],
    ] {
        let o = sb(args);
        assert_eq!(o.status.code(), Some(0), "{}", show(&o));
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(
            !out.contains('\u{1b}') && !out.contains('\r') && !out.contains('\u{7}'),
            "{args:?} printed raw control characters:\n{out:?}"
        );
    }
    let o = sb(&["tickets", "list"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        out.lines().count(),
        2,
        "one line per ticket, then the count:\n{out}"
    );
    assert!(out.contains("Eve\u{FFFD}[2J"), "{out}");

    let o = sb(&["tickets", "show", "T-0001", "--json"]);
    let t: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(t["user"]["name"], name, "stored intact");
    assert_eq!(t["summaries"][0]["descriptions"][0], text, "stored intact");
}

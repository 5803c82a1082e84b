//! The guard: with private targets not allowed, hostile URLs are refused before any connection.
//!
//! Names resolve through a static table (never system DNS). Every URL here is refused before a
//! socket is opened; the only server is on loopback and allowed explicitly for the redirect test.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

mod support;

use std::net::IpAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use support::http::{Behavior, TestServer};
use support::paths::shipped_knowledge;
use supportbot::config::CheckConfig;
use supportbot::knowledge::{KnowledgeBase, load::load_dir};
use supportbot::probe::{
    CheckError, Prober, Request, Resolver, StaticResolver, render_error, resolve::Resolving,
};

fn ip(s: &str) -> IpAddr {
    s.parse().expect("ip")
}

fn resolver() -> StaticResolver {
    StaticResolver::new()
        .with("evil.test", &[ip("127.0.0.1")])
        .with("rebind.test", &[ip("127.0.0.2")])
        .with("metadata.test", &[ip("169.254.169.254")])
        .with("mixed.test", &[ip("8.8.8.8"), ip("10.0.0.1")])
        .with("six.test", &[ip("::1")])
        .with("ula.test", &[ip("fd12:3456::1")])
        .with("mapped.test", &[ip("::ffff:192.168.0.1")])
        .with("cgnat.test", &[ip("100.64.0.5")])
}

fn kb() -> KnowledgeBase {
    load_dir(&shipped_knowledge()).expect("shipped knowledge")
}

const HOSTILE: &[&str] = &[
    // Loopback in every notation.
    "http://127.0.0.1/",
    "http://127.0.0.1:80/",
    "http://2130706433/",
    "http://0177.0.0.1/",
    "http://0x7f.1/",
    "http://0x7f000001/",
    "http://127.1/",
    "http://017700000001/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "http://[0:0:0:0:0:ffff:127.0.0.1]/",
    "http://[::127.0.0.1]/",
    "http://localhost/",
    "http://LOCALHOST./",
    "http://app.localhost/",
    // Unspecified, private, link-local, metadata, CGNAT.
    "http://0.0.0.0/",
    "http://0/",
    "http://[::]/",
    "http://10.0.0.1/",
    "http://172.16.0.1/",
    "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://0xa9fea9fe/",
    "http://100.64.0.1/",
    "http://[fd00::1]/",
    "http://[fe80::1]/",
    // Multicast, broadcast, documentation, benchmarking, reserved, embedded-IPv4 forms.
    "http://224.0.0.1/",
    "http://255.255.255.255/",
    "http://192.0.2.1/",
    "http://198.51.100.7/",
    "http://198.18.0.1/",
    "http://240.0.0.1/",
    "http://[ff02::1]/",
    "http://[2001:db8::1]/",
    "http://[64:ff9b::7f00:1]/",
    "http://[2002:7f00:1::]/",
    // Names that resolve to non-public addresses.
    "http://evil.test/",
    "https://rebind.test/login",
    "http://metadata.test/latest/meta-data/iam/",
    "http://mixed.test/",
    "http://six.test/",
    "http://ula.test/",
    "http://mapped.test/",
    "http://cgnat.test/",
    "evil.test",
    // Schemes, ports, credentials.
    "ftp://example.com/",
    "file:///etc/passwd",
    "gopher://example.com/",
    "http://example.com:22/",
    "https://example.com:8443/",
    "http://user:secret@example.com/",
    "http://127.0.0.1:80@evil.test/",
];

#[tokio::test]
async fn refuses_hostile_urls() {
    assert!(HOSTILE.len() >= 30);
    let prober = Prober::builder(CheckConfig::default())
        .resolver(Arc::new(resolver()))
        .build();
    let kb = kb();
    for url in HOSTILE {
        let reports = prober
            .check_many(&kb, None, &[Request::Url((*url).into())])
            .await
            .expect("not rate limited");
        match &reports[0].outcome {
            Err(CheckError::Refused(refusal)) => {
                let shown = refusal.to_string();
                assert!(shown.starts_with("I won't check "), "{url}: {shown}");
                assert!(!refusal.reason.is_empty() && !refusal.fix.is_empty());
                let record = reports[0].record(5).expect("refusals are recorded");
                assert_eq!(record.verdict, "refused");
            }
            other => panic!("{url} was not refused: {other:?}"),
        }
    }
}

#[tokio::test]
async fn refusal_messages_are_clear() {
    let prober = Prober::builder(CheckConfig::default())
        .resolver(Arc::new(resolver()))
        .build();
    let kb = kb();
    let cases = [
        ("http://evil.test/", "127.0.0.1 is a loopback address"),
        ("http://0x7f.1/", "127.0.0.1 is a loopback address"),
        (
            "http://metadata.test/",
            "169.254.169.254 is a link-local address",
        ),
        (
            "http://mixed.test/",
            "10.0.0.1 is a private network address",
        ),
        ("http://example.com:22/", "port 22"),
        ("file:///etc/passwd", "`file:` addresses are not web pages"),
    ];
    for (url, reason) in cases {
        let reports = prober
            .check_many(&kb, None, &[Request::Url(url.into())])
            .await
            .expect("ran");
        let err = reports[0].outcome.as_ref().expect_err("refused");
        assert!(err.to_string().contains(reason), "{url}: {err}");
        let reply = render_error(err);
        assert_eq!(reply.title.as_deref(), Some("Check refused"));
    }
}

#[tokio::test]
async fn redirect_from_an_allowed_server_to_private_addresses_is_refused() {
    let server = TestServer::start(|path| match path {
        "/to-private" => Behavior::redirect(302, "http://10.0.0.1/admin"),
        "/to-metadata" => Behavior::redirect(301, "http://169.254.169.254/latest/meta-data/"),
        "/to-name" => Behavior::redirect(307, "http://rebind.test/"),
        "/to-decimal" => Behavior::redirect(302, "http://2130706434/"),
        "/to-port" => Behavior::redirect(302, "http://example.com:6379/"),
        _ => Behavior::ok("fine"),
    })
    .await;
    // The policy allows exactly the test server (its address and port), nothing else private.
    let config = CheckConfig {
        allowed_nets: vec![format!("{}/32", server.addr.ip()).parse().expect("net")],
        allowed_ports: vec![80, 443, server.addr.port()],
        ..CheckConfig::default()
    };
    let prober = Prober::builder(config)
        .resolver(Arc::new(resolver()))
        .build();
    let kb = kb();

    let ok = prober
        .check_many(&kb, None, &[Request::Url(server.url("/"))])
        .await
        .expect("ran");
    assert!(
        ok[0].outcome.is_ok(),
        "the allowed server itself is checked"
    );

    for (path, reason) in [
        ("/to-private", "10.0.0.1 is a private network address"),
        ("/to-metadata", "169.254.169.254 is a link-local address"),
        ("/to-name", "127.0.0.2 is a loopback address"),
        ("/to-decimal", "127.0.0.2 is a loopback address"),
        ("/to-port", "port 6379"),
    ] {
        let reports = prober
            .check_many(&kb, None, &[Request::Url(server.url(path))])
            .await
            .expect("ran");
        match &reports[0].outcome {
            Err(CheckError::Refused(r)) => {
                assert!(r.reason.contains(reason), "{path}: {r}");
                assert!(
                    !r.url.contains(&server.addr.to_string()),
                    "the hop is named: {r}"
                );
            }
            other => panic!("{path}: redirect not refused: {other:?}"),
        }
    }
}

#[tokio::test]
async fn adhoc_checks_can_be_turned_off() {
    let prober = Prober::builder(CheckConfig {
        allow_adhoc_checks: false,
        ..CheckConfig::default()
    })
    .resolver(Arc::new(resolver()))
    .build();
    let reports = prober
        .check_many(&kb(), None, &[Request::Url("https://example.com/".into())])
        .await
        .expect("ran");
    let err = reports[0].outcome.as_ref().expect_err("off");
    assert!(matches!(err, CheckError::AdhocDisabled { .. }));
    assert!(err.to_string().contains("quickbooks-online"), "{err}");
}

/// A rebinding name server: the first answer is `first`, every later one is `then`.
#[derive(Debug)]
struct Rebinding {
    first: IpAddr,
    then: IpAddr,
    lookups: AtomicUsize,
}

impl Resolver for Rebinding {
    fn resolve<'a>(&'a self, _host: &'a str) -> Resolving<'a> {
        let n = self.lookups.fetch_add(1, Ordering::SeqCst);
        let ip = if n == 0 { self.first } else { self.then };
        Box::pin(async move { Ok(vec![ip]) })
    }
}

#[tokio::test]
async fn a_name_is_looked_up_once_per_hop_so_rebinding_cannot_move_the_check() {
    let server = TestServer::start(|path| match path {
        "/hop" => Behavior::redirect(302, "/next"),
        _ => Behavior::ok("fine"),
    })
    .await;
    let config = CheckConfig {
        allowed_nets: vec![format!("{}/32", server.addr.ip()).parse().expect("net")],
        allowed_ports: vec![80, 443, server.addr.port()],
        ..CheckConfig::default()
    };
    let rebinding = || {
        Arc::new(Rebinding {
            first: server.addr.ip(),
            then: ip("10.0.0.1"),
            lookups: AtomicUsize::new(0),
        })
    };
    let url = |path: &str| format!("http://flip.test:{}{path}", server.addr.port());

    // One hop: the vetted first answer is the only address used; reqwest never asks again.
    let resolver = rebinding();
    let prober = Prober::builder(config.clone())
        .resolver(Arc::clone(&resolver) as Arc<dyn Resolver>)
        .build();
    let reports = prober
        .check_many(&kb(), None, &[Request::Url(url("/"))])
        .await
        .expect("ran");
    let checked = reports[0].outcome.as_ref().expect("checked");
    assert_eq!(checked.result.connected_to, Some(server.addr));
    assert_eq!(resolver.lookups.load(Ordering::SeqCst), 1);
    assert_eq!(server.hits(), 1);

    // A redirect to the same name is a new hop: looked up again, vetted again, refused.
    let resolver = rebinding();
    let prober = Prober::builder(config)
        .resolver(Arc::clone(&resolver) as Arc<dyn Resolver>)
        .build();
    let reports = prober
        .check_many(&kb(), None, &[Request::Url(url("/hop"))])
        .await
        .expect("ran");
    match &reports[0].outcome {
        Err(CheckError::Refused(r)) => {
            assert!(
                r.reason.contains("10.0.0.1 is a private network address"),
                "{r}"
            );
            assert!(r.url.ends_with("/next"), "the hop is named: {r}");
        }
        other => panic!("the rebound hop was not refused: {other:?}"),
    }
    assert_eq!(resolver.lookups.load(Ordering::SeqCst), 2);
    assert_eq!(server.hits(), 2, "nothing was sent after the refusal");
}

/// A named target, as endpoints.toml would give it.
fn named(url: &str) -> supportbot::knowledge::Target {
    supportbot::knowledge::Target {
        name: "portal".into(),
        description: "The portal sign-in page".into(),
        url: url.into(),
        expect_status: None,
        timeout_ms: Some(2_000),
        contains: None,
        monitor: Default::default(),
        line: 1,
    }
}

#[tokio::test]
async fn a_named_targets_redirects_on_its_own_host_are_trusted_like_it_and_others_are_the_admins_to_fix()
 {
    let server = TestServer::start(|path| match path {
        "/" => Behavior::redirect(302, "/login"),
        "/away" => Behavior::redirect(302, "http://metadata.test/latest/meta-data/"),
        _ => Behavior::ok("Sign in"),
    })
    .await;
    // The strict defaults: loopback and the server's port are refused to typed addresses.
    let prober = Prober::builder(CheckConfig::default())
        .resolver(Arc::new(resolver()))
        .build();
    let check = |url: String| {
        let prober = prober.clone();
        async move {
            let kb = kb().with_targets(vec![named(&url)]);
            let mut reports = prober
                .check_many(&kb, None, &[Request::Named("portal".into())])
                .await
                .expect("ran");
            reports.remove(0)
        }
    };

    // `/` -> `/login` on the target's own loopback host and port: followed, as the target is.
    let report = check(server.url("/")).await;
    let checked = report.outcome.expect("the same-host redirect is followed");
    assert!(checked.result.verdict.is_up(), "{:?}", checked.result);
    assert!(checked.result.final_url.ends_with("/login"));

    // To another host, a private one: refused, but the user is told nothing to fix and no
    // address; the admins' hint names the target, the hop and what to do.
    let report = check(server.url("/away")).await;
    let err = report.outcome.expect_err("refused");
    assert!(matches!(err, CheckError::TargetRefused { .. }), "{err:?}");
    let told = err.to_string();
    for absent in [
        "http",
        "169.254",
        "`:port`",
        "Check the address",
        "127.0.0.1",
    ] {
        assert!(
            !told.contains(absent),
            "{absent:?} told to the user: {told}"
        );
    }
    assert!(told.contains("The portal sign-in page"), "{told}");
    assert_eq!(render_error(&err).title.as_deref(), Some("Could not check"));
    let hint = err.admin_hint().expect("a hint for admins");
    assert!(hint.contains("target `portal`"), "{hint}");
    assert!(
        hint.contains("http://metadata.test/latest/meta-data/"),
        "{hint}"
    );
    assert!(
        hint.contains("169.254.169.254 is a link-local address"),
        "{hint}"
    );
}

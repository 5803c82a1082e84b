//! Live checks against local servers on 127.0.0.1 that answer well or badly: each verdict asserted.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test (or bench) that cannot go on panics

mod support;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use support::http::{Behavior, TestServer};
use support::paths::shipped_knowledge;
use supportbot::config::CheckConfig;
use supportbot::knowledge::{KnowledgeBase, Target, load::load_dir};
use supportbot::probe::{
    CheckError, Checked, Prober, Report, Request, Resolver, StaticResolver, Verdict, render,
    resolve::Resolving,
};
use supportbot::reply::Tone;

/// Private targets allowed (the servers are on loopback), short timeouts.
fn config() -> CheckConfig {
    CheckConfig {
        allow_private_targets: true,
        default_timeout: Duration::from_millis(1500),
        deadline: Duration::from_secs(3),
        ..CheckConfig::default()
    }
}

fn prober() -> Prober {
    Prober::builder(config())
        .resolver(Arc::new(StaticResolver::new()))
        .build()
}

fn target(name: &str, url: &str) -> Target {
    Target {
        name: name.into(),
        description: format!("{name} test service"),
        url: url.into(),
        expect_status: None,
        timeout_ms: None,
        contains: None,
        monitor: Default::default(),
        line: 0,
    }
}

/// The shipped articles (for article matching) with these targets.
fn kb(targets: Vec<Target>) -> KnowledgeBase {
    load_dir(&shipped_knowledge())
        .expect("shipped knowledge")
        .with_targets(targets)
}

async fn check_url(prober: &Prober, url: &str) -> Checked {
    let mut reports = prober
        .check_many(&kb(vec![]), None, &[Request::Url(url.into())])
        .await
        .expect("not rate limited");
    match reports.remove(0).outcome {
        Ok(c) => c,
        Err(e) => panic!("{url}: {e}"),
    }
}

#[tokio::test]
async fn healthy_server_is_up_with_timings() {
    let server = TestServer::always(Behavior::ok("<h1>Welcome, please sign in</h1>")).await;
    let c = check_url(&prober(), &server.url("/")).await;
    let r = &c.result;
    assert_eq!(r.verdict, Verdict::Up, "{r:?}");
    assert_eq!(r.status, Some(200));
    assert_eq!(r.reason.as_deref(), Some("OK"));
    assert_eq!(r.headers.server.as_deref(), Some("test-server/1.0"));
    assert_eq!(r.addresses, vec![server.addr.ip()]);
    assert_eq!(r.connected_to, Some(server.addr));
    assert!(r.timings.dns.is_none(), "IP literal: no lookup");
    assert!(r.timings.connect.is_some() && r.timings.ttfb.is_some());
    assert!(r.tls.is_none());
    assert!(r.timings.total >= r.timings.ttfb.unwrap_or_default());
    assert_eq!(r.body_bytes, 32);
    assert_eq!(c.article, None, "a 200 matches no error article");
}

#[tokio::test]
async fn contains_and_expect_status() {
    let server = TestServer::always(Behavior::ok("<h1>Welcome</h1>")).await;
    let mut good = target("good", &server.url("/"));
    good.contains = Some("Welcome".into());
    let mut missing = target("missing", &server.url("/"));
    missing.contains = Some("Sign in".into());
    let mut strict = target("strict", &server.url("/"));
    strict.expect_status = Some(vec![302]);
    let kb = kb(vec![good, missing, strict]);
    let reports = prober()
        .check_many(
            &kb,
            None,
            &["good", "missing", "strict"].map(|n| Request::Named(n.into())),
        )
        .await
        .expect("ran");
    let verdicts: Vec<Verdict> = reports
        .iter()
        .map(|r| r.outcome.as_ref().expect("checked").result.verdict)
        .collect();
    assert_eq!(
        verdicts,
        vec![
            Verdict::Up,
            Verdict::UnexpectedContent,
            Verdict::UnexpectedContent
        ]
    );
    let detail = &reports[1].outcome.as_ref().expect("checked").result.detail;
    assert!(detail.contains("does not contain “Sign in”"), "{detail}");
    let detail = &reports[2].outcome.as_ref().expect("checked").result.detail;
    assert!(detail.contains("expected 302"), "{detail}");
}

#[tokio::test]
async fn error_statuses_get_their_verdict_and_article() {
    let server = TestServer::start(|path| match path {
        "/502" => Behavior::status(502).with_header("Via", "1.1 edge-proxy"),
        "/503" => Behavior::status(503).with_header("Retry-After", "120"),
        "/504" => Behavior::status(504),
        "/500" => Behavior::status(500),
        "/404" => Behavior::status(404),
        _ => Behavior::status(200),
    })
    .await;
    let cases = [
        ("/502", Verdict::BadGateway, Some("quickbooks-error-502")),
        (
            "/503",
            Verdict::ServiceUnavailable,
            Some("service-unavailable-503"),
        ),
        ("/504", Verdict::GatewayTimeout, Some("gateway-timeout-504")),
        (
            "/500",
            Verdict::ServerError,
            Some("internal-server-error-500"),
        ),
        ("/404", Verdict::ClientError, None),
    ];
    let prober = prober();
    for (path, verdict, article) in cases {
        let c = check_url(&prober, &server.url(path)).await;
        assert_eq!(c.result.verdict, verdict, "{path}: {:?}", c.result);
        assert_eq!(c.article.as_deref(), article, "{path}");
        assert_eq!(c.result.status, Some(path[1..].parse().expect("code")));
    }
    let c = check_url(&prober, &server.url("/404")).await;
    assert!(
        c.meaning().contains("does not usually mean an outage"),
        "{}",
        c.meaning()
    );
    let c = check_url(&prober, &server.url("/502")).await;
    assert_eq!(c.result.headers.via.as_deref(), Some("1.1 edge-proxy"));
    let c = check_url(&prober, &server.url("/503")).await;
    assert_eq!(c.result.retry_after, Some(Duration::from_secs(120)));
    assert_eq!(c.result.headers.retry_after.as_deref(), Some("120"));
    assert!(
        c.result.detail.contains("asking to retry in 2 min"),
        "{}",
        c.result.detail
    );
}

/// A 429 is the one 4xx the monitor opens an outage on; the user is told the same.
#[tokio::test]
async fn too_many_requests_is_told_as_the_service_turning_people_away() {
    let server = TestServer::always(Behavior::status(429).with_header("Retry-After", "60")).await;
    let c = check_url(&prober(), &server.url("/")).await;
    assert_eq!(c.result.verdict, Verdict::ClientError);
    let meaning = c.meaning();
    assert!(meaning.contains("turning requests away"), "{meaning}");
    assert!(meaning.contains("on their side"), "{meaning}");
    assert!(meaning.contains("try again in 60 s"), "{meaning}");
    assert!(
        !meaning.contains("does not usually mean an outage"),
        "{meaning}"
    );
}

#[tokio::test(start_paused = true)]
async fn hanging_server_times_out_without_delaying_others() {
    let hang = TestServer::always(Behavior::Hang).await;
    let ok = TestServer::always(Behavior::ok("fine")).await;
    let mut slow_one = target("hangs", &hang.url("/"));
    slow_one.timeout_ms = Some(1000);
    let kb = kb(vec![slow_one, target("fine", &ok.url("/"))]);
    let began = tokio::time::Instant::now();
    let reports = prober()
        .check_many(
            &kb,
            None,
            &[
                Request::Named("hangs".into()),
                Request::Named("fine".into()),
            ],
        )
        .await
        .expect("ran");
    let elapsed = began.elapsed();
    let hung = &reports[0].outcome.as_ref().expect("checked").result;
    assert_eq!(hung.verdict, Verdict::Timeout, "{hung:?}");
    assert!(
        hung.detail.contains("waiting for the first byte"),
        "{}",
        hung.detail
    );
    assert!(hung.detail.contains("1.0 s"), "{}", hung.detail);
    let fine = &reports[1].outcome.as_ref().expect("checked").result;
    assert_eq!(fine.verdict, Verdict::Up);
    assert!(fine.timings.total < Duration::from_millis(100), "{fine:?}");
    // The whole request took the hanging target's timeout, not more (virtual time).
    assert!(
        elapsed >= Duration::from_millis(1000) && elapsed < Duration::from_millis(1100),
        "{elapsed:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn overall_deadline_caps_long_target_timeouts() {
    let hang = TestServer::always(Behavior::Hang).await;
    let mut t = target("hangs", &hang.url("/"));
    t.timeout_ms = Some(60_000);
    let kb = kb(vec![t]);
    let began = tokio::time::Instant::now();
    let reports = prober()
        .check_many(&kb, None, &[Request::Named("hangs".into())])
        .await
        .expect("ran");
    assert_eq!(began.elapsed(), config().deadline);
    let r = &reports[0].outcome.as_ref().expect("checked").result;
    assert_eq!(r.verdict, Verdict::Timeout);
    assert!(r.detail.contains("overall deadline"), "{}", r.detail);
}

#[tokio::test]
async fn slow_answer_is_slow() {
    let server = TestServer::always(Behavior::Delay(Duration::from_millis(300))).await;
    let prober = Prober::builder(CheckConfig {
        slow_after: Duration::from_millis(200),
        ..config()
    })
    .build();
    let c = check_url(&prober, &server.url("/")).await;
    assert_eq!(c.result.verdict, Verdict::Slow, "{:?}", c.result);
}

#[tokio::test]
async fn connection_closed_mid_response_is_dropped() {
    let server = TestServer::always(Behavior::CloseMidBody).await;
    let c = check_url(&prober(), &server.url("/")).await;
    assert_eq!(
        c.result.verdict,
        Verdict::ConnectionDropped,
        "{:?}",
        c.result
    );
    assert_eq!(c.result.status, Some(200));
    assert!(
        c.result.detail.contains("after 10 bytes"),
        "{}",
        c.result.detail
    );
}

#[tokio::test]
async fn redirect_loop_stops_after_five_hops() {
    let server = TestServer::start(|path| match path {
        "/a" => Behavior::redirect(302, "/b"),
        _ => Behavior::redirect(301, "/a"),
    })
    .await;
    let c = check_url(&prober(), &server.url("/a")).await;
    assert_eq!(c.result.verdict, Verdict::RedirectLoop, "{:?}", c.result);
    assert_eq!(
        c.result.redirects.len(),
        6,
        "five followed, the sixth refused"
    );
    assert_eq!(server.hits(), 6);
}

#[tokio::test]
async fn redirects_are_followed_and_reported() {
    let server = TestServer::start(|path| match path {
        "/old" => Behavior::redirect(301, "/new"),
        _ => Behavior::ok("here"),
    })
    .await;
    let c = check_url(&prober(), &server.url("/old")).await;
    assert_eq!(c.result.verdict, Verdict::Up);
    assert_eq!(c.result.redirects.len(), 1);
    assert_eq!(c.result.redirects[0].status, 301);
    assert_eq!(c.result.final_url, server.url("/new"));
}

#[tokio::test]
async fn self_signed_certificate_is_a_tls_error() {
    let (chain, key) = support::http::self_signed_cert();
    let server = TestServer::start_tls(|_| Behavior::ok("secret"), chain, key).await;
    let c = check_url(&prober(), &server.https_url("/")).await;
    assert_eq!(c.result.verdict, Verdict::TlsError, "{:?}", c.result);
    assert!(
        c.result
            .detail
            .contains("not signed by a trusted authority"),
        "{}",
        c.result.detail
    );
    assert!(c.result.timings.tls.is_some());
    assert_eq!(c.result.status, None);
}

#[tokio::test]
async fn trusted_certificate_reports_tls_version_and_expiry() {
    let (ca, chain, key) = support::http::ca_signed_cert();
    let server = TestServer::start_tls(|_| Behavior::ok("secure"), chain, key).await;
    let prober = Prober::builder(config()).trust_root(ca).build();
    let c = check_url(&prober, &server.https_url("/")).await;
    assert_eq!(c.result.verdict, Verdict::Up, "{:?}", c.result);
    let tls = c.result.tls.as_ref().expect("tls info");
    assert_eq!(tls.version, "TLS 1.3");
    let days = tls.cert_days_left.expect("expiry read");
    assert!((20_000..30_000).contains(&days), "{days}");
}

#[tokio::test]
async fn dns_failure_and_connection_refused() {
    let prober = prober();
    let c = check_url(&prober, "http://no-such-host.test/").await;
    assert_eq!(c.result.verdict, Verdict::DnsFailure, "{:?}", c.result);
    assert!(c.result.timings.dns.is_some());

    // Port 1: never handed out for "any free port", so no server of a test running beside
    // this one can be listening there (a port bound and dropped here could be taken at once).
    let closed = "127.0.0.1:1";
    assert!(
        std::net::TcpStream::connect(closed).is_err(),
        "nothing may listen on {closed} for this test"
    );
    let c = check_url(&prober, &format!("http://{closed}/")).await;
    assert_eq!(
        c.result.verdict,
        Verdict::ConnectionRefused,
        "{:?}",
        c.result
    );
    assert!(c.result.detail.contains("refused"), "{}", c.result.detail);
}

/// A listener on `addr` whose accept queue is full: Linux drops the SYNs that reach it, so a
/// connect to it never completes, as to an address whose route drops everything. Kept as long
/// as the value lives.
struct Blackhole {
    _listener: tokio::net::TcpListener,
    _queued: Vec<tokio::net::TcpStream>,
}

async fn blackhole(addr: SocketAddr) -> Blackhole {
    let socket = tokio::net::TcpSocket::new_v4().expect("a socket");
    socket.bind(addr).expect("nothing else listens there");
    let listener = socket.listen(0).expect("listening");
    let mut queued = Vec::new();
    // Connect until a connect no longer completes: the queue is full from then on.
    for _ in 0..16 {
        let connect = tokio::net::TcpStream::connect(addr);
        match tokio::time::timeout(Duration::from_millis(200), connect).await {
            Ok(Ok(stream)) => queued.push(stream),
            Ok(Err(e)) => panic!("connecting to {addr} failed: {e}"),
            Err(_) => {
                return Blackhole {
                    _listener: listener,
                    _queued: queued,
                };
            }
        }
    }
    panic!("the accept queue of {addr} never filled: connects to it still complete");
}

/// An address that never answers the connect, listed first (an IPv6 address on a host whose
/// IPv6 route drops everything), costs the check a moment, not all its time: the next address is
/// tried meanwhile, and the check is up. One that refuses costs nothing. When none answers, the
/// timeout names what was still being tried. (Review 44, finding 8: the verdict was a timeout.)
#[tokio::test]
async fn an_address_that_never_answers_does_not_hold_up_the_next() {
    let server = TestServer::always(Behavior::ok("the next address")).await;
    let port = server.addr.port();
    let silent: SocketAddr = ([127, 0, 0, 2], port).into();
    let also_silent: SocketAddr = ([127, 0, 0, 4], port).into();
    let _holes = (blackhole(silent).await, blackhole(also_silent).await);
    let refusing: IpAddr = [127, 0, 0, 3].into();
    let resolver = StaticResolver::new()
        .with("silent-first.test", &[silent.ip(), server.addr.ip()])
        .with("refusing-first.test", &[refusing, server.addr.ip()])
        .with("all-silent.test", &[silent.ip(), also_silent.ip()]);
    let prober = Prober::builder(config())
        .resolver(Arc::new(resolver))
        .build();

    for name in ["silent-first.test", "refusing-first.test"] {
        let c = check_url(&prober, &format!("http://{name}:{port}/")).await;
        let r = &c.result;
        assert_eq!(r.verdict, Verdict::Up, "{name}: {r:?}");
        assert_eq!(r.connected_to, Some(server.addr), "{name}");
    }
    assert_eq!(server.hits(), 2, "each check reached the server");

    let c = check_url(&prober, &format!("http://all-silent.test:{port}/")).await;
    let r = &c.result;
    assert_eq!(r.verdict, Verdict::Timeout, "{r:?}");
    let tried = format!("(connecting to {silent} and 1 more)");
    assert!(r.detail.contains(&tried), "{}", r.detail);
}

#[tokio::test]
async fn named_results_are_shared_for_the_ttl() {
    let server = TestServer::always(Behavior::Delay(Duration::from_millis(200))).await;
    let kb = Arc::new(kb(vec![target("svc", &server.url("/"))]));
    let prober = prober();
    // A crowd asking at once costs one request.
    let mut crowd = Vec::new();
    for i in 0..10 {
        let (prober, kb) = (prober.clone(), Arc::clone(&kb));
        crowd.push(tokio::spawn(async move {
            let user = format!("user{i}");
            prober
                .check_many(&kb, Some(&user), &[Request::Named("svc".into())])
                .await
                .expect("ran")
        }));
    }
    let mut shared = 0;
    let mut runner = None;
    for (i, c) in crowd.into_iter().enumerate() {
        let reports = c.await.expect("task");
        let checked = reports[0].outcome.as_ref().expect("checked");
        assert_eq!(checked.result.verdict, Verdict::Up);
        shared += usize::from(checked.shared);
        if !checked.shared {
            runner = Some(format!("user{i}"));
        }
    }
    assert_eq!(server.hits(), 1, "single flight");
    assert_eq!(shared, 9);
    // The one whose request ran the check, asking again: their own result, not "shared".
    let runner = runner.expect("one request ran the check");
    let own = prober
        .check_many(&kb, Some(&runner), &[Request::Named("svc".into())])
        .await
        .expect("ran");
    let own = own[0].outcome.as_ref().expect("checked");
    assert!(!own.shared, "{own:?}");
    assert!(!render::age_text(own.age, own.shared).contains("shared with others"));
    assert_eq!(server.hits(), 1, "still the stored result");
    // Asking again later reuses the stored result.
    let again = prober
        .check_many(&kb, None, &[Request::Named("svc".into())])
        .await
        .expect("ran");
    assert!(again[0].outcome.as_ref().expect("checked").shared);
    assert_eq!(server.hits(), 1);
    // Ad-hoc URLs are never shared.
    check_url(&prober, &server.url("/")).await;
    assert_eq!(server.hits(), 2);
}

#[tokio::test]
async fn users_are_rate_limited_and_names_checked() {
    let server = TestServer::always(Behavior::ok("ok")).await;
    let kb = kb(vec![target("quickbooks-online", &server.url("/"))]);
    let prober = prober();
    let one = [Request::Named("quickbooks-online".into())];
    for _ in 0..5 {
        prober
            .check_many(&kb, Some("ann"), &one)
            .await
            .expect("allowed");
    }
    let err = prober
        .check_many(&kb, Some("ann"), &one)
        .await
        .expect_err("limited");
    assert!(matches!(err, CheckError::RateLimited { .. }), "{err}");
    assert!(err.to_string().contains("Wait"), "{err}");
    prober
        .check_many(&kb, Some("bob"), &one)
        .await
        .expect("other user");
    assert!(matches!(
        prober
            .check_many(&kb, Some("cy"), &vec![one[0].clone(); 6])
            .await,
        Err(CheckError::TooMany { asked: 6, max: 5 })
    ));

    let reports = prober
        .check_many(&kb, None, &[Request::Named("quickbooks-onlin".into())])
        .await
        .expect("ran");
    let err = reports[0].outcome.as_ref().expect_err("unknown");
    assert!(
        err.to_string().contains("Did you mean quickbooks-online?"),
        "{err}"
    );
}

#[tokio::test]
async fn reports_render_and_record() {
    let server = TestServer::always(Behavior::status(502).with_header("Server", "nginx")).await;
    let kb = kb(vec![target("quickbooks-online", &server.url("/"))]);
    let reports = prober()
        .check_many(&kb, None, &[Request::Named("quickbooks-online".into())])
        .await
        .expect("ran");
    let report: &Report = &reports[0];
    let reply = render(report, &kb);
    assert_eq!(
        reply.title.as_deref(),
        Some("quickbooks-online test service: bad gateway (502)")
    );
    assert_eq!(reply.tone, Tone::Danger);
    assert_eq!(reply.article.as_deref(), Some("quickbooks-error-502"));
    assert!(
        reply
            .text
            .contains("this is on their side, not your browser"),
        "{}",
        reply.text
    );
    assert!(reply.text.contains("checked just now"), "{}", reply.text);
    let field = |n: &str| {
        reply
            .fields
            .iter()
            .find(|f| f.name == n)
            .map(|f| f.value.clone())
    };
    assert_eq!(field("Status").as_deref(), Some("502 Bad Gateway"));
    assert_eq!(field("Server").as_deref(), Some("`nginx`"));
    assert!(field("Timings").expect("timings").contains("first byte"));

    let record = report.record(1_000).expect("kept for escalation");
    assert_eq!(record.target, "quickbooks-online");
    assert_eq!(record.verdict, "bad gateway");
    assert_eq!(record.status, Some(502));
    assert_eq!(record.at, 1_000);
    assert!(record.total_ms.is_some());
}

/// A static table that counts its lookups.
#[derive(Debug)]
struct Counting {
    table: StaticResolver,
    lookups: AtomicUsize,
}

impl Resolver for Counting {
    fn resolve<'a>(&'a self, host: &'a str) -> Resolving<'a> {
        self.lookups.fetch_add(1, Ordering::SeqCst);
        self.table.resolve(host)
    }
}

#[tokio::test]
async fn names_are_looked_up_once_and_the_request_goes_to_that_address() {
    let server = TestServer::always(Behavior::ok("pinned")).await;
    let resolver = Arc::new(Counting {
        table: StaticResolver::new().with("svc.test", &[server.addr.ip()]),
        lookups: AtomicUsize::new(0),
    });
    let prober = Prober::builder(config())
        .resolver(Arc::clone(&resolver) as Arc<dyn Resolver>)
        .build();
    let port = server.addr.port();
    let c = check_url(&prober, &format!("http://svc.test:{port}/a/b?c=d#frag")).await;
    let r = &c.result;
    assert_eq!(r.verdict, Verdict::Up, "{r:?}");
    assert_eq!(r.connected_to, Some(server.addr));
    assert!(r.timings.dns.is_some() && r.timings.connect.is_some());
    assert_eq!(resolver.lookups.load(Ordering::SeqCst), 1, "one lookup");
    let heads = server.requests();
    assert_eq!(heads.len(), 1, "the probe connection sends no request");
    let head = heads[0].to_ascii_lowercase();
    assert!(head.starts_with("get /a/b?c=d http/1.1\r\n"), "{head}");
    assert!(
        head.contains(&format!("\r\nhost: svc.test:{port}\r\n")),
        "{head}"
    );
    assert!(head.contains("\r\nuser-agent: supportbot-check/"), "{head}");
    assert!(head.contains("\r\naccept-encoding: identity\r\n"), "{head}");
    assert!(!head.contains("frag"), "{head}");
}

#[tokio::test]
async fn answers_that_are_not_http_or_never_come() {
    let server = TestServer::start(|path| match path {
        "/ssh" => Behavior::Raw("SSH-2.0-OpenSSH_9.6\r\n"),
        _ => Behavior::CloseWithoutAnswer,
    })
    .await;
    let prober = prober();
    let c = check_url(&prober, &server.url("/ssh")).await;
    assert_eq!(
        c.result.verdict,
        Verdict::UnexpectedContent,
        "{:?}",
        c.result
    );
    assert!(
        c.result.detail.contains("not valid HTTP/1.1"),
        "{}",
        c.result.detail
    );
    assert_eq!(c.result.status, None);
    let c = check_url(&prober, &server.url("/silent")).await;
    assert_eq!(
        c.result.verdict,
        Verdict::ConnectionDropped,
        "{:?}",
        c.result
    );
    assert!(
        c.result.detail.contains("closed before any answer"),
        "{}",
        c.result.detail
    );
}

#[tokio::test]
async fn certificate_rejected_on_the_exchange_connection_is_a_tls_error() {
    // The probe connection gets the trusted certificate, reqwest's connection a self-signed one.
    let (ca, chain, key) = support::http::ca_signed_cert();
    let (bad_chain, bad_key) = support::http::self_signed_cert();
    let server = TestServer::start_tls_rotating(
        |_| Behavior::ok("secure"),
        vec![(chain, key), (bad_chain, bad_key)],
    )
    .await;
    let prober = Prober::builder(config()).trust_root(ca).build();
    let c = check_url(&prober, &server.https_url("/")).await;
    assert_eq!(c.result.verdict, Verdict::TlsError, "{:?}", c.result);
    assert!(
        c.result
            .detail
            .contains("not signed by a trusted authority"),
        "{}",
        c.result.detail
    );
    assert!(c.result.tls.is_some(), "the probe's handshake was measured");
    assert_eq!(c.result.timings.ttfb, None);
    assert_eq!(server.hits(), 0);
}

#[tokio::test(start_paused = true)]
async fn phases_not_measured_are_shown_as_such() {
    let hang = TestServer::always(Behavior::Hang).await;
    let c = check_url(&prober(), &hang.url("/")).await;
    assert_eq!(c.result.timings.ttfb, None);
    let report = Report {
        target: "hangs".into(),
        description: None,
        url: hang.url("/"),
        outcome: Ok(c),
    };
    let reply = render(&report, &kb(vec![]));
    let timings = reply
        .fields
        .iter()
        .find(|f| f.name == "Timings")
        .map(|f| f.value.clone())
        .expect("timings");
    assert!(timings.starts_with("connect "), "{timings}");
    assert!(timings.contains("first byte not measured"), "{timings}");
    assert!(!timings.contains("TLS"), "http has no TLS phase: {timings}");
}

/// A name that does not resolve blames the service's name servers only while other names do;
/// when no other target's name resolves either, the bot's own network or DNS is named instead.
#[tokio::test]
async fn when_nothing_resolves_the_bots_own_dns_is_named() {
    let targets = vec![
        target("app", "https://app.example.test/"),
        target("status", "https://status.example.test/"),
    ];
    let check = |prober: Prober| {
        let kb = kb(targets.clone());
        async move {
            let mut reports = prober
                .check_many(&kb, None, &[Request::Named("app".into())])
                .await
                .expect("not rate limited");
            reports.remove(0).outcome.expect("checked")
        }
    };
    let knows_nothing = Prober::builder(config())
        .resolver(Arc::new(StaticResolver::new()))
        .build();
    let c = check(knows_nothing).await;
    assert_eq!(c.result.verdict, Verdict::DnsFailure);
    assert!(c.nothing_resolves);
    assert!(
        c.meaning().contains("the bot's own network or DNS"),
        "{}",
        c.meaning()
    );

    let knows_the_other = Prober::builder(config())
        .resolver(Arc::new(
            StaticResolver::new().with("status.example.test", &["192.0.2.1".parse().unwrap()]),
        ))
        .build();
    let c = check(knows_the_other).await;
    assert_eq!(c.result.verdict, Verdict::DnsFailure);
    assert!(!c.nothing_resolves);
    assert!(
        c.meaning().contains("their name servers"),
        "{}",
        c.meaning()
    );
}

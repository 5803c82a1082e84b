//! One target -> one [`CheckResult`]: resolve, vet, probe the connection, then the HTTP exchange
//! through reqwest, pinned to the vetted address.
//!
//! Every hop (the URL checked and each redirect, followed by hand and vetted like the first) goes
//! through the same steps, and each measurement comes from one named place:
//!
//! 1. **Resolution**, ours: the host is looked up once with the injected [`Resolver`] (not at all
//!    for an IP literal) and every address is vetted with the [`Policy`]. Measures `timings.dns`
//!    and `addresses`.
//! 2. **The probe connection**, ours, closed right after: TCP connects to the vetted addresses in
//!    order, staggered as Happy Eyeballs does (the next address is tried when the one before
//!    failed or has not connected within [`NEXT_ADDRESS_AFTER`], the earlier attempts going on),
//!    and the first to connect is used; for https, a TLS handshake over it (tokio-rustls) with
//!    the same rustls configuration the exchange uses. Measures `timings.connect` (TCP, until the
//!    first connect succeeds), `timings.tls` (the handshake), `tls.version`, `tls.cert_days_left`,
//!    and decides the connection-refused and TLS-error verdicts (a failing certificate never
//!    reaches the exchange). reqwest cannot report these phases, hence a connection of our own.
//! 3. **The exchange connection**, reqwest's: a new client per hop whose only route is the address
//!    the probe reached (`ClientBuilder::resolve` for names; behind it a resolver that refuses
//!    every name, so reqwest never looks anything up itself: no DNS rebinding), no proxy, no
//!    pooling, redirects off, HTTP/1.1. Measures `timings.ttfb` (from `send()` until the response
//!    head; it includes this connection's own TCP and TLS set-up, which reqwest does not report
//!    apart), `status`, `reason`, the headers, the body (read up to the cap, never shown) and
//!    `connected_to` (reqwest's remote address).
//!
//! `timings.total` runs from the start of the check to the end of the last body read, every hop
//! and both connections included. The verdict's "answered ... after" and the slow threshold leave
//! the probe connections out: they count what a browser would wait for (lookup, one connection,
//! request, page), not the bot's own extra handshake. A phase that did not run is `None`, never an
//! estimate.

use super::cert;
use super::guard::{Policy, Refusal};
use super::resolve::Resolver;
use super::verdict::{Verdict, human};
use crate::knowledge::Target;
use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap, HeaderValue};
use std::error::Error as StdError;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio::time::{Instant, timeout_at};
use tokio_rustls::TlsConnector;
use tokio_rustls::rustls::pki_types::ServerName;
use tokio_rustls::rustls::{self, ClientConfig, RootCertStore};
use url::{Host, Url};

/// What one check saw. Timings are from the bot's machine, not the user's.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckResult {
    /// The URL checked first.
    pub url: String,
    /// The URL of the last hop (differs after redirects).
    pub final_url: String,
    pub verdict: Verdict,
    /// What exactly was seen, in one plain sentence ("answered 502 Bad Gateway after 120 ms").
    pub detail: String,
    pub status: Option<u16>,
    /// The standard reason phrase of `status`.
    pub reason: Option<String>,
    /// Addresses the last hop's host resolved to (or was written as).
    pub addresses: Vec<IpAddr>,
    /// The address the last hop connected to: the exchange's remote address, or the probe's when
    /// there was no exchange.
    pub connected_to: Option<SocketAddr>,
    pub timings: Timings,
    /// For https: the negotiated version and certificate expiry (from the probe connection).
    pub tls: Option<TlsInfo>,
    /// Redirects followed, in order.
    pub redirects: Vec<Hop>,
    pub headers: Headers,
    /// The Retry-After header when it gives seconds.
    pub retry_after: Option<Duration>,
    /// Body bytes read (at most the body cap).
    pub body_bytes: usize,
    /// The body was longer than the cap; only the start was read.
    pub body_truncated: bool,
}

/// Phase timings of the last hop, each measured on the connection named (see the module docs);
/// `None` when the phase was not measured (no DNS for an IP address, no TLS for http, nothing
/// after a failure). `total` covers every hop.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timings {
    /// Our lookup with the injected resolver.
    pub dns: Option<Duration>,
    /// TCP connect of the probe connection.
    pub connect: Option<Duration>,
    /// TLS handshake of the probe connection.
    pub tls: Option<Duration>,
    /// On the exchange connection: from handing the request to reqwest to the response head
    /// arriving, that connection's own TCP and TLS set-up included.
    pub ttfb: Option<Duration>,
    /// From the start of the check to its end (body read up to the cap), all hops, probe
    /// connections included.
    pub total: Duration,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TlsInfo {
    /// "TLS 1.3", "TLS 1.2".
    pub version: String,
    /// Whole days until the server certificate expires; `None` when it could not be read.
    pub cert_days_left: Option<i64>,
}

/// One redirect followed.
#[derive(Debug, Clone, PartialEq)]
pub struct Hop {
    pub url: String,
    pub status: u16,
    pub location: String,
}

/// A few headers worth showing, cleaned of control characters and cut to 100 characters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Headers {
    pub server: Option<String>,
    pub via: Option<String>,
    pub retry_after: Option<String>,
}

/// What a check needs from the prober.
pub(crate) struct Env<'a> {
    pub policy: &'a Policy,
    pub resolver: &'a dyn Resolver,
    /// The one TLS configuration: the probe's handshake and reqwest's both use it.
    pub tls: &'a Arc<ClientConfig>,
    pub body_cap: usize,
    pub max_redirects: usize,
    pub slow_after: Duration,
}

/// The TLS client of both connections: webpki roots plus `extra_roots`, ring provider, HTTP/1.1
/// by ALPN. reqwest gets a copy (`use_preconfigured_tls`), so the probe and the exchange trust
/// exactly the same certificates.
#[allow(clippy::expect_used)] // each `expect` below says why it cannot fail
pub(crate) fn tls_config(
    extra_roots: &[rustls::pki_types::CertificateDer<'static>],
) -> ClientConfig {
    let mut roots = RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    for root in extra_roots {
        if let Err(e) = roots.add(root.clone()) {
            tracing::warn!(error = %e, "ignoring an extra root certificate that does not parse");
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        // ring supports every default protocol version, so this cannot fail.
        .expect("the ring provider supports TLS 1.2 and 1.3")
        .with_root_certificates(roots)
        .with_no_client_auth();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    config
}

const USER_AGENT: &str = concat!("supportbot-check/", env!("CARGO_PKG_VERSION"));

/// How a hop ended.
enum HopEnd {
    Done(Verdict, String),
    Redirect(Url),
}

/// The check's timing: when it started, when it gives up, and how long the probe connections took
/// (left out of the answer time).
struct CheckTiming {
    start: Instant,
    deadline: Instant,
    probing: Duration,
}

impl CheckTiming {
    fn timed_out(&self, phase: &str) -> HopEnd {
        HopEnd::Done(
            Verdict::Timeout,
            format!(
                "no complete answer within {} ({phase})",
                ms_text(self.deadline.saturating_duration_since(self.start))
            ),
        )
    }

    fn remaining(&self) -> Duration {
        self.deadline.saturating_duration_since(Instant::now())
    }

    /// What a browser would have waited so far: everything but the probe connections.
    fn answer_time(&self) -> Duration {
        self.start.elapsed().saturating_sub(self.probing)
    }
}

/// Checks `target`. `trusted` (a named target, written by an admin) skips the port and address
/// vetting of the first hop and of every redirect that stays on the target's own host (`/` ->
/// `/login`, http -> https): the admin chose that host, whatever its port or address. A redirect
/// to another host is vetted like a typed address, so a service on the internet cannot steer the
/// bot into the private network; the scheme and credential checks apply to every hop. Gives up
/// after `timeout`. A refused hop is an `Err`.
pub(crate) async fn check(
    target: &Target,
    trusted: bool,
    env: &Env<'_>,
    timeout: Duration,
) -> Result<CheckResult, Refusal> {
    let start = Instant::now();
    let mut clock = CheckTiming {
        start,
        deadline: start + timeout,
        probing: Duration::ZERO,
    };
    let mut r = CheckResult {
        url: target.url.clone(),
        final_url: target.url.clone(),
        verdict: Verdict::Up,
        detail: String::new(),
        status: None,
        reason: None,
        addresses: Vec::new(),
        connected_to: None,
        timings: Timings::default(),
        tls: None,
        redirects: Vec::new(),
        headers: Headers::default(),
        retry_after: None,
        body_bytes: 0,
        body_truncated: false,
    };
    let mut url = Url::parse(&target.url).map_err(|e| Refusal {
        url: target.url.clone(),
        reason: format!("it is not a valid address ({e})"),
        fix: "Ask an admin to fix the target's `url` in endpoints.toml.",
    })?;
    let mut hop = 0usize;
    let (verdict, detail) = loop {
        r.final_url = url.to_string();
        let vetting = if trusted && hop == 0 {
            Vetting::None
        } else if trusted && same_host(&url, &target.url) {
            Vetting::SchemeOnly
        } else {
            Vetting::Full
        };
        let step = one_hop(&url, vetting, target, env, &mut clock, &mut r).await?;
        match step {
            HopEnd::Done(v, d) => break (v, d),
            HopEnd::Redirect(next) => {
                if r.redirects.len() > env.max_redirects {
                    let chain: Vec<&str> = r.redirects.iter().map(|h| h.url.as_str()).collect();
                    break (
                        Verdict::RedirectLoop,
                        format!(
                            "more than {} redirects in a row ({} -> ...)",
                            env.max_redirects,
                            chain.join(" -> ")
                        ),
                    );
                }
                url = next;
                hop += 1;
            }
        }
    };
    r.timings.total = start.elapsed();
    r.verdict = verdict;
    r.detail = detail;
    Ok(r)
}

/// How much of the [`Policy`] a hop goes through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Vetting {
    /// None: a named target's own URL (endpoints.toml checked it when it was loaded).
    None,
    /// Scheme and credentials only: a redirect on a named target's own host.
    SchemeOnly,
    /// Everything a typed address goes through: port, address, every resolved address.
    Full,
}

/// Whether `url` is on the host of `target_url` (names compared case-insensitively, without a
/// trailing dot); ports may differ, as in a redirect from http to https.
fn same_host(url: &Url, target_url: &str) -> bool {
    let host = |u: &Url| {
        u.host_str()
            .map(|h| h.trim_end_matches('.').to_ascii_lowercase())
    };
    Url::parse(target_url)
        .ok()
        .is_some_and(|t| host(&t).is_some() && host(&t) == host(url))
}

async fn one_hop(
    url: &Url,
    vetting: Vetting,
    target: &Target,
    env: &Env<'_>,
    clock: &mut CheckTiming,
    r: &mut CheckResult,
) -> Result<HopEnd, Refusal> {
    let vet = vetting == Vetting::Full;
    match vetting {
        Vetting::None => {}
        Vetting::SchemeOnly => env.policy.vet_scheme(url)?,
        Vetting::Full => env.policy.vet_url(url)?,
    }
    r.timings = Timings::default();
    r.tls = None;
    r.connected_to = None;
    r.addresses.clear();
    let (host, port) = match (url.host(), url.port_or_known_default()) {
        (Some(h), Some(p)) => (h, p),
        _ => {
            return Err(Refusal {
                url: url.to_string(),
                reason: "the address has no host or port".into(),
                fix: "Use a full http:// or https:// address.",
            });
        }
    };

    // 1. Resolve once; vet every address; connect only to those.
    let addrs: Vec<IpAddr> = match &host {
        Host::Ipv4(ip) => vec![IpAddr::V4(*ip)],
        Host::Ipv6(ip) => vec![IpAddr::V6(*ip)],
        Host::Domain(name) => {
            let began = Instant::now();
            let looked_up = timeout_at(clock.deadline, env.resolver.resolve(name)).await;
            r.timings.dns = Some(began.elapsed());
            match looked_up {
                Err(_) => return Ok(clock.timed_out("looking up the name")),
                Ok(Err(e)) => {
                    return Ok(HopEnd::Done(
                        Verdict::DnsFailure,
                        format!("the name `{name}` could not be looked up: {e}"),
                    ));
                }
                Ok(Ok(list)) if list.is_empty() => {
                    return Ok(HopEnd::Done(
                        Verdict::DnsFailure,
                        format!("the name `{name}` has no addresses"),
                    ));
                }
                Ok(Ok(list)) => list,
            }
        }
    };
    r.addresses = addrs.clone();
    if vet {
        for ip in &addrs {
            env.policy.vet_addr(url, *ip)?; // logged by the prober with the user
        }
    }

    // 2. The probe connection: TCP (and TLS for https) to the first vetted address that accepts.
    let began = Instant::now();
    let probed = probe(url, &host, &addrs, port, env, clock, r).await;
    clock.probing += began.elapsed();
    let addr = match probed {
        Ok(addr) => addr,
        Err(step) => return Ok(step),
    };

    // 3. The exchange, through reqwest, pinned to that address.
    let client = match exchange_client(url, addr, env, clock.remaining()) {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %e, url = %url, "could not build the HTTP client of a check");
            return Err(Refusal {
                url: url.to_string(),
                reason: "the check could not be set up inside the bot".into(),
                fix: "Try again; if it keeps failing, tell the bot's admins.",
            });
        }
    };
    let began = Instant::now();
    let mut response = match timeout_at(clock.deadline, client.get(url.clone()).send()).await {
        Err(_) => return Ok(clock.timed_out("waiting for the first byte")),
        Ok(Err(e)) => return Ok(no_response(&e, addr, clock)),
        Ok(Ok(resp)) => resp,
    };
    r.timings.ttfb = Some(began.elapsed());
    r.connected_to = response.remote_addr().or(Some(addr));
    let status = response.status();
    r.status = Some(status.as_u16());
    r.reason = status.canonical_reason().map(str::to_string);
    let headers = response.headers();
    r.headers = Headers {
        server: header_text(headers, header::SERVER),
        via: header_text(headers, header::VIA),
        retry_after: header_text(headers, header::RETRY_AFTER),
    };
    r.retry_after = r
        .headers
        .retry_after
        .as_deref()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_secs);

    if matches!(status.as_u16(), 301 | 302 | 303 | 307 | 308)
        && let Some(location) = headers.get(header::LOCATION)
    {
        let location = String::from_utf8_lossy(location.as_bytes()).into_owned();
        r.redirects.push(Hop {
            url: url.to_string(),
            status: status.as_u16(),
            location: clean(&location),
        });
        return Ok(match url.join(location.trim()) {
            Ok(next) => HopEnd::Redirect(next),
            Err(e) => HopEnd::Done(
                Verdict::UnexpectedContent,
                format!("redirected to an address that does not parse ({e})"),
            ),
        });
    }

    // Read the body up to the cap: for `contains`, and so `total` covers the transfer.
    let mut kept: Vec<u8> = Vec::new();
    loop {
        match timeout_at(clock.deadline, response.chunk()).await {
            Err(_) => return Ok(clock.timed_out("reading the page")),
            Ok(Ok(None)) => break,
            Ok(Err(e)) if e.is_timeout() => return Ok(clock.timed_out("reading the page")),
            Ok(Err(e)) => {
                return Ok(HopEnd::Done(
                    Verdict::ConnectionDropped,
                    format!(
                        "answered {} but the connection dropped after {} bytes of the page ({})",
                        status_text(status),
                        r.body_bytes,
                        root_cause(&e)
                    ),
                ));
            }
            Ok(Ok(Some(data))) => {
                let room = env.body_cap.saturating_sub(kept.len());
                let take = data.len().min(room);
                kept.extend_from_slice(&data[..take]);
                r.body_bytes = kept.len();
                if data.len() > room {
                    r.body_truncated = true;
                    break;
                }
            }
        }
    }
    // Dropping the response here closes the exchange connection (nothing is pooled).
    Ok(judge(target, status, &kept, r, clock.answer_time(), env))
}

/// How long the probe connection waits on one address before it also tries the next (RFC 8305's
/// Connection Attempt Delay): a first address that never answers, such as an IPv6 address listed
/// first on a host whose IPv6 route drops everything, then costs this rather than the whole check.
const NEXT_ADDRESS_AFTER: Duration = Duration::from_millis(250);

/// How the TCP connects of the probe connection ended.
enum Connect {
    To(TcpStream, SocketAddr),
    /// Every address failed: the last failure (`None`: there was no address).
    Failed(Option<(SocketAddr, std::io::Error)>),
    /// The deadline passed while these addresses were still being tried.
    TimedOut(Vec<SocketAddr>),
}

/// Connects to one of `addrs`, staggered: the first is tried at once, and the next when the ones
/// being tried have all failed or the latest has not connected within `stagger`; the attempts
/// already started go on, the first connection made is used and the others are dropped. Gives
/// up at `deadline`.
async fn connect_staggered(addrs: &[SocketAddr], stagger: Duration, deadline: Instant) -> Connect {
    let mut attempts = tokio::task::JoinSet::new();
    let mut trying: Vec<SocketAddr> = Vec::new();
    let mut next = 0;
    let mut next_at = Instant::now();
    let mut last_error = None;
    loop {
        if next < addrs.len() && (attempts.is_empty() || Instant::now() >= next_at) {
            let addr = addrs[next];
            next += 1;
            trying.push(addr);
            attempts.spawn(async move { (addr, TcpStream::connect(addr).await) });
            next_at = Instant::now() + stagger;
        }
        if attempts.is_empty() {
            return Connect::Failed(last_error);
        }
        tokio::select! {
            joined = attempts.join_next() => match joined {
                Some(Ok((addr, Ok(stream)))) => return Connect::To(stream, addr),
                Some(Ok((addr, Err(e)))) => {
                    trying.retain(|a| *a != addr);
                    last_error = Some((addr, e));
                    // The next address is tried at once, not at the end of the stagger.
                    next_at = Instant::now();
                }
                // A connect that panicked (it does not): the next address is tried at once.
                Some(Err(e)) => {
                    tracing::warn!(error = %e, "a connection attempt of a check did not finish");
                    next_at = Instant::now();
                }
                None => {}
            },
            () = tokio::time::sleep_until(next_at), if next < addrs.len() => {}
            () = tokio::time::sleep_until(deadline) => return Connect::TimedOut(trying),
        }
    }
}

/// The probe connection: TCP connects to the vetted addresses, staggered
/// ([`connect_staggered`]), then for https a TLS handshake; closed when done. Fills `connect`,
/// `tls`, `r.tls` and `connected_to`; gives the address that accepted, or the verdict when none
/// did or TLS failed.
async fn probe(
    url: &Url,
    host: &Host<&str>,
    addrs: &[IpAddr],
    port: u16,
    env: &Env<'_>,
    clock: &CheckTiming,
    r: &mut CheckResult,
) -> Result<SocketAddr, HopEnd> {
    let began = Instant::now();
    let addrs: Vec<SocketAddr> = addrs.iter().map(|ip| SocketAddr::new(*ip, port)).collect();
    let connected = connect_staggered(&addrs, NEXT_ADDRESS_AFTER, clock.deadline).await;
    r.timings.connect = Some(began.elapsed());
    let (tcp, addr) = match connected {
        Connect::To(stream, addr) => (stream, addr),
        Connect::TimedOut(trying) => {
            let phase = match trying.as_slice() {
                [addr] => format!("connecting to {addr}"),
                [addr, more @ ..] => format!("connecting to {addr} and {} more", more.len()),
                [] => "connecting".to_string(),
            };
            return Err(clock.timed_out(&phase));
        }
        Connect::Failed(last_error) => {
            let detail = match last_error {
                Some((addr, e)) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
                    format!("{addr} refused the connection")
                }
                Some((addr, e)) => format!("could not connect to {addr}: {e}"),
                None => "there was no address to connect to".into(),
            };
            return Err(HopEnd::Done(Verdict::ConnectionRefused, detail));
        }
    };
    r.connected_to = Some(addr);
    if url.scheme() != "https" {
        return Ok(addr); // dropping `tcp` closes the probe connection
    }

    let server_name = match host {
        Host::Domain(name) => ServerName::try_from(name.to_string()),
        Host::Ipv4(ip) => Ok(ServerName::IpAddress(IpAddr::V4(*ip).into())),
        Host::Ipv6(ip) => Ok(ServerName::IpAddress(IpAddr::V6(*ip).into())),
    };
    let Ok(server_name) = server_name else {
        return Err(HopEnd::Done(
            Verdict::TlsError,
            format!("`{host}` is not a name TLS can verify"),
        ));
    };
    let began = Instant::now();
    let connector = TlsConnector::from(Arc::clone(env.tls));
    let handshake = timeout_at(clock.deadline, connector.connect(server_name, tcp)).await;
    r.timings.tls = Some(began.elapsed());
    let mut stream = match handshake {
        Err(_) => return Err(clock.timed_out("setting up TLS")),
        Ok(Err(e)) => {
            let why = match find::<rustls::Error>(&e) {
                Some(tls) => tls_failure(tls),
                None => format!("the TLS handshake failed: {e}"),
            };
            return Err(HopEnd::Done(Verdict::TlsError, why));
        }
        Ok(Ok(s)) => s,
    };
    let (_, conn) = stream.get_ref();
    r.tls = Some(TlsInfo {
        version: conn
            .protocol_version()
            .map(|v| match v {
                rustls::ProtocolVersion::TLSv1_3 => "TLS 1.3".to_string(),
                rustls::ProtocolVersion::TLSv1_2 => "TLS 1.2".to_string(),
                other => format!("{other:?}"),
            })
            .unwrap_or_else(|| "unknown".into()),
        cert_days_left: conn
            .peer_certificates()
            .and_then(|certs| certs.first())
            .and_then(|c| cert::not_after(c.as_ref()))
            .map(|t| (t - unix_now()).div_euclid(86_400)),
    });
    // Say goodbye properly (close_notify); the server's answer is not awaited.
    let _ = timeout_at(clock.deadline, stream.shutdown()).await;
    Ok(addr)
}

/// Stands behind the pinned name in every exchange client: any other lookup fails, so reqwest
/// never resolves a name by itself.
struct NoLookups;

impl reqwest::dns::Resolve for NoLookups {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let name = name.as_str().to_string();
        Box::pin(
            async move { Err(format!("`{name}` was not resolved and vetted by the check").into()) },
        )
    }
}

/// The client of one hop: its only route is `addr` (already vetted and probed).
fn exchange_client(
    url: &Url,
    addr: SocketAddr,
    env: &Env<'_>,
    remaining: Duration,
) -> reqwest::Result<reqwest::Client> {
    let mut headers = HeaderMap::new();
    headers.insert(
        header::ACCEPT,
        HeaderValue::from_static("text/html,*/*;q=0.8"),
    );
    headers.insert(
        header::ACCEPT_ENCODING,
        HeaderValue::from_static("identity"),
    );
    headers.insert(header::CONNECTION, HeaderValue::from_static("close"));
    let mut builder = reqwest::Client::builder()
        .use_preconfigured_tls(ClientConfig::clone(env.tls))
        .dns_resolver(Arc::new(NoLookups))
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(0)
        .http1_only()
        .connect_timeout(remaining)
        .timeout(remaining)
        .user_agent(USER_AGENT)
        .default_headers(headers);
    if let Some(Host::Domain(name)) = url.host() {
        builder = builder.resolve(name, addr);
    }
    builder.build()
}

/// Status and body -> verdict, for the final response. `elapsed` is the answer time.
fn judge(
    target: &Target,
    status: StatusCode,
    body: &[u8],
    r: &CheckResult,
    elapsed: Duration,
    env: &Env<'_>,
) -> HopEnd {
    let code = status.as_u16();
    let answered = format!(
        "answered {} after {}",
        status_text(status),
        ms_text(elapsed)
    );
    if target.expects(code) {
        if let Some(needle) = &target.contains
            && !String::from_utf8_lossy(body).contains(needle.as_str())
        {
            let scope = if r.body_truncated {
                format!(" (only the first {} KiB were read)", env.body_cap / 1024)
            } else {
                String::new()
            };
            return HopEnd::Done(
                Verdict::UnexpectedContent,
                format!("{answered}, but the page does not contain “{needle}”{scope}"),
            );
        }
        if elapsed > env.slow_after {
            return HopEnd::Done(Verdict::Slow, slow_detail(status, elapsed, env.slow_after));
        }
        return HopEnd::Done(Verdict::Up, answered);
    }
    let verdict = match code {
        502 => Verdict::BadGateway,
        503 => Verdict::ServiceUnavailable,
        504 => Verdict::GatewayTimeout,
        500..=599 => Verdict::ServerError,
        400..=499 => Verdict::ClientError,
        _ => Verdict::UnexpectedContent,
    };
    let mut detail = answered;
    if verdict == Verdict::UnexpectedContent {
        let expected = match &target.expect_status {
            Some(list) => list
                .iter()
                .map(u16::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            None => "any 2xx or 3xx".into(),
        };
        detail.push_str(&format!(", expected {expected}"));
    }
    if let Some(d) = r.retry_after {
        detail.push_str(&format!(", asking to retry in {}", human(d)));
    }
    HopEnd::Done(verdict, detail)
}

/// "answered 200 OK after 3.4 s, over the 3.0 s a quick answer takes at most": the two times
/// with enough digits that the answer never reads as equal to the limit it passed.
fn slow_detail(status: StatusCode, elapsed: Duration, limit: Duration) -> String {
    let (took, most) = if ms_text(elapsed) == ms_text(limit) {
        (
            format!("{} ms", elapsed.as_millis()),
            format!("{} ms", limit.as_millis()),
        )
    } else {
        (ms_text(elapsed), ms_text(limit))
    };
    format!(
        "answered {} after {took}, over the {most} a quick answer takes at most",
        status_text(status)
    )
}

/// reqwest's `send()` failed: no usable response head.
fn no_response(e: &reqwest::Error, addr: SocketAddr, clock: &CheckTiming) -> HopEnd {
    if e.is_timeout() {
        let phase = if e.is_connect() {
            format!("connecting to {addr}")
        } else {
            "waiting for the first byte".to_string()
        };
        return clock.timed_out(&phase);
    }
    if let Some(tls) = find::<rustls::Error>(e) {
        return HopEnd::Done(Verdict::TlsError, tls_failure(tls));
    }
    if let Some(h) = find::<hyper::Error>(e)
        && h.is_parse()
    {
        return HopEnd::Done(
            Verdict::UnexpectedContent,
            format!("the answer was not valid HTTP/1.1 ({h})"),
        );
    }
    if e.is_connect() {
        let detail = match find::<std::io::Error>(e) {
            Some(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
                format!("{addr} refused the connection")
            }
            _ => format!("could not connect to {addr}: {}", root_cause(e)),
        };
        return HopEnd::Done(Verdict::ConnectionRefused, detail);
    }
    HopEnd::Done(
        Verdict::ConnectionDropped,
        format!(
            "the connection closed before any answer ({})",
            root_cause(e)
        ),
    )
}

/// The first error of type `T` in `e`'s source chain, looking inside `io::Error`s too (their
/// `source()` skips the error they wrap).
fn find<'a, T: StdError + 'static>(e: &'a (dyn StdError + 'static)) -> Option<&'a T> {
    let mut next = Some(e);
    while let Some(err) = next {
        if let Some(found) = err.downcast_ref::<T>() {
            return Some(found);
        }
        if let Some(inner) = err
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
            && let Some(found) = find::<T>(inner)
        {
            return Some(found);
        }
        next = err.source();
    }
    None
}

/// The innermost error's text ("connection closed before message completed"): reqwest's own
/// text repeats the URL and says little.
fn root_cause(e: &(dyn StdError + 'static)) -> String {
    let mut last = e;
    while let Some(next) = last.source() {
        last = next;
    }
    last.to_string()
}

fn tls_failure(e: &rustls::Error) -> String {
    use rustls::CertificateError as C;
    match e {
        rustls::Error::InvalidCertificate(c) => {
            let why = match c {
                C::UnknownIssuer => {
                    "the certificate is not signed by a trusted authority (self-signed or unknown issuer)"
                        .to_string()
                }
                C::Expired | C::ExpiredContext { .. } => "the certificate has expired".into(),
                C::NotValidYet | C::NotValidYetContext { .. } => {
                    "the certificate is not valid yet".into()
                }
                C::NotValidForName | C::NotValidForNameContext { .. } => {
                    "the certificate is for a different name".into()
                }
                C::Revoked => "the certificate was revoked".into(),
                other => format!("the certificate was rejected ({other:?})"),
            };
            format!("certificate verification failed: {why}")
        }
        // The first bytes back were no TLS record: usually plain HTTP ("HTTP/1.1 400 ...")
        // answering on a port the URL says is https.
        rustls::Error::InvalidMessage(rustls::InvalidMessage::InvalidContentType) => format!(
            "the TLS handshake failed: {e}. The server did not answer in TLS: it may not speak \
             HTTPS on this port (if it serves plain HTTP there, the address should start with http://)"
        ),
        other => format!("the TLS handshake failed: {other}"),
    }
}

fn header_text(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .map(HeaderValue::as_bytes)
        .map(|b| clean(&String::from_utf8_lossy(b)))
}

/// Printable text only, at most 100 characters: header values come from the remote server.
fn clean(text: &str) -> String {
    let mut out: String = text.chars().filter(|c| !c.is_control()).take(100).collect();
    if text.chars().filter(|c| !c.is_control()).count() > 100 {
        out.push('…');
    }
    out.trim().to_string()
}

fn status_text(status: StatusCode) -> String {
    match status.canonical_reason() {
        Some(reason) => format!("{} {reason}", status.as_u16()),
        None => status.as_u16().to_string(),
    }
}

/// "120 ms", "1.5 s".
pub fn ms_text(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.1} ms")
    } else if ms < 1000.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{:.1} s", ms / 1000.0)
    }
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_remote_text() {
        assert_eq!(clean("nginx\r\n\u{7}"), "nginx");
        assert_eq!(clean(&"x".repeat(150)).chars().count(), 101);
    }

    #[test]
    fn finds_tls_errors_inside_io_errors() {
        let io = std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer),
        );
        let found = find::<rustls::Error>(&io).expect("the wrapped rustls error");
        assert!(
            tls_failure(found).contains("not signed by a trusted authority"),
            "{}",
            tls_failure(found)
        );
        assert!(find::<hyper::Error>(&io).is_none());
        assert_eq!(root_cause(&io), io.to_string());
    }

    /// An https URL on a port that serves plain HTTP: rustls only says "received corrupt
    /// message of type InvalidContentType"; the detail says what that likely means.
    #[test]
    fn a_plain_http_answer_to_tls_says_the_port_may_not_speak_https() {
        let e = rustls::Error::InvalidMessage(rustls::InvalidMessage::InvalidContentType);
        let said = tls_failure(&e);
        assert!(said.contains("InvalidContentType"), "{said}");
        assert!(
            said.contains("may not speak HTTPS on this port") && said.contains("http://"),
            "{said}"
        );
    }

    #[tokio::test]
    async fn exchange_clients_never_look_names_up() {
        let tls = Arc::new(tls_config(&[]));
        let policy = Policy::from_config(&crate::config::CheckConfig::default());
        let env = Env {
            policy: &policy,
            resolver: &crate::probe::StaticResolver::new(),
            tls: &tls,
            body_cap: 1024,
            max_redirects: 0,
            slow_after: Duration::from_secs(1),
        };
        let pinned = Url::parse("http://pinned.test/").expect("url");
        let addr: SocketAddr = "127.0.0.1:9".parse().expect("addr");
        let client = exchange_client(&pinned, addr, &env, Duration::from_secs(1)).expect("client");
        let err = client
            .get("http://other.test/")
            .send()
            .await
            .expect_err("no route for an unvetted name");
        assert!(err.is_connect(), "{err:?}");
        assert!(
            root_cause(&err).contains("was not resolved and vetted"),
            "{}",
            root_cause(&err)
        );
    }

    #[test]
    fn a_slow_answer_never_reads_as_equal_to_its_limit() {
        let said = slow_detail(
            StatusCode::OK,
            Duration::from_millis(3_012),
            Duration::from_secs(3),
        );
        assert_eq!(
            said,
            "answered 200 OK after 3012 ms, over the 3000 ms a quick answer takes at most"
        );
        let said = slow_detail(
            StatusCode::OK,
            Duration::from_millis(4_500),
            Duration::from_secs(3),
        );
        assert!(said.contains("after 4.5 s, over the 3.0 s"), "{said}");
    }

    #[test]
    fn timings_text() {
        assert_eq!(ms_text(Duration::from_micros(1500)), "1.5 ms");
        assert_eq!(ms_text(Duration::from_millis(120)), "120 ms");
        assert_eq!(ms_text(Duration::from_millis(1500)), "1.5 s");
    }
}

//! One target -> one [`CheckResult`]: resolve, vet, connect to the vetted address, TLS, HTTP/1.1.
//!
//! The check opens its own socket to an address it resolved and vetted, then runs TLS
//! (tokio-rustls) and HTTP/1.1 (hyper) over it. That pins the connection to the vetted address
//! (no second lookup, so no DNS rebinding) and lets every phase be timed on the one connection the
//! answer came from: DNS, TCP connect, TLS handshake, time to first byte and total are all
//! measured, not estimated. Redirects are followed by hand, each hop vetted like the first.

use super::cert;
use super::guard::{Policy, Refusal};
use super::resolve::Resolver;
use super::verdict::{Verdict, human};
use crate::knowledge::Target;
use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper::header::{self, HeaderMap, HeaderValue};
use hyper::{Request, StatusCode};
use hyper_util::rt::TokioIo;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite};
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
    /// The address the last hop connected to.
    pub connected_to: Option<SocketAddr>,
    pub timings: Timings,
    /// For https: the negotiated version and certificate expiry.
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

/// Phase timings of the last hop; `None` when the phase did not happen (no DNS for an IP
/// address, no TLS for http, no first byte after a failure). `total` covers every hop.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timings {
    pub dns: Option<Duration>,
    pub connect: Option<Duration>,
    pub tls: Option<Duration>,
    /// From sending the request to the response headers arriving.
    pub ttfb: Option<Duration>,
    /// From the start of the check to its end (body read up to the cap), all hops.
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
    pub tls: &'a Arc<ClientConfig>,
    pub body_cap: usize,
    pub max_redirects: usize,
    pub slow_after: Duration,
}

/// The TLS client: webpki roots (as reqwest's rustls-tls), plus `extra_roots`, ring provider.
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
enum Step {
    Done(Verdict, String),
    Redirect(Url),
}

/// Checks `target`. `trusted` skips vetting of the first hop (named targets, written by admins);
/// redirect hops are always vetted. Gives up after `timeout`. A refused hop is an `Err`.
pub(crate) async fn check(
    target: &Target,
    trusted: bool,
    env: &Env<'_>,
    timeout: Duration,
) -> Result<CheckResult, Refusal> {
    let start = Instant::now();
    let deadline = start + timeout;
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
        let step = one_hop(
            &url,
            !(trusted && hop == 0),
            target,
            env,
            deadline,
            start,
            &mut r,
        )
        .await?;
        match step {
            Step::Done(v, d) => break (v, d),
            Step::Redirect(next) => {
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

fn timed_out(phase: &str, start: Instant, deadline: Instant) -> Step {
    Step::Done(
        Verdict::Timeout,
        format!(
            "no complete answer within {} ({phase})",
            ms_text(deadline.saturating_duration_since(start))
        ),
    )
}

async fn one_hop(
    url: &Url,
    vet: bool,
    target: &Target,
    env: &Env<'_>,
    deadline: Instant,
    start: Instant,
    r: &mut CheckResult,
) -> Result<Step, Refusal> {
    if vet {
        env.policy.vet_url(url)?;
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

    // Resolve once; vet every address; connect only to those.
    let addrs: Vec<IpAddr> = match &host {
        Host::Ipv4(ip) => vec![IpAddr::V4(*ip)],
        Host::Ipv6(ip) => vec![IpAddr::V6(*ip)],
        Host::Domain(name) => {
            let began = Instant::now();
            let looked_up = timeout_at(deadline, env.resolver.resolve(name)).await;
            r.timings.dns = Some(began.elapsed());
            match looked_up {
                Err(_) => return Ok(timed_out("looking up the name", start, deadline)),
                Ok(Err(e)) => {
                    return Ok(Step::Done(
                        Verdict::DnsFailure,
                        format!("the name `{name}` could not be looked up: {e}"),
                    ));
                }
                Ok(Ok(list)) if list.is_empty() => {
                    return Ok(Step::Done(
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

    // TCP, to each vetted address in turn.
    let began = Instant::now();
    let mut last_error = None;
    let mut tcp = None;
    for ip in &addrs {
        let addr = SocketAddr::new(*ip, port);
        match timeout_at(deadline, TcpStream::connect(addr)).await {
            Err(_) => {
                r.timings.connect = Some(began.elapsed());
                return Ok(timed_out(&format!("connecting to {addr}"), start, deadline));
            }
            Ok(Ok(stream)) => {
                r.connected_to = Some(addr);
                tcp = Some(stream);
                break;
            }
            Ok(Err(e)) => last_error = Some((addr, e)),
        }
    }
    r.timings.connect = Some(began.elapsed());
    let Some(tcp) = tcp else {
        let detail = match last_error {
            Some((addr, e)) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
                format!("{addr} refused the connection")
            }
            Some((addr, e)) => format!("could not connect to {addr}: {e}"),
            None => "there was no address to connect to".into(),
        };
        return Ok(Step::Done(Verdict::ConnectionRefused, detail));
    };
    let _ = tcp.set_nodelay(true);

    let request = match build_request(url) {
        Some(req) => req,
        None => {
            return Err(Refusal {
                url: url.to_string(),
                reason: "the address has characters an HTTP request cannot carry".into(),
                fix: "Check the address you pasted for stray characters.",
            });
        }
    };

    // TLS, then HTTP/1.1 over whichever stream we have.
    let exchange = if url.scheme() == "https" {
        let server_name = match &host {
            Host::Domain(name) => ServerName::try_from(name.to_string()),
            Host::Ipv4(ip) => Ok(ServerName::IpAddress(IpAddr::V4(*ip).into())),
            Host::Ipv6(ip) => Ok(ServerName::IpAddress(IpAddr::V6(*ip).into())),
        };
        let Ok(server_name) = server_name else {
            return Ok(Step::Done(
                Verdict::TlsError,
                format!("`{host}` is not a name TLS can verify"),
            ));
        };
        let began = Instant::now();
        let connector = TlsConnector::from(Arc::clone(env.tls));
        let handshake = timeout_at(deadline, connector.connect(server_name, tcp)).await;
        r.timings.tls = Some(began.elapsed());
        let stream = match handshake {
            Err(_) => return Ok(timed_out("setting up TLS", start, deadline)),
            Ok(Err(e)) => return Ok(Step::Done(Verdict::TlsError, tls_failure(&e))),
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
        send(stream, request, deadline).await
    } else {
        send(tcp, request, deadline).await
    };

    let (response, _driver, began) = match exchange {
        Exchange::TimedOut => {
            return Ok(timed_out("waiting for the first byte", start, deadline));
        }
        Exchange::Failed(e) => return Ok(no_response(&e)),
        Exchange::Response(resp, driver, began) => (resp, driver, began),
    };
    r.timings.ttfb = Some(began.elapsed());
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
            Ok(next) => Step::Redirect(next),
            Err(e) => Step::Done(
                Verdict::UnexpectedContent,
                format!("redirected to an address that does not parse ({e})"),
            ),
        });
    }

    // Read the body up to the cap: for `contains`, and so `total` covers the transfer.
    let mut body = response.into_body();
    let mut kept: Vec<u8> = Vec::new();
    loop {
        match timeout_at(deadline, body.frame()).await {
            Err(_) => return Ok(timed_out("reading the page", start, deadline)),
            Ok(None) => break,
            Ok(Some(Err(e))) => {
                return Ok(Step::Done(
                    Verdict::ConnectionDropped,
                    format!(
                        "answered {} but the connection dropped after {} bytes of the page ({e})",
                        status_text(status),
                        r.body_bytes
                    ),
                ));
            }
            Ok(Some(Ok(frame))) => {
                let Ok(data) = frame.into_data() else {
                    continue; // trailers
                };
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
    let elapsed = start.elapsed();
    Ok(judge(target, status, &kept, r, elapsed, env))
}

/// Status and body -> verdict, for the final response.
fn judge(
    target: &Target,
    status: StatusCode,
    body: &[u8],
    r: &CheckResult,
    elapsed: Duration,
    env: &Env<'_>,
) -> Step {
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
            return Step::Done(
                Verdict::UnexpectedContent,
                format!("{answered}, but the page does not contain “{needle}”{scope}"),
            );
        }
        if elapsed > env.slow_after {
            return Step::Done(
                Verdict::Slow,
                format!("{answered}, slower than {}", ms_text(env.slow_after)),
            );
        }
        return Step::Done(Verdict::Up, answered);
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
    Step::Done(verdict, detail)
}

enum Exchange {
    TimedOut,
    Failed(hyper::Error),
    /// The response head, the connection driver (aborted on drop), and when the request was sent.
    Response(hyper::Response<hyper::body::Incoming>, AbortOnDrop, Instant),
}

/// Aborts the connection task when the check is done or cancelled, closing the socket.
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

async fn send<T>(io: T, request: Request<Empty<Bytes>>, deadline: Instant) -> Exchange
where
    T: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let (mut sender, conn) = match hyper::client::conn::http1::handshake(TokioIo::new(io)).await {
        Ok(pair) => pair,
        Err(e) => return Exchange::Failed(e),
    };
    let driver = AbortOnDrop(tokio::spawn(async move {
        if let Err(e) = conn.await {
            tracing::debug!(error = %e, "check connection ended");
        }
    }));
    let began = Instant::now();
    match timeout_at(deadline, sender.send_request(request)).await {
        Err(_) => Exchange::TimedOut,
        Ok(Err(e)) => Exchange::Failed(e),
        Ok(Ok(resp)) => Exchange::Response(resp, driver, began),
    }
}

fn build_request(url: &Url) -> Option<Request<Empty<Bytes>>> {
    let host = url.host_str()?;
    let authority = match url.port() {
        Some(p) => format!("{host}:{p}"),
        None => host.to_string(),
    };
    let path = &url[url::Position::BeforePath..url::Position::AfterQuery];
    Request::get(if path.is_empty() { "/" } else { path })
        .header(header::HOST, authority)
        .header(header::USER_AGENT, USER_AGENT)
        .header(header::ACCEPT, "text/html,*/*;q=0.8")
        .header(header::ACCEPT_ENCODING, "identity")
        .header(header::CONNECTION, "close")
        .body(Empty::new())
        .ok()
}

/// The server gave no usable response head.
fn no_response(e: &hyper::Error) -> Step {
    if e.is_parse() || e.is_parse_status() {
        Step::Done(
            Verdict::UnexpectedContent,
            format!("the answer was not valid HTTP/1.1 ({e})"),
        )
    } else {
        Step::Done(
            Verdict::ConnectionDropped,
            format!("the connection closed before any answer ({e})"),
        )
    }
}

fn tls_failure(e: &std::io::Error) -> String {
    use rustls::CertificateError as C;
    let inner = e.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>());
    match inner {
        Some(rustls::Error::InvalidCertificate(c)) => {
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
        Some(other) => format!("the TLS handshake failed: {other}"),
        None => format!("the TLS handshake failed: {e}"),
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
    fn requests_carry_host_and_path() {
        let req = build_request(&Url::parse("http://[::1]:8080/a/b?c=d#frag").expect("url"))
            .expect("request");
        assert_eq!(req.uri(), "/a/b?c=d");
        assert_eq!(req.headers()[header::HOST], "[::1]:8080");
        let req = build_request(&Url::parse("https://example.com").expect("url")).expect("req");
        assert_eq!(req.uri(), "/");
        assert_eq!(req.headers()[header::HOST], "example.com");
    }

    #[test]
    fn timings_text() {
        assert_eq!(ms_text(Duration::from_micros(1500)), "1.5 ms");
        assert_eq!(ms_text(Duration::from_millis(120)), "120 ms");
        assert_eq!(ms_text(Duration::from_millis(1500)), "1.5 s");
    }
}

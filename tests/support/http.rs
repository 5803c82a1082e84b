//! Local HTTP(S) servers on 127.0.0.1:0 that behave well or badly on purpose, for live-check tests.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::task::JoinSet;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::{self, pki_types::CertificateDer};

/// What the server does with a request.
#[derive(Debug, Clone)]
pub enum Behavior {
    /// A complete response.
    Respond {
        status: u16,
        headers: Vec<(String, String)>,
        body: String,
    },
    /// Read the request, then never answer (the socket stays open until the server is dropped).
    Hang,
    /// Send a 200 head promising 1000 bytes, 10 of them, then close.
    CloseMidBody,
    /// Wait this long, then answer 200.
    Delay(Duration),
    /// Send these bytes as they are (not HTTP), then close.
    Raw(&'static str),
    /// Read the request, then close without a word.
    CloseWithoutAnswer,
}

impl Behavior {
    pub fn status(status: u16) -> Self {
        Behavior::Respond {
            status,
            headers: Vec::new(),
            body: format!("status {status}"),
        }
    }

    pub fn ok(body: &str) -> Self {
        Behavior::Respond {
            status: 200,
            headers: vec![("Server".into(), "test-server/1.0".into())],
            body: body.into(),
        }
    }

    pub fn with_header(self, name: &str, value: &str) -> Self {
        match self {
            Behavior::Respond {
                status,
                mut headers,
                body,
            } => {
                headers.push((name.into(), value.into()));
                Behavior::Respond {
                    status,
                    headers,
                    body,
                }
            }
            other => other,
        }
    }

    pub fn redirect(status: u16, location: &str) -> Self {
        Behavior::status(status).with_header("Location", location)
    }
}

type Handler = Arc<dyn Fn(&str) -> Behavior + Send + Sync>;

/// A running server; stops (and closes every connection) when dropped.
pub struct TestServer {
    pub addr: SocketAddr,
    hits: Arc<AtomicUsize>,
    heads: Arc<Mutex<Vec<String>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl TestServer {
    /// Plain HTTP; `handler` maps the request path to a behaviour.
    pub async fn start(handler: impl Fn(&str) -> Behavior + Send + Sync + 'static) -> Self {
        Self::start_with(Arc::new(handler), Vec::new()).await
    }

    /// Every path gets the same behaviour.
    pub async fn always(behavior: Behavior) -> Self {
        Self::start(move |_| behavior.clone()).await
    }

    /// A service that answers 502 while the returned flag is true (as it starts) and 200
    /// "fine" once the test clears it: an outage the test ends.
    pub async fn down_until_cleared() -> (Self, Arc<std::sync::atomic::AtomicBool>) {
        use std::sync::atomic::{AtomicBool, Ordering};
        let down = Arc::new(AtomicBool::new(true));
        let flag = down.clone();
        let server = Self::start(move |_| {
            if flag.load(Ordering::Relaxed) {
                Behavior::status(502)
            } else {
                Behavior::ok("fine")
            }
        })
        .await;
        (server, down)
    }

    /// HTTPS with this certificate chain and key.
    pub async fn start_tls(
        handler: impl Fn(&str) -> Behavior + Send + Sync + 'static,
        chain: Vec<CertificateDer<'static>>,
        key_der: Vec<u8>,
    ) -> Self {
        Self::start_tls_rotating(handler, vec![(chain, key_der)]).await
    }

    /// HTTPS whose connections take turns with these certificates: the first connection gets the
    /// first, the next the second, and so on round.
    pub async fn start_tls_rotating(
        handler: impl Fn(&str) -> Behavior + Send + Sync + 'static,
        certs: Vec<(Vec<CertificateDer<'static>>, Vec<u8>)>,
    ) -> Self {
        let acceptors = certs
            .into_iter()
            .map(|(chain, key_der)| {
                let key = rustls::pki_types::PrivateKeyDer::try_from(key_der).expect("key");
                let provider = Arc::new(rustls::crypto::ring::default_provider());
                let config = rustls::ServerConfig::builder_with_provider(provider)
                    .with_safe_default_protocol_versions()
                    .expect("versions")
                    .with_no_client_auth()
                    .with_single_cert(chain, key)
                    .expect("server cert");
                TlsAcceptor::from(Arc::new(config))
            })
            .collect();
        Self::start_with(Arc::new(handler), acceptors).await
    }

    /// Plain HTTP when `tls` is empty; otherwise connection `n` uses `tls[n % tls.len()]`.
    async fn start_with(handler: Handler, tls: Vec<TlsAcceptor>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let hits = Arc::new(AtomicUsize::new(0));
        let heads = Arc::new(Mutex::new(Vec::new()));
        let (counter, seen) = (Arc::clone(&hits), Arc::clone(&heads));
        let task = tokio::spawn(async move {
            // Connections live in this set, so aborting the server closes them all.
            let mut conns = JoinSet::new();
            for n in 0usize.. {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                let handler = Arc::clone(&handler);
                let counter = Arc::clone(&counter);
                let seen = Arc::clone(&seen);
                let tls = (!tls.is_empty()).then(|| tls[n % tls.len()].clone());
                conns.spawn(async move {
                    match tls {
                        Some(acceptor) => {
                            if let Ok(s) = acceptor.accept(stream).await {
                                serve(s, handler, counter, seen).await;
                            }
                        }
                        None => serve(stream, handler, counter, seen).await,
                    }
                });
                while conns.try_join_next().is_some() {}
            }
        });
        TestServer {
            addr,
            hits,
            heads,
            task,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn https_url(&self, path: &str) -> String {
        format!("https://{}{path}", self.addr)
    }

    /// Requests received so far.
    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }

    /// The heads (request line and headers) of the requests received so far, in order.
    pub fn requests(&self) -> Vec<String> {
        // No `.await` happens while this lock is held; a poisoned lock means a test already failed.
        self.heads.lock().expect("heads").clone()
    }
}

async fn serve<S: AsyncRead + AsyncWrite + Unpin>(
    mut stream: S,
    handler: Handler,
    hits: Arc<AtomicUsize>,
    heads: Arc<Mutex<Vec<String>>>,
) {
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
        assert!(head.len() < 16 * 1024, "request head too large");
    }
    let text = String::from_utf8_lossy(&head).into_owned();
    let path = text.split_whitespace().nth(1).unwrap_or("/").to_string();
    heads.lock().expect("heads").push(text);
    hits.fetch_add(1, Ordering::SeqCst);
    match handler(&path) {
        Behavior::Respond {
            status,
            headers,
            body,
        } => {
            let mut out = format!("HTTP/1.1 {status} Whatever\r\n");
            for (k, v) in headers {
                out.push_str(&format!("{k}: {v}\r\n"));
            }
            out.push_str(&format!(
                "Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            ));
            let _ = stream.write_all(out.as_bytes()).await;
            let _ = stream.shutdown().await;
        }
        Behavior::Hang => {
            std::future::pending::<()>().await;
        }
        Behavior::CloseMidBody => {
            let _ = stream
                .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n0123456789")
                .await;
            let _ = stream.flush().await;
            let _ = stream.shutdown().await;
        }
        Behavior::Delay(d) => {
            tokio::time::sleep(d).await;
            let _ = stream
                .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
                .await;
            let _ = stream.shutdown().await;
        }
        Behavior::Raw(bytes) => {
            let _ = stream.write_all(bytes.as_bytes()).await;
            let _ = stream.shutdown().await;
        }
        Behavior::CloseWithoutAnswer => {
            let _ = stream.shutdown().await;
        }
    }
}

/// A CA and a server certificate for 127.0.0.1 signed by it: (CA cert, server chain, server key).
pub fn ca_signed_cert() -> (
    CertificateDer<'static>,
    Vec<CertificateDer<'static>>,
    Vec<u8>,
) {
    let ca_key = rcgen::KeyPair::generate().expect("ca key");
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).expect("ca params");
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "supportbot test CA");
    ca_params.not_after = rcgen::date_time_ymd(2100, 1, 1);
    let ca = rcgen::CertifiedIssuer::self_signed(ca_params, ca_key).expect("ca");
    let key = rcgen::KeyPair::generate().expect("key");
    let mut params = rcgen::CertificateParams::new(vec!["127.0.0.1".to_string()]).expect("params");
    params.not_after = rcgen::date_time_ymd(2100, 1, 1);
    let cert = params.signed_by(&key, &ca).expect("signed");
    (
        ca.der().clone(),
        vec![cert.der().clone()],
        key.serialize_der(),
    )
}

/// A self-signed certificate for 127.0.0.1: (chain, key).
pub fn self_signed_cert() -> (Vec<CertificateDer<'static>>, Vec<u8>) {
    let key = rcgen::KeyPair::generate().expect("key");
    let params = rcgen::CertificateParams::new(vec!["127.0.0.1".to_string()]).expect("params");
    let cert = params.self_signed(&key).expect("cert");
    (vec![cert.der().clone()], key.serialize_der())
}

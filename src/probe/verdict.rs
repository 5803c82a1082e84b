//! Verdicts: what a check saw, in one word, what it means for the user, and the article that fits.

use crate::knowledge::{Article, KnowledgeBase};
use crate::reply::Tone;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// The answer to "is it me or is it them?" for one target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Answered as expected, in good time.
    Up,
    /// Answered as expected, but slower than the slow threshold.
    Slow,
    /// 502.
    BadGateway,
    /// 503 (with Retry-After when given).
    ServiceUnavailable,
    /// 504.
    GatewayTimeout,
    /// Any other 5xx.
    ServerError,
    /// A 4xx that was not expected.
    ClientError,
    /// No complete answer within the target's timeout (or the overall deadline).
    Timeout,
    /// The name could not be resolved.
    DnsFailure,
    /// Nothing accepted the connection (refused, unreachable).
    ConnectionRefused,
    /// The connection closed before the answer was complete.
    ConnectionDropped,
    /// The secure connection failed (certificate not trusted, expired, wrong name, handshake).
    TlsError,
    /// More redirects than allowed (usually a loop).
    RedirectLoop,
    /// An answer, but not the expected one (status outside `expect_status`, missing `contains`
    /// text, not HTTP).
    UnexpectedContent,
}

impl Verdict {
    pub const ALL: [Verdict; 14] = [
        Verdict::Up,
        Verdict::Slow,
        Verdict::BadGateway,
        Verdict::ServiceUnavailable,
        Verdict::GatewayTimeout,
        Verdict::ServerError,
        Verdict::ClientError,
        Verdict::Timeout,
        Verdict::DnsFailure,
        Verdict::ConnectionRefused,
        Verdict::ConnectionDropped,
        Verdict::TlsError,
        Verdict::RedirectLoop,
        Verdict::UnexpectedContent,
    ];

    /// The verdict in words ("bad gateway").
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Up => "up",
            Verdict::Slow => "slow",
            Verdict::BadGateway => "bad gateway",
            Verdict::ServiceUnavailable => "service unavailable",
            Verdict::GatewayTimeout => "gateway timeout",
            Verdict::ServerError => "server error",
            Verdict::ClientError => "client error",
            Verdict::Timeout => "timeout",
            Verdict::DnsFailure => "DNS failure",
            Verdict::ConnectionRefused => "connection refused",
            Verdict::ConnectionDropped => "connection dropped",
            Verdict::TlsError => "TLS error",
            Verdict::RedirectLoop => "redirect loop",
            Verdict::UnexpectedContent => "unexpected content",
        }
    }

    /// The verdict in words for a check that answered `status`: [`Self::word`], except a 429
    /// (the one 4xx that is an outage signal) is "too many requests", as the incident it opens
    /// is titled, not "client error". For what people read; sessions keep [`Self::word`].
    pub fn word_for(self, status: Option<u16>) -> &'static str {
        match (self, status) {
            (Verdict::ClientError, Some(429)) => "too many requests",
            _ => self.word(),
        }
    }

    /// The verdict whose [`Self::word`] this is (as sessions store it), whatever its case.
    pub fn from_word(word: &str) -> Option<Verdict> {
        Verdict::ALL
            .into_iter()
            .find(|v| v.word().eq_ignore_ascii_case(word.trim()))
    }

    /// Whether the service works from here.
    pub fn is_up(self) -> bool {
        matches!(self, Verdict::Up | Verdict::Slow)
    }

    pub fn tone(self) -> Tone {
        match self {
            Verdict::Up => Tone::Success,
            Verdict::Slow
            | Verdict::ClientError
            | Verdict::RedirectLoop
            | Verdict::UnexpectedContent => Tone::Warning,
            _ => Tone::Danger,
        }
    }

    /// What it means for the user, in plain words.
    pub fn meaning(self, retry_after: Option<Duration>) -> String {
        match self {
            Verdict::Up => {
                "The service answered normally from here, so it is not down for everyone. \
                 If it still fails for you, the cause is likely on your side (browser, network or \
                 account): the fixes in the article are worth trying."
                    .into()
            }
            Verdict::Slow => {
                "The service answered, but slowly. It is up, and may feel sluggish for \
                 everyone right now; waiting a little often helps."
                    .into()
            }
            Verdict::BadGateway => {
                "The service's gateway got no valid answer from its servers: this \
                 is on their side, not your browser. It usually clears up within minutes."
                    .into()
            }
            Verdict::ServiceUnavailable => {
                let mut t = String::from(
                    "The service says it is temporarily unavailable (overloaded or under \
                     maintenance): this is on their side, not your browser.",
                );
                if let Some(d) = retry_after {
                    t.push_str(&format!(" It asks to try again in {}.", human(d)));
                }
                t
            }
            Verdict::GatewayTimeout => {
                "The service's gateway waited too long for its own servers: \
                 this is on their side, not your browser. Try again in a few minutes."
                    .into()
            }
            Verdict::ServerError => {
                "The service hit an error on its own servers: this is on their \
                 side, not your browser."
                    .into()
            }
            Verdict::ClientError => "The service is running but turned the check's request down. \
                 That does not usually mean an outage."
                .into(),
            Verdict::Timeout => "The service did not answer in time from here: it may be down or \
                 badly overloaded for everyone, not only you."
                .into(),
            Verdict::DnsFailure => {
                "I can't tell from here whether it is down: the service's address could not \
                 be looked up, which happens when the address is wrong, their name servers have \
                 a problem, or the bot's own network cannot look names up. If it opens for you, \
                 it is not an outage."
                    .into()
            }
            Verdict::ConnectionRefused => {
                "Nothing accepted the connection at the service's address: \
                 it looks down from here, not only for you."
                    .into()
            }
            Verdict::ConnectionDropped => {
                "The service dropped the connection in the middle of its \
                 answer: it looks unstable from here, not only for you."
                    .into()
            }
            Verdict::TlsError => {
                "The secure connection to the service could not be set up: browsers \
                 would show a security warning too. This is on their side unless a network filter \
                 intercepts your traffic."
                    .into()
            }
            Verdict::RedirectLoop => {
                "The service keeps redirecting in a loop. If your browser shows \
                 the same, clearing the site's cookies often fixes it."
                    .into()
            }
            Verdict::UnexpectedContent => {
                "The service answered, but not with the page expected: it \
                 may be showing an error or maintenance page."
                    .into()
            }
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.word())
    }
}

/// "2 min", "45 s".
pub fn human(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 120 {
        format!("{} min", s.div_ceil(60))
    } else {
        format!("{s} s")
    }
}

/// The article whose `codes` name this HTTP status as a token ("502", "HTTP Error 502"), the one
/// with most such codes first. Only error statuses are matched: a 200 says nothing about which
/// article fits.
pub fn matching_article(kb: &KnowledgeBase, status: Option<u16>) -> Option<&Article> {
    let status = status.filter(|s| *s >= 400)?.to_string();
    kb.articles()
        .iter()
        .map(|a| {
            let hits = a
                .codes
                .iter()
                .filter(|c| {
                    c.split(|ch: char| !ch.is_ascii_alphanumeric())
                        .any(|token| token == status)
                })
                .count();
            (hits, a)
        })
        .filter(|(hits, _)| *hits > 0)
        // max_by_key keeps the last of equals; reverse so the first article wins ties.
        .rev()
        .max_by_key(|(hits, _)| *hits)
        .map(|(_, a)| a)
}

/// Words an article's `codes` or `keywords` use for what a check saw when no error status
/// names it (a timeout, a maintenance page instead of the expected one, a redirect loop).
fn verdict_words(verdict: Verdict) -> &'static [&'static str] {
    match verdict {
        Verdict::Timeout => &["timeout", "timed out", "time-out", "time out"],
        Verdict::UnexpectedContent => &["maintenance"],
        Verdict::RedirectLoop => &["redirect loop"],
        _ => &[],
    }
}

/// The article that explains a check's result: the one its error status names
/// ([`matching_article`]), else the one whose `codes` (counted twice) and `keywords` say most
/// often what the verdict is in words ("timeout", "maintenance"), an article whose `checks`
/// name `target` before any other.
pub fn article_for<'a>(
    kb: &'a KnowledgeBase,
    target: &str,
    verdict: Verdict,
    status: Option<u16>,
) -> Option<&'a Article> {
    if let Some(a) = matching_article(kb, status) {
        return Some(a);
    }
    let words = verdict_words(verdict);
    if words.is_empty() {
        return None;
    }
    let says = |s: &String| {
        let s = s.to_lowercase();
        words.iter().any(|w| s.contains(w))
    };
    kb.articles()
        .iter()
        .map(|a| {
            let hits = 2 * a.codes.iter().filter(|c| says(c)).count()
                + a.keywords.iter().filter(|k| says(k)).count();
            (a.checks.iter().any(|c| c == target), hits, a)
        })
        .filter(|(_, hits, _)| *hits > 0)
        // max_by_key keeps the last of equals; reverse so the first article wins ties.
        .rev()
        .max_by_key(|(checks, hits, _)| (*checks, *hits))
        .map(|(_, _, a)| a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_distinct_and_serde_matches() {
        let words: std::collections::HashSet<_> = Verdict::ALL.iter().map(|v| v.word()).collect();
        assert_eq!(words.len(), Verdict::ALL.len());
        for v in Verdict::ALL {
            assert_eq!(Verdict::from_word(v.word()), Some(v));
        }
        assert_eq!(Verdict::from_word("dns failure"), Some(Verdict::DnsFailure));
        assert_eq!(Verdict::from_word("refused"), None);
        assert_eq!(
            serde_json::to_string(&Verdict::BadGateway).expect("json"),
            "\"bad-gateway\""
        );
        assert!(
            Verdict::ServiceUnavailable
                .meaning(Some(Duration::from_secs(120)))
                .contains("try again in 2 min")
        );
        assert!(
            Verdict::BadGateway
                .meaning(None)
                .contains("this is on their side, not your browser")
        );
    }

    #[test]
    fn articles_by_status_code() {
        let kb = crate::knowledge::load::load_dir(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge"),
        )
        .expect("shipped knowledge");
        let id = |s| matching_article(&kb, Some(s)).map(|a| a.id.as_str());
        assert_eq!(id(502), Some("quickbooks-error-502"));
        assert_eq!(id(503), Some("service-unavailable-503"));
        assert_eq!(id(504), Some("gateway-timeout-504"));
        assert_eq!(id(500), Some("internal-server-error-500"));
        assert_eq!(id(200), None);
        assert_eq!(id(418), None);
        assert_eq!(matching_article(&kb, None).map(|a| a.id.as_str()), None);
    }

    #[test]
    fn a_timeout_or_a_maintenance_page_links_the_article_that_names_it() {
        let kb = crate::knowledge::load::load_dir(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge"),
        )
        .expect("shipped knowledge");
        let id =
            |v, status| article_for(&kb, "quickbooks-online", v, status).map(|a| a.id.as_str());
        assert_eq!(id(Verdict::Timeout, None), Some("gateway-timeout-504"));
        assert_eq!(
            id(Verdict::UnexpectedContent, Some(200)),
            Some("service-unavailable-503")
        );
        // The status still decides when it names an article.
        assert_eq!(
            id(Verdict::BadGateway, Some(502)),
            Some("quickbooks-error-502")
        );
        assert_eq!(id(Verdict::Up, Some(200)), None);
        assert_eq!(id(Verdict::DnsFailure, None), None);
    }
}

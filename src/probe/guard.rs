//! Address vetting: which URLs and addresses a check may reach, so the bot never scans private networks.
//!
//! Ad-hoc URLs come from untrusted chat users. Unless private targets are allowed, a URL must be
//! http or https on an allowed port, and every address its host resolves to must be globally
//! routable. IP literals are vetted in whatever notation the user typed: the `url` crate parses
//! hosts the way browsers do (decimal `2130706433`, octal `0177.0.0.1`, hex `0x7f.1`, shortened
//! `127.1` all become 127.0.0.1), so the vetting sees the address that would be connected to.

use crate::config::CheckConfig;
use ipnet::IpNet;
use std::net::IpAddr;
use std::sync::LazyLock;
use url::{Host, Url};

/// Why a URL or address was refused. Its Display is what the user sees.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("I won't check {url}: {reason}. {fix}")]
pub struct Refusal {
    /// The URL (or hop of a redirect) that was refused.
    pub url: String,
    /// What is wrong with it, in plain words.
    pub reason: String,
    /// How to get a check anyway.
    pub fix: &'static str,
}

const FIX_ADDRESS: &str = "Checks only go to public internet services; check the address you \
     pasted, or ask an admin to add the service to endpoints.toml as a named target.";
const FIX_PORT: &str = "Check the address without the `:port` part, or ask an admin to add the service to endpoints.toml.";
const FIX_URL: &str = "Paste the full address as it appears in your browser, e.g. \
     https://qbo.intuit.com/.";

impl Refusal {
    /// What an admin (at the command line, or reading the log) can change to allow a check that
    /// users are told to ask an admin about: the setting, and named targets. `None` when no
    /// setting would allow it.
    pub fn admin_hint(&self) -> Option<&'static str> {
        match self.fix {
            FIX_PORT => Some(
                "Admins: add the port to CHECK_ALLOWED_PORTS (e.g. CHECK_ALLOWED_PORTS=80,443,8765 \
                 in .env, or --check-allowed-ports), or add the service to endpoints.toml as a \
                 named target: named targets may use any port and private addresses.",
            ),
            FIX_ADDRESS => Some(
                "Admins: add the service to endpoints.toml as a named target (named targets may be \
                 private addresses), or set ALLOW_PRIVATE_TARGETS=true (or --allow-private-targets \
                 true) to let every typed address reach private networks; do that only where \
                 everyone who can use the bot may reach your network.",
            ),
            _ => None,
        }
    }
}

/// What ad-hoc checks may reach. Built from [`CheckConfig`]; tests build their own.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    /// Skip the port and address checks (not the scheme check).
    pub allow_private: bool,
    pub allowed_ports: Vec<u16>,
    /// Exceptions to the address check (e.g. a loopback test server).
    pub allowed_nets: Vec<IpNet>,
}

impl Policy {
    pub fn from_config(config: &CheckConfig) -> Self {
        Policy {
            allow_private: config.allow_private_targets,
            allowed_ports: config.allowed_ports.clone(),
            allowed_nets: config.allowed_nets.clone(),
        }
    }

    /// Vets everything that can be judged without DNS: scheme, credentials, port, IP literals and
    /// names that always mean this machine.
    pub fn vet_url(&self, url: &Url) -> Result<(), Refusal> {
        let refuse = |reason: String, fix| Refusal {
            url: url.to_string(),
            reason,
            fix,
        };
        self.vet_scheme(url)?;
        let Some(host) = url.host() else {
            return Err(refuse("the address has no host".into(), FIX_URL));
        };
        if self.allow_private {
            return Ok(());
        }
        // The address first: a private one is refused whatever its port, so the port's refusal
        // never suggests a change that would still be refused ("check http://127.0.0.1:3000"
        // was told to drop the port).
        match host {
            Host::Ipv4(ip) => self.vet_addr(url, IpAddr::V4(ip))?,
            Host::Ipv6(ip) => self.vet_addr(url, IpAddr::V6(ip))?,
            Host::Domain(name) => {
                let name = name.trim_end_matches('.').to_ascii_lowercase();
                if name == "localhost" || name.ends_with(".localhost") {
                    return Err(refuse(
                        format!("`{name}` always means the bot's own machine"),
                        FIX_ADDRESS,
                    ));
                }
            }
        }
        let port = url.port_or_known_default().unwrap_or(0);
        if !self.allowed_ports.contains(&port) {
            let ports: Vec<String> = self.allowed_ports.iter().map(u16::to_string).collect();
            return Err(refuse(
                format!(
                    "port {port} is not one checks may use (allowed: {})",
                    ports.join(", ")
                ),
                FIX_PORT,
            ));
        }
        Ok(())
    }

    /// What every hop goes through, a trusted one too: an http or https web page, with no user
    /// name or password in the address.
    pub fn vet_scheme(&self, url: &Url) -> Result<(), Refusal> {
        let refuse = |reason: String, fix| Refusal {
            url: url.to_string(),
            reason,
            fix,
        };
        if url.scheme() != "http" && url.scheme() != "https" {
            return Err(refuse(
                format!("`{}:` addresses are not web pages", url.scheme()),
                "Only http:// and https:// addresses can be checked.",
            ));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(refuse(
                "the address contains a user name or password".into(),
                "Remove the `user:password@` part (and change that password if it was real).",
            ));
        }
        Ok(())
    }

    /// Vets one address the host resolved to (or was written as).
    pub fn vet_addr(&self, url: &Url, ip: IpAddr) -> Result<(), Refusal> {
        if self.allow_private || self.allowed_nets.iter().any(|n| n.contains(&ip)) {
            return Ok(());
        }
        match non_global(ip) {
            None => Ok(()),
            Some(why) => Err(Refusal {
                url: url.to_string(),
                reason: format!("{ip} is {why}"),
                fix: FIX_ADDRESS,
            }),
        }
    }
}

/// Parses what a user typed as a URL to check. A missing scheme means https.
pub fn parse_adhoc(input: &str) -> Result<Url, Refusal> {
    let input = input.trim().trim_matches(|c| c == '<' || c == '>');
    // `javascript:alert(1)`, `mailto:x@y`, `data:...`: a scheme with no `//`, never a web page.
    // (`example.com:8080` and `localhost:8080` are a host and a port: digits after the colon.)
    if let Some((scheme, rest)) = input.split_once(':')
        && !rest.starts_with("//")
        && !rest.starts_with(|c: char| c.is_ascii_digit())
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-'))
    {
        return Err(Refusal {
            url: input.to_string(),
            reason: format!(
                "`{}:` addresses are not web pages",
                scheme.to_ascii_lowercase()
            ),
            fix: "Only http:// and https:// addresses can be checked; paste the address from your browser's address bar, e.g. https://qbo.intuit.com/.",
        });
    }
    let with_scheme = if input.contains("://") {
        input.to_string()
    } else {
        format!("https://{input}")
    };
    Url::parse(&with_scheme).map_err(|e| Refusal {
        url: input.to_string(),
        reason: format!("it is not a valid address ({e})"),
        fix: FIX_URL,
    })
}

/// Special-purpose ranges (IANA registries), most specific first, with what they are.
#[allow(clippy::expect_used)] // the table is a constant; its parse is checked by the unit tests
static RANGES: LazyLock<Vec<(IpNet, &'static str)>> = LazyLock::new(|| {
    [
        ("0.0.0.0/8", "a \"this network\" address (0.0.0.0/8)"),
        ("10.0.0.0/8", "a private network address (10.0.0.0/8)"),
        (
            "100.64.0.0/10",
            "a carrier-grade NAT address (100.64.0.0/10)",
        ),
        ("127.0.0.0/8", "a loopback address (the bot's own machine)"),
        (
            "169.254.0.0/16",
            "a link-local address (cloud metadata services live at 169.254.169.254)",
        ),
        ("172.16.0.0/12", "a private network address (172.16.0.0/12)"),
        ("192.0.0.0/24", "an IETF protocol address (192.0.0.0/24)"),
        ("192.0.2.0/24", "a documentation address (192.0.2.0/24)"),
        ("192.88.99.0/24", "a 6to4 relay address (192.88.99.0/24)"),
        (
            "192.168.0.0/16",
            "a private network address (192.168.0.0/16)",
        ),
        ("198.18.0.0/15", "a benchmarking address (198.18.0.0/15)"),
        (
            "198.51.100.0/24",
            "a documentation address (198.51.100.0/24)",
        ),
        ("203.0.113.0/24", "a documentation address (203.0.113.0/24)"),
        ("224.0.0.0/4", "a multicast address"),
        ("255.255.255.255/32", "the broadcast address"),
        ("240.0.0.0/4", "a reserved address (240.0.0.0/4)"),
        ("::/128", "the unspecified address"),
        (
            "::1/128",
            "the IPv6 loopback address (the bot's own machine)",
        ),
        (
            "::ffff:0:0/96",
            "an IPv4-mapped IPv6 address (it hides an IPv4 address)",
        ),
        (
            "::/96",
            "an IPv4-compatible IPv6 address (it hides an IPv4 address)",
        ),
        ("64:ff9b::/96", "a NAT64 address (it hides an IPv4 address)"),
        ("64:ff9b:1::/48", "a local NAT64 address"),
        ("100::/64", "a discard-only address"),
        ("2001:db8::/32", "a documentation address (2001:db8::/32)"),
        ("2001::/32", "a Teredo address (it hides an IPv4 address)"),
        ("2001::/23", "an IETF protocol address (2001::/23)"),
        ("2002::/16", "a 6to4 address (it hides an IPv4 address)"),
        ("3fff::/20", "a documentation address (3fff::/20)"),
        (
            "fc00::/7",
            "a unique-local address (private IPv6, fc00::/7)",
        ),
        ("fe80::/10", "a link-local address (fe80::/10)"),
        ("fec0::/10", "a site-local address (fec0::/10)"),
        ("ff00::/8", "a multicast address"),
    ]
    .into_iter()
    // The table is a compile-time constant; the parse is checked by the unit tests.
    .map(|(net, why)| (net.parse().expect("valid CIDR in the table"), why))
    .collect()
});

/// Why `ip` is not globally routable, or `None` when it is a public address.
pub fn non_global(ip: IpAddr) -> Option<&'static str> {
    if let Some((_, why)) = RANGES.iter().find(|(net, _)| net.contains(&ip)) {
        return Some(why);
    }
    match ip {
        IpAddr::V4(_) => None,
        // Global unicast IPv6 is 2000::/3; everything else is reserved.
        IpAddr::V6(v6) if v6.segments()[0] & 0xe000 == 0x2000 => None,
        IpAddr::V6(_) => Some("a reserved IPv6 address (outside 2000::/3)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strict() -> Policy {
        Policy::from_config(&CheckConfig::default())
    }

    #[test]
    fn table_parses_and_public_addresses_pass() {
        assert!(RANGES.len() > 30);
        for ok in [
            "8.8.8.8",
            "1.1.1.1",
            "2606:4700::1111",
            "100.128.0.1",
            "172.32.0.1",
        ] {
            assert_eq!(non_global(ok.parse().expect("ip")), None, "{ok}");
        }
        for bad in [
            "127.0.0.1",
            "10.1.2.3",
            "169.254.169.254",
            "100.64.0.1",
            "198.19.255.255",
            "255.255.255.255",
            "::1",
            "::ffff:127.0.0.1",
            "::ffff:8.8.8.8",
            "fd00::1",
            "fe80::1",
            "ff02::1",
            "4000::1",
        ] {
            assert!(non_global(bad.parse().expect("ip")).is_some(), "{bad}");
        }
    }

    #[test]
    fn url_crate_normalises_ipv4_notations() {
        for n in [
            "http://2130706433/",
            "http://0177.0.0.1/",
            "http://0x7f.1/",
            "http://127.1/",
            "http://0x7f000001/",
            "http://017700000001/",
        ] {
            let url = Url::parse(n).expect("parses");
            assert_eq!(
                url.host(),
                Some(Host::Ipv4("127.0.0.1".parse().expect("ip"))),
                "{n}"
            );
            assert!(strict().vet_url(&url).is_err(), "{n}");
        }
    }

    #[test]
    fn refusals_say_why_and_how_to_fix() {
        let r = strict()
            .vet_url(&parse_adhoc("http://169.254.169.254/latest/meta-data").expect("url"))
            .expect_err("metadata refused");
        let shown = r.to_string();
        assert!(
            shown.contains("169.254.169.254 is a link-local address"),
            "{shown}"
        );
        assert!(shown.contains("endpoints.toml"), "{shown}");
        let r = strict()
            .vet_url(&parse_adhoc("example.com:8080").expect("url"))
            .expect_err("port refused");
        assert!(r.reason.contains("port 8080"), "{r}");
        assert_eq!(
            parse_adhoc("qbo.intuit.com").expect("url").as_str(),
            "https://qbo.intuit.com/"
        );
        for not_web in [
            "javascript:alert(1)",
            "mailto:a@b.example",
            "data:text/html,x",
        ] {
            let r = parse_adhoc(not_web).expect_err(not_web);
            assert!(r.reason.contains("addresses are not web pages"), "{r}");
            assert!(!r.reason.contains("port"), "{r}");
        }
        assert!(parse_adhoc("localhost:8080").is_ok());
        assert!(parse_adhoc("example.com:8443/login").is_ok());
    }

    #[test]
    fn private_allowed_skips_ports_and_addresses_but_not_schemes() {
        let open = Policy {
            allow_private: true,
            ..strict()
        };
        let url = Url::parse("http://127.0.0.1:9999/").expect("url");
        assert!(open.vet_url(&url).is_ok());
        assert!(
            open.vet_url(&Url::parse("file:///etc/passwd").expect("url"))
                .is_err()
        );
        let test_net = Policy {
            allowed_nets: vec!["127.0.0.1/32".parse().expect("net")],
            allowed_ports: vec![9999],
            ..strict()
        };
        assert!(test_net.vet_url(&url).is_ok());
        assert!(
            test_net
                .vet_addr(&url, "10.0.0.1".parse().expect("ip"))
                .is_err()
        );
    }
}

//! Which QuickBooks a message says the user has ("its qbo not desktop"): Online or Desktop,
//! the two whose steps differ. Pure; no I/O.

use super::text::Normalised;

/// A QuickBooks whose fixes differ from the other's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Product {
    Online,
    Desktop,
}

/// Names QuickBooks Online. "online" alone is not one ("is it online?").
const ONLINE: &[&str] = &[
    "qbo",
    "quickbooks online",
    "qb online",
    "qbonline",
    "online version",
    "the online one",
    "online edition",
    // The pair said outright: "online not desktop".
    "online not desktop",
    "online version not desktop",
];

/// "this is online", "we use online": the product said by the word alone, when nothing follows
/// that makes it something else ("we use online backup", "this is online banking data").
const SAID_ONLINE: &[&str] = &[
    "this is online",
    "this is the online",
    "we use online",
    "i use online",
    "im using online",
    "we are on online",
    "im on online",
];

/// Words that may follow [`SAID_ONLINE`] and leave it the product.
const AFTER_SAID_ONLINE: &[&str] = &["not", "version", "one", "edition", "qbo", "quickbooks"];

/// Whether `text` says [`SAID_ONLINE`] at its end, before a break, or before one of
/// [`AFTER_SAID_ONLINE`].
fn says_online_alone(text: &Normalised) -> bool {
    SAID_ONLINE.iter().any(|p| {
        text.find(p).is_some_and(|at| {
            let after = &text.padded()[at + p.len() + 1..];
            match after.split_whitespace().next() {
                None => true,
                Some(w) => w == super::text::BREAK || AFTER_SAID_ONLINE.contains(&w),
            }
        })
    })
}

/// Names QuickBooks Desktop. "desktop" alone is not one: "on my desktop" is the computer; nor
/// is "the desktop app", which QuickBooks Online has too, nor "desktop version" ("the desktop
/// version of chrome").
const DESKTOP: &[&str] = &[
    "qbd",
    "quickbooks desktop",
    "qb desktop",
    // The pair said outright: "this is desktop not online".
    "desktop not online",
    "desktop not qbo",
    "desktop not quickbooks online",
    "quickbooks enterprise",
    "quickbooks premier",
    "quickbooks pro",
];

/// Says the user does not have QuickBooks Online.
const NOT_ONLINE: &[&str] = &[
    "not qbo",
    "not quickbooks online",
    "not the online version",
    "not online version",
    "not the online one",
    "dont use qbo",
    "dont use quickbooks online",
    "dont have qbo",
];

/// Says the user does not have QuickBooks Desktop ("its qbo not desktop").
const NOT_DESKTOP: &[&str] = &[
    "not desktop",
    "not the desktop",
    "not qbd",
    "not quickbooks desktop",
    "not qb desktop",
    "not the desktop version",
    "not desktop version",
    "not the desktop one",
    "dont use desktop",
    "dont use quickbooks desktop",
    "dont have desktop",
    "dont have quickbooks desktop",
];

impl Product {
    /// The product an article's `product` field names ("QuickBooks Desktop"); `None` for one
    /// both share ("QuickBooks", "QuickBooks Payroll").
    pub fn of(field: &str) -> Option<Product> {
        let field = field.to_lowercase();
        if field.contains("online") {
            Some(Product::Online)
        } else if field.contains("desktop") {
            Some(Product::Desktop)
        } else {
            None
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Product::Online => "QuickBooks Online",
            Product::Desktop => "QuickBooks Desktop",
        }
    }
}

/// Whether the message says nothing but which QuickBooks the user has ("desktop, its QB
/// desktop 2023", "qbo not desktop", "the online one sorry"): a product told, not a problem
/// (explorer rv46 F1: "sorry i meant desktop, its QB desktop 2023" was matched as a new
/// description and opened the firewall article).
pub fn only_names_the_product(message: &str) -> bool {
    const PRODUCT_WORDS: &[&str] = &[
        "desktop",
        "online",
        "qb",
        "qbo",
        "qbd",
        "quickbooks",
        "pro",
        "premier",
        "enterprise",
        "accountant",
        "plus",
        "edition",
        "version",
        "one",
        "the",
        "its",
        "it",
        "is",
        "im",
        "i",
        "we",
        "were",
        "are",
        "using",
        "use",
        "not",
        "sorry",
        "oh",
        "wait",
        "bad",
        "a",
        "an",
        "meant",
        "mean",
        "this",
        "actually",
        "btw",
        "yes",
        "yeah",
        "no",
        "ok",
        "okay",
        "so",
        "of",
        "course",
    ];
    let text = Normalised::new(message);
    let named = text.any(&["desktop", "online", "qbo", "qbd"]);
    named
        && text.words().all(|w| {
            w == super::text::BREAK
                || PRODUCT_WORDS.contains(&w)
                || (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// The product a message says the user has, also when it says nothing else and names it by
/// the word alone ("yes its desktop", "oh wait this is desktop", which
/// [`product_named`] leaves, "on my desktop" being the computer in other messages).
pub fn product_told(message: &str) -> Option<Product> {
    product_named(message).or_else(|| {
        if !only_names_the_product(message) {
            return None;
        }
        let text = Normalised::new(message);
        let online = text.any(&["online", "qbo"]) && !text.any(&["not online"]);
        let desktop = text.any(&["desktop", "qbd"]) && !text.any(&["not desktop"]);
        match (online, desktop) {
            (true, false) => Some(Product::Online),
            (false, true) => Some(Product::Desktop),
            _ => None,
        }
    })
}

/// The product the message says the user has: named and not denied ("its qbo not desktop",
/// "we're on quickbooks desktop"), or the other of one denied ("not desktop"); `None` when it
/// names none, or both.
pub fn product_named(message: &str) -> Option<Product> {
    // Both, or one before the other: "it happens in quickbooks desktop too", "we also have
    // quickbooks pro", "i moved to qbo last year but still need the old file".
    const BOTH_OR_BEFORE: &[&str] = &[
        "too",
        "also",
        "as well",
        "both",
        "moved to",
        "moved from",
        "switched to",
        "switched from",
        "migrated",
        "converted",
        "used to",
        "old file",
    ];
    let text = Normalised::new(message);
    if text.any(BOTH_OR_BEFORE) {
        return None;
    }
    let denies_online = text.any(NOT_ONLINE);
    let denies_desktop = text.any(NOT_DESKTOP);
    let rest = text.without(NOT_ONLINE).without(NOT_DESKTOP);
    let online = (rest.any(ONLINE) || says_online_alone(&rest) || denies_desktop) && !denies_online;
    let desktop = (rest.any(DESKTOP) || denies_online) && !denies_desktop;
    match (online, desktop) {
        (true, false) => Some(Product::Online),
        (false, true) => Some(Product::Desktop),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_product_named_and_not_denied() {
        for (said, product) in [
            ("its qbo not desktop", Some(Product::Online)),
            (
                "I'm on QuickBooks Online, not desktop",
                Some(Product::Online),
            ),
            ("not desktop", Some(Product::Online)),
            (
                "theres no employees menu either. this is online",
                Some(Product::Online),
            ),
            ("we use online backup for the company file", None),
            ("this is online banking data, does that matter", None),
            ("we use quickbooks desktop 2023", Some(Product::Desktop)),
            ("this is qbd, not qbo", Some(Product::Desktop)),
            // No product named: the computer, or a question of reach.
            ("i'm on my desktop", None),
            ("its not a browser its the desktop app", None),
            ("this is desktop not online", Some(Product::Desktop)),
            ("its online not desktop", Some(Product::Online)),
            ("desktop version of chrome", None),
            ("it happens in quickbooks desktop too", None),
            ("we also have quickbooks pro but this is online", None),
            ("i moved to qbo last year but still need the old file", None),
            ("is it online?", None),
            ("still broken", None),
            // Both named, neither denied: nothing to go on.
            ("i have qbo and quickbooks desktop", None),
        ] {
            assert_eq!(product_named(said), product, "{said}");
        }
        assert_eq!(Product::of("QuickBooks Desktop"), Some(Product::Desktop));
        assert_eq!(Product::of("QuickBooks Online"), Some(Product::Online));
        assert_eq!(Product::of("QuickBooks Payroll"), None);
    }
}

//! The kind of device a user says they are on ("on my android", "switched to my laptop"), for
//! steps worded for it (no keyboard shortcuts on a phone) and for the ticket staff read.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A device kind users name; the browser is kept apart (`crate::browser::Browser`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Device {
    /// An Android phone or tablet.
    Android,
    /// An iPhone or iPad.
    AppleTouch,
    /// A phone or tablet of no named kind ("on my phone", "on mobile").
    Phone,
    /// A Chromebook: a keyboard, but no F5 and no Windows shortcuts.
    Chromebook,
    /// A laptop or desktop computer (Windows, Mac or Linux).
    Computer,
}

/// `text` without the lines a mail app signs with ("Sent from my iPhone", "Get Outlook for
/// Android", "Sent from Yahoo Mail for iPhone"): a forwarded e-mail about "the office PC"
/// that ends so was read as an iPhone user's (explorer rv45 F8), got iPhone steps and an
/// iPhone on the ticket. The phone wrote the e-mail; the trouble is where the words say.
pub fn without_mail_signatures(text: &str) -> Cow<'_, str> {
    const SIGNED: &[&str] = &[
        "sent from my ",
        "sent from mail for ",
        "sent from yahoo mail for ",
        "sent from outlook for ",
        "sent from the mail app",
        "get outlook for ",
        "sent via the samsung",
        "sent from samsung",
    ];
    // (ASCII lowercasing keeps every byte where it was, so offsets found in it slice the
    // text on the same character boundaries.)
    let lower = text.to_ascii_lowercase();
    if !SIGNED.iter().any(|s| lower.contains(s)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while let Some((start, _)) = SIGNED
        .iter()
        .filter_map(|s| lower[at..].find(s).map(|i| (at + i, *s)))
        .min_by_key(|(i, _)| *i)
    {
        // To the end of its line or sentence (a signature is one), at most a few words.
        let line_end = lower[start..]
            .find(['\n', '\r', '.', '!', '?'])
            .map_or(lower.len(), |n| start + n);
        let end = signature_end(&lower, start, line_end);
        out.push_str(&text[at..start]);
        at = end;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// Where a signature that starts at `start` ends, at most at `line_end`: after at most six
/// words, and before a word that goes on with the user's own ("Sent from my iPhone but it
/// fails on the office PC").
fn signature_end(lower: &str, start: usize, line_end: usize) -> usize {
    const GOES_ON: &[&str] = &["but", "and", "so", "the", "it", "its", "im", "i"];
    let mut words = 0;
    let mut at = start;
    let bytes = lower.as_bytes();
    while at < line_end {
        // Skip the spaces, then read one word.
        while at < line_end && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let word_start = at;
        while at < line_end && !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        if word_start == at {
            break;
        }
        words += 1;
        // (The signature's own words first: "sent from my ...".)
        if words > 3 && GOES_ON.contains(&&lower[word_start..at]) {
            return word_start;
        }
        if words == 6 {
            return at;
        }
    }
    line_end
}

impl Device {
    /// A phone or tablet: no keyboard, so no keyboard shortcuts in its steps.
    pub fn is_touch(self) -> bool {
        matches!(self, Device::Android | Device::AppleTouch | Device::Phone)
    }

    /// Whether browser `b` runs on this kind of device (Safari on a Mac is no Android's).
    pub fn runs(self, b: crate::browser::Browser) -> bool {
        use crate::browser::Browser::{Ie, SafariIos, SafariMac};
        match self {
            Device::Android | Device::Phone if b == SafariIos => self == Device::Phone,
            Device::Android | Device::Phone | Device::AppleTouch => !matches!(b, SafariMac | Ie),
            Device::Chromebook | Device::Computer => b != SafariIos,
        }
    }

    /// How a ticket names it.
    pub fn label(self) -> &'static str {
        match self {
            Device::Android => "Android phone or tablet",
            Device::AppleTouch => "iPhone or iPad",
            Device::Phone => "phone or tablet",
            Device::Chromebook => "Chromebook",
            Device::Computer => "computer",
        }
    }

    /// The device `text` says the user is on, when it names exactly one kind ("on my galaxy
    /// s23", "ok on my laptop now"). Words that name products rather than devices are not
    /// taken: "QuickBooks Desktop", "mobile data", "the mobile app", nor a mail app's signature
    /// ("Sent from my iPhone", see [`without_mail_signatures`]).
    pub fn detect(text: &str) -> Option<Device> {
        let words = crate::plain_words::lowercase_words(&without_mail_signatures(text));
        let has = |names: &[&str]| words.iter().any(|w| names.contains(&w.as_str()));
        // A generic word is the device only where the user is on it: "on my phone", "from
        // the tablet", "using mobile". ("texted a code to my phone", "mobile data": not.)
        let on_a = |names: &[&str]| {
            words.iter().enumerate().any(|(i, w)| {
                let before = |k: usize| i.checked_sub(k).map_or("", |j| words[j].as_str());
                let on = |w: &str| ["on", "from", "using", "via", "in", "with", "not"].contains(&w);
                let my = |w: &str| ["my", "a", "the", "our", "her", "his"].contains(&w);
                // "on mobile data", "in the mobile app": a network, a product.
                // "on my phone hotspot", "phone's data": a network, not the device in use.
                let next = match words.get(i + 1).map(String::as_str) {
                    Some("s") => words.get(i + 2),
                    _ => words.get(i + 1),
                };
                let product = ["mobile", "phone", "cell", "cellphone"].contains(&w.as_str())
                    && next.is_some_and(|n| {
                        [
                            "data",
                            "app",
                            "application",
                            "network",
                            "hotspot",
                            "hot",
                            "tethering",
                            "tether",
                            "internet",
                            "connection",
                        ]
                        .contains(&n.as_str())
                    });
                // "switched to my phone": a move to it ("sent a code to my phone" is not).
                let moved = |k: usize| {
                    before(k) == "to"
                        && ["switched", "switching", "switch", "moved", "moving", "over"]
                            .contains(&before(k + 1))
                };
                names.contains(&w.as_str())
                    && !product
                    && (on(before(1))
                        || (my(before(1)) && on(before(2)))
                        || moved(1)
                        || (my(before(1)) && moved(2)))
            })
        };
        let mut found = Vec::new();
        if has(&["android", "galaxy", "pixel", "samsung", "oneplus", "xiaomi"]) {
            found.push(Device::Android);
        }
        if has(&["iphone", "ipad", "ios", "ipados"]) {
            found.push(Device::AppleTouch);
        }
        // "my phone", "its a phone", "tablet": the device said alone, as an answer ("which
        // browser?" answered "my phone" was noted as news for staff; explorer rv45 F21).
        const GENERIC: &[&str] = &["phone", "smartphone", "tablet", "cellphone", "mobile"];
        const AROUND_ALONE: &[&str] = &[
            "my", "a", "an", "the", "its", "it", "is", "im", "i", "am", "on", "using", "just",
            "ok", "um", "uh", "cell", "smart",
        ];
        let said_alone = has(GENERIC)
            && words
                .iter()
                .all(|w| GENERIC.contains(&w.as_str()) || AROUND_ALONE.contains(&w.as_str()));
        // A Kindle Fire or Fire tablet: a touch device whose kind the steps know no better.
        let fire_tablet = has(&["kindle"])
            || words.windows(2).any(|w| {
                w[0] == "fire" && ["tablet", "hd", "hd8", "hd10", "7"].contains(&w[1].as_str())
            });
        if found.is_empty() && (on_a(GENERIC) || said_alone || fire_tablet) {
            found.push(Device::Phone);
        }
        if has(&["chromebook"]) {
            found.push(Device::Chromebook);
        }
        if has(&[
            "laptop",
            "computer",
            "pc",
            "mac",
            "macbook",
            "imac",
            "notebook",
            "workstation",
        ]) {
            found.push(Device::Computer);
        }
        match found.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }
}

/// Whether `text` says the phone or tablet app works ("the qbo app on my phone is fine, on my
/// laptop it wont load", "it works in the app but not in chrome"): the app is where it
/// works, not where the trouble is.
pub fn the_mobile_app_works(text: &str) -> bool {
    const WORKS: &[&str] = &["fine", "works", "working", "ok", "okay", "loads", "good"];
    const TROUBLE: &[&str] = &[
        "not", "dont", "doesnt", "wont", "cant", "isnt", "crash", "crashes", "crashing", "broken",
        "fails", "error", "blank",
    ];
    text.split([',', ';', '.'])
        .flat_map(|part| part.split(" but "))
        .any(|part| {
            let words = crate::plain_words::lowercase_words(part);
            let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
            names_a_mobile_app(part) && has(WORKS) && !has(TROUBLE)
                || words.iter().any(|w| w == "app")
                    && has(WORKS)
                    && !has(TROUBLE)
                    && names_a_mobile_app(text)
        })
}

/// Whether `text` names a phone or tablet app of the product ("the quickbooks app on my
/// iphone", "in the mobile app", "qbo ios app"), whose screens the browser steps do not reach.
/// A desktop or web app is not one, nor "mobile data".
pub fn names_a_mobile_app(text: &str) -> bool {
    const BEFORE_APP: &[&str] = &[
        "mobile",
        "quickbooks",
        "qb",
        "qbo",
        "ios",
        "android",
        "iphone",
        "ipad",
        "phone",
    ];
    let words = crate::plain_words::lowercase_words(text);
    let at = |i: usize| words.get(i).map_or("", String::as_str);
    (0..words.len()).any(|i| {
        let app = ["app", "application"].contains(&at(i))
            && i > 0
            && BEFORE_APP.contains(&at(i - 1))
            && !(i > 1 && ["desktop", "web"].contains(&at(i - 2)));
        // "quickbooks mobile" (the app's name), not "quickbooks mobile data".
        let named = at(i) == "quickbooks"
            && at(i + 1) == "mobile"
            && !["data", "hotspot", "network", "internet"].contains(&at(i + 2));
        app || named
    })
}

#[cfg(test)]
mod signature_tests {
    use super::*;

    #[test]
    fn a_mail_apps_signature_names_no_device() {
        let mail = "Hi Tom, QuickBooks shows a blank white page on the office PC since this \
                    morning, can you help? Thanks, Linda. Sent from my iPhone";
        assert_eq!(Device::detect(mail), Some(Device::Computer));
        assert_eq!(crate::browser::Browser::detect(mail), None);
        for signed in [
            "payroll wont load\n\nSent from my Galaxy S23 Ultra",
            "bank feed stuck\nGet Outlook for Android",
            "blank page. Sent from Yahoo Mail for iPhone",
        ] {
            assert_eq!(Device::detect(signed), None, "{signed}");
            assert_eq!(crate::browser::Browser::detect(signed), None, "{signed}");
        }
        // The words around it are read as written.
        assert_eq!(
            without_mail_signatures("Sent from my iPhone. It fails on my ipad too"),
            ". It fails on my ipad too"
        );
        assert_eq!(
            Device::detect("it fails on my iphone"),
            Some(Device::AppleTouch)
        );
        // What goes on after it is the user's own (a review found six words cut).
        assert_eq!(
            without_mail_signatures("Sent from my iPhone but it fails on my ipad too"),
            "but it fails on my ipad too"
        );
        // Letters that change length when lowercased never cut a character in two.
        for odd in [
            "ẞ éSent from my iPhone İ",
            "İİİ sent from my iphone é",
            "Ωsent from my ẞ",
        ] {
            let kept = without_mail_signatures(odd);
            assert!(!kept.to_lowercase().contains("iphone"), "{odd} -> {kept}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mobile_app_named() {
        for (text, want) in [
            ("the quickbooks app on my iphone shows 502", true),
            ("in the mobile app it works", true),
            ("qbo ios app keeps logging me out", true),
            ("quickbooks mobile wont load", true),
            ("android app crashes", true),
            ("the quickbooks desktop app wont open", false),
            ("quickbooks web app is blank", false),
            ("502 on my phone in safari", false),
            ("tried mobile data, same", false),
            ("the app store", false),
            ("quickbooks mobile data usage", false),
        ] {
            assert_eq!(names_a_mobile_app(text), want, "{text}");
        }
    }

    #[test]
    fn devices_named_in_free_text() {
        for (text, want) in [
            ("blank page on my android in chrome", Some(Device::Android)),
            ("on my samsung galaxy", Some(Device::Android)),
            ("on my pixel 7", Some(Device::Android)),
            ("it happens on my iphone", Some(Device::AppleTouch)),
            ("chrome on my ipad", Some(Device::AppleTouch)),
            ("502 on my phone", Some(Device::Phone)),
            ("on my android phone", Some(Device::Android)),
            ("on my tablet", Some(Device::Phone)),
            ("on mobile it is the same", Some(Device::Phone)),
            ("from my cellphone", Some(Device::Phone)),
            ("the bank texted a code to my phone", None),
            ("the cell shows ####", None),
            ("on my chromebook", Some(Device::Chromebook)),
            // Explorer rv45 F21, F23: said alone as an answer; a Fire tablet.
            ("my phone", Some(Device::Phone)),
            ("its a phone", Some(Device::Phone)),
            ("tablet", Some(Device::Phone)),
            ("on my kindle fire", Some(Device::Phone)),
            ("my phone number changed", None),
            ("phone support", None),
            ("ok on my laptop now", Some(Device::Computer)),
            ("switched to my macbook", Some(Device::Computer)),
            // Products and networks, not devices.
            ("quickbooks desktop wont open", None),
            ("tried mobile data, same", None),
            ("same on mobile data", None),
            ("in the mobile app it works", None),
            ("the mobile app works", None),
            ("still 502 even on my phone hotspot", None),
            ("switching to my phone", Some(Device::Phone)),
            ("switched to the tablet now", Some(Device::Phone)),
            ("they sent a code to my phone", None),
            ("works fine on my phone's hotspot", None),
            (
                "quickbooks loads on my phone's browser",
                Some(Device::Phone),
            ),
            ("502 bad gateway", None),
            // Two kinds: none assumed.
            ("works on my laptop but not my phone", None),
        ] {
            assert_eq!(Device::detect(text), want, "{text}");
        }
    }

    #[test]
    fn only_phones_and_tablets_are_touch() {
        assert!(Device::Android.is_touch());
        assert!(Device::Phone.is_touch());
        assert!(!Device::Chromebook.is_touch());
        assert!(!Device::Computer.is_touch());
    }

    #[test]
    fn the_app_said_to_work_is_where_it_works() {
        for said in [
            "the qbo app on my phone is fine, on my laptop it wont load",
            "the quickbooks app works fine but the website is blank",
        ] {
            assert!(the_mobile_app_works(said), "{said}");
        }
        for said in [
            "the quickbooks app on my phone keeps crashing when i open it",
            "qbo ios app wont open the company file",
            "the website works but the quickbooks app is blank",
        ] {
            assert!(!the_mobile_app_works(said), "{said}");
        }
    }
}

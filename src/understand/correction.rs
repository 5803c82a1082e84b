//! Replies that correct where the user said they are ("no wait im actually on safari on my
//! mac", "wait actually im on my ipad not iphone"): news of the browser or device, no answer
//! to the fix on screen.

use super::text::{BREAK, Normalised};
use crate::browser::Browser;
use crate::device::Device;

/// Words that open a correction of something said a moment ago.
const OPENERS: &[&[&str]] = &[
    &["oh", "wait"],
    &["wait"],
    &["actually"],
    &["sorry"],
    &["hold", "on"],
    &["hang", "on"],
    &["correction"],
    &["my", "bad"],
    &["oops"],
    &["oh"],
];

/// "no" words that a correction may follow at once ("no wait", "nope sorry").
const NOS: &[&str] = &["no", "nope", "nah"];

/// A first person saying where they are ("im on", "i am using", "im actually in").
const WHERE_I_AM: &[&str] = &[
    "im on",
    "i am on",
    "im using",
    "i am using",
    "im in",
    "i am in",
    "im actually on",
    "i am actually on",
    "im actually using",
    "i am actually using",
    "im actually in",
    "its on my",
    "its actually on",
    "this is on",
];

/// The words of `text` after its opening corrections, and whether it opened with a "no" taken
/// up by one ("no wait ..."); `None` when it opens with no correction.
fn after_openers(text: &Normalised) -> Option<(Vec<&str>, bool)> {
    let words: Vec<&str> = text.words().filter(|w| *w != BREAK).collect();
    let opens_with_no = words.first().is_some_and(|w| NOS.contains(w));
    let mut at = usize::from(opens_with_no);
    let mut opened = false;
    while let Some(opener) = OPENERS
        .iter()
        .find(|o| words.get(at..at + o.len()) == Some(**o))
    {
        at += opener.len();
        opened = true;
    }
    // ("oh" alone opens nothing: "oh im on safari" is no correction of an answer.)
    let only_oh = at == usize::from(opens_with_no) + 1 && words.get(at - 1) == Some(&"oh");
    (opened && !only_oh).then(|| (words[at..].to_vec(), opens_with_no))
}

/// The reply after an opening "no" that a correction takes up at once ("no wait im actually on
/// safari" → "im actually on safari"): that "no" starts the correction and answers nothing.
pub(super) fn after_a_no_taken_up(reply: &str) -> Option<String> {
    let text = Normalised::new(reply);
    let (rest, opens_with_no) = after_openers(&text)?;
    (opens_with_no && !rest.is_empty()).then(|| rest.join(" "))
}

/// Whether the reply corrects where the user is: opened as a correction ("wait actually",
/// "sorry") or setting one place against another ("on my ipad not iphone"), it says where they
/// are and names a browser or device, with no trouble told ("wait, on my ipad it still fails"
/// is a result).
pub fn corrects_where_one_is(message: &str) -> bool {
    let text = Normalised::new(message);
    let opened = after_openers(&text);
    // ("on my ipad not iphone": the "not" sets the places apart, it tells no trouble; nor does
    // the "no" of "no wait".)
    let words: Vec<&str> = match &opened {
        Some((rest, _)) => rest.clone(),
        None => text.words().collect(),
    };
    let names_a_place = |w: &str| Browser::detect(w).is_some() || Device::detect(w).is_some();
    let set_against = |i: usize| {
        (words[i] == "not" && words.get(i + 1).is_some_and(|w| names_a_place(w)))
            || (i > 0 && words[i - 1] == "not" && names_a_place(words[i]))
    };
    let kept: Vec<&str> = (0..words.len())
        .filter(|&i| !set_against(i))
        .map(|i| words[i])
        .collect();
    let set_apart = kept.len() < words.len();
    let rest = kept.join(" ");
    (opened.is_some() || set_apart || text.has("actually"))
        && text.any(WHERE_I_AM)
        && (Browser::detect(&text.plain).is_some() || Device::detect(&text.plain).is_some())
        && !super::mentions_trouble(&rest)
        && super::intent_without_browser(&rest) != Some(super::Intent::Fixed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_no_taken_up_by_wait_is_left_out() {
        assert_eq!(
            after_a_no_taken_up("no wait im actually on safari on my mac").as_deref(),
            Some("im actually on safari on my mac")
        );
        assert_eq!(
            after_a_no_taken_up("No, sorry - I'm on Firefox").as_deref(),
            Some("im on firefox")
        );
        // A plain "no" answers; "wait" alone has no "no" to leave out.
        assert_eq!(after_a_no_taken_up("no still broken on safari"), None);
        assert_eq!(after_a_no_taken_up("wait im on safari"), None);
    }

    #[test]
    fn where_one_is_corrected() {
        for said in [
            "wait actually im on my ipad not iphone does that matter",
            "im on my ipad not iphone",
            "no wait im actually on safari on my mac",
            "sorry, i'm using edge",
        ] {
            assert!(corrects_where_one_is(said), "{said}");
        }
        for said in [
            "im on safari",
            "wait, on my ipad it still fails",
            "wait actually im on safari and it works now",
            "it works in chrome not edge",
        ] {
            assert!(!corrects_where_one_is(said), "{said}");
        }
    }
}

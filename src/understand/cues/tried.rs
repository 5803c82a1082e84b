//! What the user did or could not do: done already, tried many times, could not, not yet, plans.

use super::check::OWN_CHECK;
use super::did_not_last::worked_briefly;
use super::fixed::fixed;
use super::negation::FIX_WORDS;
use super::not_fixed::{says_still_broken, strong_not_fixed};
use crate::understand::text::{BREAK, Normalised};

/// Done before ("did it already", "tried that yesterday", "already on the latest release"): no
/// fix, unless the reply says it worked all the same ("did it already and it worked").
/// "already waited an hour and retried", "i already cleared it": a deed told as done before,
/// with no result (said to a fix, it did not help: the user is still here).
pub fn already_a_deed(text: &Normalised) -> bool {
    const DONE: &[&str] = &[
        "did", "done", "tried", "ran", "made", "reset", "took", "went",
    ];
    // A result is no deed ("fixed already").
    const RESULTS: &[&str] = &[
        "fixed", "worked", "solved", "resolved", "helped", "sorted", "loaded", "opened",
    ];
    let deed =
        |w: &&str| DONE.contains(w) || (w.len() > 4 && w.ends_with("ed") && !RESULTS.contains(w));
    let words: Vec<&str> = text.words().collect();
    words.iter().enumerate().any(|(i, w)| {
        // "already cleared them", or told first: "cleared intuit cookies already", "tried
        // all of these already".
        // (The user's own deed, first or after "i", "we": not "this happened already", "i
        // asked already".)
        const NOT_A_STEP: &[&str] = &[
            "happened",
            "asked",
            "mentioned",
            "explained",
            "posted",
            "reported",
            "emailed",
            "messaged",
            "contacted",
            "called",
            "started",
            "stopped",
            "occurred",
            "noticed",
        ];
        let own_deed_before = (i.saturating_sub(4)..i).any(|j| {
            deed(&words[j])
                && !NOT_A_STEP.contains(&words[j])
                && (j == 0 || ["i", "we", "ive", "weve", "just", "also"].contains(&words[j - 1]))
        });
        *w == "already" && (words[i + 1..].iter().take(2).any(deed) || own_deed_before)
    })
}

pub const ALREADY_DONE: &[&str] = &[
    "did it already",
    "done it already",
    "did that yesterday",
    "did it yesterday",
    "tried that yesterday",
    "tried it yesterday",
    "tried this yesterday",
    "already up to date",
    "up to date already",
    "its up to date",
    "is up to date",
    "already on the latest",
    "already on the newest",
    "already have the latest",
    "already running the latest",
    "already on the most recent",
    "latest version already",
    "latest release already",
];

/// Tried it many times ("retried like 10 times", "refreshed a bunch of times", "did that 5x"):
/// the step was done again and again, so it did not fix it.
pub fn tried_many_times(text: &Normalised) -> bool {
    const TRIED: &[&str] = &[
        "tried",
        "retried",
        "refreshed",
        "reloaded",
        "restarted",
        "rebooted",
        "did",
        "done",
        "cleared",
        "reinstalled",
        "redid",
        "tries",
        "attempts",
        "attempted",
        // "already clicked update like 5 times".
        "clicked",
        "pressed",
        "ran",
    ];
    const MANY: &[&str] = &[
        "several", "many", "multiple", "bunch", "few", "couple", "dozen", "million", "hundred",
        "thousand", "100", "ten", "five", "three", "four", "six", "twenty",
    ];
    let words: Vec<&str> = text.words().collect();
    let Some(tried_at) = words.iter().position(|w| TRIED.contains(w)) else {
        return false;
    };
    let number = |w: &str| {
        MANY.contains(&w) || (w.bytes().all(|b| b.is_ascii_digit()) && w != "1" && w != "0")
    };
    let many = (tried_at + 1..words.len()).any(|i| {
        let before = |k: usize| i.checked_sub(k).map(|j| words[j]);
        match words[i] {
            // "10 times", "a bunch of times", "5 x".
            "times" | "x" => {
                before(1).is_some_and(number)
                    || (before(1) == Some("of") && before(2).is_some_and(number))
            }
            // "3x".
            w => w
                .strip_suffix('x')
                .is_some_and(|d| number(d) && !d.is_empty()),
        }
    });
    // ("tried 3 times and it finally works": a fix.)
    many && !text.is_question() && !fixed(text)
}

/// A plan or a promise to report ("will keep an eye on it", "ill try again"), with nothing
/// about a fix: an aside however long the reply.
pub fn only_a_plan(text: &Normalised) -> bool {
    text.any(PLANS) && !fixed(text) && !text.any(FIX_WORDS)
}

/// A plan to see for oneself whether it holds ("let me check if it still happens", "gonna
/// check if it works", "ill keep an eye on it"), with no news of how it went.
pub fn plans_to_see_for_oneself(text: &Normalised) -> bool {
    const GOING_TO_SEE: &[&str] = &[
        "gonna check",
        "going to check",
        "gonna see",
        "going to see",
        "gonna test",
        "going to test",
        "let me test",
        "ill test",
        "will test",
    ];
    // ("check if it still happens": what is to be seen, up to the clause's end, is no
    // trouble now; "..., nope still broken" after it is.)
    let padded = text.padded();
    let told = [
        " check if ",
        " check whether ",
        " see if ",
        " see whether ",
        " test if ",
    ]
    .iter()
    .filter_map(|p| padded.find(p))
    .min()
    .map_or_else(
        || text.clone(),
        |at| {
            let rest = &padded[at..];
            let after = rest
                .find(&format!(" {BREAK} "))
                .map_or("", |end| &rest[end..]);
            Normalised::from_padded(&format!("{} {after}", &padded[..at]))
        },
    );
    (text.any(PLANS) || text.any(OWN_CHECK) || text.any(GOING_TO_SEE))
        && !says_still_broken(&told)
        && !worked_briefly(&told)
        && !told.any(&["still broken", "doesnt work", "didnt work", "not working"])
        && text.word_count() <= 15
}

/// Says the user could not do the step: it is not there, or they may not ("no admin rights",
/// "the firewall is managed by IT").
pub(super) const CANT_DO: &[&str] = &[
    // The sign-in details a step needs, not had ("idk what my bank password is").
    "idk what my bank password",
    "idk what my password",
    "idk my password",
    "idk the password",
    "dont know my password",
    "dont know the password",
    "dont know my bank password",
    "dont know what my password",
    "dont know what my bank password",
    "dont have the password",
    "dont have my password",
    "forgot my password",
    "forgot the password",
    "cant find it",
    "cant find that",
    "cant find this",
    "cant find the button",
    "cant find the option",
    "cant find the setting",
    "cant find that option",
    "cant find where",
    "cannot find it",
    "cannot find that",
    "cannot find the option",
    "dont see that option",
    "dont see the option",
    "dont see that button",
    "dont see the button",
    "dont have that option",
    "dont have the option",
    "no such option",
    "no such button",
    "no such setting",
    "dont have admin",
    "no admin",
    "not an admin",
    "not the admin",
    "admin rights",
    "admin access",
    "administrator rights",
    "dont have permission",
    "dont have access to",
    "no permission",
    "not allowed to",
    "managed by it",
    "managed by our it",
    "managed by my it",
    "controlled by it",
    "locked down",
    "our it department",
    "our it dept",
    "it department",
    "dont use banking",
    "dont use bank feeds",
    // A step the user may not take ("i cant turn off the vpn, IT controls it").
    "cant change",
    "cannot change",
    "im not it",
    "not in it",
    "cant update",
    "cannot update",
    "cant install",
    "cannot install",
    "cant turn off",
    "cannot turn off",
    "cant turn it off",
    "cant switch off",
    "cant disable",
    "cannot disable",
    "it controls",
    "required for work",
    // A test the user has no means to do ("incognito is disabled by IT", "we dont use a vpn").
    "cant open incognito",
    "cant open a private",
    "cannot open incognito",
    "cannot open a private",
    "cant use incognito",
    "cannot use incognito",
    "incognito is disabled",
    "incognito is blocked",
    "private browsing is disabled",
    "private browsing is blocked",
    "private browsing is not allowed",
    "private browsing isnt allowed",
    "private mode is disabled",
    "private mode is blocked",
    "private windows are blocked",
    "private windows are disabled",
    "incognito is not allowed",
    "incognito isnt allowed",
    "inprivate is disabled",
    "inprivate is blocked",
    "disabled by it",
    "disabled by our it",
    "blocked by it",
    "blocked by our it",
    "dont use a vpn",
    "dont use vpn",
    "dont use any vpn",
    "dont have a vpn",
    "not using a vpn",
    "not on a vpn",
    "no vpn",
    "dont have a hotspot",
    "no hotspot",
    "dont have another network",
    "no other network",
    // Found by an exploratory helper acting as users.
    "im not admin",
    "i am not admin",
    "im not an admin",
    "not allowed to change",
    "dont have incognito",
    "dont have private",
    "dont have a private",
    "no incognito",
    // ("firewall is managed by corp i cant touch it": a step kept from the user.)
    "managed by corp",
    "managed by corporate",
    "managed by head office",
    "managed by the company",
    "managed by our company",
    "managed by my company",
    "cant touch it",
    "cant touch that",
    "not allowed to touch",
    "no access to the firewall",
    "no access to the router",
    "no access to the antivirus",
    "no access to the settings",
    "company policy",
    "corporate policy",
    // Someone else will not make the change ("IT wont change anything", "they won't change
    // anything without approval", "my boss says nothing changes until monday"): a step kept
    // from the user, not "nothing changed" (explorer rv46 F6: recorded as the test's result).
    "they wont change",
    "they will not change",
    "he wont change",
    "she wont change",
    "wont change anything until",
    "wont change anything without",
    "wont let me change",
    "wont let us change",
    "nothing changes until",
    "nothing will change until",
    "without approval",
    "without their approval",
    "needs approval",
    "need approval",
    "needs to approve",
    "has to approve",
    "have to approve",
];

/// "There is no update button", "the update button isnt there": a step's button or menu that
/// the user cannot find.
fn no_such_control(text: &Normalised) -> bool {
    const CONTROLS: &[&str] = &[
        "button", "option", "menu", "tab", "setting", "link", "icon", "pencil", "gear", "field",
        "checkbox",
    ];
    let words: Vec<&str> = text.words().collect();
    let near = |from: usize, to: usize| {
        words[from.min(words.len())..to.min(words.len())]
            .iter()
            .any(|w| CONTROLS.contains(w))
    };
    (0..words.len()).any(|i| {
        let at = |k: usize| words.get(i + k).copied().unwrap_or("");
        // "there is no [update] button": the control within the next three words.
        let there_is_none = match (at(0), at(1), at(2)) {
            ("there", "is", "no") | ("there", "is", "not") => Some(i + 3),
            ("theres", "no", _) | ("there", "isnt", _) => Some(i + 2),
            _ => None,
        };
        // "the [update] button isnt there": the control within the three words before.
        let is_not_there = matches!((at(0), at(1)), ("isnt", "there") | ("not", "there"));
        there_is_none.is_some_and(|from| near(from, from + 3))
            || (is_not_there && near(i.saturating_sub(3), i))
    })
}

/// Says something could not be done, whatever else it says ("still broken, incognito is
/// disabled on my work laptop").
pub fn says_something_cannot_be_done(text: &Normalised) -> bool {
    text.any(CANT_DO) || no_such_control(text)
}

/// Whether the user says they could not do the step (see [`CANT_DO`]), or asks how they could
/// when they cannot even get in ("how am i supposed to click banking when quickbooks wont even
/// open").
pub fn could_not_do_it(text: &Normalised) -> bool {
    const HOW_COULD_I: &[&str] = &[
        "how am i supposed to",
        "how am i meant to",
        "how can i even",
        "how do i even",
    ];
    const NOT_EVEN_IN: &[&str] = &[
        "wont even open",
        "doesnt even open",
        "cant even open",
        "wont even load",
        "doesnt even load",
        "cant even get in",
        "cant even get to",
        "cant even log in",
        "cant even login",
        "cant even sign in",
        "wont even let me in",
    ];
    ((text.any(CANT_DO) || no_such_control(text)) && !strong_not_fixed(&text.without(CANT_DO)))
        // ("reloaded it, still blank. how am i supposed to work when it wont even load": the
        // step was done, and failed.)
        || (text.any(HOW_COULD_I)
            && text.any(NOT_EVEN_IN)
            && !strong_not_fixed(&text.without(NOT_EVEN_IN).without(HOW_COULD_I)))
}

/// Says the user has not tried the step yet, with no word of a result.
const NOT_TRIED: &[&str] = &[
    "not yet",
    "havent tried",
    "have not tried",
    "not tried it",
    "not tried yet",
    "didnt try it yet",
    "didnt try",
    "did not try",
    "didnt get to it",
    "havent had a chance",
    "not had a chance",
    "havent done it",
    "havent done that",
    // ("that didnt do it" says the fix failed: only the user not doing it.)
    "i didnt do",
    "i did not do",
    "didnt do that",
    "didnt actually do",
    "didnt get to do",
    "havent done",
    "have not done",
    // Not now ("cant do that rn im not at the office, ill try tmrw"): the question stays.
    "cant do that rn",
    "cant do it rn",
    "cant do that right now",
    "cant do it right now",
    "cant do that now",
    "cant do it now",
    "cant try that now",
    "cant try it now",
    "cant try that right now",
    "cant try it right now",
    "not at the office right now",
    "not in the office right now",
    "not at my computer right now",
    "ill try tomorrow",
    "ill try tmrw",
    "ill try it tomorrow",
    "ill try that tomorrow",
    "will try tomorrow",
    "will try it tomorrow",
    "ill try tmrw morning",
    "ill try tomorrow morning",
    "ill do it tomorrow",
    "ill do that tomorrow",
    // No time for it now ("no time to do that right now"; explorer rv46 F4: "did not fix it").
    "no time to do",
    "no time to try",
    "no time right now",
    "no time rn",
    "dont have time right now",
    "dont have time to do",
    "dont have time to try",
    "do not have time to",
];

/// Whether the user has not tried the step yet (see [`NOT_TRIED`]).
pub fn not_tried(text: &Normalised) -> bool {
    text.any(NOT_TRIED)
}

/// Whether a reply says the fix failed besides not having tried ("not yet, still broken").
pub fn not_fixed_beside_not_tried(text: &Normalised) -> bool {
    // ("no i didnt do it", "nope didnt do that": the "no" said first answers "did this fix
    // it?" with why; "not yet, no luck" is a failure.)
    // ("not yet, still loading": the step still under way, no result yet; explorer rv49 F10
    // recorded it as still broken.)
    let rest = if text.has("not yet") {
        text.without(NOT_TRIED).without(STILL_UNDER_WAY)
    } else {
        text.without(NOT_TRIED)
    };
    let rest = match ["no", "nope", "nah"].iter().find(|no| text.starts(no)) {
        Some(no) => Normalised::from_padded(&rest.padded().replacen(&format!(" {no} "), " ", 1)),
        None => rest,
    };
    strong_not_fixed(&rest)
}

/// The step still under way ("still loading", "its still running"): after "not yet", no
/// result so far.
const STILL_UNDER_WAY: &[&str] = &[
    "still loading",
    "still waiting",
    "still updating",
    "still running",
    "still syncing",
    "still processing",
    "still downloading",
    "still pulling",
    "still going",
    "still in progress",
    "still working on it",
    "its still running",
    "its still updating",
    "its still loading",
    "it is still running",
    "it is still updating",
    "it is still loading",
];

/// "Not yet, will try at the weekend": not tried, rather than not fixed.
pub fn not_tried_yet(text: &Normalised) -> bool {
    text.has("not yet") && text.any(PLANS)
}

/// Plans and promises to report back.
const PLANS: &[&str] = &[
    "will try",
    "ill try",
    "will let you know",
    "ill let you know",
    "keep an eye",
    "report back",
    "will check",
    "ill check",
    "will wait",
    "ill wait",
    "will see",
    "ill see",
    "let me try",
    "let me check",
    "ill monitor",
    "will monitor",
    "keep monitoring",
    "trying now",
    "trying it now",
    "trying that now",
    "giving it a go",
    "give it a go",
    "give it a try",
];

/// Whether the reply says something a fix would bring about is so already ("i have the latest
/// release", "subscription is active i checked", "we're on the newest version"): that fix
/// would change nothing. No question, and nothing said to be wrong beside it.
pub fn says_already_in_order(text: &Normalised) -> bool {
    const IN_ORDER: &[&str] = &[
        "latest release",
        "latest version",
        "newest version",
        "newest release",
        "latest update",
        "up to date",
        "subscription is active",
        "subscription active",
        "subscription is current",
        "subscription is paid",
        "service is active",
        "billing is current",
        "key is valid",
        "already updated",
        "already installed",
        "already active",
    ];
    text.any(IN_ORDER)
        && !text.is_question()
        && !text.any(&["not", "isnt", "arent", "no longer", "expired", "still"])
}

//! Asks for a person ("can i talk to a human"), in so many words or by being fed up with the bot.

use super::check::NO_ONE_CAN;
use super::not_fixed::strong_not_fixed;
use super::only_words_of;
use crate::understand::text::{BREAK, HAPPY, Normalised, SAD};

/// Asks for a person, or for the ticket to be looked at again.
const HUMAN: &[&str] = &[
    "human",
    // Roundabout (an explorer's): "let me speak to your supervisor", "put me through to your
    // team", "can i get a call back", "how do i contact intuit support", "id rather have
    // someone look at my account".
    "speak to your supervisor",
    "talk to your supervisor",
    "put me through",
    "get a call back",
    "get a callback",
    "call me back",
    "contact support",
    "contact intuit support",
    "contact intuit",
    "reach support",
    "someone look at my account",
    "someone look at it",
    "someone look at this",
    // ("im done with this, get me a manager": not the Database Server Manager.)
    "get me a manager",
    "get me your manager",
    "get me a supervisor",
    "get me your supervisor",
    "talk to a manager",
    "speak to a manager",
    "talk to your manager",
    "speak to your manager",
    "talk to a supervisor",
    "speak to a supervisor",
    // "no more bots", "stop giving me articles i need someone NOW" ("i need someone asap",
    // "no bots please": [`asks_for_someone`]).
    "no more bots",
    "no more bot",
    "need someone now",
    // "support please", "get me support": the team, asked for.
    "support please",
    "support pls",
    "i need support",
    "get me support",
    "connect me to support",
    "put me through to support",
    "i need someone to help",
    "i need someone to talk",
    "get me someone",
    "stop giving me articles",
    // Support not answering ("support don't answer don't reply"): wants a person to.
    "support dont answer",
    "support doesnt answer",
    "support dont reply",
    "support doesnt reply",
    "no one responds",
    "nobody responds",
    "no one answers",
    "nobody answers",
    "no one replies",
    "nobody replies",
    "no response from support",
    "no reply from support",
    "no answer from support",
    // (Not "email me" alone: "it keeps asking to email me a code".)
    "someone email me",
    "somebody email me",
    "someone text me",
    "email me please",
    "please email me",
    "support number",
    "support email",
    "phone number to contact",
    "number to contact",
    "number i can call",
    "someone i can call",
    "somebody i can call",
    "anyone i can call",
    "anybody i can call",
    "someone to call",
    "somebody to call",
    "number to call",
    "support phone number",
    "phone number for support",
    "your phone number",
    "can i call you",
    "can i call someone",
    "call support",
    "call someone",
    "someone call me",
    "somebody call me",
    "someone to call me",
    "somebody to call me",
    "please call me",
    // A call-back asked with where to reach the user ("call me at 555-123-4567", "call me
    // please"; explorer rv46 F3/F19: read as a detail, or "didn't catch that").
    "call me please",
    "call me pls",
    "call me plz",
    "call me at",
    "call me on",
    "call me asap",
    "call me now",
    "call me today",
    "reach me at",
    "reach me on",
    "ring me",
    "can you call me",
    "could you call me",
    "call me back",
    "phone me",
    "give me a call",
    "can someone",
    "could someone",
    "can anyone",
    "could anyone",
    "anyone around",
    "you around",
    "no input from",
    "no answer from",
    "real person",
    "a person",
    "someone from",
    "somebody from",
    "someone who",
    "talk to",
    "speak to",
    "speak with",
    "talk with",
    "agent",
    "representative",
    "staff",
    "reopen",
    "re open",
    "respond",
    "no response",
    "a response",
    "any response",
    "no reply",
    "a reply",
    "any reply",
    "didnt reply",
    "havent replied",
    "hasnt replied",
    "not replied",
    "waiting for",
    "no one",
    "nobody",
    "anyone",
    "bump",
    "escalate",
    "live chat",
    "contact support",
    "contacting support",
    "support does not respond",
];

/// Who or what the user wants, said with nothing but words of asking ("customer service", "NO.
/// PERSON.", "humano por favor", "please raise a ticket"): a request then, and only then ("my
/// support team says it's the firewall", "should i open a ticket with the bank?", "still wont
/// connect me to my bank" tell of something else).
const WHO_ALONE: &[&str] = &[
    "connect me to",
    "connect me with",
    "transfer me to",
    "raise a ticket",
    "open a ticket",
    "create a ticket",
    "file a ticket",
    "log a ticket",
    "submit a ticket",
    "make a ticket",
    "customer care",
    "customer service",
    "customer support",
    "support team",
    "support person",
    "support agent",
    "operator",
    "person",
    // ("phone number?", "whats the phone number": the support line asked for.)
    "phone number",
    "phone no",
    "a manager",
    "your manager",
    // In the user's own language ("humano por favor", "une personne", "einen Menschen").
    "humano",
    "persona",
    "personne",
    "pessoa",
    "mensch",
    "menschen",
    "mitarbeiter",
];

/// "no need for a human", "dont need a person anymore": a person declined.
const DECLINED: &[&str] = &[
    // ("never mind the human, show me the other solutions": the request taken back.)
    "never mind the human",
    "nevermind the human",
    "nvm the human",
    "forget the human",
    "never mind the person",
    "nevermind the person",
    "nvm the person",
    "forget the person",
    "no customer",
    "no person",
    "no operator",
    "no human",
    "dont want customer",
    "dont want a person",
    "dont want an operator",
    "dont want a human",
    "dont want the support",
    "no need for a",
    "no need to talk",
    "dont need a",
    "dont need to talk",
    "no need for someone",
    // ("thanks, i dont think i need support anymore", "no more support please".)
    "dont need support",
    "dont think i need support",
    "no more support",
    "no need for support",
    "dont need any support",
];

/// The words of `text` that decline a person ("i dont want to talk to a human", "not ready
/// for an agent yet", "please don't escalate this"), when it says so: the negated wish, up to
/// the person or the hand-over it names. A bot declined ("i dont want to talk to a bot, get me
/// a human") is no such words (explorer rv49 F1: each of these opened a ticket).
pub fn declining_a_person(text: &Normalised) -> Option<String> {
    const NOT_WANTING: &[&str] = &[
        "dont want",
        "do not want",
        "dont need",
        "do not need",
        "not ready for",
        "not ready to",
        "no need for",
    ];
    const A_PERSON: &[&str] = &[
        "human",
        "humans",
        "person",
        "people",
        "agent",
        "agents",
        "someone",
        "somebody",
        "anyone",
        "rep",
        "representative",
        "operator",
        "staff",
        "support",
        "ticket",
        "escalate",
        "escalation",
    ];
    const HAND_OVER: &[&str] = &[
        "dont escalate",
        "do not escalate",
        "no escalation",
        "no human please",
        "no humans please",
        "no person please",
        "no agent please",
        "no human needed",
        "no person needed",
    ];
    if let Some(said) = HAND_OVER.iter().find(|p| text.has(p)) {
        return Some((*said).to_string());
    }
    let words: Vec<&str> = text.words().collect();
    let padded = |from: usize, to: usize| words[from..to].join(" ");
    for (at, _) in words.iter().enumerate() {
        let Some(not) = NOT_WANTING.iter().find(|n| {
            let n_words = n.split(' ').count();
            at + n_words <= words.len() && padded(at, at + n_words) == **n
        }) else {
            continue;
        };
        let from = at + not.split(' ').count();
        // The person within a few words ("to talk to a real person"), no bot before it.
        for (offset, w) in words[from..].iter().take(6).enumerate() {
            if *w == "bot" || *w == "bots" || *w == BREAK {
                break;
            }
            if A_PERSON.contains(w) {
                return Some(padded(at, from + offset + 1));
            }
        }
    }
    None
}

pub fn human(text: &Normalised) -> bool {
    // "talk to you later": a goodbye, taken out before looking for a request ("have a person
    // call me please, talk to you later" still asks).
    const FAREWELLS: &[&str] = &[
        "talk to you later",
        "talk to you soon",
        "talk to u later",
        "talk with you later",
        "speak to you later",
        "speak to you soon",
        "speak with you later",
        "talk to you tomorrow",
        "talk to u tomorrow",
        "speak to you tomorrow",
    ];
    // "no reply yet from the bank", "still waiting for a reply from my admin": someone else is
    // awaited, not support (unless a person is asked for outright).
    const SOMEONE_ELSE_AWAITED: &[&str] = &[
        "from the bank",
        "from my bank",
        "from the admin",
        "from my admin",
        "from our admin",
        "from my it",
        "from our it",
        "from the it",
        "from my accountant",
        "from our accountant",
        "from my boss",
        "from the payroll company",
        // ("my accountant will call me at 3 about it": someone else calls back.)
        "will call me",
        "going to call me",
        "gonna call me",
        "is calling me",
    ];
    // "please i need help": a plea for help, said short, asks for someone (a longer reply
    // with "need help" in it is most often a description: "need help with payroll, it ...").
    // ("please help" alone is read as a greeting that asks what is wrong.)
    const PLEAS: &[&str] = &["need help", "need some help", "need your help"];
    // "nobody else in the office has it", "wow that worked, said no one ever", "no one told
    // me to do that": nobody asked for (explorer rv45 F7: each opened a ticket unasked).
    const NOBODY_ASKED_FOR: &[&str] = &[
        "nobody else",
        "no one else",
        "noone else",
        "said no one",
        "said nobody",
        "says no one",
        "says nobody",
        "no one told",
        "nobody told",
        "no one said",
        "nobody said",
    ];
    let rest = text
        .without(FAREWELLS)
        .without(NO_ONE_CAN)
        .without(NOBODY_ASKED_FOR);
    let awaits_someone_else = text.any(SOMEONE_ELSE_AWAITED) && !asks_for_a_person(text);
    // ("need help with step 3" asks about the step, "need help finding the server" is a
    // question: only the plea and words of asking may be there.)
    const BESIDE_A_PLEA: &[&str] = &[
        "please", "pls", "plz", "i", "me", "now", "asap", "urgent", "urgently", "really", "hi",
        "hey", "hello", "im", "in", "someone", "somebody", "still",
    ];
    let pleads = text.word_count() <= 5
        && rest.any(PLEAS)
        && rest
            .without(PLEAS)
            .words()
            .all(|w| w == BREAK || BESIDE_A_PLEA.contains(&w));
    // "je veux pas parler avec une personne", "ich möchte nicht mit einem Menschen sprechen":
    // a refusal (the negations are there for "je ne comprends pas", "ich verstehe nicht").
    const REFUSES: &[&str] = &[
        "pas",
        "nicht",
        "kein",
        "keinen",
        "keine",
        "no quiero",
        "no necesito",
        "nao",
        "não",
    ];
    let refuses = rest
        .without(super::languages::NOT_UNDERSTOOD_IN_OTHER_LANGUAGES)
        .any(REFUSES);
    let who_alone = rest.any(WHO_ALONE)
        && only_words_of(&rest.without(WHO_ALONE), HUMAN_REQUEST_WORDS)
        && !refuses;
    let only_asks = asks_for_someone(text) && !someone_for_something_else(text);
    (rest.any(HUMAN) || opens_with_a_request(&rest) || pleads || who_alone || only_asks)
        && !text.any(DECLINED)
        && declining_a_person(text).is_none()
        && !awaits_someone_else
        && !someone_for_something_else(text)
}

/// "i need someone asap", "ugh i need someone to look at this", "no bots please, this is
/// urgent": someone, or no bot, asked for by what follows; not "we need someone to approve
/// it", "i need someone at the office to do this step", "no bots here would know".
fn asks_for_someone(text: &Normalised) -> bool {
    // What may follow "i need someone" in a request.
    const AFTER_SOMEONE: &[&str] = &[
        "asap", "now", "please", "pls", "plz", "urgently", "urgent", "real", "who", "that", "from",
        "quick", "quickly", "today", "thanks", "help", "helping",
    ];
    // "someone to ...": the deeds of support, done to the user or this ("to look at this",
    // not "to check the router first").
    const TO_DO: &[&str] = &[
        "help", "look", "talk", "fix", "call", "check", "contact", "speak", "chat", "assist",
        "answer", "reply",
    ];
    const TO_WHAT: &[&str] = &[
        "me", "this", "it", "my", "us", "our", "at", "into", "with", "asap", "now", "please",
        "pls", "urgently",
    ];
    // What may follow "no bots" (or end the reply): "no bots please".
    const AFTER_NO_BOTS: &[&str] = &[
        "please", "pls", "plz", "just", "thanks", "thank", "anymore", "again", "ever", "now",
    ];
    // ("i dont need someone ... anymore, it works": declined.)
    const NOT: &[&str] = &["dont", "not", "never", "no", "doesnt", "didnt", "longer"];
    let words: Vec<&str> = text.words().collect();
    let next = |at: usize| words.get(at).copied();
    // Only the user asks: "i need someone", "need someone asap"; not "we", "you" or "they".
    let asker_is_the_user = |i: usize| match i.checked_sub(2).map(|j| words[j]) {
        None => true,
        Some(who) => {
            who == "i" || who == BREAK || !["we", "you", "they", "he", "she"].contains(&who)
        }
    };
    // (A negator right before "need", in the same clause: "didnt work, i need someone asap"
    // asks.)
    let negated = |need: usize| {
        words[need.saturating_sub(2)..need]
            .iter()
            .rev()
            .take_while(|w| **w != BREAK)
            .any(|w| NOT.contains(w))
    };
    words.iter().enumerate().any(|(i, w)| match *w {
        "someone"
            if i >= 1 && words[i - 1] == "need" && asker_is_the_user(i) && !negated(i - 1) =>
        {
            match next(i + 1) {
                None => true,
                Some(n) if n == BREAK => true,
                Some("to") => {
                    next(i + 2).is_some_and(|v| TO_DO.contains(&v))
                        && next(i + 3).is_none_or(|o| o == BREAK || TO_WHAT.contains(&o))
                }
                Some(n) => AFTER_SOMEONE.contains(&n),
            }
        }
        // ("no bots, please": the same, past the comma.)
        "bots" | "bot" if i >= 1 && words[i - 1] == "no" => match next(i + 1) {
            None => true,
            Some(n) if n == BREAK => next(i + 2).is_none_or(|m| AFTER_NO_BOTS.contains(&m)),
            Some(n) => AFTER_NO_BOTS.contains(&n),
        },
        _ => false,
    })
}

/// Whether the someone or the bots a reply names are not a request for support: "i need
/// someone with admin rights for this, ill ask my boss", "no bots were involved".
fn someone_for_something_else(text: &Normalised) -> bool {
    const FOR_SOMETHING_ELSE: &[&str] = &[
        "someone with",
        "someone to give",
        "someone to help me get",
        "ill ask my",
        "i will ask my",
        "ill ask our",
        "i will ask our",
        "no bots were",
        "no bots was",
        "no bots are",
        "no bots involved",
        "no bots used",
        "no bot was",
        "no bot involved",
    ];
    text.any(FOR_SOMETHING_ELSE) && !asks_for_a_person(text)
}

/// Asks for a person when said first ("yeah get someone", "ok hand it over"); later in a
/// sentence they are about someone else ("let me get someone to check the router", "ill hand
/// it over to my it guy").
const OPENING_REQUESTS: &[&str] = &[
    "get someone",
    "get somebody",
    "get me someone",
    "get a person",
    "get me a person",
    "hand it over",
    "hand this over",
    "hand me over",
    "someone pls",
    "someone please",
];
/// Words before an opening request that leave it one ("yeah", "ok", "pls").
const BEFORE_A_REQUEST: &[&str] = &[
    "yes", "yeah", "yep", "yup", "ya", "ok", "okay", "k", "pls", "please", "plz", "just", "then",
    "so", "sure", "fine",
];

fn opens_with_a_request(text: &Normalised) -> bool {
    let words: Vec<&str> = text.words().filter(|w| *w != BREAK).collect();
    let start = words
        .iter()
        .position(|w| !BEFORE_A_REQUEST.contains(w))
        .unwrap_or(words.len());
    let rest = format!(" {} ", words[start..].join(" "));
    OPENING_REQUESTS
        .iter()
        .any(|r| rest.starts_with(&format!(" {r} ")))
}

/// Words that, around a cue of [`HUMAN`], only make the request ("can i talk to a real person
/// please", "i want to speak with someone now").
const HUMAN_REQUEST_WORDS: &[&str] = &[
    "can",
    "could",
    "may",
    "i",
    "we",
    "id",
    "would",
    "like",
    "want",
    "wanna",
    "need",
    "please",
    "pls",
    "plz",
    "to",
    "a",
    "an",
    "the",
    "with",
    "me",
    "let",
    "get",
    "connect",
    "put",
    "through",
    "someone",
    "somebody",
    "person",
    "people",
    "real",
    "actual",
    "live",
    "support",
    "team",
    "help",
    "just",
    "now",
    "asap",
    "ok",
    "okay",
    "yes",
    "no",
    "instead",
    "rather",
    "talk",
    "speak",
    "chat",
    "thanks",
    "thank",
    "you",
    "there",
    "is",
    "here",
    "or",
    "from",
    "your",
    "this",
    "give",
    "up",
    "sorry",
    "be",
    "right",
    "u",
    "ur",
    "whatever",
    "fine",
    "ugh",
    "send",
    "find",
    "call",
    // Asking in Spanish, French, Portuguese or German ("no entiendo, puedo hablar con una
    // persona?", "je veux parler avec une personne", "ich möchte mit einem Menschen sprechen").
    "puedo",
    "quiero",
    "necesito",
    "hablar",
    "con",
    "una",
    "por",
    "favor",
    "entiendo",
    "je",
    "veux",
    "peux",
    "parler",
    "avec",
    "une",
    "comprends",
    "ne",
    "pas",
    "quero",
    "preciso",
    "falar",
    "com",
    "uma",
    "entendo",
    "ich",
    "möchte",
    "mochte",
    "mit",
    "einem",
    "sprechen",
    "bitte",
    "verstehe",
    "nicht",
    HAPPY,
    SAD,
    "customer",
    "care",
    "service",
    "executive",
    "sir",
    "maam",
    "madam",
    "ticket",
    "raise",
    "open",
    "create",
    "file",
    "log",
    "submit",
    "make",
    "operator",
    "humano",
    "por",
    "favor",
    "persona",
    "personne",
    "pessoa",
    "mensch",
    "menschen",
    "einen",
    "bitte",
    "bot",
    "robot",
    "agent",
    "manager",
    "more",
];

/// The cues of [`HUMAN`] that ask for a person outright, whatever else is said ("anyone" or
/// "waiting for" may be about something else).
const PERSON: &[&str] = &[
    "human",
    "real person",
    "talk to a person",
    "speak to a person",
    "talk to someone",
    "speak to someone",
    "speak with someone",
    "talk with someone",
    "talk to an agent",
    "speak to an agent",
    "live agent",
    "representative",
    "live chat",
    "get me a person",
    "get me someone",
    "get me a human",
    "find me a person",
    "find me someone",
    "get me a manager",
    "get me a supervisor",
    "talk to a manager",
    "speak to a manager",
    "talk to a supervisor",
    "speak to a supervisor",
    // Roundabout, asked outright (an explorer's; "contact support" may be a plan: "ill
    // contact support if it comes back").
    "speak to your supervisor",
    "talk to your supervisor",
    "put me through",
    "get a call back",
    "get a callback",
    "call me back",
    "someone look at my account",
    "how do i contact",
    "how can i contact",
    "how do i reach",
    "how can i reach",
    // Contact asked for (an explorer's, rv45 F18: "can someone email me" was matched as the
    // 500 article, "whats the support phone number" as a list of problems).
    "someone email me",
    "somebody email me",
    "someone to email me",
    "someone text me",
    "someone call me",
    "someone phone me",
    "email me please",
    "please email me",
    "can you email me",
    "support phone number",
    "support number",
    "phone number for support",
    "your phone number",
    "support email",
    "email address for support",
];

/// Whether the message asks for a person outright ("can i talk to a person, ...").
pub fn asks_for_a_person(text: &Normalised) -> bool {
    text.any(PERSON) || opens_with_a_request(text)
}

/// Whether a request for a person also says the fix did not work ("didnt work. can i talk to
/// a human").
pub fn not_fixed_beside_human(text: &Normalised) -> bool {
    // "i'd still like to talk to a human": a "still" of the request says nothing of the fix.
    // ("no entiendo, puedo hablar con una persona?": "I don't understand", no "no" to the fix.)
    let rest = text
        .without(HUMAN)
        .without(&["no bots", "no bot"])
        .without(&["still like", "still want", "still need"])
        // ("no time for this, escalate": impatience, no word of the fix.)
        .without(&[
            "no time for this",
            "no time",
            "dont have time",
            "dont have all day",
            "no patience",
        ])
        .without(super::languages::NOT_UNDERSTOOD_IN_OTHER_LANGUAGES)
        // ("IT says they wont change anything until intuit confirms. can i talk to someone":
        // a step kept from the user, no "nothing changed"; explorer rv46 F6.)
        .without(super::tried::CANT_DO);
    human(text) && strong_not_fixed(&rest)
}

/// "useless. human please", "waste of time, agent": the walk judged no help beside a request
/// for a person. At a fix, that fix did not help either (explorer rv47 F10: it stayed "no
/// answer" on the ticket); after a fix, it says nothing of that fix.
pub fn no_help_beside_human(text: &Normalised) -> bool {
    const NO_HELP: &[&str] = &[
        "useless",
        "waste of time",
        "wasting my time",
        "pointless",
        "not helpful",
        "not helping",
        "no help",
        "unhelpful",
    ];
    // ("i havent tried that, this bot is pointless, get me a human": nothing tried.)
    const NOT_TRIED: &[&str] = &[
        "havent tried",
        "have not tried",
        "didnt try",
        "did not try",
        "not tried",
    ];
    human(text) && text.any(NO_HELP) && !text.any(NOT_TRIED)
}

/// Whether the reply asks for a person and says nothing else (so it adds nothing to a ticket).
pub fn only_asks_for_a_human(text: &Normalised) -> bool {
    // A plea ("i need help asap") asks for someone, but says nothing a ticket could start from:
    // as a first message it is asked what is wrong.
    // ("i want to talk to a real person not a bot": who is not wanted says nothing more.)
    const NOT_A_BOT: &[&str] = &[
        "not a bot",
        "not the bot",
        "not a robot",
        "not a machine",
        "not an ai",
        "not ai",
        "not you",
    ];
    let text = &text.without(NOT_A_BOT);
    // ("i need someone asap", "no bots please": [`asks_for_someone`].)
    const SOMEONE: &[&str] = &["need someone", "no bots", "no bot"];
    (text.any(HUMAN) || text.any(WHO_ALONE) || opens_with_a_request(text) || asks_for_someone(text))
        && human(text)
        && only_words_of(
            &text.without(HUMAN).without(WHO_ALONE).without(SOMEONE),
            HUMAN_REQUEST_WORDS,
        )
}

/// Says the bot is no help ("this is useless", "waste of time").
const FED_UP: &[&str] = &[
    // Impatience ("i dont have all day").
    "dont have all day",
    "do not have all day",
    "havent got all day",
    "no time for this",
    "dont have time for this",
    "useless",
    "garbage",
    "are you even listening",
    "you arent listening",
    "youre not listening",
    "not even listening",
    "not helpful",
    "not helping",
    "isnt helping",
    "isnt helpful",
    "arent helping",
    "no help",
    "waste of time",
    "wasting my time",
    "this sucks",
    "you suck",
    "stupid bot",
    "dumb bot",
    "pointless",
    "ridiculous",
    "unacceptable",
    "this is a joke",
    "going nowhere",
    "getting nowhere",
    "going in circles",
    // Giving up on the bot ("i give up"): a person is what is left.
    "give up",
    "giving up",
    "gave up",
    "done with this",
];

/// What may be said around being fed up ("ugh this bot is so useless lol").
const FED_UP_FILLER: &[&str] = &[
    "this",
    "is",
    "its",
    "so",
    "ugh",
    "omg",
    "wtf",
    "lol",
    "man",
    "dude",
    "bot",
    "you",
    "u",
    "r",
    "are",
    "ur",
    "youre",
    "totally",
    "completely",
    "really",
    "just",
    "such",
    "a",
    "at",
    "all",
    "honestly",
    "seriously",
    "very",
    "of",
    "time",
    "my",
    "the",
    "thing",
    "sigh",
    "wow",
    "great",
    "ok",
    "okay",
    "i",
    "im",
    "ffs",
    "fml",
    "bruh",
    "with",
    SAD,
];

/// "actually nvm i dont need a person, lets keep trying the steps", "can we keep going with
/// the fixes": more of the walk asked for, after a hand-over (explorer rv47 F12: not
/// understood, and the walk could not be taken up again). Not a person asked for again.
pub fn goes_on_with_the_steps(text: &Normalised) -> bool {
    // (Explicit: not a bare "next step" or "keep going", said of many things; review of
    // rv47 F12.)
    const MORE_STEPS: &[&str] = &[
        "keep trying the",
        "keep going with the",
        "keep trying more",
        "continue with the steps",
        "continue with the fixes",
        "continue the steps",
        "continue the fixes",
        "go on with the steps",
        "go on with the fixes",
        "try the steps",
        "try more steps",
        "try more fixes",
        "try the other steps",
        "try the other fixes",
        "try the rest of the",
        "back to the steps",
        "back to the fixes",
        "show me the other solutions",
        "show me the other fixes",
        "more steps",
        "more fixes",
    ];
    // (A person declined says no request: "dont need a person" is no "a person". A code or
    // a number is more about a problem: "my bank feed also needs more fixes, error 103".)
    text.any(MORE_STEPS)
        && !human(text)
        && text.word_count() <= 16
        && !text.words().any(|w| w.bytes().any(|b| b.is_ascii_digit()))
}

/// Whether a short message only says the bot is no help ("this is useless", "ugh not
/// helpful"): a person is offered. A longer one ("the export is useless, it drops rows") says
/// more, and is read as it stands.
pub fn fed_up(text: &Normalised) -> bool {
    // "this is useless let me talk to someone" asks for the person: that is acted on; "this is
    // a joke, payroll wont update" says what is wrong.
    text.word_count() <= 8
        && text.any(FED_UP)
        && only_words_of(&text.without(FED_UP), FED_UP_FILLER)
        && !human(text)
        && !text.words().any(|w| w.bytes().any(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by a user explorer (rv49 F1): a person declined is no request for one.
    #[test]
    fn a_person_declined_is_told_from_a_bot_declined() {
        for declined in [
            "i dont want to talk to a human, just tell me what to do next",
            "please don't escalate this",
            "not ready for a human yet",
            "i do not need an agent",
            "no human please",
        ] {
            let text = Normalised::new(declined);
            assert!(declining_a_person(&text).is_some(), "{declined}");
            assert!(!human(&text), "{declined}");
        }
        for asked in [
            "i dont want to talk to a bot, get me a human",
            "human please, i dont want to talk to a bot",
            "i want to talk to a person",
        ] {
            let text = Normalised::new(asked);
            assert!(declining_a_person(&text).is_none(), "{asked}");
            assert!(human(&text), "{asked}");
        }
    }

    /// "i need someone asap" asks for a person; someone needed for something else, or bots
    /// that are not support, do not (a reviewer's cases).
    #[test]
    fn someone_asked_for_is_someone_from_support() {
        for asks in [
            "i need someone asap",
            "ugh i need someone to look at this",
            "no bots please, this is urgent",
            "i need someone",
        ] {
            assert!(human(&Normalised::new(asks)), "{asks}");
        }
        for not in [
            "hold on i need someone at the office to do this step",
            "ok ill try, we need someone to approve it anyway",
            "didnt work. no bots here would know the bank password anyway",
            "i need someone with admin rights for this, ill ask my boss",
            "no bots were involved, i did it by hand",
            // (A second reviewer's.)
            "i dont need someone to look at it anymore, it works",
            "no bot, it still fails",
            "you need someone to fix your servers lol",
            "i need someone to check the router first, brb",
            "i need someone here to unlock the firewall settings",
        ] {
            assert!(!human(&Normalised::new(not)), "{not}");
        }
        for asks in [
            "support please",
            "i need support",
            "get me support",
            // (A third reviewer's: the negation is the fix's, before the break.)
            "it failed, i need someone asap",
            "didnt work, i need someone asap",
            "not fixed. i need someone",
            "no bots, please",
        ] {
            assert!(human(&Normalised::new(asks)), "{asks}");
        }
        for done in [
            "thanks, i dont think i need support anymore",
            "it works now, no more support please",
        ] {
            assert!(!human(&Normalised::new(done)), "{done}");
        }
        // ("no support" from someone else is no "no" to support: a fourth reviewer's.)
        for asks in [
            "no support yet, please get me a human",
            "intuit gave me no support, can i talk to a person",
            "i dont think i need to restart again, just get me a human",
        ] {
            assert!(human(&Normalised::new(asks)), "{asks}");
        }
    }
}

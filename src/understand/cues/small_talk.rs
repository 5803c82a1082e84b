//! Says nothing of the problem: greetings, goodbyes, thanks, pauses, filler, bot questions.

use super::not_fixed::strong_not_fixed;
use super::only_words_of;
use crate::understand::text::{BREAK, HAPPY, Normalised, SAD};

/// Says the answer is coming ("brb", "hold on", "give me a minute").
const PAUSES: &[&str] = &[
    "hold on",
    "hang on",
    "hold up",
    "sec",
    "one second",
    "a second",
    "brb",
    "be right back",
    "one sec",
    "a sec",
    "one moment",
    "a moment",
    "one min",
    "a min",
    "a minute",
    "a few minutes",
    "gimme",
    "give me",
    "wait",
    "trying now",
    "trying it now",
    "on it",
    "doing it now",
    "let me try",
    "lemme try",
];

/// Says the user steps away for a while and will be back ("afk", "lunch, back in an hour", "in
/// a meeting"), or goes off to do something first ("let me restart my computer"): an answer
/// later, as [`PAUSES`] say.
const STEPPING_AWAY: &[&str] = &[
    "afk",
    "away from keyboard",
    "away from my desk",
    "stepping away",
    "step away",
    "stepping out",
    "lunch",
    "in a meeting",
    "into a meeting",
    "a meeting now",
    "be back",
    "back in an hour",
    "back in a bit",
    "back in a while",
    "back in a few",
    "back in a minute",
    "let me restart",
    "lemme restart",
    "let me reboot",
    "lemme reboot",
    "gonna restart",
    "going to restart",
    "ill restart",
    "restarting now",
    "rebooting now",
    "restarting my",
    "rebooting my",
];

/// Whether a short message only thanks, with filler or a goodbye ("ok thanks bye", "cool ty").
pub fn only_thanks(text: &Normalised) -> bool {
    if only_praise(text) {
        return true;
    }
    text.word_count() <= 6
        && thanks(text)
        && text
            .words()
            .filter(|w| *w != BREAK)
            .all(|w| FILLER_WORDS.contains(&w) || SMALL_TALK_WORDS.contains(&w))
}

/// Goodbyes ("bye", "ttyl", "gotta go", "talk to you later").
const GOODBYES: &[&str] = &[
    "bye",
    "good bye",
    "good night",
    "cheers",
    "byee",
    "goodbye",
    "cya",
    "ttyl",
    "see ya",
    "see you",
    "gotta go",
    "got to go",
    "have to go",
    "talk to you later",
    "talk to you soon",
    "talk to u later",
    "talk with you later",
    "speak to you later",
    "speak to you soon",
    "talk to you tomorrow",
    "talk to u tomorrow",
    "speak to you tomorrow",
    "see you tomorrow",
];
/// Words a goodbye may come with ("ok ttyl", "later then").
const GOODBYE_FILLER: &[&str] = &[
    "bye", "byee", "goodbye", "cya", "ttyl", "see", "ya", "you", "u", "gotta", "got", "have", "to",
    "go", "talk", "speak", "with", "later", "soon", "for", "now", "then", "must", "i", "need",
    "ok", "okay", "k", "alright", "well", "anyway", "anyways", "thanks", "thank", "thx", "ty",
    "cheers", "mate", "buddy", "dude", "tomorrow", "tmrw", HAPPY,
];

/// Words that say all is well, which a goodbye may also come with where no fix is open ("all
/// good, bye"); at a fix they say it worked ("all good thanks, bye").
const ALL_WELL: &[&str] = &["all", "good", "great"];

/// Whether a short message only says goodbye ("bye", "gotta go, ttyl"): no answer, no news.
pub fn only_a_goodbye(text: &Normalised) -> bool {
    text.word_count() <= 8
        && text.any(GOODBYES)
        && !text.is_question()
        && only_words_of(&text.without(&["good bye", "good night"]), GOODBYE_FILLER)
}

/// [`only_a_goodbye`], or one that also says all is well ("all good, bye"): a goodbye where no
/// fix is open to be answered by it.
pub fn only_a_goodbye_all_well(text: &Normalised) -> bool {
    only_a_goodbye(text)
        || (text.word_count() <= 8
            && text.any(GOODBYES)
            && !text.is_question()
            && only_words_of(&text.without(ALL_WELL), GOODBYE_FILLER))
}

/// Words that greet ("hi", "hello again", "u there?"), as small talk that only thanks or asks
/// for help does not.
const GREETS: &[&str] = &[
    "hi",
    "hii",
    "hello",
    "helo",
    "hey",
    "heya",
    "hiya",
    "yo",
    "howdy",
    "greetings",
    "sup",
    "morning",
    "afternoon",
    "evening",
    "hola",
    "bonjour",
    "hallo",
    "ciao",
    // "I'm back": the user, not the trouble ("its back").
    "im back",
    "i am back",
];

/// Asking whether anyone is there: a greeting only as a question ("u still there?"; "still
/// there" says the trouble is).
const ANYONE_THERE: &[&str] = &[
    "u there",
    "you there",
    "still there",
    "anyone there",
    "anybody there",
];

/// Whether the message greets, in words of greeting (not "all good", not "bye").
pub fn greets(text: &Normalised) -> bool {
    (text.any(GREETS) || (text.is_question() && text.any(ANYONE_THERE))) && !only_a_goodbye(text)
}

/// Whether a short message only says the answer is coming ("brb", "ok give me a minute").
pub fn only_a_pause(text: &Normalised) -> bool {
    // "k trying" said alone ("still trying to sign in" is no pause).
    const TRYING_ALONE: &[&str] = &[
        "trying",
        "k trying",
        "ok trying",
        "okay trying",
        "trying it",
    ];
    let alone = TRYING_ALONE.contains(&text.padded().trim());
    // ("no wait it doesnt, 503 again": "wait" before a result is no pause.)
    (text.word_count() <= 6 && (text.any(PAUSES) || a_moment(text)) || alone)
        && !text.is_question()
        && !strong_not_fixed(&text.without(PAUSES))
        || steps_away(text)
}

/// Whether a short message only says the user steps away for a while ("afk", "lunch, back in
/// an hour", "ok let me restart my computer"), with nothing of how the fix went ("back from
/// lunch, still broken" tells it).
pub fn steps_away(text: &Normalised) -> bool {
    text.word_count() <= 8
        && text.any(STEPPING_AWAY)
        && !text.is_question()
        && !strong_not_fixed(text)
        && !super::fixed::strong_fixed(text)
        && !super::new_problem::trouble_in_words(text)
        && !super::did_not_last::fix_did_not_last(text)
}

/// A short message that only asks for a moment in numbers ("1 sec", "give me 5 min").
pub fn only_a_moment(text: &Normalised) -> bool {
    text.word_count() <= 6 && a_moment(text) && !text.is_question()
}

/// "1 sec", "5 mins", "give me 2 minutes": a moment, in numbers; "takes 5 minutes to load" and
/// "frozen for 10 minutes" say how long something takes.
fn a_moment(text: &Normalised) -> bool {
    const UNITS: &[&str] = &[
        "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "moment",
    ];
    // Words that say how long something takes or took, not that the user needs a moment.
    const HOW_LONG: &[&str] = &[
        "takes", "take", "took", "taking", "for", "after", "then", "load", "loads", "loading",
        "loaded", "spins", "spinning", "spun", "frozen", "freezes", "froze", "stuck", "blank",
        "waited", "waiting", "every", "each", "ago", "still", "since", "later", "over", "than",
        "until", "error", "times", "out", "timeout", "hangs", "hung",
    ];
    let is_number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let words: Vec<&str> = text.words().filter(|w| *w != BREAK).collect();
    let moment = words
        .windows(2)
        .any(|w| is_number(w[0]) && UNITS.contains(&w[1]))
        || words.iter().any(|w| {
            // "5min", "2mins"
            let digits = w.bytes().take_while(u8::is_ascii_digit).count();
            digits > 0 && UNITS.contains(&&w[digits..])
        });
    moment && !words.iter().any(|w| HOW_LONG.contains(w))
}

/// Words of a message that greets, thanks or asks for help without saying what is wrong
/// ("hey", "hello everyone", "can anyone help me?", "thanks!").
const SMALL_TALK_WORDS: &[&str] = &[
    "im",
    "am",
    "back",
    "hi",
    "hii",
    "hello",
    "helo",
    "hey",
    "heya",
    "hiya",
    "yo",
    "howdy",
    "greetings",
    "sup",
    "good",
    "morning",
    "afternoon",
    "evening",
    "there",
    "again",
    "all",
    "everyone",
    "everybody",
    "anyone",
    "anybody",
    "guys",
    "folks",
    "team",
    "bot",
    "supportbot",
    "thanks",
    "thank",
    "you",
    "thx",
    "ty",
    "please",
    "pls",
    "plz",
    "help",
    "me",
    "i",
    "need",
    "some",
    "can",
    "could",
    "someone",
    "somebody",
    "is",
    "here",
    "a",
    "question",
    "quick",
    "have",
    "got",
    "test",
    "testing",
    "hola",
    "bonjour",
    "hallo",
    "ciao",
    "so",
    "much",
    "lot",
    "very",
    // "thanks bye", "thank you so much you saved my day".
    // "u there?", "r u still there"
    "u",
    "r",
    "are",
    "still",
    "bye",
    "goodbye",
    "cya",
    "cheers",
    "saved",
    "my",
    "day",
    "life",
    // Praise and farewells ("thanks!! you're the best", "you're a lifesaver", "great thanks
    // for your help", "thanks, have a nice day").
    "youre",
    "ur",
    "the",
    "best",
    "lifesaver",
    "legend",
    "star",
    "hero",
    "great",
    "for",
    "your",
    "nice",
    "wonderful",
    "awesome",
    "amazing",
    "appreciate",
    "it",
    "really",
    HAPPY,
];

/// Words that say nothing about a problem on their own ("ok", "wait what", "cool", "hmm?").
const FILLER_WORDS: &[&str] = &[
    "ok", "okay", "k", "kk", "cool", "wait", "what", "huh", "hmm", "hm", "hmmm", "uh", "um", "umm",
    "oh", "ah", "so", "and", "then", "right", "alright", "fine", "great", "nice", "sure", "yes",
    "yeah", "yep", "yup", "no", "nope", "nah", "really", "lol", "haha", "wow", "oops", "sorry",
    "well", "again", "now", "this", "that", "it", "is", "the", "i", "see", "you", "mean", "do",
    "thanks", "thank", "thx", "ty", "got", "gotcha", "actually", HAPPY, SAD,
];

/// A friendly word to the bot ("thanks mate", "ok buddy"); beside a "no" or "again" it is no
/// politeness ("nope dude" doubts the fix).
const FRIENDLY: &[&str] = &["mate", "buddy", "dude", "bro", "man"];
/// What a friendly word may stand beside in an acknowledgement.
const ACKNOWLEDGING: &[&str] = &[
    "ok", "okay", "k", "kk", "cool", "great", "nice", "sure", "alright", "fine", "thanks", "thank",
    "thx", "ty", "cheers", "you", HAPPY,
];

/// Whether the message is filler, small talk or nothing at all (see [`super::super::says_nothing`]).
pub fn only_filler(text: &Normalised) -> bool {
    only_words_of(text, FILLER_WORDS)
        || only_small_talk(text)
        || (text.any(FRIENDLY) && only_words_of(&text.without(FRIENDLY), ACKNOWLEDGING))
}

/// Praise of the bot or the team ("love this bot", "you guys rock", "you're doing great btw"):
/// kind words, no news of the problem. Phrases only: "great" or "awesome" alone at a fix say
/// it worked.
const PRAISE: &[&str] = &[
    "love this bot",
    "love this",
    "love you",
    "love u",
    "you guys are awesome",
    "you guys are great",
    "you guys rock",
    "you are awesome",
    "youre awesome",
    "ur awesome",
    "you rock",
    "u rock",
    "youre doing great",
    "you are doing great",
    "doing great",
    "doing a great job",
    "good job",
    "great job",
    "nice job",
    "nice work",
    "good work",
    "great work",
    "awesome work",
    "well done",
    "good bot",
    "great bot",
    "nice bot",
    "keep up the good work",
    "keep it up",
    "best bot",
    "great service",
    "great support",
];

/// Words beside praise or thanks that say nothing of the problem ("thanks for the help last
/// week", "you're doing great btw").
const BESIDE_PRAISE: &[&str] = &[
    "btw",
    "by the way",
    "last week",
    "last time",
    "yesterday",
    "the other day",
    "earlier",
    "so far",
    "seriously",
    "honestly",
];

/// The message without its praise and the words beside it.
fn without_praise(text: &Normalised) -> Normalised {
    text.without(PRAISE).without(BESIDE_PRAISE)
}

/// Whether the message praises the bot or the team (see [`PRAISE`]).
pub fn praises(text: &Normalised) -> bool {
    text.any(PRAISE)
}

/// Whether the message only praises, with thanks or small talk beside ("love this bot", "you
/// guys are awesome, thanks for the help last week"): kind words, answered in kind.
pub fn only_praise(text: &Normalised) -> bool {
    praises(text) && {
        let rest = without_praise(text);
        rest.is_empty() || only_words_of(&rest, SMALL_TALK_WORDS) || only_filler(&rest)
    }
}

/// Whether the message only greets, thanks or asks for help (see [`super::super::small_talk()`]).
pub fn only_small_talk(text: &Normalised) -> bool {
    if only_praise(text) {
        return true;
    }
    // "hi again" greets; "again" alone, after a fix, says the problem is back ("back" too, and
    // "im back" greets).
    !text.is_empty()
        && only_words_of(text, SMALL_TALK_WORDS)
        && text.words().any(|w| !["again", "back"].contains(&w))
        && (!text.has("back") || text.any(&["im back", "i am back"]))
}

/// Whether the reply only thanks and says "no problem" ("Thanks, no problem!"): politeness,
/// not "no problem any more".
pub fn thanks_no_problem(text: &Normalised) -> bool {
    // ("not anymore thanks", "nothing else, thanks": no problem left.)
    const NO_PROBLEM: &[&str] = &[
        "no problem",
        "no problems",
        "no prob",
        "np",
        "not anymore",
        "not any more",
        "nothing else",
    ];
    thanks(text) && text.any(NO_PROBLEM) && only_small_talk(&text.without(NO_PROBLEM))
}

/// Whether the message thanks ("thanks", "thank you", "ty").
pub fn thanks(text: &Normalised) -> bool {
    text.any(&[
        "thanks",
        "thank",
        "thx",
        "ty",
        "tyvm",
        "tks",
        "thks",
        "thnx",
        "thanx",
        "cheers",
        // Praise thanks too ("you're a lifesaver").
        "lifesaver",
        "youre the best",
        "ur the best",
        "youre a legend",
        "youre a star",
        "appreciate it",
    ])
}

/// Asks whether the user is talking to a bot ("r u a bot?", "am i talking to a real person").
const BOT_QUESTIONS: &[&str] = &[
    "are you a bot",
    "are u a bot",
    "r u a bot",
    "ru a bot",
    "is this a bot",
    "is this a robot",
    "are you a robot",
    "r u a robot",
    "is this automated",
    "are you automated",
    "are you ai",
    "are you an ai",
    "r u ai",
    "is this ai",
    "is this an ai",
    "are you human",
    "are you a human",
    "r u human",
    "r u a human",
    "are u human",
    "are you real",
    "r u real",
    "are you a real person",
    "are you a person",
    "is this a real person",
    "is this a person",
    "is this a human",
    "am i talking to",
    "am i chatting with",
    "am i speaking to",
    "is anyone real",
    "are you chatgpt",
    "is this chatgpt",
];

/// The words a question about the bot is made of, and nothing more: "are you a bot?" beside
/// a problem ("are you a bot? payroll is broken") is a description.
const BOT_TALK_WORDS: &[&str] = &[
    "are",
    "you",
    "u",
    "r",
    "ru",
    "a",
    "an",
    "is",
    "this",
    "am",
    "i",
    "talking",
    "chatting",
    "speaking",
    "to",
    "with",
    "bot",
    "robot",
    "ai",
    "automated",
    "machine",
    "human",
    "person",
    "real",
    "or",
    "someone",
    "anyone",
    "chatgpt",
    "just",
    "actually",
    "so",
    "wait",
    "hey",
    "hi",
    "hello",
    "ok",
    "okay",
    "lol",
    "haha",
    "hmm",
    "curious",
    "wondering",
    "seriously",
    "genuinely",
    "even",
    "just",
    "here",
    "now",
    "live",
    HAPPY,
    SAD,
];

/// The words of an answer that names no problem ("same", "didnt work", "nope still
/// broken").
const REPLY_WORDS: &[&str] = &[
    "same",
    "thing",
    "didnt",
    "did",
    "not",
    "doesnt",
    "dont",
    "work",
    "worked",
    "working",
    "works",
    "help",
    "helped",
    "still",
    "broken",
    "no",
    "nope",
    "nah",
    "nothing",
    "changed",
    "change",
    "it",
    "that",
    "this",
    "its",
    "here",
    "either",
    "too",
    "luck",
    "fixed",
    "yes",
    "yep",
    "unfortunately",
    "sadly",
    // "kinda", "a little better": in part, which is no answer with nothing asked either.
    "kinda",
    "sorta",
    "sort",
    "kind",
    "of",
    "partly",
    "partially",
    "little",
    "bit",
    "better",
    "a",
    SAD,
];

/// Whether every word is one of an answer that names no problem.
pub fn only_a_reply(text: &Normalised) -> bool {
    !text.is_empty()
        && only_words_of(text, REPLY_WORDS)
        && text
            .words()
            .any(|w| w != "it" && w != "that" && w != "this")
}

/// Asks what the bot does ("what can you do?", "how does this work?"): nothing else said.
const WHAT_YOU_DO: &[&str] = &[
    "what can you do",
    "what can u do",
    "what do you do",
    "what do u do",
    "what can you help with",
    "what can you help me with",
    "what do you help with",
    "how does this work",
    "how does this bot work",
    "how do you work",
    "how do i use this",
    "how do i use you",
    "what are you for",
    "what is this bot",
    "what is this for",
    "whats this bot",
    "what can i ask",
    "what can i ask you",
    "what should i type",
    "what do i type",
    "what do i do here",
];

/// Whether the message only asks what the bot does and how to use it ("hi, what can you do?",
/// "what can you help me with exactly").
pub fn asks_what_the_bot_does(text: &Normalised) -> bool {
    const AROUND: &[&str] = &[
        "hi", "hello", "hey", "so", "ok", "okay", "exactly", "here", "for", "me", "bot", "then",
        "please", "pls", BREAK,
    ];
    let rest = text.without(WHAT_YOU_DO);
    text.any(WHAT_YOU_DO) && rest.words().all(|w| AROUND.contains(&w))
}

/// Asks after the bot itself ("how are you?", "how's it going"): friendly, nothing wrong said.
const HOW_ARE_YOU: &[&str] = &[
    "how are you",
    "how are u",
    "how r u",
    "how r you",
    "hows it going",
    "how is it going",
    "hows your day",
    "how is your day",
    "how you doing",
    "how are you doing",
    "whats up",
    "wassup",
    "whats new",
];

/// Chat no support bot answers ("tell me a joke", "what's the weather like"): not a problem,
/// and nothing for a person on the support team either.
const OFF_TOPIC_CHAT: &[&str] = &[
    "tell me a joke",
    "tell me another joke",
    "tell a joke",
    "know any jokes",
    "know a joke",
    "say something funny",
    "make me laugh",
    "whats the weather",
    "what is the weather",
    "hows the weather",
    "how is the weather",
    "weather today",
    "whats your name",
    "what is your name",
    "who made you",
    "who built you",
    "who created you",
    "who programmed you",
    "sing me a song",
    "sing a song",
    "meaning of life",
    "whats your favorite",
    "what is your favorite",
    "whats your favourite",
    "do you have feelings",
    "are you alive",
    "are you sentient",
    "do you dream",
];

/// Words that may stand beside chat without saying anything else ("hey, how are you today?",
/// "can you tell me a joke please").
const AROUND_CHAT: &[&str] = &[
    "hi",
    "hello",
    "hey",
    "so",
    "ok",
    "okay",
    "please",
    "pls",
    "bot",
    "then",
    "today",
    "like",
    "can",
    "could",
    "you",
    "u",
    "me",
    "another",
    "one",
    "again",
    "lol",
    "haha",
    "doing",
    "going",
    "outside",
    "there",
    "here",
    "now",
    "mate",
    "buddy",
    "dude",
    "bro",
    "and",
    "btw",
    "by",
    "the",
    "way",
    "just",
    "wondering",
    "curious",
    "anyway",
    "a",
    HAPPY,
    BREAK,
];

/// Whether the message only asks after the bot ("hey, how are you?").
pub fn asks_how_the_bot_is(text: &Normalised) -> bool {
    only_chat(text, HOW_ARE_YOU)
}

/// Whether the message only asks for chat no support bot gives ("tell me a joke").
pub fn asks_for_chat(text: &Normalised) -> bool {
    only_chat(text, OFF_TOPIC_CHAT)
}

/// Whether the message names one of `phrases` and says nothing else ("whats up with
/// quickbooks" says more).
fn only_chat(text: &Normalised, phrases: &[&str]) -> bool {
    text.any(phrases)
        && text
            .without(phrases)
            .words()
            .all(|w| AROUND_CHAT.contains(&w))
}

/// Whether the message only asks if the user is talking to a bot.
pub fn asks_if_a_bot(text: &Normalised) -> bool {
    text.any(BOT_QUESTIONS) && only_words_of(text, BOT_TALK_WORDS)
}

//! Messages that say nothing of a problem: filler, greetings, thanks, goodbyes, bot questions.

use super::cues;
use super::text::Normalised;

/// Whether a message says nothing about any problem: filler ("ok", "wait what", "cool
/// thanks", "hmm?"), a greeting, or no words at all ("🙃"). Such a message is not matched
/// against the articles: a sentence model finds some article near anything.
pub fn says_nothing(message: &str) -> bool {
    let text = Normalised::new(message);
    // (Words of any script count: "无法登录" says something.)
    !message.chars().any(char::is_alphanumeric) || (!text.is_empty() && cues::only_filler(&text))
}

/// Whether the message only asks what the bot does ("what can you do?", "how does this
/// work?"): answered with how it helps.
pub fn asks_what_the_bot_does(message: &str) -> bool {
    cues::asks_what_the_bot_does(&Normalised::new(message))
}

/// Chat that is no problem and no question for the support team.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chat {
    /// "hey, how are you?", "what's up": asked after the bot.
    HowAreYou,
    /// "tell me a joke", "what's the weather like": what a support bot does not do.
    OffTopic,
}

/// Whether a message is only chat ("how are you?", "tell me a joke"): answered in a line, with
/// what the bot is for, never matched against the articles (a sentence model finds an article
/// near anything: "tell me a joke" was "HTTP Error 500?").
pub fn chat(message: &str) -> Option<Chat> {
    let text = Normalised::new(message);
    if cues::asks_how_the_bot_is(&text) {
        Some(Chat::HowAreYou)
    } else if cues::asks_for_chat(&text) {
        Some(Chat::OffTopic)
    } else {
        None
    }
}

/// Whether a message only asks if the user is talking to a bot ("r u a bot?", "am i talking
/// to a real person"): answered plainly, with how to reach a person.
pub fn asks_if_a_bot(message: &str) -> bool {
    cues::asks_if_a_bot(&Normalised::new(message))
}

/// Whether a short message only thanks ("ok thanks bye", "cool ty"): with a fix open, no
/// answer yet and no news for staff.
pub fn only_thanks(message: &str) -> bool {
    cues::only_thanks(&Normalised::new(message))
}

/// Whether a message only praises the bot or the team ("love this bot", "good job"), with no
/// thanks: thanked for in kind.
pub fn only_praise(message: &str) -> bool {
    let text = Normalised::new(message);
    cues::only_praise(&text) && !cues::thanks(&text)
}

/// Whether a short message only says goodbye ("bye", "gotta go, ttyl"): the question stays
/// open for later, no note for staff.
pub fn only_a_goodbye(message: &str) -> bool {
    cues::only_a_goodbye(&Normalised::new(message))
}

/// [`only_a_goodbye`], or one that says all is well too ("all good, bye"): for where no fix is
/// open (at a fix, "all good" says it worked).
pub fn only_a_goodbye_all_well(message: &str) -> bool {
    cues::only_a_goodbye_all_well(&Normalised::new(message))
}

/// Whether the message only greets ("hello", "hi again", "u there?"): small talk in words of
/// greeting (not "all good", not "bye", not "thanks").
pub fn only_greets(message: &str) -> bool {
    small_talk(message) == Some(SmallTalk::Greeting) && cues::greets(&Normalised::new(message))
}

/// Whether a short reply only says the answer is coming ("brb", "hold on", "ok let me try"):
/// the question stays open, no note for staff.
pub fn only_a_pause(message: &str) -> bool {
    cues::only_a_pause(&Normalised::new(message))
}

/// Whether a short reply only says the user steps away for a while ("afk", "lunch, back in an
/// hour", "ok let me restart my computer"): a pause, whatever its words might rank.
pub fn steps_away(message: &str) -> bool {
    cues::steps_away(&Normalised::new(message))
}

/// A message that says nothing about a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmallTalk {
    /// "hey", "can anyone help me?"
    Greeting,
    /// "thanks!", "thank you 🙂"
    Thanks,
    /// "love this bot", "good job" (with no thanks)
    Praise,
}

/// Whether a message only greets, thanks or asks for help without saying what is wrong: answered
/// in kind (with how to describe a problem), not with "I don't know this one", and not kept as a
/// description for staff.
pub fn small_talk(message: &str) -> Option<SmallTalk> {
    let text = Normalised::new(message);
    if !cues::only_small_talk(&text) {
        return None;
    }
    Some(if cues::thanks(&text) {
        SmallTalk::Thanks
    } else if cues::praises(&text) {
        SmallTalk::Praise
    } else {
        SmallTalk::Greeting
    })
}

/// Whether a message only thanks and says "no problem" ("Thanks, no problem!").
pub fn thanks_no_problem(message: &str) -> bool {
    cues::thanks_no_problem(&Normalised::new(message))
}

pub fn says_thanks(message: &str) -> bool {
    cues::thanks(&Normalised::new(message))
}

//! What the bot says to users, in one place: the conversation's sentences, titles and button
//! labels, and the service's answers about tickets and checks. Each adapter adds only its own
//! transport words (command spellings, cooldown and stale-button notes).

// Button labels.
pub const TALK_TO_A_HUMAN: &str = "Talk to a human";
pub const NONE_OF_THESE: &str = "None of these";
pub const START_OVER: &str = "Start over";
pub const ANOTHER_PROBLEM: &str = "I have another problem";
pub const WHY_DID_THIS_HAPPEN: &str = "Why did this happen?";
pub const CHECK_THE_SERVICE: &str = "Check if the service is up";
pub const FIXED_IT: &str = "Fixed it";
pub const STILL_BROKEN: &str = "Still broken";
/// The answers to a test's "does it work there?".
pub const WORKS_THERE: &str = "It works there";
pub const FAILS_THERE_TOO: &str = "Fails there too";
pub const OTHER_BROWSER: &str = "Other";

// Titles.
pub const IS_IT_ONE_OF_THESE: &str = "Is it one of these?";
pub const DONT_KNOW_TITLE: &str = "I don't know this one";
/// Said once, beside the walk, when the user says the problem cannot wait.
pub const CANNOT_WAIT: &str = "You said this can't wait. If the steps don't sort it out quickly, choose **Talk to a human** at any time: a person gets everything you've told me, so you won't have to repeat it.";
pub const ENGLISH_ONLY_TITLE: &str = "I read English only";
pub const FIXED_TITLE: &str = "Fixed";
pub const WHICH_SERVICE_TITLE: &str = "Which service?";
pub const WHICH_BROWSER_TITLE: &str = "Which browser?";

/// The user says they are not on the browser the walk assumed.
pub fn not_on_browser(browser: &str) -> String {
    format!(
        "Got it, not {browser}. Which browser are you on? The steps differ, so \
         I'll show this fix again for yours."
    )
}
pub const OUT_OF_FIXES_TITLE: &str = "Out of fixes";
pub const HELP_TITLE: &str = "How I can help";

// Sentences.
pub const SAY_WHAT_IS_WRONG: &str = "Hi! What's going wrong? Tell me in your own words what you were doing and what you see (the exact error message or code helps), and your browser if you know it.";
pub fn ticket_is_open(id: &str) -> String {
    format!(
        "Your ticket {id} is open: the support team has everything from our conversation, and you'll get a message when someone picks it up. To add something, just tell me; for another problem, describe it."
    )
}

pub fn ticket_is_claimed(id: &str, by: &str) -> String {
    format!(
        "Your ticket {id} is with {by} from the support team. To add something, just tell me; for another problem, describe it."
    )
}

pub fn ticket_was_resolved(id: &str, by: &str) -> String {
    format!(
        "Your ticket {id} was resolved by {by}. If the problem is back, ask for a human again, or describe what you see now."
    )
}

/// After a fix, the other problem the first description named.
pub fn you_also_mentioned(title: &str) -> String {
    format!("You also mentioned another problem: **{title}**. Shall we look at it now?")
}

/// "yes add it" mid-walk with no ticket open.
pub const NO_TICKET_TO_ADD_TO: &str = "There's no open ticket to add that to; if you want a person, choose Talk to a human and everything so far goes on the ticket.";

/// Mid-walk, "im on chrome and edge".
pub fn noted_both(browsers: &str) -> String {
    format!("Noted: {browsers}.")
}

/// At "Which browser?", "im on chrome and edge": the first one's steps.
pub fn steps_for_the_first(browsers: &str, first: &str) -> String {
    format!("Noted: {browsers}. Here are the steps for {first}; name the other for its steps.")
}

/// "No" to looking at the other problem now.
pub const NOT_NOW: &str = "No problem. If you want to look at it later, just describe it here.";

/// A problem with the phone app that no article covers.
pub const THE_APP_IS_NOT_COVERED: &str = "You mentioned the QuickBooks phone app: my fixes are for the website in a browser, and I have none for the app itself. Update the app (or delete and reinstall it) from your app store, and meanwhile use the website in your phone's browser. If the app still fails, a person from the support team can take over: press Talk to a human.";
/// At the start of a walk, to a user who named a phone or tablet app.
pub const STEPS_ARE_FOR_A_BROWSER: &str = "You mentioned the mobile app: these fixes are written for the website in a browser. If only the app has the trouble, update it (or delete and reinstall it) from your app store, and meanwhile use the website in your phone's browser.";

/// The field that says how an article was chosen ("Match: 73% confident").
pub const MATCH_FIELD: &str = "Match";

/// At the start of a walk, the other problem the description named too.
/// The field that says which other problems a description named are held.
pub const ALSO_MENTIONED: &str = "Also mentioned";

pub fn also_after_this(title: &str) -> String {
    format!("{title}: we'll come to it once this one is sorted.")
}

/// The problem held for later (`title`) works now, said while another one's fixes are
/// walked.
pub fn held_problem_sorted(title: &str) -> String {
    format!("Good to hear **{title}** works now; I've noted that. Back to this one:")
}

/// Several other problems a first description named: `titles` in the order said.
pub fn also_after_this_in_turn(titles: &[&str]) -> String {
    format!(
        "{}: we'll come to each in turn once this one is sorted.",
        titles.join(" · ")
    )
}

/// At the end of the fixes, the other problem the first description named.
pub fn or_look_at_the_other(title: &str) -> String {
    format!("You also mentioned **{title}**: we can look at it now.")
}

pub fn look_at(title: &str) -> String {
    format!("Look at: {title}")
}

/// A question about the choice at "Is it one of these?".
pub const CHOOSE_FIRST: &str = "I can say more once we know which problem it is. Pick the closest one, or tell me more about what happens (the exact error message helps).";
/// Praise with nothing open ("love this bot").
pub const PRAISED: &str =
    "Thank you, that's kind! If something goes wrong, describe it here in your own words.";
/// "how are you?" with nothing wrong said.
pub const HOW_I_AM: &str = "All good here, thanks for asking! What can I help with? Describe what's going wrong in your own words (the exact error message helps).";
/// "how are you?" with a question open: it stays the question.
pub const HOW_I_AM_HERE: &str = "All good here, thanks for asking!";
/// "tell me a joke", "what's the weather like": not what this bot does.
pub const ONLY_QUICKBOOKS_PROBLEMS: &str = "That's not something I can do: I only help with problems using QuickBooks Online. If something's going wrong, describe it in your own words.";
/// The same, with a question open: it stays the question.
pub const ONLY_QUICKBOOKS_PROBLEMS_HERE: &str =
    "That's not something I can do: I only help with problems using QuickBooks Online.";
pub const YOURE_WELCOME: &str =
    "You're welcome! If something else goes wrong, describe it here in your own words.";
pub const IF_IT_COMES_BACK: &str = "Sounds good. If it comes back, tell me here (\"it's back\") and I'll go on with the next fix, or hand you to a person with everything so far.";
pub const DESCRIBE_IN_YOUR_WORDS: &str = "Tell me what happens in your own words, for example: *QuickBooks shows 502 Bad Gateway when I open payroll, I'm on Chrome*.";
pub const WELCOME_BACK_WHICH: &str = "Welcome back. Which of these fits your problem?";
pub const IS_THIS_IT: &str = "Is this it?";
pub const SOMETHING_ELSE: &str = "No, something else";
/// Someone else's trouble told after a fix ("another client of mine has the same thing"):
/// the user's fix stands, and theirs is walked as a new problem.
pub fn someone_elses_trouble(fix: &str) -> String {
    format!(
        "Glad yours is sorted: **{fix}** fixed it, and that stays noted. Let's look at theirs as a new problem (what fixed yours is worth trying there too)."
    )
}

/// Someone else's trouble told mid-walk ("my coworker has the same problem on firefox"):
/// noted, and the walk stays with the user's own.
pub const SOMEONE_ELSE_HAS_IT_TOO: &str = "Noted for the support team: someone else has it too, which can mean the cause is shared (an account setting, the network, or the service). Let's finish yours first:";

/// "It came back" after a fix was recorded.
pub const FIX_CAME_BACK: &str = "Sorry, it's back. I've noted that the fix didn't last.";
/// "hi again, same problem as yesterday" with a fix on screen: whether it was tried is asked.
pub const WELCOME_BACK_TO_THE_FIX: &str =
    "Welcome back. We were on the fix above: were you able to try it?";
pub const FIX_TAKEN_BACK: &str = "Got it: that step didn't fix it after all. I've corrected that.";

/// A message with nothing to look up ("ok", "wait what") when no question is open.
/// "nevermind" during a walk: it stops there.
pub const CALLED_OFF: &str = "Alright, I'll stop here. Whenever you want to pick it up again, \
describe the problem, or ask for a person.";

/// Someone may have got into the user's account: handed over at once.
pub const BREAK_IN_TO_A_PERSON: &str = "That sounds like someone may have got into your account. \
That is for a person, not for troubleshooting steps, so I'm handing it to the support team now. \
Meanwhile, from a device you trust, change your Intuit password and turn on two-step \
verification.";

/// A billing question: no article answers it; a person is offered.
/// A billing question told beside a problem the walk starts on: the field's name and words.
pub const BILLING_FIELD: &str = "Billing";
pub const BILLING_PART_TO_A_PERSON: &str = "A person can help with the billing part: choose \
\"Talk to a human\" any time. Meanwhile, here is a fix for the rest.";
/// The same, when the rest is offered as a list to pick from.
pub const BILLING_PART_AT_A_LIST: &str = "A person can help with the billing part: choose \
\"Talk to a human\" any time. For the rest, pick the closest problem below.";
/// Billing said during a walk ("im about to cancel my subscription, this is ridiculous"): the
/// fix on screen stays open.
pub const BILLING_WHILE_FIXING: &str = "Billing and subscription questions (charges, plans, \
cancelling) are for the support team: choose \"Talk to a human\" and a person will pick it up. \
Meanwhile, the fix is still here if you want to try it.";
/// "it says my account is locked": only the support team can open it again.
pub const LOCKED_ACCOUNT_TO_A_PERSON: &str = "A locked or disabled account can only be opened \
     again by the support team: no browser fix changes it, so I won't walk you through any. \
     Shall I hand this to a person?";

pub const BILLING_TO_A_PERSON: &str = "Billing and subscription questions (charges, prices, \
plans, cancelling) are for the support team: my articles only troubleshoot errors. Shall I hand \
this to a person?";

/// "will i lose my invoices i was entering", with no problem told: what went wrong decides it.
pub const WHAT_HAPPENED_TO_YOUR_WORK: &str = "Whether anything was lost depends on what went wrong. What happened when you were entering it: an error message (its code helps), a page that stopped loading, or being signed out? Tell me, and I'll find the fix for it; its article says what it means for your data, where it can.";
/// A person declined mid-walk ("i dont want to talk to a human"): the walk goes on.
pub const NO_PERSON_THEN: &str = "OK, no person then: let's keep going.";
pub const SAY_MORE: &str = "Tell me what's going wrong in your own words (the exact error message or code helps) and I'll find the fix, or ask for a human.";

/// The list asked for again ("repeat", "say that again" at "Is it one of these?").
pub const THE_LIST_AGAIN: &str =
    "Here it is again: pick the one that fits, or describe the problem in more words.";

pub const WHICH_ONE: &str =
    "Which one? Pick it from the list above, or describe the problem in more words.";

/// One candidate article, not sure enough to start it.
pub fn sounds_like(title: &str) -> String {
    format!(
        "This sounds like **{title}**, but I'm not sure. Is that it? If not, tell me more (the exact error message helps)."
    )
}

/// More words at "Is this it?" that point to the article offered again: taken as a yes.
pub fn going_with(title: &str) -> String {
    format!(
        "What you added points to **{title}** too, so let's go with it. If it's something else, tell me what's different."
    )
}

/// A description that says only that something is wrong ("quickbooks isnt working").
pub const WHAT_DO_YOU_SEE_TITLE: &str = "What do you see?";
pub const WHAT_DO_YOU_SEE: &str = "That could be a few different problems, so tell me a little more: \
     what happens when you try? The exact error message or code if there is one, what is on the \
     screen (a blank page, the sign-in page again, a wheel that keeps spinning), or what you were \
     doing (signing in, running payroll, updating a bank feed).";
/// The same said again: every article to pick from.
pub const PICK_WHAT_YOU_SEE: &str = "I still need a little more to go on. Pick the closest of the \
     problems I know below, or tell me what is on your screen (the exact error message helps).";
pub const NOT_SURE_WHICH: &str = "I'm not sure which of these fits. Pick the closest one, or tell me more (the exact error message helps).";
pub const DONT_KNOW: &str = "I don't have an article for that yet, and I'd rather not guess. You can describe it differently \
     (the exact error message or code helps), or I can hand this to a person on the support team.";
/// "I don't know this one" said again, just after the first: short, and the way on first.
pub const DONT_KNOW_AGAIN: &str = "I can't place that one either. I can get you a person now \
     (choose \"Talk to a human\" or say yes), or you can describe the problem another way.";
pub const COULD_NOT_PLACE_IT: &str = "Sorry I couldn't place it. Describe it again with the exact message you see, or talk to a person.";
/// At a test, words about the usual window rather than the test.
pub const THAT_IS_THE_USUAL_SETUP: &str =
    "Noted: that is your usual window. What counts here is the test itself.";
/// "still getting H202 for Birch Law" at a test: the trouble where the user is, noted for
/// staff; the test's own question follows.
pub const STILL_HERE_NOTED: &str =
    "Noted: it still fails where you are. What counts here is whether it works in the test.";
/// The trouble where the user is, said again at a test: what the test asks, and how to pass it.
pub fn still_here_again(test: &str) -> String {
    format!(
        "I hear you: it still fails where you are. This step is a test somewhere else \
         (**{test}**), and whether it works there tells me which fix comes next. If you can't \
         try it, say \"skip\" and we'll go on."
    )
}
/// A choice's label typed when that choice is not on screen ("Switch to Payroll Update
/// Fails ..."): the fix on screen is left untried and the article opened.
pub fn left_untried_for(fix: &str, article: &str) -> String {
    format!("I've left **{fix}** as not tried, and here is **{article}**.")
}
/// "no" right after "Glad that worked!".
pub const FIX_DOUBTED: &str = "Alright. If the fix stopped working, tell me what you see now (\"it came back\", \
     \"still blank\") and I'll go on with the next fix; otherwise you're all set.";
pub const STARTING_OVER: &str = "Starting over. Describe your problem in your own words.";
/// Starting over from a problem that is not fixed: a person asked for later still sees it.
pub const STARTING_OVER_KEPT: &str = "Starting over. Describe your problem in your own words. \
     (If you ask for a person later, what you tried so far goes with it.)";
pub const STEP_TAKEN_OUT: &str = "The support team just took that step out of the article, so \
     your answer is not recorded for it. Here is where we are now:";
pub const EARLIER_STEP: &str = "That button belongs to an earlier step; here is where we are now:";
pub const NO_SERVICES: &str = "No services are set up for live checks here.";
/// The walked article was taken out of the knowledge base while the user was on it; `noted`
/// says what was recorded of the step on screen (or is empty), `fixed` whether that was a fix.
pub fn article_removed(title: &str, noted: &str, fixed: bool) -> String {
    let lead = format!("The support team just took **{title}** out of the help articles.");
    if fixed {
        return format!("{lead} {noted}");
    }
    let noted = if noted.is_empty() {
        String::new()
    } else {
        format!(" {noted}")
    };
    format!(
        "{lead} I can't go on with its steps.{noted} A person can pick it up from here (what \
         you tried goes with it), or describe your problem again and I'll look for another \
         article."
    )
}
pub fn removed_step_fixed(step: &str) -> String {
    format!("Glad **{step}** fixed it: that's noted.")
}
/// A test's answer, given as its article was taken out: where the trouble is, no fix.
pub fn removed_test_answered(step: &str, works: bool) -> String {
    let there = if works {
        "it works there"
    } else {
        "it fails there too"
    };
    format!("I've noted your answer to **{step}**: {there}.")
}
pub fn removed_step_not_fixed(step: &str) -> String {
    format!("I've noted that **{step}** didn't fix it.")
}
pub const NOTHING_OPEN: &str =
    "We're not working through an article right now. Describe your problem to start.";
pub const DID_THIS_FIX_IT: &str = "Did this fix it?";
/// Asked under a test (a step that tells where the trouble is, not a fix).
pub const DOES_IT_WORK_THERE: &str = "Does it work there?";
pub const A_PERSON_CAN_TAKE_IT: &str = "A person on the support team can take it from here; they'll see everything you've tried, so you won't have to repeat it.";
pub const HELP: &str = "Describe your problem in your own words (the exact error message helps), and mention your browser if you know it.\n\
     I'll find the matching article and walk you through its fixes one at a time, asking whether each one worked.\n\
     Steps differ per browser: name yours (\"on my iPhone\", \"in Edge\") or change it any time.\n\
     At any point you can ask me to **check** whether the service is up, or to hand you to a **human**.";
pub const NAME_A_SERVICE: &str = "Name a service or an address to check.";
pub const FAILED_ON_MY_SIDE: &str =
    "Something went wrong on my side and it has been logged. Please try again in a minute.";
pub const TICKET_NOT_OPENED: &str =
    "I couldn't open a ticket just now. Please try again in a minute.";

pub fn welcome_back(title: &str) -> String {
    format!("Welcome back. We were working on **{title}**.")
}

pub fn taken_as_part_of(title: &str) -> String {
    format!(
        "I'll take that as part of **{title}**, the problem we're working on. To start on a \
         different one, describe it in a sentence (the exact error message helps)."
    )
}

/// At "Which browser?", a reply that says the trouble goes on instead of naming one.
pub const ON_WITHOUT_THE_BROWSER: &str = "Sorry, I know it's still broken. Let's keep going.";
/// The same, at a step whose steps differ per browser: the answer is what makes it useful.
pub const STILL_BROKEN_WHICH_BROWSER: &str = "Sorry, I know it's still broken. The next fix \
differs per browser, so tell me yours (or pick \"Other\") and I'll show the right steps.";
pub const DIDNT_CATCH: &str = "Sorry, I didn't catch that.";
/// A reply in another language during a walk: the question stays, and the user learns why it
/// was not understood.
pub const DIDNT_CATCH_ENGLISH_ONLY: &str =
    "Sorry, I didn't catch that: I can only read English for now.";

/// A restart the fix on screen does not ask for did not help ("rebooted my pc, still 502"):
/// noted, and the fix on screen is still the question.
pub const RESTART_DID_NOT_HELP: &str = "Noted: the restart didn't help.";

/// A problem told in another language, not matched with confidence: why the bot does not
/// guess, and the two ways on (English, or a person). `name` when the language is clear.
pub fn english_only(name: Option<&str>) -> String {
    let what = match name {
        Some(name) => format!("That looks like {name}, and I can only read English for now"),
        None => "That doesn't look like English to me, and I can only read English for now".into(),
    };
    format!(
        "{what}, so I'd rather not guess. If you can, describe the problem in English (an error \
         code or the exact message on screen helps too), or I can hand this to a person on the \
         support team."
    )
}
pub const NOTED: &str = "Noted.";
/// Something the user cannot do that belongs to another fix than the one on screen.
pub const NOTED_NOT_YOURS_TO_CHANGE: &str =
    "Noted for the support team: that is not yours to change.";
/// A part of a test said not to apply ("we have no vpn" at "Try without the VPN and on another
/// network"): the rest of it is still to try.
pub const REST_OF_THE_TEST: &str =
    "Noted: that part doesn't apply to you, but the rest of the test still does.";
/// What the status page shows, said mid-walk.
pub const STATUS_PAGE_NOTED: &str =
    "Thanks, I've noted what the status page shows for the support team.";
/// A cause of the problem the user says it is not ("i havent changed my password though").
pub fn not_that_cause(name: &str) -> String {
    format!(
        "Noted for the support team: you don't think it's **{name}**. The fix on screen may still help."
    )
}

/// A remark that tells one of the article's causes in the user's words ("the bank site is
/// down too"): that cause, named, as noted.
pub fn fits_a_cause(name: &str, detail: &str) -> String {
    let detail = detail.trim().trim_end_matches('.');
    if detail.is_empty() {
        format!("Noted: that fits a known cause of this problem, **{name}**.")
    } else {
        format!("Noted: that fits a known cause of this problem, **{name}** ({detail}).")
    }
}
/// "Not sure yet" while a fix is open.
pub const NO_RUSH: &str = "No rush: try it and tell me when you know.";
/// "Not yet" while a fix is open.
pub const NOT_TRIED_YET: &str = "No rush: try it when you can and tell me how it went.";
/// "No admin rights to turn off the firewall" while another fix is open: that one is for later.
/// A fix other than the one on screen, said to be tried already (`tried`) or impossible: it
/// is never suggested, and the fix on screen is asked about again.
pub fn skipping_named(fix: &str, tried: bool) -> String {
    if tried {
        format!("Noted: **{fix}** didn't fix it either, so I won't suggest it again.")
    } else {
        format!("Noted: you can't do **{fix}**, so I'll skip that one.")
    }
}

/// A check step answered with what it checks found as it should be ("the subscription is
/// active"): that rules it out, and the walk goes on.
pub fn checked_and_fine(fix: &str) -> String {
    format!("Thanks for checking: nothing wrong there, so that rules out **{fix}**.")
}

/// "status page says all green" while another fix is open, one of several things the fix
/// `fix` looks at: noted, and the fix kept for later.
pub fn checked_part_of(fix: &str) -> String {
    format!(
        "Thanks for checking: noted for the support team. That is part of **{fix}**, which I'll \
         keep for later in case the rest of it helps."
    )
}

/// "i dont see extensions" while another fix is open: noted as about that one.
pub fn about_another_fix(fix: &str) -> String {
    format!("Noted, about **{fix}** (not the fix on screen).")
}

/// A how-to question answered from another article's fix (the walked one has none for it).
pub fn steps_from_another_article(article: &str) -> String {
    format!("This problem's fixes don't cover that, but **{article}** does:")
}

/// "should i clear cookies?" when that is the fix (or test) on screen.
pub fn whether_this_one(fix: &str, test: bool) -> String {
    let what = if test { "test" } else { "fix" };
    format!("Yes: that is the {what} on screen, **{fix}**.")
}

/// "should i clear cookies?" of a fix already ruled out.
pub fn whether_ruled_out(fix: &str) -> String {
    format!("You told me **{fix}** didn't fix it, so there's no need to do it again.")
}

/// "should i clear cookies?" of another fix still to try: its steps follow.
pub fn whether_another(fix: &str) -> String {
    format!(
        "That is **{fix}**, another fix for this: here are its steps, if you'd like to try it now."
    )
}

/// A test the user says they already ran, with the problem there too ("already tried a
/// private window, still blank").
pub fn test_named_done(test: &str) -> String {
    format!("Noted: the problem shows with **{test}** too, so I won't ask for it again.")
}

/// The user could not do the fix on screen: noted as such (not as failed), and on to the next.
pub fn could_not_try(fix: &str) -> String {
    format!(
        "No problem: I've noted that you couldn't try this one (**{fix}**), so it doesn't count as failed."
    )
}

/// "i dont use the app": the fix on screen is not for the user; passed over untried.
pub fn not_for_you(fix: &str) -> String {
    format!("Got it, **{fix}** doesn't apply to you, so I'll skip it (it doesn't count as tried).")
}

/// "i dont want to get logged out": the user would rather not do the fix on screen.
pub fn rather_not(fix: &str) -> String {
    format!(
        "No problem, we'll leave **{fix}** aside (noted as not tried; say \"go back\" if you \
         change your mind)."
    )
}

/// After a fix passed over, when another follows.
pub const ON_TO_THE_NEXT: &str = "Let's try the next one.";

/// "skip", "next one": the fix on screen is passed over untried.
pub fn skipped_at_your_word(fix: &str) -> String {
    format!(
        "Skipped **{fix}**: I've noted it as not tried. Say \"go back\" if you want to see it again."
    )
}

/// The same said of steps shown on the side: they again, the fix on screen still the question.
pub const LOOK_AGAIN_ON_THE_SIDE: &str = "Here are those steps again; the names can differ a \
     little by version. The fix on screen below is still the question.";

/// "i dont see it in the start menu": the steps again, and the way on if it is not there.
pub const LOOK_AGAIN: &str = "Here are the steps again; the names can differ a little by version. \
     If it isn't there at all, say \"I can't find it\" and we'll go on without it.";

/// "i dont see it" at a step: which of two things it means, and how to say each.
pub fn dont_see_which(test: bool) -> String {
    let still = if test {
        "that it fails there too (\"fails there too\")"
    } else {
        "that the problem is still there (\"still broken\")"
    };
    format!(
        "Do you mean you can't find what the step says to open or click (\"can't find it\"), or {still}?"
    )
}

/// "done" to "did this fix it?": the step was done, but did it help?
pub const DONE_BUT_DID_IT_HELP: &str = "Thanks for trying it.";

/// "go back" to a fix the user skipped: it is shown again, open.
pub fn back_to(fix: &str) -> String {
    format!("Back to **{fix}**, which you skipped.")
}

/// "go back" on the first fix shown: there is nothing before it.
pub const NOTHING_BEFORE: &str =
    "This is the first fix I've shown you, so there is nothing to go back to.";

/// "go back": the fix shown before, on the side, with what the user said about it.
pub fn shown_before(fix: &str, said: &str, open: &str) -> String {
    let again = again_after(fix);
    format!(
        "Here is **{fix}** {again} (you said: {said}). The question below is still about **{open}**."
    )
}

/// "again" after a title, or "once more" after one that ends with it ("Clear Intuit cookies
/// and sign in again" again).
fn again_after(title: &str) -> &'static str {
    if title.trim_end().to_lowercase().ends_with(" again") {
        "once more"
    } else {
        "again"
    }
}

/// A reply that says nothing yet ("hmm", "ok") while a fix is open.
pub const TAKE_YOUR_TIME: &str = "Take your time.";
/// "hello" while a question is open.
pub const STILL_HERE: &str = "Hi, I'm still here.";
/// "ok thanks bye" with a fix open: the fix is still to answer, whenever they come back.
/// Praise ("good job", "love this bot") where a fix is open.
pub const PRAISED_WHEN_TRIED: &str =
    "Thank you, that's kind! When you've tried it, tell me how it went here, even later.";
pub const THANKS_WHEN_TRIED: &str =
    "You're welcome! When you've tried it, tell me how it went here, even later.";
/// "thanks" where a question is open.
pub const WELCOME: &str = "You're welcome!";
/// "bye" where a question is open.
pub const BYE: &str = "Bye for now!";
/// "bye", "ttyl" while a fix is open.
pub const BYE_FOR_NOW: &str =
    "Bye for now! When you've tried it, tell me how it went here, even later.";
/// "same", "didnt work" with nothing asked: what it answers is unknown.
/// "yes please" with no question open.
pub const YES_TO_NOTHING: &str = "What would you like help with? Tell me in your own words what is going wrong (the exact error message helps), and I'll find the fixes.";
pub const ANSWERS_NOTHING: &str = "What isn't working? Tell me in your own words what you were doing and what you see (the exact error message helps), and I'll find the fixes.";
/// The same, after an earlier problem: it may be about that one.
pub fn answers_nothing_or(title: &str) -> String {
    format!(
        "I'm not sure what that answers: there's no fix open right now. If it's about {title}, I can go back to it; otherwise tell me what's going wrong in your own words."
    )
}
/// At "Shall I note ... as what fixed it?": it works, but not from that step.
pub const WORKS_ANYWAY: &str = "It works, but something else fixed it";

/// The choice that opens the article a live check's result points to.
pub fn open_article(title: &str) -> String {
    format!("Open {title}")
}

pub fn back_to_problem(title: &str) -> String {
    format!("Back to {title}")
}
/// "r u a bot?": said plainly, with the way to a person.
pub const I_AM_A_BOT: &str = "Yes, I'm a bot: I match what you describe to our troubleshooting articles and walk you through the fixes. Say \"human\" at any time and a person from the support team takes over, with everything we've said so far.";
/// A message saying the problem cannot wait, and nothing of the step on screen.
pub const CANNOT_WAIT_NOW: &str = "I understand it can't wait. A person from the support team can take over now, with everything we've said so far: press Talk to a human or say \"human\".";
/// "this is useless": sorry, and the way to a person.
pub const SORRY_NO_HELP: &str = "Sorry I haven't been more help. A person from the support team can take over, with everything we've said so far: press Talk to a human or say \"human\".";
/// "perfect, works great" after the fix was recorded: the fix stands.
pub const GOOD_TO_HEAR: &str =
    "Good to hear! If something else goes wrong, describe it here in your own words.";
/// "what if it still fails?" while a fix is on screen.
pub const IF_IT_STILL_FAILS: &str = "If it still doesn't work after these steps, choose Still broken and I'll show the next fix. When none is left, or whenever you like, a person from the support team can take over, with everything we've said so far.";
pub const NOT_ANSWERED_HERE: &str =
    "I can't help with that here, but a person can: choose Talk to a human.";

/// Asks the open "did this fix it?" again in one line (after an aside or an unclear reply).
pub fn did_it_fix_it(fix: &str) -> String {
    format!("Did **{fix}** fix it?")
}

/// Asks a test's "does it work there?" again in one line.
pub fn does_it_work_with(test: &str) -> String {
    format!("Does it work in the test (**{test}**)?")
}

/// A long reply that sounds like a fix is confirmed before it is recorded.
pub fn sounds_fixed(fix: &str) -> String {
    format!("It sounds like that worked. {}", note_as_fixed(fix))
}

/// The question of [`sounds_fixed`] alone, asked again.
/// The fix recorded as what worked was not it, the user says: taken back before another is
/// asked about.
pub fn not_that_fix(fix: &str) -> String {
    format!("Got it: it wasn't **{fix}**.")
}

pub fn note_as_fixed(fix: &str) -> String {
    format!("Shall I note **{fix}** as what fixed it?")
}

pub fn glad_it_works_now(title: &str) -> String {
    format!(
        "Glad it works now! If **{title}** comes back, describe it again and we'll pick up from here."
    )
}

/// It works, from something other than the fixes shown: none is noted as the one.
pub fn works_by_something_else(title: &str) -> String {
    format!(
        "Glad it works now! I haven't noted any of my fixes as the one that did it, since it came from something else. If **{title}** comes back, describe it again and we'll pick up from here."
    )
}

pub fn different_problem(current: &str, other: &str) -> String {
    format!(
        "This sounds like a different problem: **{other}**. Keep going with **{current}**, or switch?"
    )
}

/// Another problem described where the walked one has no fix left: taken up at once.
pub fn different_problem_taken_up(current: &str, other: &str) -> String {
    format!(
        "This sounds like a different problem: **{other}**. I have no more fixes for **{current}**, so let's look at this one."
    )
}

/// The article walked is for the other QuickBooks than the user has.
pub fn for_another_product(title: &str, walked: &str, named: &str) -> String {
    format!("Thanks, that matters: **{title}** is for {walked}, so its steps won't fit {named}.")
}

/// An article opened for a user who named the other QuickBooks than it is written for.
pub fn steps_for_another_product(walked: &str, named: &str) -> String {
    format!(
        "These steps are written for {walked}; you mentioned {named}, where some may not fit. If they don't, tell me what you see in {named}, or talk to a human."
    )
}

/// A check step found what it looks for ("status says Inactive" at "Verify the payroll
/// subscription").
pub fn check_found_the_fault(title: &str) -> String {
    format!(
        "That's what **{title}** looks for, so it may well be the cause. Carry on with the rest of its steps to put it right, then tell me if it worked. If you can't change it yourself (a lapsed subscription, for example), talk to a human."
    )
}

/// The product the user says they have is the one the article's steps are for.
pub fn product_confirmed(product: &str) -> String {
    format!("Got it, {product}: these steps are written for it.")
}

/// After [`for_another_product`]: what they see in theirs, or a person.
pub fn tell_me_more_for(product: &str) -> String {
    format!(
        "Tell me what you see in {product} (the exact error message helps), or talk to a human."
    )
}

/// A bare "yes" or "no" to "keep going or switch?".
pub fn keep_going_or_switch(current: &str, other: &str) -> String {
    format!("Which one: keep going with **{current}**, or switch to **{other}**?")
}

/// A bare "yes" when "did this fix it?" and "add it to your ticket?" are both on screen.
pub fn yes_to_which(ticket: &str) -> String {
    format!("Yes to which: did the fix work, or shall I add this to your ticket {ticket}?")
}

/// "Yep, that's it" while a fix is open: the article is right; the fix is still to try.
pub const THATS_THE_ONE: &str = "Good, that's the one. Try the steps above, then tell me:";

/// "No" to "Shall I note ... as what fixed it?".
pub const NOT_NOTED: &str = "OK, I haven't noted anything.";
/// "No" to adding what was said to the open ticket.
pub const NOT_ADDED: &str = "OK, I haven't added it to your ticket.";

pub fn keep_going_with(title: &str) -> String {
    format!("Keep going with {title}")
}

pub fn switch_to(title: &str) -> String {
    format!("Switch to {title}")
}

/// A description's error code that points to a later fix than the first.
pub fn code_points_to(number: usize, fix: &str) -> String {
    format!("The error code you gave points to fix {number}, **{fix}**, so let's start there.")
}

/// A description's error code that points to a fix the user tried without luck.
pub fn code_points_to_tried(number: usize, fix: &str) -> String {
    format!(
        "The error code you gave points to fix {number}, **{fix}**, which you tried without luck, so let's go on from there."
    )
}

/// A detail that points to a later fix of the same article.
pub fn points_to(number: usize, fix: &str) -> String {
    format!("That points to fix {number}, **{fix}**, so let's try that one next.")
}

/// An error code said mid-walk that no fix is about: what the article says it means.
pub fn code_noted(meaning: &str) -> String {
    format!("Noted for the support team. {meaning}")
}

/// What fix `title` would bring about is so already: it is not shown.
pub fn in_order_already(title: &str) -> String {
    format!("Noted: then **{title}** would change nothing, so I'll skip it.")
}

pub fn same_problem(title: &str) -> String {
    format!(
        "Thanks, I've noted that for the support team. It still sounds like **{title}**, so let's stay with it."
    )
}

pub fn no_such_article(id: &str, suggestions: &[&str]) -> String {
    let mut text = format!("There is no article `{id}`.");
    if !suggestions.is_empty() {
        let named: Vec<String> = suggestions.iter().map(|s| format!("`{s}`")).collect();
        text.push_str(&format!(" Did you mean {}?", named.join(", ")));
    }
    text
}

/// An article id typed that is like none: what to do instead (`listed`: the articles follow as
/// choices).
pub fn no_article_like(id: &str, listed: bool) -> String {
    let then = if listed {
        "pick one of these"
    } else {
        "give one of the ids `supportbot kb list` shows"
    };
    format!(
        "There is no article `{id}`. Describe the problem in your own words and I'll find the \
         right one, or {then}."
    )
}

/// The steps of a temporary fix still to do once it worked (turning protection back on).
pub fn finish_the_fix(steps: &str) -> String {
    format!("Before you go, finish that fix:\n{steps}")
}

pub fn glad_it_worked(fix: &str, prevention: &str) -> String {
    format!("Glad that worked! **{fix}** fixed it.{prevention}")
}

/// "That fixed it, but now payroll won't load": the fix noted, and on to the new problem.
pub fn fixed_and_on_to_the_new_problem(fix: &str) -> String {
    format!("Glad **{fix}** fixed that; I've noted it. Now the new problem:")
}

/// A question how to do something after the fix was recorded ("wait which button?").
pub fn steps_above(fix: &str) -> String {
    format!(
        "You told me **{fix}** fixed it, so there is nothing more to do. Its steps are in my message above; if something else is wrong, describe it in your own words."
    )
}

pub fn you_said_it_was_fixed(fix: &str) -> String {
    format!(
        "You told me **{fix}** fixed it. If something else is wrong, describe it, or start over."
    )
}

pub fn handed_over(ticket: Option<&str>) -> String {
    format!(
        "This was handed to the support team{}. If you need more help with it, ask for a human again; for a new problem, start over.",
        ticket
            .map(|t| format!(" (ticket **{t}**)"))
            .unwrap_or_default()
    )
}

/// A check asked for of a service outside the product (`outside`, as the user named it): only
/// `services` can be checked; `step`, the fix on screen's article's step for it, if any.
pub fn cannot_check_outside(outside: &str, services: &str, step: Option<&str>) -> String {
    let how = match step {
        Some(step) => format!(" The step **{step}** shows how."),
        None => String::new(),
    };
    format!(
        "I can't check **{outside}** from here: I can only check {services}, and whether that is up says nothing about {outside}. To see if {outside} is down, sign in on its own website.{how}"
    )
}

/// A check asked for during an article that names none: the only service is checked anyway.
pub fn no_check_of_its_own(title: &str, service: &str) -> String {
    format!(
        "**{title}** names no service to check, so I'm checking the only one set up, **{service}**. Whether it is up may say little about this problem."
    )
}

pub fn which_service(list: &str) -> String {
    format!(
        "Which service should I check?\n{list}\n\nOr describe your problem, and I'll check the services it involves."
    )
}

pub const ANOTHER_BROWSER: &str = "another browser";
/// "there's no ctrl key on my ipad" at a step whose shortcut is a tap there.
pub const NO_KEYBOARD_NEEDED: &str = "You don't need a keyboard for this one: on a phone or \
     tablet the steps are taps. Here they are as they work on your device:";
/// A reload shortcut as a phone or tablet user does it.
/// A reload without the cache on a Chromebook (no F5, no Cmd).
pub const CHROMEBOOK_RELOAD: &str =
    "Press Ctrl+Shift+R to reload without the cache (on a Chromebook).";
pub const TAP_TO_RELOAD: &str =
    "Reload the page: tap the reload arrow in the address bar (or pull the page down).";

pub fn which_safari(fix: &str) -> String {
    format!(
        "The next step, **{fix}**, has different steps for Safari on a Mac and on an iPhone or iPad. Which one are you using?"
    )
}

/// After "how do i do that on my phone" once a fix worked: its steps follow, for that device.
pub const STEPS_FOR_IT_THERE: &str = "Here is how to do it there:";

/// The device a reply named during a walk ("im on android").
pub fn device_noted(device: &str) -> String {
    let a = if device.starts_with(['A', 'E', 'I', 'O', 'U', 'i']) {
        "an"
    } else {
        "a"
    };
    format!("Noted: you're on {a} {device}.")
}

pub fn browser_noted(browser: &str) -> String {
    format!(
        "Got it: I'll give you the steps for {browser}. Now describe your problem in your own words."
    )
}

/// A browser named mid-walk, for the first time (`None`: "another browser"); `same_fix`: the fix
/// on screen is shown again for it.
pub fn browser_set(browser: Option<&str>, same_fix: bool) -> String {
    let name = browser.unwrap_or(ANOTHER_BROWSER);
    format!(
        "{}: noted.{}",
        capitalised(name),
        same_fix_again(browser, same_fix)
    )
}

/// The browser named is the one already set.
pub fn browser_unchanged(browser: Option<&str>, same_fix: bool) -> String {
    let name = browser.unwrap_or(ANOTHER_BROWSER);
    let again = if same_fix {
        " This is the fix we're on."
    } else {
        ""
    };
    format!("You're already set to {name} here.{again}")
}

/// A browser said while a fix is open whose steps are the same for it.
pub fn same_steps_in(browser: &str, fix: &str, test: bool) -> String {
    let question = if test {
        does_it_work_with(fix)
    } else {
        did_it_fix_it(fix)
    };
    format!(
        "The steps above are the same in {browser}; later fixes come with steps for {browser} \
         where they differ. {question}"
    )
}

/// The browser changed to do the step on screen ("Switch from Internet Explorer ...").
pub fn moved_as_the_step_says(browser: &str, fix: &str) -> String {
    format!(
        "Switched to {browser}: that is what this step asks. {}",
        did_it_fix_it(fix)
    )
}

/// The browser changed mid-walk.
pub fn browser_changed(browser: Option<&str>, same_fix: bool) -> String {
    let name = browser.unwrap_or(ANOTHER_BROWSER);
    format!("Switched to {name}.{}", same_fix_again(browser, same_fix))
}

fn same_fix_again(browser: Option<&str>, same_fix: bool) -> String {
    match (same_fix, browser) {
        (false, _) => String::new(),
        (true, Some(b)) => {
            format!(" Here is the same fix again, with the steps for {b} where they differ.")
        }
        (true, None) => {
            " Here is the same fix again, with the steps that suit any browser.".to_string()
        }
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// A browser built on another ("Brave" on Chrome): that one's steps are shown.
pub fn built_on(name: &str, base: &str) -> String {
    format!(
        "{name} is built on {base}, so I'll show {base}'s steps: {name}'s menus are nearly \
         the same, though some items may be named a little differently."
    )
}

pub fn assumed_browser(browser: &str) -> String {
    // (The example names another browser than the one assumed.)
    let other = if browser == "Firefox" {
        "Chrome"
    } else {
        "Firefox"
    };
    format!(
        "{browser}, from what you wrote. On something else? Say which, e.g. \"I'm on {other}\"."
    )
}

pub fn which_browser(fix: &str) -> String {
    format!("The next step, **{fix}**, depends on your browser. Which browser do you use?")
}

/// The next step is written for one browser only.
pub fn which_browser_only(fix: &str, browser: &str) -> String {
    format!(
        "The next step, **{fix}**, is for {browser} only; in any other browser I'll go on to the next one. Which browser do you use?"
    )
}

/// "Not sure" at "which browser?": how to tell, with the way out.
/// At "Safari on a Mac or on an iPhone or iPad?", "idk".
pub const HOW_TO_TELL_WHICH_SAFARI: &str = "No problem: it depends on the device. If you use \
     Safari on a computer (a laptop or desktop with a keyboard), choose Safari (Mac); on a phone \
     or tablet, choose Safari (iPhone and iPad).";

pub const HOW_TO_TELL_THE_BROWSER: &str = "No problem. How to tell: on an iPhone or iPad it is \
     usually Safari (a compass icon), on an Android phone usually Chrome. On a computer, look at \
     the icon you open to get online: a red, yellow and green circle is Chrome, an orange fox \
     is Firefox, a blue and green wave is Microsoft Edge, a compass is Safari. Still not sure? \
     Say so (or choose Other) and I'll go on with the steps that do not depend on the browser.";

/// "does it matter which browser?" at the browser question.
pub const WHY_THE_BROWSER: &str = "It matters for this step: its menus and buttons are named \
     differently in each browser, so I show the ones for yours.";

/// "does it matter which browser?" at a step whose steps are written per browser.
pub fn the_browser_matters_here(browser: &str) -> String {
    format!(
        "For this step, yes: its menus and buttons are named differently in each browser, so \
         I show the ones for {browser}. On another browser? Say which (\"I'm on Firefox\")."
    )
}

/// "does this work on a mac too?" at a step written per browser.
pub fn the_browser_not_the_computer(browser: &str, device: &str) -> String {
    format!(
        "Yes: these steps go by the browser, not the {device}, so in {browser} they read the \
         same there. Using another browser on it? Say which (\"I'm on Safari\")."
    )
}

/// "does this work on a mac too?" at a step that reads the same in every browser.
pub const THE_SAME_ON_ANY_COMPUTER: &str = "Yes: this step is the same on any computer.";

/// "will this work on my iphone?" at a step: on a phone or tablet the steps read otherwise.
pub fn steps_differ_on(device: &str) -> String {
    format!(
        "On a {device} some of these steps read differently. Trying it there? Say \"I'm on my \
         {device}\" and I'll show them that way."
    )
}

/// The same at a step that reads the same in every browser.
pub const THE_BROWSER_DOES_NOT_MATTER_HERE: &str =
    "Not for this step: it is the same in every browser.";

pub fn solution_heading(number: usize, total: usize, title: &str) -> String {
    format!("Solution {number} of {total}: {title}")
}

/// The heading of a step that is a test, numbered among the solutions.
pub fn test_heading(number: usize, total: usize, title: &str) -> String {
    format!("Solution {number} of {total} (a test): {title}")
}

/// A test the problem did not show in: what that means, and that it fixed nothing yet.
pub fn works_there(test: &str) -> String {
    format!(
        "Good to know: it works in the test (**{test}**). That was a test, not a fix: the \
         trouble is in something the test leaves out."
    )
}

/// Under steps shown again on request: what to do when they do not match the screen.
pub const SCREEN_LOOKS_DIFFERENT: &str = "Screen looks different? Say which browser or device \
    you're on (\"I'm on Firefox\", \"on my iPhone\"), or choose Talk to a human.";

/// The heading of a step's instructions asked for on the side.
pub fn how_to_title(number: usize, total: usize, title: &str) -> String {
    format!("How to: {title} (solution {number} of {total})")
}

/// A test whose result the user gave before it was asked ("works in incognito").
/// "It works but only in incognito" at a fix: the fix did not help; the test's result noted.
pub fn works_only_in_test(test: &str) -> String {
    format!(
        "So that fix didn't help, and it works only in the test **{test}**: noted for both. \
         That points at what the test leaves out."
    )
}

/// Fixes the first description says were tried already.
pub fn tried_already(titles: &[&str]) -> String {
    let list = and_list(
        &titles
            .iter()
            .map(|t| format!("**{t}**"))
            .collect::<Vec<_>>(),
    );
    let them = if titles.len() == 1 { "it" } else { "them" };
    format!("Noted: you already tried {list} without luck, so I'll skip {them}.")
}

/// A test's result said again at a later fix ("I tried on my phone hotspot and it works
/// there" at "Ask IT ..."): known, and no answer to the fix on screen.
pub fn test_result_again(test: &str, works: bool) -> String {
    let result = if works {
        "it works there"
    } else {
        "it fails there too"
    };
    format!(
        "Noted: {result}, as in the test **{test}** before. That tells where the trouble is, not \
         whether this fix helped."
    )
}

pub fn test_result_noted(test: &str, works: bool) -> String {
    if works {
        format!(
            "Noted: you said QuickBooks already works in the test **{test}**, so I'll skip \
             that test. A test is not a fix: the trouble is in something it leaves out."
        )
    } else {
        format!(
            "Noted: you said the problem shows in the test **{test}** too, so I'll skip that \
             test."
        )
    }
}

/// A test's result said again, the other way ("it works in incognito though" after "fails
/// there too"): the new one counts.
pub fn test_result_changed(test: &str, works: bool) -> String {
    if works {
        format!(
            "Noted: it works in the test **{test}** now. A test is not a fix: the trouble is in something it leaves out, so the fixes for that come back."
        )
    } else {
        format!("Noted: the problem shows in the test **{test}** now too.")
    }
}

/// The result of a test the user could not do when it was shown, said at a later one.
pub fn earlier_test_result(test: &str, works: bool) -> String {
    if works {
        format!(
            "Noted for the earlier test **{test}**: it works there. A test is not a fix: the \
             trouble is in something it leaves out."
        )
    } else {
        format!("Noted for the earlier test **{test}**: the problem shows there too.")
    }
}

pub fn steps_for(browser: &str, steps: &str) -> String {
    format!("**Steps for {browser}:**\n{steps}")
}

pub fn general_steps_instead(yours: &str, only: &str, general: &str) -> String {
    format!(
        "_This fix has no steps written for {yours} (only {only}); here are the general steps._\n\n{general}"
    )
}

/// At the end of an article with no steps for the user's browser, where there are some.
pub fn steps_for_your_browser_elsewhere(yours: &str, article: &str, solution: &str) -> String {
    format!(
        "None of these fixes has steps for {yours}. **{article}** has one written for it: **{solution}**."
    )
}

pub fn skipped_solution(number: usize, title: &str, only: &str, yours: &str) -> String {
    format!("Skipped solution {number} (**{title}**): it is for {only} only, not {yours}.")
}

/// "How do I do that on my iPhone?" for a fix with no steps for that browser or device.
pub fn no_steps_on_the_side(title: &str, only: &str, yours: &str) -> String {
    format!(
        "**{title}** has steps for {only} only, none for {yours}. If you can't do it there, say \"still broken\" to go on to the next fix, or talk to a human."
    )
}

/// Steps passed over because what a test showed rules them out.
pub fn skipped_by_test(test: &str, steps: &[&str]) -> String {
    let list = steps
        .iter()
        .map(|s| format!("**{s}**"))
        .collect::<Vec<_>>()
        .join(", ");
    format!("Skipping {list}: the test (**{test}**) shows they would not help here.")
}

/// A step skipped because the user does not know their browser: how to get it back.
pub fn skipped_browser_unknown(number: usize, title: &str, only: &str) -> String {
    format!(
        "Skipped solution {number} (**{title}**): it has steps only for {only}. Name your browser \
         any time to get them."
    )
}

/// A first message that only says where the user is ("I use safari on my ipad").
/// "it works on my phone" at "did this fix it?": noted for staff, the steps stay as they were.
pub fn works_there_noted(place: &str) -> String {
    format!(
        "Good to know it works there ({place}): I've noted that for the support team, and I'll \
         keep the steps for the setup where it's broken."
    )
}

/// Where it works, said at "Is it one of these?": noted, and the list again.
pub fn works_there_which_of_these(place: &str) -> String {
    format!(
        "Good to know it works in {place}: I've noted that for the support team. Is it one of \
         these? Pick one, or tell me more about the problem where it fails."
    )
}

/// "chrome i think? or maybe edge" at "Which browser?": the first one named, said so.
/// "i dont know, windows 11" at "Which browser?": the browser the system comes with, assumed.
pub fn going_with_the_system_s_browser(browser: &str) -> String {
    format!(
        "I'll go with {browser}, the browser your system comes with. If you use another one, just say which."
    )
}

pub fn going_with_the_first_browser(browser: &str) -> String {
    format!("I'll go with {browser}, the first you named. If it's the other one, just say which.")
}

/// A browser or device said at "Is it one of these?" (or "Is this it?", `several` false):
/// noted, and the question again.
pub fn noted_which_of_these(on: &str, several: bool) -> String {
    if several {
        format!("Noted: {on}. Is it one of these? Pick one, or tell me more about the problem.")
    } else {
        format!("Noted: {on}. Is this it? Pick it, or tell me more about the problem.")
    }
}

/// Where the user is, when it is the phone app ("im in the mobile app").
pub const THE_MOBILE_APP: &str = "the mobile app";

pub fn noted_now_what(on: &str) -> String {
    format!(
        "Noted: {on}. What's the problem? Describe it in your own words; the exact error message helps."
    )
}

/// A device named mid-walk that the browser set runs on too: the step worded for it.
pub fn now_on_device(device: &str) -> String {
    format!(
        "Noted: you're on {} now; the steps below are worded for it.",
        with_article(device)
    )
}

/// A device named at the end of the fixes, where none it skipped comes back.
pub fn now_on_device_nothing_new(device: &str) -> String {
    format!(
        "Noted: you're on {} now; there is no fix for it there that you haven't seen.",
        with_article(device)
    )
}

fn with_article(device: &str) -> String {
    let a = if device.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    };
    format!("{a} {device}")
}

/// A device named mid-walk that the browser set does not run on.
pub fn now_on(device: &str) -> String {
    format!(
        "Noted: you're on a new device ({device}), so I'll ask for its browser where the steps differ."
    )
}

/// A device named where a browser was asked for.
pub fn which_browser_on(device: &str) -> String {
    format!("Noted: {device}. Which browser do you use on it?")
}

/// "the one that came with my computer" at "Which browser?".
pub const DEFAULT_BROWSER_OF_WHICH: &str = "The browser a computer comes with is Microsoft Edge on Windows and Safari on a Mac. Which one is yours?";

/// The device of a user on a phone or tablet in another browser than Safari.
pub const A_PHONE_OR_TABLET: &str = "a phone or tablet";

/// An article for a product that runs on a computer only, opened for a user on a phone or tablet.
pub fn steps_on_the_computer(device: &str, product: &str) -> String {
    format!(
        "You're chatting from {device}: do these steps on the computer that runs {product} \
         (it does not run on a phone or tablet)."
    )
}

pub fn skipped_needs_computer(number: usize, title: &str, device: &str) -> String {
    format!(
        "Skipped solution {number} (**{title}**): its steps need a Windows computer, and you're on {device}."
    )
}

/// A fix skipped on a phone or tablet: its steps use `menu` ("extensions menu").
/// The desktop browsers' "About" page that updates them (phones update from the app store).
pub const UPDATE_PAGE: &str = "update page";

/// What to do instead on a phone or tablet, for a desktop `menu` that has a counterpart there.
fn on_a_phone_instead(browser: &str, menu: &str) -> String {
    if menu == UPDATE_PAGE {
        format!(
            " On a phone or tablet, update {browser} from the App Store (iPhone, iPad) or Google \
             Play (Android) instead."
        )
    } else {
        String::new()
    }
}

pub fn skipped_desktop_menu(number: usize, title: &str, browser: &str, menu: &str) -> String {
    format!(
        "Skipped solution {number} (**{title}**): its steps use {browser}'s {menu}, which \
         {browser} has only on a computer, and you're on a phone or tablet.{}",
        on_a_phone_instead(browser, menu)
    )
}

/// A fix's steps asked for on a phone or tablet whose browser lacks their `menu`.
pub fn no_desktop_menu(browser: &str, menu: &str) -> String {
    format!(
        "{browser} has no {menu} on a phone or tablet, so this step does not apply there.{}",
        on_a_phone_instead(browser, menu)
    )
}

pub fn skipped_needs_keyboard(number: usize, title: &str, device: &str) -> String {
    format!(
        "Skipped solution {number} (**{title}**): its steps need a keyboard, and you're on {device}."
    )
}

/// A test showed the trouble is not the article's (`go to: another article`).
pub const SOMETHING_ELSE_THEN_TITLE: &str = "Something else, then";

pub fn not_this_article(article: &str, with_choices: bool) -> String {
    let then = if with_choices {
        ", or pick the closest of these"
    } else {
        ""
    };
    format!(
        "Sorry about that: then **{article}** is not your problem, and I won't count its steps \
         as failed. Tell me what you see, in your own words (the exact error message \
         helps){then}."
    )
}

/// `works_there`: the trouble went away at the test's place (another device or network), so
/// it is on the user's side; otherwise it stayed where the article's cause is gone (a private
/// window has no cache), so that cause is not it.
pub fn left_by_test(test: &str, works_there: bool, article: &str, with_choices: bool) -> String {
    let then = if with_choices {
        ", or pick the closest of these"
    } else {
        ""
    };
    let why = if works_there {
        ": the trouble is on your side, with this device or its connection"
    } else {
        ", since the trouble stays there too"
    };
    format!(
        "The test (**{test}**) shows this is not **{article}**{why}. Tell me what you see \
         here, in your own words (the exact error message helps){then}."
    )
}

/// The end of an article's fixes when every one of them was skipped for want of the browser.
pub fn every_fix_needs_a_browser(title: &str) -> String {
    format!(
        "Every fix I have for **{title}** has steps for particular browsers, so I couldn't show \
         you any without knowing yours. Pick it below when you know it (or say it: \"it's \
         chrome\")."
    )
}

/// [`every_fix_needs_a_browser`] for a user who said "safari", not which.
pub fn every_fix_needs_which_safari(title: &str) -> String {
    format!(
        "Every fix I have for **{title}** has steps that differ between Safari on a Mac and on \
         an iPhone or iPad, so I couldn't show you any without knowing which. Pick it below."
    )
}

/// The end of the fixes shown, with `waiting` more skipped for want of the browser.
pub fn last_fix_without_a_browser(title: &str, waiting: usize) -> String {
    let (n, have) = if waiting == 1 {
        ("one more".to_string(), "has")
    } else {
        (format!("{waiting} more"), "have")
    };
    format!(
        "That was the last fix I can show you for **{title}** without knowing your browser: \
         {n} {have} steps for particular browsers. Pick yours below to see them."
    )
}

pub fn last_fix(title: &str) -> String {
    format!("That was the last fix I have for **{title}**.")
}

/// The fixes the user skipped, at the end of the fixes: still there to try.
pub fn you_skipped(titles: &[String]) -> String {
    let named: Vec<String> = titles.iter().map(|t| format!("**{t}**")).collect();
    let (them, it) = if named.len() == 1 {
        ("", "it")
    } else {
        (" (one at a time)", "them")
    };
    format!(
        "You skipped {}: say \"go back\" to try {it}{them}.",
        and_list(&named)
    )
}

/// The end of the fixes, said again in one line.
pub fn still_out_of_fixes(title: &str) -> String {
    format!(
        "I have no more fixes for **{title}**. A person on the support team can take it from here, \
         or describe another problem."
    )
}

pub fn keep_it_from_coming_back(tips: &str) -> String {
    format!("\n\nTo keep it from coming back:\n{tips}")
}

pub fn about(title: &str) -> String {
    format!("About: {title}")
}

/// The match of an article the user picked from a list the bot was unsure of.
pub fn picked_by_you(score: f64) -> String {
    format!("picked by you ({:.0}% by the words)", score * 100.0)
}

pub fn confident(score: f64) -> String {
    format!("{:.0}% confident", score * 100.0)
}

/// A ticket opened with what the conversation had: what was said, the fixes tried (when any)
/// and the live checks (when any), each named only when there.
pub fn ticket_opened(id: &str, with_fixes: bool, with_checks: bool) -> String {
    let mut had = vec!["what you told me"];
    if with_fixes {
        had.push("the fixes you tried (and how each went)");
    }
    if with_checks {
        had.push("the live checks");
    }
    let had = match had.as_slice() {
        [one] => one.to_string(),
        [first, second] => format!("{first} and {second}"),
        [first, second, third] => format!("{first}, {second}, and {third}"),
        _ => had.join(", "),
    };
    format!(
        "I've opened ticket **{id}** for the support team with everything from our conversation: \
         {had}. Nobody will ask you to repeat it.\n\n\
         What happens next: a person claims the ticket and you'll get a message when they do, and again when \
         it's resolved. If you think of anything else, just tell me and I'll offer to add it to this ticket."
    )
}

/// A ticket opened before anything was said about the problem.
pub fn ticket_opened_empty(id: &str) -> String {
    format!(
        "I've opened ticket **{id}** for the support team. Tell me what's going on in a sentence or \
         two (the exact error message helps) and I'll add it, so the person who picks it up has \
         it.\n\nWhat happens next: a person claims the ticket and you'll get a message when they \
         do, and again when it's resolved."
    )
}

/// A password typed into the conversation, taken out before anything was kept.
/// Under `status` when an uptime figure leaves checks out.
pub const UPTIME_LEAVES_OUT: &str = "(uptime counts the checks that say whether the service is up: \
     one it turned down with a 4xx other than 429, a moved page or a blocked bot, is not counted, \
     as it opens no outage; nor is one the monitor did not judge, the bot's own network or DNS \
     being in doubt)";

/// `status`: what an uptime figure leaves out ("2 turned down, 1 not judged"); `None` when
/// nothing.
pub fn left_out(turned_down: usize, not_judged: usize) -> Option<String> {
    let mut parts = Vec::new();
    if turned_down > 0 {
        parts.push(format!("{turned_down} turned down"));
    }
    if not_judged > 0 {
        parts.push(format!("{not_judged} not judged"));
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// `/status`: the checks of the last 24 hours the uptime leaves out; `None` when none.
pub fn not_counted(turned_down: usize, not_judged: usize) -> Option<String> {
    let checks = |n: usize| if n == 1 { "check" } else { "checks" };
    let mut parts = Vec::new();
    if turned_down > 0 {
        parts.push(format!(
            "{turned_down} {} turned down with a 4xx",
            checks(turned_down)
        ));
    }
    if not_judged > 0 {
        parts.push(format!(
            "{not_judged} {} not judged (the bot's own network in doubt)",
            checks(not_judged)
        ));
    }
    (!parts.is_empty()).then(|| format!("{} not counted", parts.join(", ")))
}

/// A live check that passes while incidents `ids` are still open for that service or for the
/// user's problem: never "the cause is likely on your side". `listed`: whether the user already
/// asked to be told when they are over (`None`: no list to be on, as in `check`).
pub fn up_during_incident(ids: &[String], listed: Option<bool>) -> String {
    let (the_outage, is, it) = match ids {
        [one] => (format!("the outage ({one})"), "is", "it's"),
        _ => (format!("the outages ({})", and_list(ids)), "are", "they're"),
    };
    let told = match listed {
        Some(true) => format!(" You're on the list: you'll be told when {it} over."),
        Some(false) => format!(" Choose \"{NOTIFY_ME}\" to be told when {it} over."),
        None => String::new(),
    };
    format!(
        "The service answers from here right now, but {the_outage} {is} not over yet: it \
         may still fail for you, or come and go, while it is being fixed.{told}"
    )
}

/// "I-0002", "I-0002 and I-0003", "I-0001, I-0002 and I-0003".
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A message too long to read whole: what was read, and how to be read in full.
pub fn read_in_part(chars: usize, head: usize, tail: usize) -> String {
    format!(
        "Your message is long ({} characters), so I read only its start and its end (about {} \
         and {} characters). If the problem is described in between, say it again in a \
         sentence or two.",
        thousands(chars),
        thousands(head),
        thousands(tail)
    )
}

/// 102400 -> "102,400".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// A payroll service key typed into the chat, taken out.
pub const SERVICE_KEY_LEFT_OUT: &str = "I've left out the service key you typed: it isn't kept or shown to the support team, and nobody here needs it. Don't post it where others can see it (delete your message if they can); the support team can look up your subscription without it.";
/// A password typed into the chat, taken out.
pub const PASSWORD_LEFT_OUT: &str = "I've left out the password you typed: it isn't kept or shown to the support team, and nobody here needs it. If it's a real one, change it (and delete your message if others can see it).";

/// "It works now, but only after ..." while the ticket is open.
pub const WORKS_NOW_WITH_A_CATCH: &str = "Good to hear it works now. I'm adding what you said to your ticket, so the support team knows how it went.";
/// "It works now" while the ticket is open.
/// "nevermind, fixed it" with nothing walked: good news, nothing to do.
pub const GLAD_IT_WORKS_NOTHING_WALKED: &str =
    "Glad it's working! If anything goes wrong again, describe it here in your own words.";
pub const WORKS_NOW_TELLING_STAFF: &str = "Glad it works now! I'm adding that to your ticket so the support team knows they can close it.";

/// "nevermind close it" with a ticket open: told to staff, who close it.
pub const CLOSE_ASKED_TELLING_STAFF: &str = "OK. I'm adding that to your ticket so the support team sees you'd like it closed; they'll close it.";

/// The problem is back after the user told staff it worked: they hear that at once too.
pub const BROKEN_AGAIN_TELLING_STAFF: &str = "Sorry it's back. I'm adding that to your ticket so the support team knows it still needs them, and doesn't close it.";

/// The first words after an empty hand-over match an article: worth a try while waiting.
pub fn while_you_wait(title: &str) -> String {
    format!("While you wait, this might fix it: **{title}**.")
}

/// A message after a hand-over that matches no article confidently: likely more for the ticket.
/// What "Add this to your ticket?" says beside adding.
pub enum ForYourTicket {
    /// Other articles the words may be are offered too.
    OrAnotherProblem,
    /// The words match the ticket's own problem.
    AboutIt,
    /// The words match no article.
    NoArticle,
}

pub fn for_your_ticket(id: &str, said: ForYourTicket) -> String {
    match said {
        ForYourTicket::OrAnotherProblem => format!(
            "Is this more for your ticket **{id}**? I can add it so the support team sees it. If it's a \
             different problem, pick the closest one."
        ),
        ForYourTicket::AboutIt => format!(
            "Is this more for your ticket **{id}**? I can add it so the support team sees it."
        ),
        ForYourTicket::NoArticle => format!(
            "I don't have an article for that, but I can add it to your ticket **{id}** so the \
             support team sees it."
        ),
    }
}

/// The choice that adds the last message to the user's open ticket.
pub fn add_to_ticket(id: &str) -> String {
    format!("Add it to ticket {id}")
}

pub const ADD_TO_YOUR_TICKET: &str = "Add this to your ticket?";

/// "It came back" after the ticket was resolved.
/// [`BACK_AFTER_RESOLVED`] again, to a user who left before answering it.
pub const BACK_AFTER_RESOLVED_AGAIN: &str = "Welcome back. You said the problem is back after your ticket was resolved: I can open a new ticket with everything from before, or we can go through the fixes again.";
pub const BACK_AFTER_RESOLVED: &str = "Sorry it's back. I can open a new ticket with everything from before, so nobody asks you to repeat it, or we can go through the fixes again.";
pub const OPEN_A_NEW_TICKET: &str = "Open a new ticket";

pub fn try_fixes_again(title: &str) -> String {
    format!("Try the fixes for {title} {}", again_after(title))
}

/// A number typed with no list open, or past the end of the list.
pub fn no_such_choice(typed: &str) -> String {
    format!(
        "There's no choice {typed} open right now. Describe the problem in your own words, or type **/help**."
    )
}

/// After a hand-over, under an article a message matched clearly.
pub fn or_add_to_ticket(id: &str) -> String {
    format!(
        "You have an open ticket, **{id}**. If this is more for it than a new problem, add it there instead."
    )
}

/// After "Add it to ticket ..." when it was still open.
pub fn added_to_ticket(id: &str) -> String {
    format!(
        "Added to your ticket **{id}**. The support team sees it with the rest of your conversation."
    )
}

/// "Add it" pressed in a conversation that has said nothing yet (an old button after "Start
/// over").
pub const NOTHING_NEW_TO_ADD: &str = "There's nothing new to add yet. Tell me what's going on, and I'll offer to add it to your ticket.";

/// More of the walk asked for after a hand-over ("lets keep trying the steps"), with the
/// ticket still open (its id) or not; `none_shown_yet` when the hand-over came before any fix
/// was shown (the fixes are begun, not gone on with).
pub fn steps_again_after_hand_over(open_ticket: Option<&str>, none_shown_yet: bool) -> String {
    let lead = if none_shown_yet {
        "OK, let's try the fixes."
    } else {
        "OK, let's keep going with the fixes."
    };
    match open_ticket {
        Some(id) => format!(
            "{lead} Your ticket **{id}** stays open meanwhile; if one works, I'll tell the support team."
        ),
        None => lead.to_string(),
    }
}

/// A fix recorded in a walk while the user's ticket is open: staff are told.
pub fn fix_told_to_ticket(id: &str) -> String {
    format!(
        "I've added this to your ticket **{id}**, so the support team knows it's fixed and can close it."
    )
}

/// A fix told to the open ticket did not last: staff are told that too.
pub fn fix_came_back_told_to_ticket(id: &str) -> String {
    format!("I've told the support team on your ticket **{id}** that the fix didn't last.")
}

pub fn already_on_ticket(id: &str) -> String {
    format!("That's already on your ticket **{id}**. Anything more you type here can be added too.")
}

/// A hand-over asked for again within the escalation cooldown.
pub fn handed_over_moments_ago(ticket: Option<&str>, wait_secs: u64) -> String {
    let with = ticket.map_or_else(String::new, |id| format!(" on ticket **{id}**"));
    format!(
        "Your request is already with the team{with}. I've kept what you said here; ask for a person again in {} s to add it.",
        wait_secs.max(1)
    )
}

pub fn ticket_added_to(id: &str) -> String {
    format!(
        "You already have an open ticket, **{id}**. I've added this conversation to it, so the support team sees the latest."
    )
}

// Incidents.

/// An incident's title from the monitor ("QuickBooks Online sign-in page: bad gateway").
pub fn outage_title(target: &str, verdict: &str) -> String {
    format!("{target}: {verdict}")
}

pub fn monitor_recovering(target: &str) -> String {
    format!("{target} answers normally again; watching it before calling it over.")
}

pub fn monitor_relapsed(target: &str, verdict: &str) -> String {
    format!("{target} failed again ({verdict}).")
}

/// The monitor's note when it closes an incident, told to users as it is: `since` is when the
/// service began answering normally again ("10:42 UTC").
pub fn monitor_recovered(target: &str, since: &str) -> String {
    format!("{target} has been answering normally again since {since}.")
}

pub fn monitor_target_gone(target: &str) -> String {
    format!(
        "Closed: target `{target}` is no longer monitored (removed from endpoints.toml, or `monitor = false`)."
    )
}

/// The lead a user gets when their problem is a known outage.
pub fn outage_lead(since: &str, id: &str, title: &str, latest: Option<&str>) -> String {
    let latest = latest
        .map(|l| format!(" Latest update: {}", as_sentence(l)))
        .unwrap_or_default();
    format!(
        "**Known outage since {since} ({id}):** {title}. It's not you, and the usual fixes won't help until it's fixed.{latest} \
         I can tell you when it is over, or walk you through the fixes anyway."
    )
}

/// "how long will it last?" during a known outage: how long it has gone on and the team's
/// latest word, which is all anyone here knows of its end.
pub fn outage_so_far(id: &str, since: &str, minutes: u64, latest: Option<&str>) -> String {
    let lasted = match minutes {
        0 => "less than a minute".to_string(),
        1 => "1 minute".to_string(),
        m if m < 120 => format!("{m} minutes"),
        m => format!("{} hours", m / 60),
    };
    let news = match latest {
        Some(l) => format!("The support team's latest update: {}", as_sentence(l)),
        None => "The support team has posted no estimate yet.".to_string(),
    };
    format!(
        "Nobody can say for sure: **{id}** has gone on since {since} ({lasted} so far). {news} \
         Choose **Notify me when it's fixed** and I'll tell you the moment it's over."
    )
}

/// The lead when several known outages cover the user's problem: each of them, as
/// (since, id, title, latest update).
pub fn outages_lead(outages: &[(String, String, String, Option<String>)]) -> String {
    let lines: Vec<String> = outages
        .iter()
        .map(|(since, id, title, latest)| {
            let latest = latest
                .as_deref()
                .map(|l| format!(" Latest update: {}", as_sentence(l)))
                .unwrap_or_default();
            format!("- **{id}**, since {since}: {}{latest}", as_sentence(title))
        })
        .collect();
    format!(
        "**{} known outages cover this:**\n{}\nIt's not you, and the usual fixes won't help until they're fixed. \
         I can tell you when they are over, or walk you through the fixes anyway.",
        outages.len(),
        lines.join("\n")
    )
}

/// A known outage, told beside a live check's result. `confirmed`: a person on staff opened,
/// confirmed or updated it; otherwise the bot's own checks opened it, and nobody has said more.
pub fn known_outage_line(since: &str, id: &str, title: &str, confirmed: bool) -> String {
    if confirmed {
        format!(
            "**Known outage since {since} ({id}):** {title}. The support team has confirmed it; \
             a check from here can pass while this part of the service is down."
        )
    } else {
        format!(
            "**Known outage since {since} ({id}):** {title}. The bot's own checks of this service \
             detected it; the check just now is below."
        )
    }
}

/// `text` ending as a sentence does (a full stop added when it has none), for text staff
/// typed that is followed by more words.
pub fn as_sentence(text: &str) -> String {
    let text = text.trim();
    match text.chars().last() {
        None => String::new(),
        Some('.' | '!' | '?' | '…') => text.to_string(),
        Some(_) => format!("{text}."),
    }
}

/// A shorter reminder once the user has been told.
pub fn outage_reminder(id: &str) -> String {
    format!("This is still the known outage {id}.")
}

pub const OUTAGE_TITLE: &str = "Known outage";

/// "notify me when its fixed" typed with no known outage on screen: the check runs first.
pub const CHECKING_BEFORE_NOTIFYING: &str = "I can tell you when a known outage is over. Let me check whether the service is down right now.";
pub const NOTIFY_ME: &str = "Notify me when it's fixed";
/// Continues the normal walk after the outage lead.
pub const HELP_ME_ANYWAY: &str = "Help me anyway";
/// After an aside while the outage lead holds the fixes back.
pub const FIXES_WHEN_YOU_WANT: &str = "The fixes are here when you want to try them anyway: press Help me anyway or say \"help me anyway\".";

/// "I-0001", or "each of I-0002 and I-0003" (each is told when it ends).
fn each_of(ids: &[String]) -> String {
    match ids {
        [one] => one.clone(),
        _ => format!("each of {}", and_list(ids)),
    }
}

pub fn will_tell_you(ids: &[String]) -> String {
    format!("I'll tell you here when {} is over.", each_of(ids))
}

pub fn already_subscribed(ids: &[String]) -> String {
    format!(
        "You're already on the list: I'll tell you when {} is over.",
        each_of(ids)
    )
}

/// The "Notify me" choice beside a check when several unrelated outages are shown.
pub fn notify_me_of(id: &str) -> String {
    format!("Notify me when {id} is fixed")
}

pub fn incident_already_over(id: &str) -> String {
    format!(
        "{id} is already over. If it still fails for you, describe what you see and we'll go through the fixes."
    )
}

/// What a subscriber (or anyone told) hears when the incident is over.
pub fn outage_over(id: &str, title: &str, note: &str) -> String {
    let note = match as_sentence(note) {
        n if n.is_empty() => n,
        n => format!("{n} "),
    };
    format!(
        "The outage {id} is over: {title}. {note}If it still fails for you, describe what you see and I'll help."
    )
}

/// The note on a ticket resolved together with its incident.
pub fn resolved_with_incident(id: &str) -> String {
    format!("Resolved with the outage {id}: it was not on your side.")
}

/// A suspected incident's title, from the article many users landed on.
pub fn crowd_title(article: &str) -> String {
    format!("Many users report: {article}")
}

/// What staff are told when the crowd signal fires.
pub fn crowd_notice(id: &str, users: usize, article: &str, minutes: u64) -> String {
    format!(
        "Suspected incident {id}: {users} different users landed on \"{article}\" within {minutes} minutes, while the probes see nothing wrong. Users are not told until staff confirm it; confirm it if this is an outage, or dismiss it."
    )
}

pub const STATUS_TITLE: &str = "Service status";
pub const NO_INCIDENT: &str = "None going on.";
pub const NO_TARGETS: &str = "No services are set up for checks here.";
pub const NO_ACTIVE_INCIDENTS: &str = "No incident going on.";

/// Beside a suspected incident in `status`: users are not told until staff confirm it.
pub fn suspected_incident_waits(id: &str) -> String {
    format!(
        "users are not told until staff confirm it: `supportbot incidents confirm {id} --by NAME`, \
         or `incidents dismiss {id} --by NAME` if it is no outage"
    )
}

/// The one-line form of an incident's status (logs, the notifications file, staff's channel).
/// `latest`: the newest update on it, (by, text).
pub fn incident_status_line(
    id: &str,
    state: crate::incident::IncidentState,
    title: &str,
    latest: Option<(&str, &str)>,
) -> String {
    use crate::incident::IncidentState;
    let head = match state {
        IncidentState::Monitoring => format!(
            "Incident {id} ({title}): the service answers again; watching it before closing it."
        ),
        other => format!("Incident {id} is {}: {title}", other.word()),
    };
    match latest {
        Some((by, text)) => format!(
            "{}. Latest from {by}: {}",
            head.trim_end_matches('.'),
            as_sentence(text)
        ),
        None => head,
    }
}

/// Staff confirmed crowd incident `id`: the open tickets filed on its article that were linked
/// to it.
pub fn crowd_tickets_linked(id: &str, tickets: &[String]) -> String {
    let (these, users) = match tickets {
        [_] => ("ticket", "its user hears"),
        _ => ("tickets", "their users hear"),
    };
    format!(
        "Linked the open {these} filed on it: {} ({users} when it is over; `incidents resolve \
         {id} --tickets` resolves them with it).",
        and_list(tickets)
    )
}

/// Beside staff's notice that incident `id` is resolved: its linked tickets still open.
pub fn linked_tickets_still_open(id: &str, tickets: &[String]) -> String {
    let (these, users, them) = match tickets {
        [_] => ("ticket", "its user is", "it"),
        _ => ("tickets", "their users are", "them"),
    };
    format!(
        "Linked {these} still open: {} ({users} told the outage is over). Resolve {them} once \
         confirmed, or all at once with `incidents resolve {id} --tickets`.",
        and_list(tickets)
    )
}

/// `monitor --once`: a monitored target whose check was refused (the hint follows).
pub fn cannot_check_target(target: &str) -> String {
    format!("{target}: cannot check it")
}

/// For admins (the log, `check`, `monitor --once`, `status`): why a named target could not be
/// checked and how to fix it. Users see none of it: they typed no address.
pub fn target_refused_hint(target: &str, url: &str, reason: &str) -> String {
    format!(
        "Admins: target `{target}` in endpoints.toml redirected the check to {url}, which was refused ({reason}). \
         Redirects on the target's own host are followed like the target; one to another host is vetted like an \
         address users type. Point the target's `url` at the page it ends on, or widen CHECK_ALLOWED_PORTS / ALLOW_PRIVATE_TARGETS."
    )
}

/// `monitor --once` and `status`, for admins: no incident moves because nothing answered (the
/// same words under every target, so they are said once).
pub fn held_network_down() -> String {
    "Incidents on hold: no monitored target's name could be looked up and no target answered at all, \
     so the bot's own network or DNS is the likelier culprit, not the services. No incident opens, moves \
     or closes until a check gets through. Check this machine's network connection and DNS (for example, \
     look up a target's host name with `nslookup`)."
        .to_string()
}

/// `monitor --once` and `status`, for admins: a name that does not resolve, with no other
/// name resolving to show the bot's DNS works.
pub fn held_name_does_not_resolve(host: &str) -> String {
    format!(
        "No incident opens for it: the name `{host}` does not resolve, and no other monitored target's \
         name resolved to show that the bot's DNS works. Check the host name in its `url` in endpoints.toml, \
         and this machine's DNS (for example `nslookup {host}`). Other targets are judged as usual."
    )
}

/// `/status` for a target whose latest check could not run (the details are for admins).
pub const CANNOT_CHECK_TARGET: &str = "cannot be checked from here (the bot's admins can fix this)";

/// An incident's title when the service answers 429 Too Many Requests to everyone.
pub const TURNING_REQUESTS_AWAY: &str = "turning requests away (too many requests)";

/// What a 429 from a live check means for the user.
pub const TOO_MANY_REQUESTS_MEANING: &str = "The service is turning requests away right now (too \
     many requests): it is overloaded or limiting traffic. This is on their side, not your browser.";

#[cfg(test)]
mod tests {
    use super::*;

    /// Users read the monitor's closing note as it is: when it came back, no monitor jargon
    /// ("answered normally 2 times in a row: resolved").
    #[test]
    fn the_monitor_says_when_the_service_came_back_in_plain_words() {
        assert_eq!(
            monitor_recovered("The portal", "10:58 UTC"),
            "The portal has been answering normally again since 10:58 UTC."
        );
    }

    #[test]
    fn staff_are_told_what_monitoring_means() {
        use crate::incident::IncidentState;
        assert_eq!(
            incident_status_line(
                "I-0001",
                IncidentState::Monitoring,
                "The portal: bad gateway",
                None
            ),
            "Incident I-0001 (The portal: bad gateway): the service answers again; watching it before closing it."
        );
        assert_eq!(
            incident_status_line(
                "I-0002",
                IncidentState::Open,
                "Payroll submissions delayed",
                Some(("sam", "Intuit is on it"))
            ),
            "Incident I-0002 is open: Payroll submissions delayed. Latest from sam: Intuit is on it."
        );
        assert_eq!(
            linked_tickets_still_open("I-0001", &["T-0001".into(), "T-0003".into()]),
            "Linked tickets still open: T-0001 and T-0003 (their users are told the outage is over). \
             Resolve them once confirmed, or all at once with `incidents resolve I-0001 --tickets`."
        );
    }

    #[test]
    fn a_passing_check_during_outages_names_each_and_never_blames_the_user() {
        let one = up_during_incident(&["I-0001".into()], Some(false));
        assert!(one.contains("the outage (I-0001) is not over yet"), "{one}");
        assert!(one.contains("Choose \"Notify me"), "{one}");
        let two = up_during_incident(&["I-0002".into(), "I-0003".into()], Some(true));
        assert!(
            two.contains("the outages (I-0002 and I-0003) are not over yet"),
            "{two}"
        );
        assert!(
            two.contains("You're on the list: you'll be told when they're over."),
            "{two}"
        );
        let cli = up_during_incident(&["I-0001".into()], None);
        assert!(!cli.contains("Notify") && !cli.contains("list"), "{cli}");
        assert!(!cli.contains("your side"), "{cli}");
    }

    #[test]
    fn staff_text_reads_as_a_sentence_among_the_bots_words() {
        assert_eq!(
            as_sentence("Bank feeds back to normal"),
            "Bank feeds back to normal."
        );
        assert_eq!(as_sentence(" Fixed! "), "Fixed!");
        assert_eq!(as_sentence(""), "");
        let over = outage_over("I-0001", "Bank feeds delayed", "Bank feeds back to normal");
        assert!(
            over.contains("Bank feeds back to normal. If it still fails"),
            "{over}"
        );
        let over = outage_over("I-0001", "Bank feeds delayed", "");
        assert!(over.contains("delayed. If it still fails"), "{over}");
        let lead = outage_lead("10:00", "I-0001", "Bank feeds delayed", Some("ETA 30 min"));
        assert!(
            lead.contains("Latest update: ETA 30 min. I can tell you"),
            "{lead}"
        );
    }

    #[test]
    fn again_is_not_said_twice_after_a_title_that_ends_with_it() {
        assert_eq!(
            shown_before(
                "Clear Intuit cookies and sign in again",
                "no luck",
                "Use a private window"
            ),
            "Here is **Clear Intuit cookies and sign in again** once more (you said: no luck). \
             The question below is still about **Use a private window**."
        );
        assert!(
            shown_before("Remove browser cache", "no", "X")
                .starts_with("Here is **Remove browser cache** again")
        );
        assert_eq!(
            try_fixes_again("Login Loop"),
            "Try the fixes for Login Loop again"
        );
    }
}

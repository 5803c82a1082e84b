//! The cue phrases of each reply intent, written lowercase without apostrophes ("didnt") and
//! matched as whole words on a [`Normalised`] reply.

use super::text::{BREAK, Normalised};

mod check;
mod choices;
mod conditions;
mod credit;
mod did_not_last;
mod fixed;
mod gone;
mod human;
mod languages;
mod negation;
mod new_problem;
mod not_fixed;
mod partly;
mod questions;
mod results;
mod signed_in;
mod small_talk;
mod ticket;
mod tried;

pub use check::{OTHERS_HAVE_IT_TOO, asks_them_if_it_works, check, reports_the_status_page};
pub use choices::{
    NO_TRIGGERS, YES_TRIGGERS, confirms_the_article, only_numbers, only_yes_and_where,
    says_wrong_article, switch_or_stay, yes_or_no,
};
pub use conditions::{
    plans_for_its_return, without_conditional_trouble, without_not_knowing_how, without_wishes,
};
pub use credit::{
    back_by_itself, fixed_by_something_else, owns_the_mistake, restarted_something_else,
    someone_else_fixed_it, tells_the_cause, works_not_from_the_step, works_with_nothing_done,
};
pub use did_not_last::{
    DOUBTS, after_a_change_of_mind, corrects_an_answer, fix_did_not_last, worked_briefly,
};
pub use fixed::{
    cannot_tell, fixed, only_says_it_works, strong_fixed, takes_it_back, works_now,
    works_now_with_a_catch,
};
pub(super) use gone::errorish;
pub use gone::{says_the_error_is_gone, works_and_the_error_is_gone};
pub use human::{
    asks_for_a_person, declining_a_person, fed_up, goes_on_with_the_steps, human,
    no_help_beside_human, not_fixed_beside_human, only_asks_for_a_human,
};
pub use languages::{
    fixed_in_another_language, lost_in_another_language, not_fixed_in_another_language,
};
pub use negation::{ASKS_TO_BE_TOLD, negated};
pub(super) use negation::{FIX_WORDS, NEGATORS};
pub(super) use new_problem::TROUBLE;
pub use new_problem::{
    CONTRASTS, again, aside, caused_new_trouble, detail, mentions_trouble, new_problem,
    new_problem_after_fix, old_trouble_after_fix, only_another_problem, opens_another_trouble,
    sets_it_aside, slow_now, sounds_like_before, trouble_in_words,
};
pub use not_fixed::{
    doubts_the_fix, only_sarcasm, says_still_broken, strong_not_fixed, trouble_again,
};
pub use partly::{
    fails_only_in_part, names_device, partly, works_elsewhere, works_for_some_only,
    works_of_another_thing, works_only_in_private, works_with_another_version,
};
pub use questions::{
    HOW_DO_I, NOT_FOUND, NOT_UNDERSTOOD, asks_about_the_process, asks_how_to_do,
    asks_what_if_it_fails, asks_where_not_found, asks_why, confused, fix_is_asked,
    opens_like_a_question,
};
pub use small_talk::{
    asks_for_chat, asks_how_the_bot_is, asks_if_a_bot, asks_what_the_bot_does, greets,
    only_a_goodbye, only_a_goodbye_all_well, only_a_moment, only_a_pause, only_a_reply,
    only_filler, only_praise, only_small_talk, only_thanks, praises, steps_away, thanks,
    thanks_no_problem,
};
pub use ticket::{
    WAITING, asks_about_ticket, asks_to_add_to_ticket, asks_to_close_ticket, only_asks_to_add,
    only_says_add, waited_this_long,
};
pub use tried::{
    ALREADY_DONE, already_a_deed, could_not_do_it, not_fixed_beside_not_tried, not_tried,
    not_tried_yet, only_a_plan, plans_to_see_for_oneself, says_already_in_order,
    says_something_cannot_be_done, tried_many_times,
};

/// Whether every word of the reply (sentence breaks aside) is one of `words`.
fn only_words_of(text: &Normalised, words: &[&str]) -> bool {
    text.words()
        .filter(|w| *w != BREAK)
        .all(|w| words.contains(&w))
}

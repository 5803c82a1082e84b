//! A step's words as they read on the user's device: a phone's tap for a computer's shortcut,
//! steps a phone or tablet cannot do, and a fix's steps shown on the side.

use crate::browser::Browser;
use crate::knowledge::{Article, StepsFor};
use crate::plain_words;
use crate::reply::Reply;
use crate::session::Session;
use crate::understand;
use crate::words;

/// Whether a solution is shown in the same words on browser and device `a` and `b` ("ctrl+F5"
/// on a computer is a tap on an iPad).
pub(super) fn reads_the_same(
    solution: &crate::knowledge::Solution,
    a: (Option<Browser>, Option<crate::device::Device>),
    b: (Option<Browser>, Option<crate::device::Device>),
) -> bool {
    matches!(
        (solution.steps_for(a.0), solution.steps_for(b.0)),
        (StepsFor::General, StepsFor::General)
    ) && worded_for(&solution.general, touch_with(a.0, a.1))
        == worded_for(&solution.general, touch_with(b.0, b.1))
}

/// Whether a solution's general steps read differently in Safari on a Mac and on an iPhone.
pub(super) fn safari_wording_differs(solution: &crate::knowledge::Solution) -> bool {
    // "Click" against "Tap" is not worth asking about; a shortcut left out is.
    let on = |b: Browser| {
        worded_for(&solution.general, b.is_touch())
            .replace("Double-tap ", "Double-click ")
            .replace("Tap ", "Click ")
            .replace(" tap ", " click ")
    };
    on(Browser::SafariMac) != on(Browser::SafariIos)
}

/// Whether steps for `browser` are read on a phone or tablet: Safari on an iPhone, or any
/// browser on the touch device the user said they are on ("chrome on my android").
/// "there's no ctrl key on my ipad", said of a step whose keyboard shortcut is a tap on the
/// user's phone or tablet: nothing stops them, the step reads differently there.
pub(super) fn no_keyboard_needed(
    session: &Session,
    article: &Article,
    solution: &crate::knowledge::Solution,
    text: &str,
) -> bool {
    const KEYBOARD: &[&str] = &[
        "ctrl", "control", "cmd", "command", "key", "keys", "keyboard", "f5", "shortcut", "shift",
    ];
    let touch = touch_in(session, article);
    touch
        && plain_words::has_any_word(text, KEYBOARD)
        && matches!(
            solution.steps_for(session.browser),
            StepsFor::General | StepsFor::NoVariant
        )
        && worded_for(&solution.general, true) != solution.general
}

/// Whether `article`'s steps are read on a phone or tablet: the user's browser or device is
/// one ([`touch_with`]), and the article is not for a product that runs on a computer only.
pub(super) fn touch_in(session: &Session, article: &Article) -> bool {
    !done_on_a_computer(article) && touch_with(session.browser, session.device)
}

/// Whether the user chats from a phone or tablet about an article whose steps are done on a
/// computer ([`done_on_a_computer`]): said once, as "Device", instead of the browser assumed.
pub(super) fn on_a_phone_for_a_computer(session: &Session, article: &Article) -> bool {
    done_on_a_computer(article) && touch_with(session.browser, session.device)
}

/// Whether `article` is for QuickBooks Desktop, which runs on no phone or tablet: a user
/// chatting from an iPhone does its steps on the computer that runs it, so they are neither
/// skipped nor reworded for the phone.
fn done_on_a_computer(article: &Article) -> bool {
    article.product.as_deref().and_then(understand::Product::of)
        == Some(understand::Product::Desktop)
}

fn touch_with(browser: Option<Browser>, device: Option<crate::device::Device>) -> bool {
    browser.is_some_and(Browser::is_touch) || device.is_some_and(crate::device::Device::is_touch)
}

/// General steps as they apply on the user's device: on a phone or tablet, a list item with a
/// keyboard shortcut to reload becomes the tap that does it, and other keyboard-only items are
/// left out (numbered lists renumbered, each list from 1; indentation and prose kept).
pub(super) fn worded_for(steps: &str, touch: bool) -> String {
    if !touch {
        return steps.to_string();
    }
    let mut out = Vec::new();
    // Per open list level: (indentation, the last number given).
    let mut levels: Vec<(usize, usize)> = Vec::new();
    for line in steps.lines() {
        let indent = &line[..line.len() - line.trim_start().len()];
        let item = list_item(line.trim_start());
        let Some((bullet, text)) = item else {
            // Prose (not a blank line) ends a numbered list: the next one counts from 1.
            if !line.trim().is_empty() {
                levels.clear();
            }
            out.push(line.to_string());
            continue;
        };
        let lower = text.to_lowercase();
        let shortcut = [
            "ctrl+", "ctrl +", "cmd+", "cmd +", "command+", "shift+", "alt+", "⌘", "f5",
        ]
        .iter()
        .any(|k| lower.contains(k));
        let tapped;
        let text = match shortcut {
            true if lower.contains("reload") || lower.contains("refresh") => words::TAP_TO_RELOAD,
            true => continue,
            false => {
                // "Click "More"" is a tap on a phone.
                tapped = text
                    .replace("Double-click ", "Double-tap ")
                    .replace("Click ", "Tap ")
                    .replace(" click ", " tap ");
                tapped.as_str()
            }
        };
        match bullet {
            Some(marker) => out.push(format!("{indent}{marker} {text}")),
            None => {
                levels.retain(|&(depth, _)| depth <= indent.len());
                let number = match levels.last_mut() {
                    Some((depth, n)) if *depth == indent.len() => {
                        *n += 1;
                        *n
                    }
                    _ => {
                        levels.push((indent.len(), 1));
                        1
                    }
                };
                out.push(format!("{indent}{number}. {text}"));
            }
        }
    }
    out.join("\n")
}

/// `steps` as read on the user's device when it is a Chromebook: a list item whose reload
/// shortcut is Windows' and a Mac's ("Press Ctrl+F5 on Windows or Cmd+Shift+R on a Mac") is
/// the Chromebook's own (which has no F5 and no Cmd; explorer rv45 F23). Others as they are.
pub(super) fn for_the_device(steps: String, device: Option<crate::device::Device>) -> String {
    if device != Some(crate::device::Device::Chromebook) {
        return steps;
    }
    steps
        .lines()
        .map(|line| {
            let indent = &line[..line.len() - line.trim_start().len()];
            let Some((bullet, text)) = list_item(line.trim_start()) else {
                return line.to_string();
            };
            let lower = text.to_lowercase();
            let reload = lower.contains("reload") || lower.contains("refresh");
            let foreign = ["ctrl+f5", "ctrl + f5", "cmd+", "command+", "⌘"]
                .iter()
                .any(|k| lower.contains(k));
            if !(reload && foreign) {
                return line.to_string();
            }
            let marker = match bullet {
                Some(b) => b.to_string(),
                None => format!(
                    "{}.",
                    line.trim_start().split_once(". ").map_or("1", |(n, _)| n)
                ),
            };
            format!("{indent}{marker} {}", words::CHROMEBOOK_RELOAD)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A Markdown list item: `Some(marker)` for a bullet (`-`, `*`), `None` for a numbered item,
/// and the item's text.
fn list_item(line: &str) -> Option<(Option<char>, &str)> {
    if let Some(rest) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return Some((line.chars().next(), rest));
    }
    let (n, rest) = line.split_once(". ")?;
    (!n.is_empty() && n.chars().all(|c| c.is_ascii_digit())).then_some((None, rest))
}

/// Why a solution is skipped on a phone or tablet: its every step needs a keyboard.
pub(super) fn keyboard_only(
    index: usize,
    solution: &crate::knowledge::Solution,
    browser: Option<Browser>,
    device: Option<crate::device::Device>,
) -> String {
    let on = device_or_browser(browser, device);
    words::skipped_needs_keyboard(index + 1, &solution.title, on)
}

/// What the user is on, for "..., and you're on X": Safari (iPhone and iPad); for another
/// browser on a phone, the device; else the browser.
pub(super) fn device_or_browser(
    browser: Option<Browser>,
    device: Option<crate::device::Device>,
) -> &'static str {
    match (browser, device) {
        (Some(b), _) if b.is_touch() => b.label(),
        (_, Some(d)) if d.is_touch() => words::A_PHONE_OR_TABLET,
        (b, _) => b.map_or(words::ANOTHER_BROWSER, Browser::label),
    }
}

/// The menu of `browser` that `steps` go through and that the browser has only on a computer:
/// its extensions menu (Chrome, Edge; Firefox on Android has add-ons, Safari on an iPhone its
/// own steps) or its task manager (no phone browser has one), each as a menu item written in
/// quotes (`> "Task manager"`), not a word in passing.
pub(super) fn desktop_menu(browser: Browser, steps: &str) -> Option<&'static str> {
    let lower = steps.to_lowercase();
    if matches!(browser, Browser::Chrome | Browser::Edge | Browser::Ie)
        && lower.contains("\"extensions\"")
    {
        Some("extensions menu")
    } else if lower.contains("task manager\"") {
        Some("task manager")
    } else if [
        "about google chrome",
        "about firefox",
        "about microsoft edge",
        "\"relaunch\"",
    ]
    .iter()
    .any(|m| lower.contains(m))
    {
        // Phones and tablets update their browsers from the app store.
        Some(words::UPDATE_PAGE)
    } else {
        None
    }
}

/// Whether steps can only be done on a Windows computer (File Explorer, a `C:\` path, the
/// Command Prompt, the Start menu, a right-click).
pub(super) fn needs_a_computer(steps: &str) -> bool {
    const COMPUTER_ONLY: &[&str] = &[
        "file explorer",
        "c:\\",
        "command prompt",
        "start menu",
        "windows+r",
        "services.msc",
        "control panel",
        "right-click",
        "task manager",
        "windows security",
        "in windows,",
        "file doctor",
        "tool hub",
    ];
    let lower = steps.to_lowercase();
    COMPUTER_ONLY.iter().any(|m| lower.contains(m))
}

pub(super) fn has_steps(markdown: &str) -> bool {
    markdown.lines().any(|l| {
        let t = l.trim_start();
        t.starts_with("- ")
            || t.starts_with("* ")
            || t.split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    })
}

/// The steps of solution `index` of `article` for the user's browser and device, as asked on
/// the side ("how do I open incognito?"); every browser's when the browser is not known.
pub(super) fn steps_on_the_side(session: &Session, article: &Article, index: usize) -> Reply {
    let solution = &article.solutions[index];
    let touch = touch_in(session, article);
    let general = for_the_device(worded_for(&solution.general, touch), session.device);
    let with_general = |steps: String| {
        if general.is_empty() {
            steps
        } else {
            format!("{general}\n\n{steps}")
        }
    };
    let body = match solution.steps_for(session.browser) {
        StepsFor::Browser(v) if touch && let Some(menu) = desktop_menu(v.browser, &v.steps) => {
            words::no_desktop_menu(v.browser.label(), menu)
        }
        StepsFor::Browser(v) => with_general(words::steps_for(
            v.browser.label(),
            &for_the_device(worded_for(&v.steps, touch), session.device),
        )),
        StepsFor::General => general.clone(),
        StepsFor::NoVariant if has_steps(&general) => general.clone(),
        // ("how do i do that on my iphone" for a fix written for desktop browsers only: the
        // desktop steps were listed, Ctrl+Shift+Delete and all.)
        StepsFor::NoVariant if let Some(yours) = session.browser => {
            let only: Vec<&str> = (solution.browsers().iter()).map(|b| b.label()).collect();
            return Reply::new(words::no_steps_on_the_side(
                &solution.title,
                &only.join(", "),
                yours.label(),
            ))
            .title(words::how_to_title(
                index + 1,
                article.solutions.len(),
                &solution.title,
            ))
            .article(&article.id);
        }
        StepsFor::NoVariant | StepsFor::NeedBrowser => with_general(
            solution
                .variants
                .iter()
                .map(|v| words::steps_for(v.browser.label(), &v.steps))
                .collect::<Vec<_>>()
                .join("\n\n"),
        ),
    };
    // Only steps that differ per browser can look different in another one.
    let body = if solution.variants.is_empty() {
        body
    } else {
        format!("{body}\n\n{}", words::SCREEN_LOOKS_DIFFERENT)
    };
    Reply::new(body)
        .title(words::how_to_title(
            index + 1,
            article.solutions.len(),
            &solution.title,
        ))
        .article(&article.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phone(steps: &str) -> String {
        worded_for(steps, true)
    }

    #[test]
    fn a_phone_gets_taps_not_shortcuts_in_numbered_and_bulleted_lists() {
        let steps = "1. Press Ctrl+F5 to reload.\n2. Close the tab.\n3. Press Ctrl+0 to reset zoom.\n4. Sign in again.";
        assert_eq!(
            phone(steps),
            format!(
                "1. {}\n2. Close the tab.\n3. Sign in again.",
                words::TAP_TO_RELOAD
            )
        );
        assert_eq!(
            phone("- Press Cmd+Shift+R to reload\n- Clear the cache\n- Press Ctrl+0"),
            format!("- {}\n- Clear the cache", words::TAP_TO_RELOAD)
        );
        assert_eq!(worded_for(steps, false), steps, "a computer keeps them");
    }

    /// Explorer rv45 F23: a Chromebook was told "Press Ctrl+F5 on Windows or Cmd+Shift+R on
    /// a Mac"; it has neither key.
    #[test]
    fn a_chromebook_gets_its_own_reload_keys() {
        use crate::device::Device;
        let steps = "1. Press Ctrl+F5 on Windows or Cmd+Shift+R on a Mac to reload without the cache.\n2. Close the tab.\n   - Press Ctrl+0 to reset zoom.";
        assert_eq!(
            for_the_device(steps.to_string(), Some(Device::Chromebook)),
            format!(
                "1. {}\n2. Close the tab.\n   - Press Ctrl+0 to reset zoom.",
                words::CHROMEBOOK_RELOAD
            )
        );
        for other in [None, Some(Device::Computer), Some(Device::Android)] {
            assert_eq!(for_the_device(steps.to_string(), other), steps);
        }
    }

    #[test]
    fn each_list_counts_from_one_and_indentation_and_prose_stay() {
        let steps = "First:\n1. Press Ctrl+0\n2. Close the tab.\n\nThen:\n1. Open it again.\n   1. Sign in.";
        assert_eq!(
            phone(steps),
            "First:\n1. Close the tab.\n\nThen:\n1. Open it again.\n   1. Sign in."
        );
    }

    #[test]
    fn a_fix_whose_steps_all_need_a_keyboard_has_none_on_a_phone() {
        let only_keys = "1. Press Ctrl+0 to reset the zoom.\n2. Press Ctrl+Shift+Delete.";
        assert!(has_steps(only_keys));
        assert!(!has_steps(&phone(only_keys)));
    }
}

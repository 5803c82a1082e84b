//! Whether a message is written in a language other than English, which the matcher and the
//! reply cues cannot read: told by its script (Chinese, Cyrillic, Arabic, ...) or, for
//! Latin-script languages, by their commonest small words outnumbering English ones. Pure.
//!
//! It only has to be right where it speaks: an English post quoting a Spanish error message, a
//! name like "Del Monte" or one foreign word must stay English, so a Latin-script language needs
//! three different words of its own and twice as many as English ones.

/// A language the bot does not read, named when the text says which with confidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OtherLanguage {
    /// "Spanish", "German", ...; `None` when only the script is known (Cyrillic is several
    /// languages) or two languages read alike.
    pub name: Option<&'static str>,
}

/// Letters that only some Latin-script languages write, and English never: a word with one
/// counts as a word of that language ("lädt", "weiß" in "QuickBooks lädt nicht, die Seite
/// bleibt weiß", whose small words alone are too few).
const OWN_LETTERS: &[(&str, &str)] = &[("German", "äöüß")];

/// Distinct words of one Latin-script language a text needs before it is read as that language.
const LEAST_OWN_WORDS: usize = 3;
/// Words in a message short enough that [`LEAST_OWN_WORDS`] less one decide.
const SHORT_MESSAGE: usize = 6;
/// Letters of another script a text needs before its script decides.
const LEAST_SCRIPT_LETTERS: usize = 3;

/// Small words that are common in each language and rare in English text (words English
/// shares, such as "a", "no", "me", "come", "is", "non", are left out).
const FUNCTION_WORDS: &[(&str, &[&str])] = &[
    (
        "Spanish",
        &[
            "el", "la", "los", "las", "del", "que", "y", "por", "para", "con", "una", "es", "pero",
            "cuando", "como", "esta", "está", "muy", "mi", "hay", "puedo", "tengo", "sale",
            "porque", "desde", "también", "ya", "se", "lo", "su", "al", "sin", "más", "nos", "le",
            "en", "días", "hace", "dice", "datos", "puede", "gracias", "ayuda", "hola", "entrar",
            "funciona", "página", "abre", "carga", "cuenta", "nómina",
            // (Explorer rv46 F17: "no puedo entrar a quickbooks, me saca cada rato".)
            "cada", "rato", "saca", "vez", "veces", "siempre", "ahora", "otra", "sesión", "iniciar",
            "sigue", "aparece",
        ],
    ),
    (
        "Portuguese",
        &[
            "não", "que", "com", "uma", "para", "os", "do", "da", "dos", "das", "em", "é", "está",
            "eu", "meu", "minha", "mas", "quando", "como", "isso", "também", "já", "ao", "pelo",
            "pela", "sem", "foi", "tem", "consigo", "obrigado", "ajuda", "olá", "entrar",
            "funciona", "página", "abre", "conta",
        ],
    ),
    (
        "French",
        &[
            "le",
            "la",
            "les",
            "des",
            "est",
            "je",
            "ne",
            "pas",
            "une",
            "qui",
            "pour",
            "avec",
            "sur",
            "dans",
            "il",
            "nous",
            "vous",
            "mon",
            "ma",
            "mes",
            "ce",
            "cette",
            "du",
            "au",
            "aux",
            "et",
            "elle",
            "sont",
            "mais",
            "ou",
            "rien",
            "plus",
            "ça",
            "en",
            "merci",
            "depuis",
            "bonjour",
            "peux",
            "marche",
            "fonctionne",
            "compte",
        ],
    ),
    (
        "German",
        &[
            "der",
            "die",
            "das",
            "und",
            "ist",
            "nicht",
            "ich",
            "ein",
            "eine",
            "mit",
            "auf",
            "sich",
            "zu",
            "den",
            "dem",
            "wir",
            "bei",
            "auch",
            "oder",
            "wenn",
            "kann",
            "nur",
            "seit",
            "noch",
            "wird",
            "werden",
            "habe",
            "hat",
            "mein",
            "meine",
            "von",
            "aus",
            "für",
            "keine",
            "kein",
            "immer",
            "schon",
            "geht",
            "funktioniert",
            "danke",
            "bitte",
            "wie",
        ],
    ),
    (
        "Italian",
        &[
            "il", "la", "che", "di", "della", "per", "una", "sono", "con", "mi", "è", "questo",
            "ma", "quando", "come", "anche", "ho", "gli", "nel", "alla", "funziona", "grazie",
            "posso",
        ],
    ),
    (
        "Dutch",
        &[
            "de", "het", "een", "en", "niet", "van", "ik", "dat", "die", "met", "voor", "zijn",
            "maar", "ook", "nog", "wel", "geen", "kan", "bij", "als", "er", "mijn", "werkt",
            "steeds", "bedankt",
        ],
    ),
];

/// English words other languages write too ("a", "in", "is"): no sign of English against the
/// small words of another Latin-script language, but a sign of it around another script.
const SHARED_ENGLISH: &[&str] = &["a", "i", "in", "is", "me", "no", "an", "we", "was", "so"];

/// A word of two or three capitals ("MI", "AL", "QBO"): an abbreviation, in any language.
fn is_abbreviation(word: &str) -> bool {
    (2..=3).contains(&word.chars().count()) && word.chars().all(char::is_uppercase)
}

/// The product's names, written the same in every language: no word of the user's language,
/// so they count neither way ("no puedo entrar a quickbooks" is as short as "no puedo entrar").
const PRODUCT_NAMES: &[&str] = &["quickbooks", "quickbook", "qbo", "qb", "intuit"];

/// `text` without what it quotes: text between straight or curly double quotes, or guillemets.
fn unquoted(text: &str) -> String {
    let mut own = String::with_capacity(text.len());
    let mut closing: Option<char> = None;
    for c in text.chars() {
        match closing {
            Some(close) if c == close => closing = None,
            Some(_) => {}
            None => match c {
                '"' => closing = Some('"'),
                '“' => closing = Some('”'),
                '«' => closing = Some('»'),
                '„' => closing = Some('“'),
                _ => own.push(c),
            },
        }
    }
    // An unclosed quote quoted nothing: the text is all the user's.
    if closing.is_some() {
        return text.to_string();
    }
    own
}

/// English's commonest small words: what a text in English is full of (leaving out the ones
/// other languages write too: "a", "no", "me", "in", "is", "was", "we", "an").
const ENGLISH_WORDS: &[&str] = &[
    "the", "and", "to", "of", "it", "i", "my", "that", "with", "for", "on", "not", "this", "when",
    "but", "have", "are", "can", "you", "get", "be", "do", "does", "at", "from", "after", "its",
    "our", "or", "if", "just", "what", "how", "why", "there", "they", "has", "had", "will",
    "would", "any", "all", "been", "still", "now",
];

/// The language a text is in when it is not English; `None` for English, and for text too
/// short or mixed to tell (error codes, one word, emoji).
pub fn other_language(text: &str) -> Option<OtherLanguage> {
    // What the user quotes ("it says \"Die Seite ist nicht erreichbar\"") is the screen's
    // language, not theirs; and a short word in capitals is an abbreviation ("MI, AL, LA").
    let own = unquoted(text);
    let words: Vec<String> = own
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !is_abbreviation(w))
        .map(str::to_lowercase)
        .filter(|w| !PRODUCT_NAMES.contains(&w.as_str()))
        .collect();
    let english = words
        .iter()
        .filter(|w| ENGLISH_WORDS.contains(&w.as_str()) || SHARED_ENGLISH.contains(&w.as_str()))
        .count();
    // English around an error pasted in another script ("I get 无法连接到服务器 in chrome") is
    // an English message.
    if english == 0
        && let Some(found) = by_script(&own)
    {
        return Some(found);
    }
    let english = words
        .iter()
        .filter(|w| ENGLISH_WORDS.contains(&w.as_str()))
        .count();
    // A short message has few words to tell by: two of one language there ("hola, quickbooks
    // no carga") are as telling as three in a longer one.
    let least_own_words = if words.len() <= SHORT_MESSAGE && english <= 1 {
        LEAST_OWN_WORDS - 1
    } else {
        LEAST_OWN_WORDS
    };
    let mut best: Vec<(&'static str, usize)> = FUNCTION_WORDS
        .iter()
        .map(|(name, own)| {
            let letters = OWN_LETTERS
                .iter()
                .find(|(of, _)| of == name)
                .map_or("", |(_, letters)| *letters);
            let mut seen: Vec<&str> = words
                .iter()
                .map(String::as_str)
                .filter(|w| own.contains(w) || w.chars().any(|c| letters.contains(c)))
                .collect();
            let count = seen.len();
            seen.sort_unstable();
            seen.dedup();
            (
                *name,
                if seen.len() >= least_own_words {
                    count
                } else {
                    0
                },
            )
        })
        .filter(|(_, count)| *count > 0)
        .collect();
    best.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
    let (name, count) = *best.first()?;
    if count < 2 * english.max(1) {
        return None;
    }
    // Two languages about as likely (Spanish and Portuguese share much): say neither.
    let clear = best.get(1).is_none_or(|(_, second)| count >= second + 2);
    Some(OtherLanguage {
        name: clear.then_some(name),
    })
}

/// Another script's letters outnumbering Latin ones.
fn by_script(text: &str) -> Option<OtherLanguage> {
    let (mut latin, mut kana, mut han, mut hangul, mut other) = (0usize, 0, 0, 0, 0);
    let mut others: Vec<&'static str> = Vec::new();
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        match script(c) {
            Script::Latin => latin += 1,
            Script::Kana => kana += 1,
            Script::Han => han += 1,
            Script::Hangul => hangul += 1,
            Script::Other(name) => {
                other += 1;
                others.push(name);
            }
        }
    }
    let foreign = kana + han + hangul + other;
    // A Chinese, Japanese or Korean sign says about as much as a short word ("卸载完 webview2
    // runtime 就好了" is Chinese with two English names in it).
    let weight = 3 * (kana + han + hangul) + other;
    if foreign < LEAST_SCRIPT_LETTERS || weight <= latin {
        return None;
    }
    let name = if kana > 0 {
        Some("Japanese")
    } else if han >= hangul && han >= other {
        Some("Chinese")
    } else if hangul >= other {
        Some("Korean")
    } else {
        others.sort_unstable();
        let first = others.first().copied();
        // One named script throughout (Arabic, Hebrew, Greek, Thai); Cyrillic and Devanagari
        // are written for several languages, so they name none.
        first.filter(|name| !name.is_empty() && others.iter().all(|n| n == name))
    };
    Some(OtherLanguage { name })
}

enum Script {
    Latin,
    Kana,
    Han,
    Hangul,
    /// Another script, with the language it names ("" when it is written for several).
    Other(&'static str),
}

fn script(c: char) -> Script {
    match c as u32 {
        0x0000..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Kana,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF => Script::Han,
        0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F => Script::Hangul,
        0x0370..=0x03FF => Script::Other("Greek"),
        0x0590..=0x05FF => Script::Other("Hebrew"),
        0x0600..=0x06FF | 0x0750..=0x077F => Script::Other("Arabic"),
        0x0E00..=0x0E7F => Script::Other("Thai"),
        _ => Script::Other(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(text: &str) -> Option<&'static str> {
        other_language(text).and_then(|l| l.name)
    }

    #[test]
    fn english_with_foreign_words_or_names_stays_english() {
        for text in [
            "QuickBooks says 502 Bad Gateway since this morning",
            "the invoice for Del Monte y Hijos will not open, it says error 502",
            "It says \"Die Seite ist nicht erreichbar\"",
            "bank feed error “No se puede conectar con el banco” since Monday",
            "QuickBooks shows this error: Не удалось подключиться к серверу",
            "I get 无法连接到服务器，请稍后再试 in chrome",
            "Nexus states MI, AL, LA",
            "our client in Montreal sees 'page introuvable' when he opens the banking tab",
            "502",
            "🙁🙁🙁",
            "",
            "no",
            "el",
            "I use la croix and de-icer, and the page is blank",
            "the invoice for Müller Bäckerei GmbH shows 502 when I open it",
        ] {
            assert_eq!(other_language(text), None, "{text:?}");
        }
    }

    #[test]
    fn latin_script_languages_are_told_by_their_small_words() {
        assert_eq!(
            named("no puedo entrar a quickbooks, me sale una pagina en blanco"),
            Some("Spanish")
        );
        // Short, with a greeting (an explorer's: it was "I don't know this one").
        assert_eq!(named("hola, no puedo entrar a quickbooks"), Some("Spanish"));
        assert_eq!(named("hola, quickbooks no carga"), Some("Spanish"));
        // No greeting, the product named (explorer rv46 F17: "I don't know this one").
        for text in [
            "no puedo entrar a quickbooks, me saca cada rato",
            "quickbooks me saca de la sesión cada vez",
            "no puedo iniciar sesión en QBO, sigue igual",
            // (Short once the product's name is left out.)
            "quickbooks online no carga, pagina en blanco",
        ] {
            assert_eq!(named(text), Some("Spanish"), "{text}");
        }
        assert_eq!(named("bonjour, quickbooks ne marche pas"), Some("French"));
        assert!(other_language("olá, não consigo entrar no quickbooks").is_some());
        assert_eq!(
            named(
                "QuickBooks zeigt seit heute morgen nur eine weiße Seite, ich kann nicht arbeiten"
            ),
            Some("German")
        );
        // Few small words, but letters only German writes (found by a helper trying the CLI,
        // thirty-fourth session).
        assert_eq!(
            named("QuickBooks lädt nicht, die Seite bleibt weiß"),
            Some("German")
        );
        assert_eq!(
            named("je ne peux pas me connecter, la page reste blanche depuis ce matin"),
            Some("French")
        );
        assert_eq!(
            named("de bankkoppeling werkt niet meer, ik zie geen transacties van mijn bank"),
            Some("Dutch")
        );
    }

    #[test]
    fn other_scripts_are_told_by_their_letters() {
        assert_eq!(
            named("为什么总是出现登录了没多久，就被迫退出的情况？"),
            Some("Chinese")
        );
        assert_eq!(
            named("ログインできません。エラー502が出ます"),
            Some("Japanese")
        );
        assert_eq!(named("로그인이 안 됩니다"), Some("Korean"));
        assert_eq!(
            named("卸载完 webview2 runtime 就好了, 感谢"),
            Some("Chinese")
        );
        assert_eq!(
            other_language("the dialog says 错误 when I open the company file"),
            None
        );
        assert_eq!(named("לא מייצא דוח רווח הפסד"), Some("Hebrew"));
        let russian = other_language("Постоянно зависает после обновления");
        assert_eq!(
            russian,
            Some(OtherLanguage { name: None }),
            "Cyrillic names no one language"
        );
    }

    #[test]
    fn a_code_or_product_name_among_another_languages_words_does_not_make_it_english() {
        assert_eq!(
            named("QuickBooks Online error 502 bad gateway, no puedo abrir la factura desde ayer"),
            Some("Spanish")
        );
    }
}

//! A fix said in another language than English ("ça marche", "funcionou", "已解决").

use super::negation::NEGATORS;
use crate::understand::text::Normalised;

/// "已解决" / "好了" without a negation ("没", "不").
pub(super) fn cjk_fixed(plain: &str) -> bool {
    (plain.contains("解决") || plain.contains("好了"))
        && !plain.contains('没')
        && !plain.contains('不')
}

/// "ça marche", "geht wieder", "funcionou": it works, said in another language.
const FIXED_IN_OTHER_LANGUAGES: &[&str] = &[
    "ça marche",
    "ca marche",
    "ça fonctionne",
    "ca fonctionne",
    "geht wieder",
    "funktioniert wieder",
    "klappt wieder",
    "funcionou",
    "ya funciona",
    "ya sirve",
    "funciona ya",
    "werkt weer",
    "werkt nu",
    "funziona ora",
    "ora funziona",
    // (Alone, as "it works" is: denied nowhere, "funktioniert nicht" is no fix.)
    "funktioniert",
    "werkt",
    "funciona",
];

/// The negations of those languages, which may come before or after the words they deny
/// ("ça marche pas", "não funcionou", "geht wieder nicht").
const NEGATIONS_IN_OTHER_LANGUAGES: &[&str] = &[
    "pas", "nicht", "niet", "não", "nao", "no", "non", "kein", "keine", "geen", "nunca", "jamais",
    "nada", "nie", "rien",
];

/// Whether a short reply says it works in another language, denying it nowhere ("ça marche",
/// "sim funcionou obrigado"; not "ça marche pas" nor "não funcionou").
pub fn fixed_in_another_language(text: &Normalised) -> bool {
    text.word_count() <= 8
        && text.any(FIXED_IN_OTHER_LANGUAGES)
        && !text
            .words()
            .any(|w| NEGATIONS_IN_OTHER_LANGUAGES.contains(&w) || NEGATORS.contains(&w))
}

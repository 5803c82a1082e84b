//! A fix, or its failure, said in another language than English ("ça marche", "funcionou",
//! "已解决"; "ça marche pas", "sigue igual", "还是不行").

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

/// It still fails, in words of another language that need no English cue ("sigue igual",
/// "toujours pas", "immer noch nicht"), and in Chinese ("还是不行", "没用", "又出现了").
const NOT_FIXED_IN_OTHER_LANGUAGES: &[&str] = &[
    "sigue igual",
    "sigue sin funcionar",
    "sigue fallando",
    "todavia no funciona",
    "todavía no funciona",
    "no funciona",
    "no funcionó",
    "no funciono",
    "toujours pas",
    "marche pas",
    "marche toujours pas",
    "fonctionne pas",
    "ne fonctionne toujours pas",
    "immer noch nicht",
    "geht immer noch nicht",
    "geht nicht",
    "funktioniert nicht",
    "funktioniert immer noch nicht",
    "não funcionou",
    "nao funcionou",
    "não funciona",
    "nao funciona",
    "ainda não",
    "ainda nao",
    "continua igual",
    "non funziona",
    "ancora non",
    "werkt niet",
    "werkt nog steeds niet",
];

/// Chinese for "still not working", "no use", "no effect", "(it) appeared again", "not solved".
const CJK_NOT_FIXED: &[&str] = &[
    "还是不行",
    "还是一样",
    "不行",
    "没用",
    "没效",
    "无效",
    "又出现",
    "没有解决",
    "没解决",
];

/// Whether a short reply says it still fails in another language ("sigue igual", "ça marche
/// pas", "还是不行"): no English cue reads it, and it was asked again.
pub fn not_fixed_in_another_language(text: &Normalised) -> bool {
    // ("si el problema sigue igual mañana te aviso": "if it stays the same", a plan.)
    let conditional = text
        .words()
        .any(|w| ["si", "se", "wenn", "falls", "als", "if"].contains(&w));
    (text.word_count() <= 12 && text.any(NOT_FIXED_IN_OTHER_LANGUAGES) && !conditional)
        || CJK_NOT_FIXED.iter().any(|w| text.plain.contains(w))
}

/// "I don't understand", "I don't know (how)", said in another language ("no entiendo", "no
/// sé", "não entendo", "je sais pas"): no answer to "did this fix it?", though it opens with
/// "no" (explorer rv46 F4: recorded as "did not fix it").
pub(super) const NOT_UNDERSTOOD_IN_OTHER_LANGUAGES: &[&str] = &[
    "no entiendo",
    "no lo entiendo",
    "no entendí",
    "no entendi",
    "no comprendo",
    "no sé",
    "no se como",
    "no sé como",
    "no sé cómo",
    "no se cómo",
    "no lo sé",
    "no lo se",
    "não entendo",
    "nao entendo",
    "não entendi",
    "nao entendi",
    "não sei",
    "nao sei",
    "comprends pas",
    "je sais pas",
    "ne sais pas",
    "verstehe nicht",
    "versteh nicht",
    "verstehe das nicht",
    "weiß nicht",
    "weiss nicht",
    "keine ahnung",
    "non capisco",
    "non lo so",
    "snap het niet",
    "begrijp het niet",
    "weet niet",
    "不懂",
    "不明白",
    "不知道",
];

/// Whether a reply says, in another language, that the user does not understand or does not
/// know how ("no entiendo", "no se como hacer eso"), and that it still fails nowhere.
pub fn lost_in_another_language(text: &Normalised) -> bool {
    let says_so = text.word_count() <= 12
        && (text.any(NOT_UNDERSTOOD_IN_OTHER_LANGUAGES)
            || NOT_UNDERSTOOD_IN_OTHER_LANGUAGES
                .iter()
                .any(|w| !w.is_ascii() && text.plain.contains(w)));
    // ("no sé, still not working": the English says how it went.)
    let rest = text.without(NOT_UNDERSTOOD_IN_OTHER_LANGUAGES);
    says_so && !not_fixed_in_another_language(&rest) && !super::not_fixed::strong_not_fixed(&rest)
}

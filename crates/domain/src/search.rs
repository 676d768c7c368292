//! Search that works for Hebrew and Arabic as people type them.
//!
//! Texts are written with or without vowel marks (Hebrew niqqud and cantillation, Arabic harakat),
//! and Hebrew glues one-letter prefixes to words (ה "the", ו "and", ב "in", ל "to", מ "from",
//! ש "that", כ "as"): "ובבית" is "and in the house". So both the indexed text and the query are
//! normalised the same way, and each Hebrew word also yields its forms without prefixes. A query
//! word matches when any of its forms equals any form of a word in the text.

/// Hebrew one-letter prefixes that may be stacked before a word.
const HEBREW_PREFIXES: [char; 7] = ['ה', 'ו', 'ב', 'ל', 'מ', 'ש', 'כ'];
/// Shortest remainder kept when stripping prefixes: Hebrew has two-letter words ("גן", a garden).
const MIN_STEM: usize = 2;
/// Prefix stacks longer than this do not occur in ordinary text ("וכשמהבית" is already odd).
const MAX_PREFIXES: usize = 3;

fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}'..='\u{05C2}' | '\u{05C4}'..='\u{05C5}' | '\u{05C7}'
        | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}'
        | '\u{0640}' // Arabic tatweel, a stretching stroke
        | '\u{200C}'..='\u{200F}' // zero-width joiners and direction marks
    )
}

/// Folds letters that people use interchangeably when typing.
fn fold(c: char) -> char {
    match c {
        // Hebrew final forms
        'ך' => 'כ',
        'ם' => 'מ',
        'ן' => 'נ',
        'ף' => 'פ',
        'ץ' => 'צ',
        // Arabic alef with hamza or madda, alef wasla
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ة' => 'ه',
        'ى' => 'ي',
        'ؤ' => 'و',
        'ئ' => 'ي',
        _ => c,
    }
}

/// Lower-cases, removes vowel marks and folds letter variants; keeps word separators as spaces.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            // Lower-casing can add a combining mark ('İ' gives 'i' and U+0307); drop it, as
            // marks are dropped everywhere else, or normalising would not be idempotent and a
            // text would not match its own words.
            for lower in c.to_lowercase().filter(|l| l.is_alphanumeric()) {
                out.push(fold(lower));
            }
        } else if c == '\'' || c == '"' || c == '׳' || c == '״' {
            // Hebrew geresh and gershayim (and their ASCII stand-ins) sit inside abbreviations.
            continue;
        } else {
            out.push(' ');
        }
    }
    out
}

/// The normalised words of a text.
pub fn words(text: &str) -> Vec<String> {
    normalise(text)
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

fn is_hebrew_word(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| ('\u{05D0}'..='\u{05EA}').contains(&c))
}

/// The forms of one normalised word: itself and, for Hebrew, what remains after removing up to
/// three stacked one-letter prefixes (never shorter than two letters).
pub fn forms(word: &str) -> Vec<String> {
    let mut out = vec![word.to_owned()];
    if is_hebrew_word(word) {
        let mut rest = word;
        for _ in 0..MAX_PREFIXES {
            let mut chars = rest.chars();
            match chars.next() {
                Some(first) if HEBREW_PREFIXES.contains(&first) => {
                    let remainder = chars.as_str();
                    if remainder.chars().count() < MIN_STEM {
                        break;
                    }
                    out.push(remainder.to_owned());
                    rest = remainder;
                }
                _ => break,
            }
        }
    }
    out
}

/// Every term under which a text is indexed, without duplicates.
pub fn index_terms(text: &str) -> Vec<String> {
    let mut terms: Vec<String> = words(text).iter().flat_map(|w| forms(w)).collect();
    terms.sort();
    terms.dedup();
    terms
}

/// A parsed query: for each word typed, the forms any of which must be found. Words are ANDed.
pub fn query_terms(query: &str) -> Vec<Vec<String>> {
    let mut groups: Vec<Vec<String>> = words(query).iter().map(|w| forms(w)).collect();
    groups.dedup();
    // A query of dozens of words is not a search; cap the work it can cause.
    groups.truncate(8);
    groups
}

/// Whether a text matches a query, by the same rules the database applies.
pub fn matches(text: &str, query: &str) -> bool {
    let terms = index_terms(text);
    query_terms(query)
        .iter()
        .all(|group| group.iter().any(|form| terms.binary_search(form).is_ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn niqqud_and_cantillation_are_ignored() {
        assert!(matches("עִירִיָּה יְרֻקָּה", "עיריה"));
        // With the vowels removed, a pointed word matches its unpointed spelling.
        assert!(matches("עיריה ירקה", "יְרֻקָּה"));
    }

    #[test]
    fn hebrew_prefixes_are_ignored_on_both_sides() {
        assert!(matches("פעילות בקהילה ובבית הספר", "קהילה"));
        assert!(matches("פעילות בקהילה ובבית הספר", "בית"));
        assert!(matches("גינה קהילתית", "והגינה"));
        assert!(matches("עמותת שכונה", "לשכונה"));
        assert!(!matches("עמותת שכונה", "מחזור"));
    }

    #[test]
    fn final_letters_fold() {
        assert_eq!(normalise("שלום"), normalise("שלומ"));
    }

    #[test]
    fn arabic_harakat_tatweel_and_alef_forms_are_ignored() {
        assert!(matches("جَمْعِيَّة البِيئَة", "جمعية"));
        assert!(matches("جمعـــية", "جمعية"));
        assert!(matches("إدارة المدينة", "ادارة"));
        assert!(matches("مدرسة", "مدرسه"));
    }

    #[test]
    fn all_query_words_must_match_and_case_is_ignored() {
        assert!(matches("Green Valley Solar Ltd", "solar valley"));
        assert!(!matches("Green Valley Solar Ltd", "solar river"));
        assert!(query_terms("   ").is_empty());
    }

    #[test]
    fn lower_casing_adds_no_marks() {
        assert_eq!(normalise("İstanbul"), "istanbul");
        assert!(matches("İSTANBUL Partners", "istanbul"));
        for word in words("İSTANBUL Partners") {
            assert!(matches("İSTANBUL Partners", &word));
        }
    }

    #[test]
    fn short_stems_are_not_produced() {
        assert_eq!(forms("בה"), vec!["בה".to_owned()]);
        assert_eq!(forms("בגן"), vec!["בגן".to_owned(), "גן".to_owned()]);
    }
}

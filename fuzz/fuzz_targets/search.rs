//! Search: `normalise`, `words`, `forms`, `index_terms`, `query_terms` and `matches` on any
//! text and query, checked against what the module promises, not only for panics.
//!
//! Input: a text and a query separated by the first NUL byte (no NUL: the whole input is both).
#![no_main]

use libfuzzer_sys::fuzz_target;
use shutaf_domain::search::{forms, index_terms, matches, normalise, query_terms, words};

const HEBREW_PREFIXES: [char; 7] = ['ה', 'ו', 'ב', 'ל', 'מ', 'ש', 'כ'];
/// Letters folded away: no normalised word keeps them.
const FOLDED: [char; 11] = ['ך', 'ם', 'ן', 'ף', 'ץ', 'أ', 'إ', 'آ', 'ٱ', 'ة', 'ى'];

fn is_hebrew_letter(c: char) -> bool {
    ('\u{05D0}'..='\u{05EA}').contains(&c)
}

fuzz_target!(|data: &[u8]| {
    let data = String::from_utf8_lossy(data);
    let (text, query) = data.split_once('\0').unwrap_or((&data, &data));

    // Normalising keeps no vowel marks, apostrophes or gershayim, and no folded letter forms.
    let normal = normalise(text);
    for c in normal.chars() {
        assert!(
            !matches!(c, '\'' | '"' | '׳' | '״' | '\u{05B0}'..='\u{05BC}' | '\u{064B}'..='\u{065F}' | '\u{0640}' | '\u{200C}'..='\u{200F}'),
            "normalise kept {c:?} in {normal:?}"
        );
        assert!(!FOLDED.contains(&c), "normalise kept the foldable {c:?}");
    }

    // Words are non-empty and carry no whitespace.
    let text_words = words(text);
    for word in &text_words {
        assert!(!word.is_empty());
        assert!(!word.chars().any(char::is_whitespace), "{word:?}");
        // A word's forms: the word first, then strictly shorter suffixes, each at least two
        // letters, each one prefix letter fewer, at most three prefixes removed.
        let word_forms = forms(word);
        assert_eq!(word_forms[0], *word);
        assert!(word_forms.len() <= 4, "{word_forms:?}");
        for pair in word_forms.windows(2) {
            let (longer, shorter) = (&pair[0], &pair[1]);
            let first = longer.chars().next().unwrap();
            assert!(HEBREW_PREFIXES.contains(&first), "{word_forms:?}");
            assert_eq!(&longer[first.len_utf8()..], shorter.as_str());
            assert!(shorter.chars().count() >= 2, "{word_forms:?}");
        }
        if word_forms.len() > 1 {
            assert!(is_hebrew_letter(word.chars().next().unwrap()));
        }
    }

    // The index: sorted without duplicates (`matches` binary-searches it), every word in it.
    let terms = index_terms(text);
    assert!(terms.windows(2).all(|w| w[0] < w[1]), "index not sorted");
    for word in &text_words {
        assert!(terms.binary_search(word).is_ok(), "{word:?} not indexed");
    }

    // A query: at most 8 groups, each the forms of one word.
    let groups = query_terms(query);
    assert!(groups.len() <= 8);
    for group in &groups {
        assert_eq!(*group, forms(&group[0]));
    }
    // The empty query matches everything; the query is only ever as strict as its words.
    assert!(matches(text, ""));
    let _ = matches(text, query);

    // A text matches every run of its own words, as typed (vowels, case, punctuation and all).
    let raw: Vec<&str> = text.split_whitespace().collect();
    if !raw.is_empty() {
        let seed = query.len();
        let start = seed % raw.len();
        let end = (start + 1 + seed / 7 % 4).min(raw.len());
        let run = raw[start..end].join(" ");
        assert!(
            matches(text, &run),
            "{text:?} does not match its own words {run:?}"
        );
    }
    // ... and each of its normalised words, with or without the Hebrew prefixes people glue on.
    for word in text_words.iter().take(16) {
        assert!(
            matches(text, word),
            "{text:?} does not match its word {word:?}"
        );
        if is_hebrew_letter(word.chars().next().unwrap()) && word.chars().count() >= 2 {
            for prefix in ["ו", "ב", "וב", "ה", "של"] {
                let prefixed = format!("{prefix}{word}");
                assert!(
                    matches(text, &prefixed),
                    "{text:?} does not match {prefixed:?}"
                );
            }
        }
    }
});

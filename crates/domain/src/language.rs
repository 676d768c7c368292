//! The hub's three languages. Hebrew is the default and, like Arabic, right-to-left.

use serde::{Deserialize, Serialize};

/// A language the hub speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    He,
    Ar,
    En,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::He, Language::Ar, Language::En];

    /// The BCP 47 code, as used in `lang` attributes, cookies and the API.
    pub fn code(self) -> &'static str {
        match self {
            Language::He => "he",
            Language::Ar => "ar",
            Language::En => "en",
        }
    }

    /// The writing direction, for the `dir` attribute.
    pub fn dir(self) -> &'static str {
        match self {
            Language::He | Language::Ar => "rtl",
            Language::En => "ltr",
        }
    }

    /// The language's own name for itself, as shown in the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::He => "עברית",
            Language::Ar => "العربية",
            Language::En => "English",
        }
    }

    /// Parses a code such as `he`, `ar-IL` or `EN`; unknown codes give `None`.
    pub fn parse(code: &str) -> Option<Language> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "he" | "iw" => Some(Language::He),
            "ar" => Some(Language::Ar),
            "en" => Some(Language::En),
            _ => None,
        }
    }

    /// Picks the best supported language from an `Accept-Language` header, honouring q-values.
    pub fn from_accept_language(header: &str) -> Option<Language> {
        let mut best: Option<(Language, f32)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("").trim();
            let quality = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if let Some(lang) = Language::parse(tag)
                && quality > 0.0
                && best.is_none_or(|(_, q)| quality > q)
            {
                best = Some((lang, quality));
            }
        }
        best.map(|(lang, _)| lang)
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_and_regions() {
        assert_eq!(Language::parse("ar-IL"), Some(Language::Ar));
        assert_eq!(Language::parse("EN"), Some(Language::En));
        assert_eq!(Language::parse("iw"), Some(Language::He));
        assert_eq!(Language::parse("fr"), None);
        assert_eq!(Language::parse(""), None);
    }

    #[test]
    fn accept_language_respects_quality() {
        assert_eq!(
            Language::from_accept_language("fr;q=1, en;q=0.5, ar;q=0.8"),
            Some(Language::Ar)
        );
        assert_eq!(Language::from_accept_language("de, fr"), None);
        assert_eq!(
            Language::from_accept_language("en;q=0, he;q=0.1"),
            Some(Language::He)
        );
    }

    #[test]
    fn hebrew_and_arabic_are_right_to_left() {
        assert_eq!(Language::He.dir(), "rtl");
        assert_eq!(Language::Ar.dir(), "rtl");
        assert_eq!(Language::En.dir(), "ltr");
        assert_eq!(Language::default(), Language::He);
    }
}

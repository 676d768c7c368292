//! Every word the hub shows goes through Fluent: `locales/{he,ar,en}/main.ftl`, embedded at build
//! time. Hebrew is the fallback. `Tr` is the translator handed to templates and handlers.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};
use shutaf_domain::Language;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "he",
        // No Unicode isolation marks around arguments: they would stick to links in mail.
        // Pages isolate people's text themselves, with <bdi>, where it sits in a sentence.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static HE: LanguageIdentifier = langid!("he");
static AR: LanguageIdentifier = langid!("ar");
static EN: LanguageIdentifier = langid!("en");

fn identifier(lang: Language) -> &'static LanguageIdentifier {
    match lang {
        Language::He => &HE,
        Language::Ar => &AR,
        Language::En => &EN,
    }
}

/// A translator for one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    pub lang: Language,
}

impl Tr {
    pub fn new(lang: Language) -> Tr {
        Tr { lang }
    }

    /// The message `key`; a missing key shows as the key itself (and a test forbids that).
    pub fn t(&self, key: &str) -> String {
        LOCALES
            .try_lookup(identifier(self.lang), key)
            .unwrap_or_else(|| key.to_owned())
    }

    /// The message `key` with named arguments.
    pub fn args(&self, key: &str, args: &[(&'static str, &str)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), FluentValue::from(value.to_string())))
            .collect();
        LOCALES
            .try_lookup_with_args(identifier(self.lang), key, &map)
            .unwrap_or_else(|| key.to_owned())
    }

    /// The message `key` with one numeric argument (for plurals).
    pub fn count(
        &self,
        key: &str,
        name: &'static str,
        value: impl std::borrow::Borrow<i64>,
    ) -> String {
        let value = *value.borrow();
        let mut map: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        map.insert(Cow::Borrowed(name), FluentValue::from(value));
        LOCALES
            .try_lookup_with_args(identifier(self.lang), key, &map)
            .unwrap_or_else(|| key.to_owned())
    }

    /// The message `key` with a number `count` (for plurals) and a text `items`.
    pub fn args_mixed(&self, key: &str, count: i64, items: &str) -> String {
        let mut map: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        map.insert(Cow::Borrowed("count"), FluentValue::from(count));
        map.insert(Cow::Borrowed("items"), FluentValue::from(items.to_owned()));
        LOCALES
            .try_lookup_with_args(identifier(self.lang), key, &map)
            .unwrap_or_else(|| key.to_owned())
    }

    /// Joins items into a list with the language's comma (Arabic has its own: ،).
    pub fn join(&self, items: &[String]) -> String {
        items.join(if self.lang == Language::Ar {
            "، "
        } else {
            ", "
        })
    }

    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    pub fn dir(&self) -> &'static str {
        self.lang.dir()
    }

    /// "Redacted on <date>: <ground>": what stands where a redacted text was, beside the log
    /// and in every copy of it.
    pub fn redaction(
        &self,
        at: i64,
        ground: Option<shutaf_domain::disclosure::RedactionGround>,
    ) -> String {
        self.args(
            "disclosure-redacted",
            &[
                ("date", &self.date(at)),
                (
                    "ground",
                    &ground.map(|g| self.t(&g.label_key())).unwrap_or_default(),
                ),
            ],
        )
    }

    /// A date (Unix seconds) as day.month.year, the order used in Israel in all three languages.
    pub fn date(&self, unix: i64) -> String {
        match time::OffsetDateTime::from_unix_timestamp(unix) {
            Ok(at) => format!("{}.{}.{}", at.day(), u8::from(at.month()), at.year()),
            Err(_) => String::new(),
        }
    }
}

/// Whether a message exists in a language (for tests and checks).
pub fn has_message(lang: Language, key: &str) -> bool {
    LOCALES.try_lookup(identifier(lang), key).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(lang: &str) -> BTreeSet<String> {
        let path = format!("{}/locales/{lang}/main.ftl", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        text.lines()
            .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
            .filter_map(|line| line.split_once('=').map(|(key, _)| key.trim().to_owned()))
            .collect()
    }

    #[test]
    fn every_message_exists_in_every_language() {
        let he = keys("he");
        assert!(he.len() > 50, "Hebrew messages were not found");
        for lang in ["ar", "en"] {
            let other = keys(lang);
            let missing: Vec<_> = he.difference(&other).collect();
            let extra: Vec<_> = other.difference(&he).collect();
            assert!(missing.is_empty(), "missing in {lang}: {missing:?}");
            assert!(extra.is_empty(), "only in {lang}, not in he: {extra:?}");
        }
    }

    #[test]
    fn messages_resolve_in_each_language() {
        for lang in Language::ALL {
            assert!(has_message(lang, "site-name"));
            let tr = Tr::new(lang);
            assert_ne!(tr.t("nav-directory"), "nav-directory");
        }
        assert_ne!(
            Tr::new(Language::He).t("nav-directory"),
            Tr::new(Language::En).t("nav-directory")
        );
    }

    #[test]
    fn every_domain_code_has_a_label() {
        use shutaf_domain::*;
        let mut keys: Vec<String> = Vec::new();
        keys.extend(Sector::ALL.iter().map(|s| s.label_key()));
        keys.extend(OrganisationKind::ALL.iter().map(|s| s.label_key()));
        keys.extend(ContributionType::ALL.iter().map(|s| s.label_key()));
        keys.extend(LocalityKind::ALL.iter().map(|s| s.label_key()));
        keys.extend(MemberRole::ALL.iter().map(|s| s.label_key()));
        // What the record shows beside its entries, and why a text there was redacted.
        keys.extend(
            disclosure::RedactionGround::ALL
                .iter()
                .map(|g| g.label_key()),
        );
        keys.extend(
            disclosure::DISCLOSED
                .iter()
                .chain(disclosure::SEALED)
                .map(|field| format!("disclosure-{field}")),
        );
        keys.extend(journal::EventKind::decisions().map(|kind| format!("event-{}", kind.code())));
        for lang in Language::ALL {
            for key in &keys {
                assert!(has_message(lang, key), "{key} missing in {lang}");
            }
        }
    }
}

//! Validation of what people type, at the edge. Each check yields a value that is known to be
//! valid, or a [`FieldError`] naming the field and a Fluent message key, so the web layer can show
//! the error next to the field in the reader's language and keep what they typed.

use serde::Serialize;

/// One problem with one field: `code` is the Fluent key of the explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub code: &'static str,
}

/// The problems found in a whole form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: impl Into<String>, code: &'static str) {
        self.0.push(FieldError {
            field: field.into(),
            code,
        });
    }

    /// Records the error of a check, if any, and hands back the valid value.
    pub fn check<T>(&mut self, field: &str, result: Result<T, &'static str>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(code) => {
                self.add(field, code);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first error's key for a field, for showing next to it.
    pub fn for_field(&self, field: &str) -> Option<&'static str> {
        self.0.iter().find(|e| e.field == field).map(|e| e.code)
    }

    /// `Ok(())` when nothing was found, else the errors.
    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }
}

/// Characters no text typed into the hub may hold: control characters (but tab and line
/// breaks), what XML 1.0 forbids (U+FFFE, U+FFFF: one would break every Atom feed the text is
/// in), and the bidi embedding, override and isolate controls, with which a name can make the
/// text around it display reversed (`invoice\u{202e}fdp.exe`). The marks people do type (U+200E,
/// U+200F, U+061C) are allowed.
pub fn is_forbidden_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\r' && c != '\t')
        || matches!(c, '\u{FFFE}' | '\u{FFFF}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn has_control_chars(s: &str) -> bool {
    s.chars().any(is_forbidden_char)
}

/// An email address, trimmed and lower-cased; the account's identity.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Email, &'static str> {
        let email = input.trim().to_lowercase();
        if email.is_empty() {
            return Err("error-required");
        }
        let valid = email.len() <= 254
            && !email
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>')
            && match email.split_once('@') {
                Some((local, domain)) => {
                    !local.is_empty()
                        && local.len() <= 64
                        && !domain.contains('@')
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                        && !domain.contains("..")
                }
                None => false,
            };
        if valid {
            Ok(Email(email))
        } else {
            Err("error-email-invalid")
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The rules for a new password: long enough to resist guessing, short enough to hash cheaply.
pub fn check_new_password(password: &str) -> Result<(), &'static str> {
    check_new_password_of(password, &[])
}

/// The passwords people choose most (see the file's head).
const COMMON_PASSWORDS: &str = include_str!("common_passwords.txt");

fn is_common(word: &str) -> bool {
    COMMON_PASSWORDS
        .lines()
        .any(|line| !line.starts_with('#') && line == word)
}

/// A new password for a person known by `own` words (their address, their name): long enough,
/// not one of the passwords people choose most (even with digits or symbols around it), not a
/// run of one character or of counting digits, and not made of the person's own words.
pub fn check_new_password_of(password: &str, own: &[&str]) -> Result<(), &'static str> {
    let length = password.chars().count();
    if length < 10 {
        return Err("error-password-short");
    }
    if length > 200 {
        return Err("error-too-long");
    }
    let lower = password.to_lowercase();
    // The common word with digits or symbols around it (`password12`), and a common string of
    // digits with symbols around it (`!1234567890`).
    let core = lower.trim_matches(|c: char| !c.is_alphabetic());
    let inner = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if is_common(&lower)
        || (core.chars().count() >= 4 && is_common(core))
        || (inner.chars().count() >= 4 && is_common(inner))
    {
        return Err("error-password-common");
    }
    let mut chars = lower.chars();
    let first = chars.next().unwrap_or_default();
    let digits: Vec<u32> = lower.chars().filter_map(|c| c.to_digit(10)).collect();
    let counting = digits.len() == length
        && (digits.windows(2).all(|w| (w[0] + 1) % 10 == w[1])
            || digits.windows(2).all(|w| (w[1] + 1) % 10 == w[0]));
    if chars.all(|c| c == first) || counting {
        return Err("error-password-common");
    }
    // What is left when the person's own words (parts of the address, names), digits and
    // punctuation are taken out: a password made of them is guessed first.
    let mut rest = lower.clone();
    let mut words: Vec<String> = own
        .iter()
        .flat_map(|w| {
            w.to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|w| w.chars().count() >= 3)
        .collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    for word in &words {
        rest = rest.replace(word.as_str(), "");
    }
    let left = rest.chars().filter(|c| c.is_alphabetic()).count();
    if rest.len() < lower.len() && left < 4 {
        return Err("error-password-personal");
    }
    Ok(())
}

/// A required single-line text of at most `max` characters, trimmed.
pub fn required_line(input: &str, max: usize) -> Result<String, &'static str> {
    let value = input.trim();
    if value.is_empty() {
        Err("error-required")
    } else {
        optional_line(value, max).map(|v| v.unwrap_or_default())
    }
}

/// An optional single-line text: empty gives `None`.
pub fn optional_line(input: &str, max: usize) -> Result<Option<String>, &'static str> {
    let value = input.trim();
    if value.is_empty() {
        Ok(None)
    } else if value.chars().count() > max {
        Err("error-too-long")
    } else if has_control_chars(value) || value.contains(['\n', '\r']) {
        Err("error-invalid-characters")
    } else {
        Ok(Some(value.to_owned()))
    }
}

/// An optional multi-line text (Markdown is allowed; it is sanitised when shown).
pub fn optional_text(input: &str, max: usize) -> Result<Option<String>, &'static str> {
    let value = input.trim();
    if value.is_empty() {
        Ok(None)
    } else if value.chars().count() > max {
        Err("error-too-long")
    } else if has_control_chars(value) {
        Err("error-invalid-characters")
    } else {
        Ok(Some(value.replace("\r\n", "\n")))
    }
}

/// An optional web address; only http and https, so a link can never run script.
pub fn optional_website(input: &str) -> Result<Option<String>, &'static str> {
    let value = input.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .ok_or("error-website-invalid")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if value.len() > 500
        || host.is_empty()
        || !host.contains('.')
        || value
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
    {
        return Err("error-website-invalid");
    }
    Ok(Some(value.to_owned()))
}

/// Names in the three languages: at least one is needed; each is a line of at most 200 chars.
pub fn names_per_language(
    errors: &mut FieldErrors,
    prefix: &str,
    he: &str,
    ar: &str,
    en: &str,
) -> [Option<String>; 3] {
    let names = [("he", he), ("ar", ar), ("en", en)].map(|(lang, value)| {
        errors
            .check(&format!("{prefix}_{lang}"), optional_line(value, 200))
            .flatten()
    });
    if names.iter().all(Option::is_none) && errors.for_field(&format!("{prefix}_he")).is_none() {
        errors.add(format!("{prefix}_he"), "error-name-one-language");
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(
            Email::parse("  Dana@Example.org ").unwrap().as_str(),
            "dana@example.org"
        );
        assert_eq!(Email::parse(""), Err("error-required"));
        for bad in [
            "dana",
            "dana@",
            "@example.org",
            "dana@example",
            "da na@example.org",
            "a@b@c.org",
            "d@.org",
            "d@x..org",
        ] {
            assert_eq!(Email::parse(bad), Err("error-email-invalid"), "{bad}");
        }
    }

    #[test]
    fn common_and_personal_passwords_are_refused() {
        for common in [
            "password12",
            "1234567890",
            "Password123!",
            "qwertyuiop",
            "!!sunshine2024",
            "aaaaaaaaaaaa",
            "9876543210",
            "4567890123",
        ] {
            assert_eq!(
                check_new_password(common),
                Err("error-password-common"),
                "{common}"
            );
        }
        let own = ["dana.levi@example.org", "Dana Levi"];
        for personal in ["dana.levi2024", "levidana12", "DanaLevi!!!", "example.org1"] {
            assert_eq!(
                check_new_password_of(personal, &own),
                Err("error-password-personal"),
                "{personal}"
            );
        }
        // Digits alone are fine when they are not a common or counting run; and four letters
        // of one's own beside one's own words are enough.
        assert_eq!(check_new_password_of("7391-8264-5508", &own), Ok(()));
        assert_eq!(check_new_password_of("dana.levi+wxyz", &own), Ok(()));
        assert_eq!(
            check_new_password_of("^&*(1029384756", &own),
            Err("error-password-common")
        );
        // A phrase that mentions a name among other words is the person's own choice.
        assert_eq!(
            check_new_password_of("dana walks by the river", &own),
            Ok(())
        );
        assert_eq!(check_new_password_of("correct horse battery", &own), Ok(()));
        // Hebrew and Arabic passphrases are not in the list and are fine.
        assert_eq!(check_new_password("שותפות ירוקה בעיר"), Ok(()));
        assert_eq!(check_new_password("شراكة خضراء للمدينة"), Ok(()));
    }

    #[test]
    fn text_that_would_break_a_feed_or_reverse_a_name_is_refused() {
        for bad in [
            "a\u{FFFE}b",
            "a\u{FFFF}",
            "invoice\u{202E}fdp.exe",
            "x\u{2066}y",
            "\u{0}",
        ] {
            assert_eq!(
                optional_line(bad, 100),
                Err("error-invalid-characters"),
                "{bad:?}"
            );
            assert_eq!(
                optional_text(bad, 100),
                Err("error-invalid-characters"),
                "{bad:?}"
            );
        }
        // The marks people type to order mixed text are allowed.
        assert!(optional_line("\u{200F}שלום ABC", 100).is_ok());
        assert!(optional_text("line\nnext\ttab", 100).is_ok());
    }

    #[test]
    fn passwords() {
        assert_eq!(check_new_password("short"), Err("error-password-short"));
        assert!(check_new_password("a long enough passphrase").is_ok());
        assert_eq!(check_new_password(&"x".repeat(201)), Err("error-too-long"));
    }

    #[test]
    fn lines_and_texts() {
        assert_eq!(required_line("  ", 10), Err("error-required"));
        assert_eq!(required_line(" שלום ", 10), Ok("שלום".to_owned()));
        assert_eq!(required_line("abcdefghijk", 10), Err("error-too-long"));
        assert_eq!(
            optional_line("a\u{0007}b", 10),
            Err("error-invalid-characters")
        );
        assert_eq!(optional_text("a\r\nb", 10), Ok(Some("a\nb".to_owned())));
    }

    #[test]
    fn websites_are_http_only() {
        assert_eq!(optional_website(""), Ok(None));
        assert!(
            optional_website("https://example.org/about")
                .unwrap()
                .is_some()
        );
        assert_eq!(
            optional_website("javascript:alert(1)"),
            Err("error-website-invalid")
        );
        assert_eq!(optional_website("https://"), Err("error-website-invalid"));
        assert_eq!(
            optional_website("http://a b.org"),
            Err("error-website-invalid")
        );
    }

    #[test]
    fn one_name_is_enough_none_is_not() {
        let mut errors = FieldErrors::new();
        let names = names_per_language(&mut errors, "name", "", "جمعية", "");
        assert!(errors.is_empty());
        assert_eq!(names[1].as_deref(), Some("جمعية"));
        let mut errors = FieldErrors::new();
        names_per_language(&mut errors, "name", "", " ", "");
        assert_eq!(errors.for_field("name_he"), Some("error-name-one-language"));
    }
}

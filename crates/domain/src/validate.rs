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

fn has_control_chars(s: &str) -> bool {
    s.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
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
    let length = password.chars().count();
    if length < 10 {
        Err("error-password-short")
    } else if length > 200 {
        Err("error-too-long")
    } else {
        Ok(())
    }
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

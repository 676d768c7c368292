//! Validation at the edge: what may never pass, whichever field it is typed into.

use shutaf_domain::validate::{
    Email, FieldErrors, check_new_password, optional_line, optional_text, optional_website,
    required_line,
};

#[test]
fn angle_brackets_and_quotes_are_refused_in_addresses_and_websites() {
    for bad in [
        "<dana@example.org>",
        "dana<@example.org",
        "dana@exam>ple.org",
        "dana@example.org>",
    ] {
        assert_eq!(Email::parse(bad), Err("error-email-invalid"), "{bad}");
    }
    for bad in [
        "https://example.org/<script>",
        "https://example.org/a>b",
        "https://example.org/a<b",
        "https://example.org/\"onmouseover=\"x",
    ] {
        assert_eq!(optional_website(bad), Err("error-website-invalid"), "{bad}");
    }
}

#[test]
fn a_form_with_errors_is_not_accepted() {
    assert_eq!(FieldErrors::new().into_result(), Ok(()));
    let mut errors = FieldErrors::new();
    errors.add("email", "error-required");
    assert_eq!(errors.clone().into_result(), Err(errors));
}

#[test]
fn an_address_is_refused_for_each_fault_alone() {
    let local64 = "a".repeat(64);
    let domain = format!("{}.org", "d".repeat(249 - 64));
    let longest = format!("{local64}@{domain}");
    assert_eq!(longest.len(), 254);
    assert!(
        Email::parse(&longest).is_ok(),
        "254 characters, 64 before the @"
    );
    for bad in [
        format!("{longest}g"),
        format!("a{local64}@example.org"),
        "dana@example.org.".to_owned(),
        "da\u{7}na@example.org".to_owned(),
        "dana@exam\tple.org".to_owned(),
    ] {
        assert_eq!(Email::parse(&bad), Err("error-email-invalid"), "{bad:?}");
    }
}

#[test]
fn a_website_is_refused_for_each_fault_alone() {
    let longest = format!("https://example.org/{}", "a".repeat(500 - 20));
    assert_eq!(longest.len(), 500);
    assert!(optional_website(&longest).unwrap().is_some());
    for bad in [
        format!("{longest}a"),
        "https://localhost/".to_owned(),
        "https://example.org/a\u{7}".to_owned(),
        "https://example.org/a\u{a0}b".to_owned(),
    ] {
        assert_eq!(
            optional_website(&bad),
            Err("error-website-invalid"),
            "{bad:?}"
        );
    }
}

#[test]
fn lines_and_texts_take_exactly_their_length() {
    assert_eq!(required_line("abcdefghij", 10), Ok("abcdefghij".to_owned()));
    assert_eq!(
        optional_line("abcdefghij", 10),
        Ok(Some("abcdefghij".to_owned()))
    );
    assert_eq!(
        optional_text("abcdefghij", 10),
        Ok(Some("abcdefghij".to_owned()))
    );
    assert_eq!(optional_text("abcdefghijk", 10), Err("error-too-long"));
    assert_eq!(optional_text("", 10), Ok(None));
}

#[test]
fn a_text_keeps_tabs_and_line_breaks_a_line_takes_none() {
    assert_eq!(optional_text("a\tb\nc", 10), Ok(Some("a\tb\nc".to_owned())));
    assert_eq!(optional_text("a\rb", 10), Ok(Some("a\rb".to_owned())));
    assert_eq!(
        optional_text("a\u{7}b", 10),
        Err("error-invalid-characters")
    );
    assert_eq!(optional_line("a\tb", 10), Ok(Some("a\tb".to_owned())));
    for broken in ["a\nb", "a\rb"] {
        assert_eq!(
            optional_line(broken, 10),
            Err("error-invalid-characters"),
            "{broken:?}"
        );
    }
}

#[test]
fn a_password_of_10_to_200_characters_is_long_enough() {
    assert_eq!(check_new_password("tq8-mvk3wz"), Ok(()));
    assert_eq!(check_new_password("tq8-mvk3w"), Err("error-password-short"));
    let longest: String = "tq8-mvk3wz".repeat(20);
    assert_eq!(check_new_password(&longest), Ok(()));
    assert_eq!(
        check_new_password(&format!("{longest}x")),
        Err("error-too-long")
    );
}

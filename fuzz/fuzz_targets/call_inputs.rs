//! Open calls' outside inputs: the deadline typed in a `datetime-local` field, an attachment's
//! name and bytes, and the name a file is shown and served under.
//!
//! Input: the first byte chooses the function; the rest is its input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shutaf_domain::call::{
    MAX_ATTACHMENT_BYTES, attachment_type, local_display, local_input, parse_deadline, rfc3339,
    safe_file_name,
};

/// What [`safe_file_name`] promises: no paths, nothing that breaks a `Content-Disposition`
/// header, at most 120 characters, never empty, and not a hidden (dot) file.
fn check_safe_name(input: &str) -> String {
    let name = safe_file_name(input);
    assert!(!name.is_empty(), "{input:?}");
    assert!(name.chars().count() <= 120, "{input:?} gave {name:?}");
    assert!(
        !name
            .chars()
            .any(|c| matches!(c, '/' | '\\' | '"' | ';') || c.is_control()),
        "{input:?} gave {name:?}"
    );
    assert_eq!(name, name.trim(), "{input:?} gave {name:?}");
    assert!(!name.starts_with('.'), "{input:?} gave {name:?}");
    assert!(name != ".." && name != ".");
    // Cleaning a clean name leaves it as it is.
    assert_eq!(safe_file_name(&name), name, "{input:?}");
    name
}

fn check_deadline(text: &str) {
    let Ok(at) = parse_deadline(text) else {
        return;
    };
    // What the form shows again reads back as the same civil minute (in the hour repeated
    // when the clocks go back the earlier reading is taken, so compare civil times).
    let shown = local_input(at);
    assert!(!shown.is_empty(), "{text:?} -> {at}");
    let again = parse_deadline(&shown).unwrap_or_else(|e| panic!("{shown:?} from {text:?}: {e}"));
    assert_eq!(local_input(again), shown, "{text:?}");
    assert!((at - again).abs() <= 3600 + 59, "{text:?}: {at} vs {again}");
    assert!(!local_display(at).is_empty());
    assert!(!rfc3339(at).is_empty());
}

fn check_moment(at: i64) {
    let shown = local_input(at);
    // Out of range: nothing shown, and nothing else either.
    if shown.is_empty() {
        assert!(local_display(at).is_empty() && rfc3339(at).is_empty());
        return;
    }
    if !shown.starts_with('-') {
        assert_eq!(shown.len(), "YYYY-MM-DDTHH:MM".len(), "{at} -> {shown:?}");
    }
    // The last representable minutes can lie past what a civil time in Israel can be turned
    // back into; the rest read back within the minute (or the hour repeated in autumn).
    if let Ok(again) = parse_deadline(&shown) {
        assert_eq!(local_input(again), shown);
        assert!(
            at - again < 3600 + 60 && again - at < 3600,
            "{at} vs {again}"
        );
    } else {
        let year: i32 = shown[..4].parse().unwrap_or(0);
        assert!(
            !(1..9999).contains(&year) || shown.starts_with('-'),
            "{at} -> {shown:?} unreadable"
        );
    }
}

fn check_attachment(name: &str, bytes: &[u8]) {
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match attachment_type(name, bytes) {
        Ok(content_type) => {
            assert!(!bytes.is_empty() && bytes.len() <= MAX_ATTACHMENT_BYTES);
            // The bytes and the name agree.
            let (magic, extensions): (&[u8], &[&str]) = match content_type {
                "application/pdf" => (b"%PDF-", &["pdf"]),
                "image/png" => (b"\x89PNG\r\n\x1a\n", &["png"]),
                "image/jpeg" => (&[0xFF, 0xD8, 0xFF], &["jpg", "jpeg"]),
                "application/vnd.oasis.opendocument.text" => (b"PK\x03\x04", &["odt"]),
                "application/vnd.oasis.opendocument.spreadsheet" => (b"PK\x03\x04", &["ods"]),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => {
                    (b"PK\x03\x04", &["docx"])
                }
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => {
                    (b"PK\x03\x04", &["xlsx"])
                }
                other => panic!("unexpected content type {other}"),
            };
            assert!(bytes.starts_with(magic), "{content_type} without its magic");
            assert!(
                extensions.contains(&extension.as_str()),
                "{name:?} as {content_type}"
            );
        }
        Err(key) => assert!(
            matches!(
                key,
                "error-attachment-empty" | "error-attachment-too-large" | "error-attachment-type"
            ),
            "{key}"
        ),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    match which % 4 {
        0 => check_deadline(&String::from_utf8_lossy(rest)),
        1 => {
            let mut at = [0u8; 8];
            let n = rest.len().min(8);
            at[..n].copy_from_slice(&rest[..n]);
            check_moment(i64::from_le_bytes(at));
        }
        2 => {
            check_safe_name(&String::from_utf8_lossy(rest));
        }
        _ => {
            // An upload as the form sends it: the name up to the first NUL, then the bytes. The
            // handler checks the cleaned name's ending against the bytes.
            let (name, bytes) = match rest.iter().position(|&b| b == 0) {
                Some(i) => (&rest[..i], &rest[i + 1..]),
                None => (rest, &b"%PDF-1.7"[..]),
            };
            let name = check_safe_name(&String::from_utf8_lossy(name));
            check_attachment(&name, bytes);
        }
    }
});

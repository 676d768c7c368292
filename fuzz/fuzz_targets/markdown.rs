//! Markdown as people write it (organisation and initiative descriptions, charters, calls):
//! `shutaf_web::pages::markdown` never panics, and what it gives is safe to put in a page.
//!
//! Its promise: raw HTML is not passed through, and ammonia cleans the rest with only http,
//! https and mailto URLs. So the output is parsed here (it is html5ever's serialisation: tags,
//! attributes always double-quoted, `<` in text always escaped) and every tag, attribute and URL
//! is checked: no script, style or frame elements, no `on*` event handlers, no `style`, no URL
//! with a scheme other than those three, no comments, no `<` that does not start a tag.
#![no_main]

use libfuzzer_sys::fuzz_target;

const FORBIDDEN_TAGS: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "option",
    "link",
    "meta",
    "base",
    "svg",
    "math",
    "template",
    "noscript",
    "xmp",
    "plaintext",
    "noembed",
    "noframes",
    "title",
    "html",
    "head",
    "body",
    "video",
    "audio",
    "source",
    "track",
    "portal",
    "dialog",
];
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "cite",
    "longdesc",
    "action",
    "formaction",
    "background",
    "poster",
    "srcset",
    "data",
    "xlink:href",
    "usemap",
    "codebase",
    "ping",
    "itemtype",
];
const ALLOWED_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// An attribute value as a browser reads it: the serialiser writes only these references.
fn decode(value: &str, html: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let (decoded, len) = [
            ("&amp;", '&'),
            ("&quot;", '"'),
            ("&nbsp;", '\u{a0}'),
            ("&lt;", '<'),
            ("&gt;", '>'),
        ]
        .iter()
        .find(|(entity, _)| rest.starts_with(entity))
        .map(|(entity, c)| (*c, entity.len()))
        .unwrap_or_else(|| panic!("a bare `&` in the attribute value {value:?}\n{html}"));
        out.push(decoded);
        rest = &rest[len..];
    }
    out.push_str(rest);
    out
}

/// The scheme of a URL as the URL standard reads it, lower-cased; `None` for a relative URL.
fn scheme(url: &str) -> Option<String> {
    let url: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| scheme.to_ascii_lowercase())
}

fn check_attribute(tag: &str, name: &str, value: &str, html: &str) {
    let name = name.to_ascii_lowercase();
    assert!(
        !name.starts_with("on"),
        "event handler {name} on <{tag}>\n{html}"
    );
    assert!(
        !matches!(name.as_str(), "style" | "srcdoc" | "formaction" | "xmlns"),
        "attribute {name} on <{tag}>\n{html}"
    );
    let value = decode(value, html);
    if URL_ATTRIBUTES.contains(&name.as_str())
        && let Some(scheme) = scheme(&value)
    {
        assert!(
            ALLOWED_SCHEMES.contains(&scheme.as_str()),
            "{scheme}: URL in {name} on <{tag}>\n{html}"
        );
    }
}

/// Walks html5ever's serialisation of the cleaned fragment, checking every tag.
fn check_html(html: &str) {
    assert!(
        !html.to_ascii_lowercase().contains("<script"),
        "<script in\n{html}"
    );
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        i += offset + 1;
        let closing = bytes.get(i) == Some(&b'/');
        if closing {
            i += 1;
        }
        assert!(
            bytes.get(i).is_some_and(u8::is_ascii_alphabetic),
            "a `<` that starts no tag at {i}\n{html}"
        );
        let name_end = i + html[i..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .expect("an unterminated tag");
        let tag = html[i..name_end].to_ascii_lowercase();
        assert!(
            !FORBIDDEN_TAGS.contains(&tag.as_str()),
            "<{tag}> in\n{html}"
        );
        i = name_end;
        loop {
            while bytes.get(i) == Some(&b' ') {
                i += 1;
            }
            match bytes.get(i) {
                Some(b'>') => {
                    i += 1;
                    break;
                }
                Some(b'/') if bytes.get(i + 1) == Some(&b'>') => {
                    i += 2;
                    break;
                }
                Some(_) if !closing => {
                    let name_end = i + html[i..]
                        .find(['=', ' ', '>'])
                        .expect("an unterminated attribute");
                    let name = &html[i..name_end];
                    i = name_end;
                    let value = if bytes[i] == b'=' {
                        assert_eq!(bytes.get(i + 1), Some(&b'"'), "unquoted value\n{html}");
                        let start = i + 2;
                        let end = start + html[start..].find('"').expect("an unterminated value");
                        i = end + 1;
                        &html[start..end]
                    } else {
                        ""
                    };
                    check_attribute(&tag, name, value, html);
                }
                other => panic!("unexpected {other:?} at {i} in a tag\n{html}"),
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let html = shutaf_web::pages::markdown(&source);
    check_html(&html);
});

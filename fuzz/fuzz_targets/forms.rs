//! Forms and queries as the handlers receive them: decoded through axum's extractors exactly as
//! in a request (serde_urlencoded for forms and queries, multer for multipart, serde_json for
//! the API), then validated by the handler's own validation, against a small database where the
//! validation looks things up. `shutaf_web::fuzzing::decode` checks what each promises: errors
//! are messages in every language, valid values within their bounds, page offsets in range,
//! `next` a path on this site, links that read back as the same filter.
//!
//! Input: the first byte chooses the form or query (`shutaf_web::fuzzing::Input::of`), the rest
//! is the body or query string.
#![no_main]

use libfuzzer_sys::fuzz_target;
use shutaf_web::fuzzing::{Input, decode};

fuzz_target!(|data: &[u8]| {
    if let Some((&which, body)) = data.split_first() {
        decode(Input::of(which), body);
    }
});

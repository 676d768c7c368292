//! The web crate's integration tests, in one binary: the hub over real HTTP, started by the test
//! kit ([`shutaf_testkit::TestApp`]) exactly as `shutaf serve` starts it, on a random port, each
//! test with a fresh database of its own and a real SMTP server for its mail. One module per
//! capability; what several share but is not the hub's harness is in `support`.
//!
//! Run with `cargo test -p shutaf-web`; the database backend is SQLite unless
//! `SHUTAF_TEST_BACKEND=postgres` (then `SHUTAF_TEST_POSTGRES_URL` names the server, by default
//! `postgres://postgres@127.0.0.1:5432/postgres`). One module, or one test:
//! `cargo test -p shutaf-web --test it calls::`.

mod accounts;
mod api;
mod authz;
mod calls;
mod checkpoints;
mod donations;
mod doors;
mod hostile;
mod initiatives;
mod localities;
mod log;
mod notices;
mod ocds;
mod organisations;
mod overload;
mod page_cache;
mod privacy;
mod queries;
mod redactions;
mod rules;
mod security;
mod support;

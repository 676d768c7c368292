//! The store's integration tests, in one binary: each test has a fresh database of its own from
//! the test kit ([`shutaf_testkit::database::fresh_db`]), on the backend `SHUTAF_TEST_BACKEND`
//! chooses (SQLite unless `postgres`; then `SHUTAF_TEST_POSTGRES_URL` names the server, by
//! default `postgres://postgres@127.0.0.1:5432/postgres`). The test script runs the suite on
//! SQLite and again on PostgreSQL. One module per capability; `support` holds the seed story's
//! world that several share.
//!
//! Run with `cargo test -p shutaf-store`; one module: `cargo test -p shutaf-store --test it calls::`.

mod accounts;
mod calls;
mod checkpoints;
mod donations;
mod initiatives;
mod log;
mod matching;
mod notices;
mod organisations;
mod privacy;
mod schema;
mod support;
mod tallies;

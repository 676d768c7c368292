//! The test kit of Shutaf: the one way tests start the hub and reach its parts. Only tests
//! depend on this crate.
//!
//! - [`app`]: the hub in the test's process ([`TestApp`]), started by the same
//!   [`shutaf_web::startup::Application`] as `shutaf serve`, with browser-like clients for the
//!   pages (CSRF included) and API tokens for the JSON API;
//! - [`process`]: the `shutaf` binary as a process ([`HubProcess`]) and its other commands;
//! - [`database`]: a fresh database per test, copied from a template migrated once per set of
//!   migrations, on SQLite or PostgreSQL (`SHUTAF_TEST_BACKEND`); copies of a prepared world
//!   ([`Snapshot`]);
//! - [`smtp`]: a real SMTP server that keeps what it receives ([`SmtpServer`]);
//! - [`browser`]: a real Chromium through chromedriver, every page checked with axe-core
//!   ([`browser::Browser`]).

pub mod app;
pub mod browser;
pub mod database;
pub mod process;
pub mod smtp;

pub use app::{PASSWORD, Person, TestApp, csrf_token, location, multipart, set_cookie};
pub use database::{Snapshot, fresh_database_url, fresh_db, test_backend};
pub use process::{HubOptions, HubProcess, TempDir};
pub use smtp::{ReceivedMail, SmtpServer};

//! The `shutaf` binary's tests, in one test binary: the binary as an operator runs it (first
//! start with the demo, migrate, admin, configuration errors, graceful shutdown, `verify` of a
//! database and of another hub; with witnesses and a pinned key, and `shutaf witness`, in
//! `verify`), backup and restore, crashes of the hub and of the PostgreSQL
//! server, two hubs on one database, the generated data set at scale, and the people's stories
//! through a real browser. Each test starts what it needs through the test kit
//! (`shutaf_testkit`): the hub as a process, a fresh database, an SMTP server, the browser.
//!
//! The database backend is `SHUTAF_TEST_BACKEND=sqlite` (the default) or `postgres` (the server
//! of `SHUTAF_TEST_POSTGRES_URL`, by default `postgres://postgres@127.0.0.1:5432/postgres`). The
//! browser tests need `/usr/bin/chromium` and `/usr/bin/chromedriver` (Debian's `chromium` and
//! `chromium-driver`) and axe-core in the workspace's `node_modules/` (`npm ci`); `scripts/test`
//! installs them.

mod backup;
mod browser;
mod commands;
mod crash;
mod multi;
mod privacy;
mod scale;
mod support;
mod verify;

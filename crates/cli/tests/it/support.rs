//! What the modules share: the binary under test, and how an operator first starts it.

use std::path::Path;

use shutaf_testkit::{HubOptions, HubProcess};

/// The binary under test. Only this crate's tests can name it, so they hand it to the kit.
pub const BINARY: &str = env!("CARGO_BIN_EXE_shutaf");

/// Starts the hub as an operator does, `shutaf` alone in `dir` (its keys are made there, or
/// read when made before), which loads the demo when the database is empty.
pub async fn first_start(name: &str, dir: &Path, database_url: &str) -> HubProcess {
    HubProcess::start(HubOptions {
        args: &[],
        dir: Some(dir.to_owned()),
        ..HubOptions::new(BINARY, name, database_url.to_owned())
    })
    .await
}

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

/// [`first_start`] for a test that changes the hub's database behind its back (rewriting its
/// log with SQL, as a dishonest operator could): without its page cache, so that the hub
/// serves at once what its database holds, as it would once the cache expired.
pub async fn first_start_uncached(name: &str, dir: &Path, database_url: &str) -> HubProcess {
    HubProcess::start(HubOptions {
        args: &[],
        dir: Some(dir.to_owned()),
        env: vec![("SHUTAF_PAGE_CACHE_MB".into(), "0".into())],
        ..HubOptions::new(BINARY, name, database_url.to_owned())
    })
    .await
}

//! The hub's clock: the time every change is stamped with, read from the database handle.
//!
//! A hub runs on the system's clock. A test that needs a call's deadline to pass, or a notice's
//! window to close, moves the clock forward ([`Clock::advance`]) instead of changing the dates
//! the record holds: every clone of a [`crate::Db`] shares one clock, so the hub under test and
//! the test see the same time. It never goes back, so the log's times only grow.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// The system's time, moved forward by what [`Clock::advance`] added (nothing, in a hub).
#[derive(Debug, Clone, Default)]
pub struct Clock {
    ahead: Arc<AtomicI64>,
}

impl Clock {
    /// Seconds since the Unix epoch.
    pub fn now(&self) -> i64 {
        system_now() + self.ahead.load(Ordering::Relaxed)
    }

    /// How far this clock was moved from the system's, in seconds: what keeps results that
    /// depend on the time (the web's page cache) notices at once that a test moved it.
    pub fn offset(&self) -> i64 {
        self.ahead.load(Ordering::Relaxed)
    }

    /// Moves the clock `seconds` forward, for every holder of this clock. For tests that need
    /// time to pass; a hub's own code never calls it.
    pub fn advance(&self, seconds: u32) {
        self.ahead.fetch_add(i64::from(seconds), Ordering::Relaxed);
    }

    /// Moves the clock forward until it is `at` or later (never back).
    pub fn advance_to(&self, at: i64) {
        let behind = at - self.now();
        if behind > 0 {
            self.ahead.fetch_add(behind, Ordering::Relaxed);
        }
    }

    /// A clock `seconds` behind the system's, to build in a test a world whose past is already on
    /// the record (a call that closed last month): advanced through that past, then to the
    /// present ([`Clock::catch_up`]).
    pub fn behind(seconds: u32) -> Clock {
        Clock {
            ahead: Arc::new(AtomicI64::new(-i64::from(seconds))),
        }
    }

    /// Moves a clock that was [`Clock::behind`] forward to the system's time.
    pub fn catch_up(&self) {
        self.advance_to(system_now());
    }
}

/// Seconds since the Unix epoch by the system's clock: for what has no database (the witness,
/// generated data), and the start of every [`Clock`].
pub fn system_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

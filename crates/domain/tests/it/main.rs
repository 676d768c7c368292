//! The domain's integration tests: properties of its rules over generated inputs (proptest).
//! One binary for the crate, a module per capability.

mod lifecycle;

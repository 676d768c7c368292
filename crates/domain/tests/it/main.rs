//! The domain's integration tests: properties of its rules over generated inputs (proptest), and
//! the checkpoint formats against vectors.
//! One binary for the crate, a module per capability.

mod checkpoint;
mod integrity;
mod lifecycle;
mod merkle;
mod record;
mod validate;

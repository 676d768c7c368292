//! The domain of the Shutaf partnership hub, in the vocabulary of the brief: languages, sectors,
//! organisations and what they contribute, localities, membership roles, validation of what people
//! type, the normalisation that makes Hebrew and Arabic searchable, and who may do what.
//!
//! This crate is pure: no I/O, no async, no database. Storage and web depend on it, never the
//! other way round, so the rules here can be tested on their own and read in one place.

mod coded;

pub mod authz;
pub mod call;
pub mod checkpoint;
pub mod checkup;
pub mod decision_log;
pub mod disclosure;
pub mod donation;
pub mod expectations;
pub mod initiative;
pub mod integrity;
pub mod journal;
pub mod language;
pub mod lifecycle;
pub mod matching;
pub mod merkle;
pub mod organisation;
pub mod sdg;
pub mod search;
pub mod validate;

pub use initiative::{InitiativeFacts, Management, PartnershipModel, Stage};
pub use language::Language;
pub use organisation::{ContributionType, LocalityKind, MemberRole, OrganisationKind, Sector};

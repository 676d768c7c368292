//! What the public record withholds, and how it still proves it: commitments, disclosures beside
//! the log, sealed texts opened later, and the pseudonyms that name people.
//!
//! The decision log is permanent, so an entry ([`crate::decision_log::LogEntry`]) says in clear
//! only what the public has a right to know when it is written. What it must not say yet, or may
//! one day have to stop saying, it *withholds*: the entry carries a commitment to the text
//! ([`commitment`]: SHA-256 over the field's name, a random 32-byte salt and the text), and the
//! text with its salt is kept beside the log.
//!
//! - A **disclosure** ([`DISCLOSED`]: a person's name, reasons, a donor, a gift's purpose, the
//!   committee's check, the report to the council) is shown beside its entry, salt included, so
//!   anyone can check it against the commitment ([`matches`]). A platform administrator can
//!   redact it ([`RedactionGround`]): the text and salt are erased, the commitment stays, and the
//!   log verifies exactly as before. The redaction is itself an entry, `disclosure-redacted`,
//!   that names no person.
//! - A **sealed** text ([`SEALED`]: who applied to an open call, an evaluator's scores, and on the
//!   call a declaration's ties and a recusal's party; who proposed an alternative to a notice
//!   inviting competing proposals) is shown to nobody while its matter ([`SealedFor`]: the call
//!   or the notice) is undecided. The call's award or cancellation, or the notice's decision,
//!   opens every one on the log itself (field, salt and text), so the log proves that an
//!   application or a proposal came on time without telling competitors who sent it; [`Seals`]
//!   checks that each opening matches an earlier commitment of that matter and that none is left
//!   out.
//! - The person who took a decision is named by a **pseudonym** ([`PseudonymKey::pseudonym`]):
//!   an HMAC-SHA256 of their user id under the hub's key, `p-` and 12 hex digits, the same for
//!   the same person on every entry of one hub and meaningless elsewhere.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::coded::coded_enum;
use crate::decision_log::LogEntry;
use crate::merkle::Hash;

/// 32 random bytes that make a commitment to a short or guessable text unguessable.
pub type Salt = [u8; 32];

/// Fields kept beside the log and shown there until redacted.
pub const DISCLOSED: &[&str] = &[
    "person-name",
    "reasons",
    "donor",
    "purpose",
    "check",
    "report",
];

/// Fields sealed while their matter (a call, or for `proposer` a notice) is undecided and opened
/// on the log by its decision.
pub const SEALED: &[&str] = &["applicant", "scores", "party", "ties", "proposer"];

/// Whether `field` is sealed until its matter is decided (rather than disclosed beside the log).
pub fn is_sealed(field: &str) -> bool {
    SEALED.contains(&field)
}

/// The kind of matter whose decision opens a sealed `field`: `notice` for who proposed an
/// alternative to a notice, `call` for the rest.
pub fn sealed_kind(field: &str) -> &'static str {
    if field == "proposer" {
        "notice"
    } else {
        "call"
    }
}

/// What a sealed text waits for: the decision of a call (its award or cancellation) or of a
/// notice inviting competing proposals (`notice-decided`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "lowercase")]
pub enum SealedFor {
    Call(i64),
    Notice(i64),
}

impl SealedFor {
    /// `call` or `notice`, as kept beside the log (`log_disclosures.sealed_kind`).
    pub fn kind(self) -> &'static str {
        match self {
            SealedFor::Call(_) => "call",
            SealedFor::Notice(_) => "notice",
        }
    }

    pub fn id(self) -> i64 {
        match self {
            SealedFor::Call(id) | SealedFor::Notice(id) => id,
        }
    }

    /// From its kind (`call` when none is said: texts sealed before notices were) and id.
    pub fn of(kind: Option<&str>, id: i64) -> Option<SealedFor> {
        match kind {
            None | Some("call") => Some(SealedFor::Call(id)),
            Some("notice") => Some(SealedFor::Notice(id)),
            Some(_) => None,
        }
    }

    /// The matter an entry's detail begins with (`call:<id> ...` or `notice:<id> ...`).
    pub fn of_detail(detail: Option<&str>) -> Option<SealedFor> {
        call_of(detail)
            .map(SealedFor::Call)
            .or_else(|| notice_of(detail).map(SealedFor::Notice))
    }
}

impl std::fmt::Display for SealedFor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.kind(), self.id())
    }
}

/// Lowercase hex, as the record writes hashes and salts.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 0xf)] as char);
    }
    out
}

/// 32 bytes from 64 hex digits.
pub fn unhex32(text: &str) -> Option<[u8; 32]> {
    let text = text.as_bytes();
    if text.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, pair) in text.chunks(2).enumerate() {
        let digit = |c: u8| (c as char).to_digit(16);
        out[i] = (digit(pair[0])? * 16 + digit(pair[1])?) as u8;
    }
    Some(out)
}

/// Texts are written one field a line, as in the log's encoding.
pub(crate) fn escape(text: &str) -> String {
    // One pass; most texts have nothing to escape (the log's pages encode every entry).
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

pub(crate) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// The commitment to `text` in `field` under `salt`: SHA-256 of
///
/// ```text
/// shutaf-commitment/1\n
/// field:<field>\n
/// salt:<64 hex digits>\n
/// text:<text, escaped as in the log>\n
/// ```
pub fn commitment(field: &str, salt: &Salt, text: &str) -> Hash {
    let bytes = format!(
        "shutaf-commitment/1\nfield:{field}\nsalt:{}\ntext:{}\n",
        hex(salt),
        escape(text)
    );
    Sha256::digest(bytes.as_bytes()).into()
}

/// The salt of `field` in a decision: derived from the decision's random seed, so that one seed
/// (random in the hub, seeded in generated data) gives every field its own salt, and opening one
/// field's salt tells nothing of another's.
pub fn salt_of(seed: &Salt, field: &str) -> Salt {
    let mut hasher = Sha256::new();
    hasher.update(b"shutaf-salt/1\n");
    hasher.update(seed);
    hasher.update(field.as_bytes());
    hasher.finalize().into()
}

/// A commitment an entry carries: the field it withholds and the hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commitment {
    pub field: String,
    pub hash: Hash,
}

impl Serialize for Commitment {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Commitment", 2)?;
        s.serialize_field("field", &self.field)?;
        s.serialize_field("hash", &hex(&self.hash))?;
        s.end()
    }
}

/// An opening on the log of a sealed text committed earlier: its field, salt and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    pub field: String,
    pub salt: Salt,
    pub text: String,
}

impl Opening {
    /// The commitment this opening opens.
    pub fn commitment(&self) -> Hash {
        commitment(&self.field, &self.salt, &self.text)
    }
}

impl Serialize for Opening {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Opening", 3)?;
        s.serialize_field("field", &self.field)?;
        s.serialize_field("salt", &hex(&self.salt))?;
        s.serialize_field("text", &self.text)?;
        s.end()
    }
}

/// A text an entry withholds, as kept beside the log: disclosed, or sealed until the decision
/// of `sealed_for` (a call or a notice) opens it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Withheld {
    pub field: String,
    pub salt: Salt,
    pub text: String,
    /// The matter whose decision opens it; `None` for a disclosure.
    pub sealed_for: Option<SealedFor>,
}

impl Withheld {
    pub fn commitment(&self) -> Commitment {
        Commitment {
            field: self.field.clone(),
            hash: commitment(&self.field, &self.salt, &self.text),
        }
    }

    /// The opening of a sealed text, for the decision that ends its matter.
    pub fn opening(&self) -> Opening {
        Opening {
            field: self.field.clone(),
            salt: self.salt,
            text: self.text.clone(),
        }
    }
}

/// Whether `text` under `salt` is what `entry` committed to in `field`.
pub fn matches(entry: &LogEntry, field: &str, salt: &Salt, text: &str) -> bool {
    let hash = commitment(field, salt, text);
    entry
        .commitments
        .iter()
        .any(|c| c.field == field && c.hash == hash)
}

coded_enum!(
    /// Why a disclosure was redacted: the grounds a platform administrator may give. Coded, so
    /// that the `disclosure-redacted` entry names no person and says nothing more than this.
    RedactionGround, "redaction" {
        /// The person asked for their data to be erased (Privacy Protection Law §14, GDPR Art. 17).
        ErasureRequest => "erasure-request",
        /// The text was wrong and has been corrected (Privacy Protection Law §14, GDPR Art. 16).
        Correction => "correction",
        /// A court or the Privacy Protection Authority ordered it.
        LegalOrder => "legal-order",
        /// It should never have been public (a third party's details in free text, and the like).
        NotPublic => "not-public",
    }
);

/// The hub's key for pseudonyms: 32 random bytes kept in its database, never published.
#[derive(Clone, PartialEq, Eq)]
pub struct PseudonymKey(pub [u8; 32]);

impl std::fmt::Debug for PseudonymKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PseudonymKey(..)")
    }
}

impl PseudonymKey {
    /// The pseudonym of user `user_id` on this hub's record: `p-` and the first 12 hex digits of
    /// HMAC-SHA256(key, `shutaf-pseudonym/1\nuser:<id>\n`). Stable, and without the key not
    /// linkable to the person or their account.
    pub fn pseudonym(&self, user_id: i64) -> String {
        let mac = hmac_sha256(
            &self.0,
            format!("shutaf-pseudonym/1\nuser:{user_id}\n").as_bytes(),
        );
        format!("p-{}", hex(&mac[..6]))
    }
}

/// HMAC-SHA256 (RFC 2104) with a 32-byte key.
fn hmac_sha256(key: &[u8; 32], message: &[u8]) -> Hash {
    let mut inner_pad = [0x36u8; 64];
    let mut outer_pad = [0x5cu8; 64];
    for (i, byte) in key.iter().enumerate() {
        inner_pad[i] ^= byte;
        outer_pad[i] ^= byte;
    }
    let inner: Hash = Sha256::new()
        .chain_update(inner_pad)
        .chain_update(message)
        .finalize()
        .into();
    Sha256::new()
        .chain_update(outer_pad)
        .chain_update(inner)
        .finalize()
        .into()
}

/// The call an entry's detail is about (`call:<id> ...`).
pub fn call_of(detail: Option<&str>) -> Option<i64> {
    let rest = detail?.strip_prefix("call:")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The notice an entry's detail is about (`notice:<id> ...`).
pub fn notice_of(detail: Option<&str>) -> Option<i64> {
    let rest = detail?.strip_prefix("notice:")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Whether an entry of `kind` decides a call (and so opens what its call sealed).
pub fn decides_call(kind: &str) -> bool {
    matches!(kind, "call-awarded" | "call-cancelled")
}

/// Whether an entry of `kind` decides a matter that seals (a call, or a notice: `notice-decided`),
/// and so opens what it sealed.
pub fn decides_matter(kind: &str) -> bool {
    decides_call(kind) || kind == "notice-decided"
}

/// A sealed text opened on the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    /// The call or notice whose decision opened it.
    pub matter: SealedFor,
    /// The entry that sealed it.
    pub sealed_by: u64,
    /// The pseudonym on that entry (an evaluator's, for scores).
    pub person: Option<String>,
    /// The entry that opened it.
    pub opened_by: u64,
    pub field: String,
    pub text: String,
}

/// Follows the log from its first entry and checks its seals: every sealed commitment names a
/// matter of its kind (a call; for who proposed an alternative, a notice) that is still
/// undecided; a call's award or cancellation, or a notice's decision, opens exactly the texts its
/// matter sealed before, each matching its commitment, none left out and none opened twice;
/// nothing else opens anything. Entries written before notices sealed (their alternatives named
/// in clear) seal nothing, and a decision of such a notice opens nothing.
#[derive(Debug, Default)]
pub struct Seals {
    /// Sealed commitments not opened yet, by matter.
    pending: BTreeMap<SealedFor, Vec<Pending>>,
    decided: BTreeSet<SealedFor>,
}

/// A sealed commitment waiting for its matter's decision.
#[derive(Debug)]
struct Pending {
    index: u64,
    /// The pseudonym on the entry that sealed it.
    person: Option<String>,
    field: String,
    hash: Hash,
}

impl Seals {
    /// Takes the next entry; gives what it opened, or what is wrong.
    pub fn see(&mut self, entry: &LogEntry) -> Result<Vec<Opened>, String> {
        let index = entry.index;
        let matter = SealedFor::of_detail(entry.detail.as_deref());
        for c in entry.commitments.iter().filter(|c| is_sealed(&c.field)) {
            let kind = sealed_kind(&c.field);
            let Some(matter) = matter.filter(|m| m.kind() == kind) else {
                return Err(format!(
                    "entry {index} seals its {} but names no {kind} to open it",
                    c.field
                ));
            };
            if self.decided.contains(&matter) {
                return Err(format!(
                    "entry {index} seals its {} after {matter} was decided: nothing will open it",
                    c.field
                ));
            }
            self.pending.entry(matter).or_default().push(Pending {
                index,
                person: entry.person.clone(),
                field: c.field.clone(),
                hash: c.hash,
            });
        }
        let deciding = decides_matter(&entry.kind);
        if !entry.openings.is_empty() && !deciding {
            return Err(format!(
                "entry {index} ({}) opens sealed texts, which only the decision of a call or a notice does",
                entry.kind
            ));
        }
        let mut opened = Vec::new();
        let decided = matter
            .filter(|m| deciding && (m.kind() == "notice") == (entry.kind == "notice-decided"));
        if let Some(matter) = decided {
            let mut pending = self.pending.remove(&matter).unwrap_or_default();
            for opening in &entry.openings {
                let hash = opening.commitment();
                let Some(position) = pending
                    .iter()
                    .position(|p| p.field == opening.field && p.hash == hash)
                else {
                    return Err(format!(
                        "entry {index} opens a {} that no earlier entry of {matter} sealed (or opens it twice): the opening does not match",
                        opening.field
                    ));
                };
                let sealed = pending.remove(position);
                opened.push(Opened {
                    matter,
                    sealed_by: sealed.index,
                    person: sealed.person,
                    opened_by: index,
                    field: sealed.field,
                    text: opening.text.clone(),
                });
            }
            if let Some(left) = pending.first() {
                return Err(format!(
                    "entry {index} decides {matter} but leaves the {} sealed by entry {} unopened",
                    left.field, left.index
                ));
            }
            self.decided.insert(matter);
        } else if !entry.openings.is_empty() {
            return Err(format!(
                "entry {index} ({}) opens sealed texts but names no matter it decides",
                entry.kind
            ));
        }
        Ok(opened)
    }

    /// The commitments still sealed (their matters not decided yet): (matter, entry, field).
    pub fn still_sealed(&self) -> Vec<(SealedFor, u64, &str)> {
        self.pending
            .iter()
            .flat_map(|(matter, pending)| {
                pending
                    .iter()
                    .map(move |p| (*matter, p.index, p.field.as_str()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commitments_bind_field_salt_and_text() {
        let salt = [7u8; 32];
        let base = commitment("donor", &salt, "Dana Levi");
        assert_ne!(commitment("reasons", &salt, "Dana Levi"), base);
        assert_ne!(commitment("donor", &[8u8; 32], "Dana Levi"), base);
        assert_ne!(commitment("donor", &salt, "Dana Levy"), base);
        assert_ne!(
            commitment("donor", &salt, ""),
            commitment("donor", &salt, " ")
        );
        assert_ne!(salt_of(&salt, "donor"), salt_of(&salt, "purpose"));
        assert_eq!(unhex32(&hex(&salt)), Some(salt));
        assert_eq!(unhex32("zz"), None);
        assert_eq!(unescape(&escape("a\\b\nc\rd")), "a\\b\nc\rd");
    }

    fn sealing(index: u64, kind: &str, detail: &str, field: &str, text: &str) -> LogEntry {
        LogEntry {
            index,
            at: 1_800_000_000 + index as i64,
            kind: kind.into(),
            locality_id: Some(1),
            initiative_id: Some(2),
            organisation_id: None,
            person: None,
            detail: Some(detail.into()),
            version: 2,
            commitments: vec![Commitment {
                field: field.into(),
                hash: commitment(field, &[index as u8; 32], text),
            }],
            openings: Vec::new(),
        }
    }

    fn opening(index: u64, field: &str, text: &str) -> Opening {
        Opening {
            field: field.into(),
            salt: [index as u8; 32],
            text: text.into(),
        }
    }

    fn deciding(index: u64, kind: &str, detail: &str, openings: Vec<Opening>) -> LogEntry {
        LogEntry {
            commitments: Vec::new(),
            openings,
            ..sealing(index, kind, detail, "reasons", "")
        }
    }

    const PROPOSER: &str = "notice:4 proposal:8 organisation:11";

    /// A notice seals who proposed each alternative as a call seals who applied, apart: the
    /// notice's decision opens its own, and a call of the same number has nothing to do with it.
    #[test]
    fn seals_are_kept_per_matter_calls_and_notices_apart() {
        let mut seals = Seals::default();
        let proposed = sealing(
            1,
            "alternative-proposed",
            "notice:4 proposal:8",
            "proposer",
            PROPOSER,
        );
        let applied = sealing(
            2,
            "application-received",
            "call:4 application:9",
            "applicant",
            "call:4 application:9 organisation:12",
        );
        seals.see(&proposed).unwrap();
        seals.see(&applied).unwrap();
        assert_eq!(
            seals.still_sealed(),
            vec![
                (SealedFor::Call(4), 2, "applicant"),
                (SealedFor::Notice(4), 1, "proposer")
            ]
        );
        // The call's award opens its applicant only; the notice's proposer stays sealed.
        let award = deciding(
            3,
            "call-awarded",
            "call:4 application:9 organisation:12 results: ",
            vec![opening(
                2,
                "applicant",
                "call:4 application:9 organisation:12",
            )],
        );
        let opened = seals.see(&award).unwrap();
        assert_eq!(opened[0].matter, SealedFor::Call(4));
        assert_eq!(
            seals.still_sealed(),
            vec![(SealedFor::Notice(4), 1, "proposer")]
        );
        let decided = deciding(
            4,
            "notice-decided",
            "notice:4 outcome:alternative proposal:8",
            vec![opening(1, "proposer", PROPOSER)],
        );
        let opened = seals.see(&decided).unwrap();
        assert_eq!(opened.len(), 1);
        assert_eq!(
            (opened[0].matter, opened[0].sealed_by, opened[0].opened_by),
            (SealedFor::Notice(4), 1, 4)
        );
        assert_eq!(opened[0].text, PROPOSER);
        assert!(seals.still_sealed().is_empty());
        // Nothing seals for a notice once it is decided.
        let late = sealing(
            5,
            "alternative-proposed",
            "notice:4 proposal:10",
            "proposer",
            "x",
        );
        assert!(
            seals
                .see(&late)
                .unwrap_err()
                .contains("after notice 4 was decided")
        );
    }

    #[test]
    fn a_notice_decision_that_does_not_open_what_it_sealed_fails() {
        let proposed = sealing(
            1,
            "alternative-proposed",
            "notice:4 proposal:8",
            "proposer",
            PROPOSER,
        );
        let decide =
            |openings| deciding(2, "notice-decided", "notice:4 outcome:original", openings);
        // A mismatched opening: another organisation than the one committed to.
        let mut seals = Seals::default();
        seals.see(&proposed).unwrap();
        let forged = decide(vec![opening(
            1,
            "proposer",
            "notice:4 proposal:8 organisation:12",
        )]);
        assert!(seals.see(&forged).unwrap_err().contains("does not match"));
        // The right text under another salt.
        let mut seals = Seals::default();
        seals.see(&proposed).unwrap();
        assert!(
            seals
                .see(&decide(vec![opening(9, "proposer", PROPOSER)]))
                .is_err()
        );
        // Left out.
        let mut seals = Seals::default();
        seals.see(&proposed).unwrap();
        assert!(seals.see(&decide(vec![])).unwrap_err().contains("unopened"));
        // Opened twice.
        let mut seals = Seals::default();
        seals.see(&proposed).unwrap();
        let twice = decide(vec![
            opening(1, "proposer", PROPOSER),
            opening(1, "proposer", PROPOSER),
        ]);
        assert!(seals.see(&twice).is_err());
        // Opened by a call's decision of the same number.
        let mut seals = Seals::default();
        seals.see(&proposed).unwrap();
        let award = deciding(
            2,
            "call-cancelled",
            "call:4",
            vec![opening(1, "proposer", PROPOSER)],
        );
        assert!(seals.see(&award).is_err());
        // Opened by anything else.
        let mut seals = Seals::default();
        seals.see(&proposed).unwrap();
        let other = deciding(
            2,
            "stage-agreed",
            "notice:4",
            vec![opening(1, "proposer", PROPOSER)],
        );
        assert!(seals.see(&other).is_err());
        // A proposer sealed for a call, or for nothing, has nothing to open it.
        let mut seals = Seals::default();
        let misplaced = sealing(
            1,
            "alternative-proposed",
            "call:4 proposal:8",
            "proposer",
            PROPOSER,
        );
        assert!(
            seals
                .see(&misplaced)
                .unwrap_err()
                .contains("names no notice")
        );
        let misplaced = sealing(1, "application-received", "notice:4", "applicant", "x");
        assert!(seals.see(&misplaced).unwrap_err().contains("names no call"));
        // An alternative named in clear, as entries written before notices sealed, seals
        // nothing, and the notice's decision opens nothing.
        let mut seals = Seals::default();
        let clear = LogEntry {
            organisation_id: Some(11),
            commitments: Vec::new(),
            ..proposed.clone()
        };
        seals.see(&clear).unwrap();
        assert_eq!(seals.see(&decide(vec![])).unwrap(), vec![]);
    }

    #[test]
    fn sealed_for_reads_its_kind_and_detail() {
        assert_eq!(SealedFor::of(None, 3), Some(SealedFor::Call(3)));
        assert_eq!(SealedFor::of(Some("notice"), 3), Some(SealedFor::Notice(3)));
        assert_eq!(SealedFor::of(Some("donation"), 3), None);
        assert_eq!(
            SealedFor::of_detail(Some("notice:12 proposal:3")),
            Some(SealedFor::Notice(12))
        );
        assert_eq!(
            SealedFor::of_detail(Some("call:5")),
            Some(SealedFor::Call(5))
        );
        assert_eq!(SealedFor::of_detail(Some("donation:5")), None);
        assert_eq!(sealed_kind("proposer"), "notice");
        assert_eq!(sealed_kind("applicant"), "call");
        assert!(is_sealed("proposer"));
    }

    #[test]
    fn pseudonyms_are_stable_per_key_and_person() {
        let key = PseudonymKey([1u8; 32]);
        let p = key.pseudonym(42);
        assert!(p.starts_with("p-") && p.len() == 14, "{p}");
        assert_eq!(key.pseudonym(42), p);
        assert_ne!(key.pseudonym(43), p);
        assert_ne!(PseudonymKey([2u8; 32]).pseudonym(42), p);
    }

    #[test]
    fn hmac_is_rfc_4231() {
        // RFC 4231 test case 2 cannot use a 32-byte key; this checks against a known value of
        // HMAC-SHA256 with the key 0x0b * 32 (computed with OpenSSL).
        let mac = hmac_sha256(&[0x0b; 32], b"Hi There");
        assert_eq!(
            hex(&mac),
            "198a607eb44bfbc69903a0f1cf2bbdc5ba0aa3f3d9ae3c1c7a3b1696a0b68cf7"
        );
    }
}

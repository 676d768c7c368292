//! Entries of the public decision log and their canonical byte encoding.
//!
//! Every decision (a stage change, a decline with its reasons, a work-plan placement, a charter
//! version or endorsement, a declaration, an exemption reason, ...) becomes one entry, appended in
//! the same transaction as the change it records. The Merkle tree ([`crate::merkle`]) is built
//! over the SHA-256 leaf hashes of these bytes, so the encoding is fixed and documented here for
//! auditors who recompute it. Each entry keeps the version it was written in, and old entries
//! keep verifying in theirs.
//!
//! Version 2, written since the record began to withhold personal details
//! ([`crate::disclosure`]):
//!
//! ```text
//! shutaf-decision-log/2\n
//! index:<decimal>\n
//! at:<decimal Unix seconds>\n
//! kind:<text>\n
//! locality:<decimal>\n          or, when there is none, the name alone: locality\n
//! initiative:<decimal>\n        or initiative\n
//! organisation:<decimal>\n      or organisation\n
//! person:<pseudonym>\n          or person\n
//! detail:<text>\n               or detail\n
//! commitment:<field> <64 hex digits>\n          (one a withheld text, in order)
//! opening:<field> <64 hex digits salt> <text>\n  (one a sealed text opened, in order)
//! ```
//!
//! A field with no value is its name alone, so an empty text (`detail:`) and no text (`detail`)
//! differ. `person` is the pseudonym of the person who took the decision
//! ([`crate::disclosure::PseudonymKey`]); names, reasons and other free text are commitments,
//! their clear text kept beside the log.
//!
//! Version 1, the first entries of hubs that began before version 2:
//!
//! ```text
//! shutaf-decision-log/1\n
//! index:<decimal>\n
//! at:<decimal Unix seconds>\n
//! kind:<text>\n
//! locality:<decimal, or nothing>\n
//! initiative:<decimal, or nothing>\n
//! organisation:<decimal, or nothing>\n
//! person:<text, or nothing>\n
//! detail:<text, or nothing>\n
//! ```
//!
//! In version 1 no value and an empty text are written the same (`detail:`), and `person` is a
//! name where the law made it public.
//!
//! In both, texts are UTF-8 as stored, with `\` written `\\`, a line feed `\n` and a carriage
//! return `\r`, so that every field is one line.

use serde::Serialize;

use crate::disclosure::{Commitment, Opening, escape, hex, unescape, unhex32};
use crate::merkle::{Hash, leaf_hash};

/// The encoding entries are written in now.
pub const CURRENT_VERSION: u32 = 2;

/// One decision on the public record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogEntry {
    /// Position in the log, from 0.
    pub index: u64,
    pub at: i64,
    /// What was decided: `stage-agreed`, `charter-endorsed`, `interests-declared`, ...
    pub kind: String,
    pub locality_id: Option<i64>,
    pub initiative_id: Option<i64>,
    /// The organisation that decided.
    pub organisation_id: Option<i64>,
    /// Version 2: the pseudonym of the person who decided. Version 1: the person's name, where
    /// the law made their part public (declarations of interest).
    pub person: Option<String>,
    /// Reasons, versions and other particulars, as text.
    pub detail: Option<String>,
    /// The encoding: 1 or 2 ([`CURRENT_VERSION`]).
    pub version: u32,
    /// Commitments to the texts the entry withholds (version 2).
    pub commitments: Vec<Commitment>,
    /// Sealed texts of earlier entries that this one opens (version 2: a call's decision).
    pub openings: Vec<Opening>,
}

fn number(value: Option<i64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// A field of version 2: `name:value`, or the name alone when there is no value.
fn field(out: &mut String, name: &str, value: Option<String>) {
    out.push_str(name);
    if let Some(value) = value {
        out.push(':');
        out.push_str(&value);
    }
    out.push('\n');
}

impl LogEntry {
    /// The canonical bytes the leaf hash is computed over, in the entry's version.
    pub fn canonical_bytes(&self) -> Vec<u8> {
        if self.version <= 1 {
            return self.canonical_v1();
        }
        let mut out = format!(
            "shutaf-decision-log/{}\nindex:{}\nat:{}\nkind:{}\n",
            self.version,
            self.index,
            self.at,
            escape(&self.kind)
        );
        field(
            &mut out,
            "locality",
            self.locality_id.map(|v| v.to_string()),
        );
        field(
            &mut out,
            "initiative",
            self.initiative_id.map(|v| v.to_string()),
        );
        field(
            &mut out,
            "organisation",
            self.organisation_id.map(|v| v.to_string()),
        );
        field(&mut out, "person", self.person.as_deref().map(escape));
        field(&mut out, "detail", self.detail.as_deref().map(escape));
        for c in &self.commitments {
            out.push_str(&format!("commitment:{}\n", commitment_line(c)));
        }
        for o in &self.openings {
            out.push_str(&format!("opening:{}\n", opening_line(o)));
        }
        out.into_bytes()
    }

    fn canonical_v1(&self) -> Vec<u8> {
        format!(
            "shutaf-decision-log/1\nindex:{}\nat:{}\nkind:{}\nlocality:{}\ninitiative:{}\norganisation:{}\nperson:{}\ndetail:{}\n",
            self.index,
            self.at,
            escape(&self.kind),
            number(self.locality_id),
            number(self.initiative_id),
            number(self.organisation_id),
            escape(self.person.as_deref().unwrap_or("")),
            escape(self.detail.as_deref().unwrap_or("")),
        )
        .into_bytes()
    }

    pub fn leaf_hash(&self) -> Hash {
        leaf_hash(&self.canonical_bytes())
    }

    /// The commitment to `field`, if the entry withholds one.
    pub fn commitment(&self, field: &str) -> Option<&Commitment> {
        self.commitments.iter().find(|c| c.field == field)
    }
}

/// `<field> <hash>`, as the encoding and the store write a commitment.
pub fn commitment_line(c: &Commitment) -> String {
    format!("{} {}", escape(&c.field), hex(&c.hash))
}

/// `<field> <salt> <text>`, as the encoding and the store write an opening.
pub fn opening_line(o: &Opening) -> String {
    format!("{} {} {}", escape(&o.field), hex(&o.salt), escape(&o.text))
}

/// Commitments as the store keeps them: [`commitment_line`]s, one a line; `None` when there are
/// none.
pub fn commitments_text(commitments: &[Commitment]) -> Option<String> {
    (!commitments.is_empty()).then(|| {
        commitments
            .iter()
            .map(commitment_line)
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// Openings as the store keeps them: [`opening_line`]s, one a line.
pub fn openings_text(openings: &[Opening]) -> Option<String> {
    (!openings.is_empty()).then(|| {
        openings
            .iter()
            .map(opening_line)
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// Reads [`commitments_text`] back.
pub fn parse_commitments(text: Option<&str>) -> Result<Vec<Commitment>, String> {
    text.map(|t| t.lines().collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .map(|line| {
            let (field, hash) = line
                .split_once(' ')
                .ok_or_else(|| format!("a commitment is `<field> <hash>`, not {line:?}"))?;
            Ok(Commitment {
                field: unescape(field),
                hash: unhex32(hash).ok_or_else(|| format!("a commitment's hash: {hash:?}"))?,
            })
        })
        .collect()
}

/// Reads [`openings_text`] back.
pub fn parse_openings(text: Option<&str>) -> Result<Vec<Opening>, String> {
    text.map(|t| t.lines().collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .map(|line| {
            let mut parts = line.splitn(3, ' ');
            let (Some(field), Some(salt), Some(text)) = (parts.next(), parts.next(), parts.next())
            else {
                return Err(format!(
                    "an opening is `<field> <salt> <text>`, not {line:?}"
                ));
            };
            Ok(Opening {
                field: unescape(field),
                salt: unhex32(salt).ok_or_else(|| format!("an opening's salt: {salt:?}"))?,
                text: unescape(text),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> LogEntry {
        LogEntry {
            index: 7,
            at: 1_800_000_000,
            kind: "stage-declined".into(),
            locality_id: Some(1),
            initiative_id: Some(42),
            organisation_id: Some(3),
            person: None,
            detail: Some("Not on the agenda\nthis year \\ sorry".into()),
            version: 1,
            commitments: Vec::new(),
            openings: Vec::new(),
        }
    }

    #[test]
    fn the_first_encoding_is_fixed_and_one_field_a_line() {
        let text = String::from_utf8(entry().canonical_bytes()).unwrap();
        assert_eq!(
            text,
            "shutaf-decision-log/1\nindex:7\nat:1800000000\nkind:stage-declined\nlocality:1\ninitiative:42\norganisation:3\nperson:\ndetail:Not on the agenda\\nthis year \\\\ sorry\n"
        );
        // Version 1 cannot tell no text from an empty one: it is kept as it was, so old
        // entries keep their hashes.
        let mut empty = entry();
        empty.detail = Some(String::new());
        let mut none = entry();
        none.detail = None;
        assert_eq!(empty.leaf_hash(), none.leaf_hash());
    }

    #[test]
    fn the_second_encoding_tells_no_value_from_an_empty_one() {
        let mut e = entry();
        e.version = 2;
        e.person = Some("p-0123456789ab".into());
        e.initiative_id = None;
        e.detail = None;
        e.commitments = vec![Commitment {
            field: "reasons".into(),
            hash: [0xab; 32],
        }];
        e.openings = vec![Opening {
            field: "applicant".into(),
            salt: [1; 32],
            text: "call:3 application:7 organisation:11".into(),
        }];
        let text = String::from_utf8(e.canonical_bytes()).unwrap();
        assert_eq!(
            text,
            format!(
                "shutaf-decision-log/2\nindex:7\nat:1800000000\nkind:stage-declined\nlocality:1\ninitiative\norganisation:3\nperson:p-0123456789ab\ndetail\ncommitment:reasons {}\nopening:applicant {} call:3 application:7 organisation:11\n",
                "ab".repeat(32),
                "01".repeat(32)
            )
        );
        let mut empty = e.clone();
        empty.detail = Some(String::new());
        assert_ne!(empty.leaf_hash(), e.leaf_hash(), "null and empty differ");
        assert!(
            String::from_utf8(empty.canonical_bytes())
                .unwrap()
                .contains("\ndetail:\n")
        );
        let mut no_person = e.clone();
        no_person.person = Some(String::new());
        assert_ne!(no_person.leaf_hash(), e.leaf_hash());
        // And the versions never give the same bytes.
        let mut v1 = e.clone();
        v1.version = 1;
        assert_ne!(v1.leaf_hash(), e.leaf_hash());
    }

    #[test]
    fn commitments_and_openings_round_trip_as_stored() {
        let commitments = vec![
            Commitment {
                field: "person-name".into(),
                hash: [3; 32],
            },
            Commitment {
                field: "reasons".into(),
                hash: [4; 32],
            },
        ];
        let text = commitments_text(&commitments);
        assert_eq!(parse_commitments(text.as_deref()).unwrap(), commitments);
        assert_eq!(commitments_text(&[]), None);
        let openings = vec![Opening {
            field: "ties".into(),
            salt: [9; 32],
            text: "call:1 ties: organisation:5 employee; organisation:6 relative\nand \\ more"
                .into(),
        }];
        let text = openings_text(&openings);
        assert_eq!(parse_openings(text.as_deref()).unwrap(), openings);
        assert!(parse_openings(Some("ties nothex text")).is_err());
        assert!(parse_commitments(Some("reasons")).is_err());
    }

    #[test]
    fn any_change_changes_the_leaf() {
        for version in [1, 2] {
            let base = LogEntry { version, ..entry() };
            let original = base.leaf_hash();
            let mut changed = base.clone();
            changed.detail = Some("Not on the agenda this year".into());
            assert_ne!(changed.leaf_hash(), original);
            let mut moved = base.clone();
            moved.index = 8;
            assert_ne!(moved.leaf_hash(), original, "reordering shows");
            // Field boundaries cannot be shifted: a newline in a text is escaped.
            let mut shifted = base.clone();
            shifted.person = Some("x\ndetail:y".into());
            shifted.detail = None;
            assert!(
                !String::from_utf8(shifted.canonical_bytes())
                    .unwrap()
                    .contains("\ndetail:y\n")
            );
        }
    }
}

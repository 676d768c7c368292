//! Entries of the public decision log and their canonical byte encoding.
//!
//! Every decision (a stage change, a decline with its reasons, a work-plan placement, a charter
//! version or endorsement, a declaration, an exemption reason, ...) becomes one entry, appended in
//! the same transaction as the change it records. The Merkle tree ([`crate::merkle`]) is built
//! over the SHA-256 leaf hashes of these bytes, so the encoding is fixed and documented here for
//! auditors who recompute it:
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
//! Texts are UTF-8 as stored, with `\` written `\\`, a line feed `\n` and a carriage return `\r`,
//! so that every field is one line.

use serde::Serialize;

use crate::merkle::{Hash, leaf_hash};

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
    /// The person, where the law makes their part public (declarations of interest).
    pub person: Option<String>,
    /// Reasons, versions and other particulars, as text.
    pub detail: Option<String>,
}

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

fn number(value: Option<i64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

impl LogEntry {
    /// The canonical bytes the leaf hash is computed over.
    pub fn canonical_bytes(&self) -> Vec<u8> {
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
        }
    }

    #[test]
    fn the_encoding_is_fixed_and_one_field_a_line() {
        let text = String::from_utf8(entry().canonical_bytes()).unwrap();
        assert_eq!(
            text,
            "shutaf-decision-log/1\nindex:7\nat:1800000000\nkind:stage-declined\nlocality:1\ninitiative:42\norganisation:3\nperson:\ndetail:Not on the agenda\\nthis year \\\\ sorry\n"
        );
    }

    #[test]
    fn any_change_changes_the_leaf() {
        let original = entry().leaf_hash();
        let mut changed = entry();
        changed.detail = Some("Not on the agenda this year".into());
        assert_ne!(changed.leaf_hash(), original);
        let mut moved = entry();
        moved.index = 8;
        assert_ne!(moved.leaf_hash(), original, "reordering shows");
        // Field boundaries cannot be shifted: a newline in a text is escaped.
        let mut shifted = entry();
        shifted.person = Some("x\ndetail:y".into());
        shifted.detail = None;
        assert!(
            !String::from_utf8(shifted.canonical_bytes())
                .unwrap()
                .contains("\ndetail:y\n")
        );
    }
}

//! Signed checkpoints of the decision log and their witnesses, in the C2SP formats that
//! existing transparency-log tooling reads (Go's `sumdb/note`, `transparency-dev`, Sigsum,
//! Sunlight, ...):
//!
//! - **checkpoint** (c2sp.org/tlog-checkpoint): the note text `<origin>\n<size>\n<base64
//!   root>\n`, then optional extension lines (the hub writes none);
//! - **signed note** (c2sp.org/signed-note): the text, a blank line, and one line a signature,
//!   `— <key name> base64(key id || signature)`, the key id being the first four bytes of
//!   `SHA-256(key name || 0x0A || type || public key)`; the hub signs with Ed25519 (type
//!   `0x01`) under its origin as key name;
//! - **verifier key** (vkey): `<name>+<8 hex digits of key id>+base64(type || public key)`, the
//!   text an auditor or a witness is configured with;
//! - **cosignature** (c2sp.org/tlog-cosignature): a witness's timestamped Ed25519 signature
//!   (type `0x04`) over `cosignature/v1\ntime <seconds>\n` followed by the checkpoint text;
//! - **add-checkpoint** (c2sp.org/tlog-witness): the request a witness answers with its
//!   cosignature, `old <size>\n`, the consistency proof a base64 hash a line, a blank line and
//!   the signed checkpoint, and the checks a witness makes before cosigning
//!   ([`check_add_checkpoint`]).
//!
//! Pure: parsing, encoding, signing with a given key and verifying. Keys, state and HTTP live in
//! the store, the web layer and `shutaf witness`.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

use crate::merkle::{self, Hash};

/// The signature line's lead: an em dash and a space.
const DASH: &str = "\u{2014} ";
/// Signatures read from one note at most (the spec asks for at least 16).
pub const MAX_SIGNATURES: usize = 64;
/// Bytes of a note at most: a checkpoint with its signatures is a few hundred.
pub const MAX_NOTE_BYTES: usize = 32 * 1024;
/// Consistency proof lines an add-checkpoint request may carry (the spec's bound).
pub const MAX_PROOF_LINES: usize = 63;
/// The header line of a v1 cosignature's signed message.
const COSIGNATURE_HEADER: &str = "cosignature/v1\n";

/// What kind of signature a key makes: the signature type byte of the signed-note spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Algorithm {
    /// Plain Ed25519 over the note text (`0x01`): how a log signs its checkpoints.
    Ed25519,
    /// A witness's timestamped Ed25519 cosignature (`0x04`, tlog-cosignature v1).
    CosignatureV1,
}

impl Algorithm {
    pub fn byte(self) -> u8 {
        match self {
            Algorithm::Ed25519 => 0x01,
            Algorithm::CosignatureV1 => 0x04,
        }
    }

    fn of_byte(byte: u8) -> Option<Algorithm> {
        match byte {
            0x01 => Some(Algorithm::Ed25519),
            0x04 => Some(Algorithm::CosignatureV1),
            _ => None,
        }
    }
}

/// Why a note, checkpoint, key or request could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoteError {
    #[error("a key name must be non-empty, without spaces or '+': {0:?}")]
    BadName(String),
    #[error("not a verifier key (<name>+<key id>+<base64 key>): {0}")]
    BadKey(String),
    #[error("not a signed note: {0}")]
    BadNote(String),
    #[error("not a checkpoint: {0}")]
    BadCheckpoint(String),
    #[error("not an add-checkpoint request: {0}")]
    BadRequest(String),
}

/// Whether `name` may name a key (and so be a checkpoint's origin): non-empty, no Unicode
/// space, no `+`.
pub fn valid_name(name: &str) -> bool {
    !name.is_empty() && !name.chars().any(|c| c.is_whitespace() || c == '+')
}

/// The key id: the first four bytes, big-endian, of `SHA-256(name || 0x0A || type || key)`.
pub fn key_id(name: &str, algorithm: Algorithm, public_key: &[u8; 32]) -> u32 {
    let mut hasher = Sha256::new();
    hasher.update(name.as_bytes());
    hasher.update([0x0A, algorithm.byte()]);
    hasher.update(public_key);
    let digest = hasher.finalize();
    u32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]])
}

/// A public key that checks one kind of note signature, under one name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifierKey {
    name: String,
    algorithm: Algorithm,
    key: VerifyingKey,
}

impl VerifierKey {
    pub fn new(
        name: &str,
        algorithm: Algorithm,
        key: VerifyingKey,
    ) -> Result<VerifierKey, NoteError> {
        if !valid_name(name) {
            return Err(NoteError::BadName(name.to_owned()));
        }
        Ok(VerifierKey {
            name: name.to_owned(),
            algorithm,
            key,
        })
    }

    /// Reads a vkey, `<name>+<hex key id>+<base64(type || key)>`; the key id must be the one
    /// the name and key give.
    pub fn parse(text: &str) -> Result<VerifierKey, NoteError> {
        let bad = |why: &str| NoteError::BadKey(why.to_owned());
        let text = text.trim();
        // The base64 part may itself hold '+': split at the first two only.
        let mut parts = text.splitn(3, '+');
        let (Some(name), Some(id), Some(key)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad("it needs three parts joined by '+'"));
        };
        if !valid_name(name) {
            return Err(NoteError::BadName(name.to_owned()));
        }
        if id.len() != 8 {
            return Err(bad("the key id must be 8 hex digits"));
        }
        let id = u32::from_str_radix(id, 16).map_err(|_| bad("the key id is not hex"))?;
        let bytes = STANDARD
            .decode(key)
            .map_err(|_| bad("the key is not base64"))?;
        let [kind, public @ ..] = bytes.as_slice() else {
            return Err(bad("the key is empty"));
        };
        let algorithm = Algorithm::of_byte(*kind)
            .ok_or_else(|| bad("the key's type is neither Ed25519 (01) nor cosignature (04)"))?;
        let public: [u8; 32] = public
            .try_into()
            .map_err(|_| bad("an Ed25519 key is 32 bytes"))?;
        let key = VerifyingKey::from_bytes(&public).map_err(|_| bad("not an Ed25519 key"))?;
        let vkey = VerifierKey::new(name, algorithm, key)?;
        if vkey.key_id() != id {
            return Err(bad("the key id does not match the name and key"));
        }
        Ok(vkey)
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn algorithm(&self) -> Algorithm {
        self.algorithm
    }

    pub fn public_key(&self) -> &VerifyingKey {
        &self.key
    }

    pub fn key_id(&self) -> u32 {
        key_id(&self.name, self.algorithm, self.key.as_bytes())
    }

    /// Whether `signature` claims to be by this key (name and key id): only those are checked,
    /// others are ignored, as the spec requires.
    pub fn names(&self, signature: &NoteSignature) -> bool {
        signature.name == self.name && signature.key_id == self.key_id()
    }

    /// Checks a signature that [`VerifierKey::names`] this key, over `text`: the cosignature's
    /// time for a cosignature (0 for a plain signature), or `None` when it does not verify.
    fn check(&self, text: &str, signature: &NoteSignature) -> Option<u64> {
        match self.algorithm {
            Algorithm::Ed25519 => {
                let bytes: [u8; 64] = signature.signature.as_slice().try_into().ok()?;
                self.key
                    .verify_strict(text.as_bytes(), &Signature::from_bytes(&bytes))
                    .ok()?;
                Some(0)
            }
            Algorithm::CosignatureV1 => {
                let (time, bytes) = signature.signature.split_first_chunk::<8>()?;
                let bytes: [u8; 64] = bytes.try_into().ok()?;
                let time = u64::from_be_bytes(*time);
                self.key
                    .verify_strict(
                        &cosigned_message(text, time),
                        &Signature::from_bytes(&bytes),
                    )
                    .ok()?;
                Some(time)
            }
        }
    }
}

impl std::fmt::Display for VerifierKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut bytes = vec![self.algorithm.byte()];
        bytes.extend_from_slice(self.key.as_bytes());
        write!(
            f,
            "{}+{:08x}+{}",
            self.name,
            self.key_id(),
            STANDARD.encode(bytes)
        )
    }
}

/// One signature line of a note: who signed (name and key id) and the signature's bytes after
/// the key id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteSignature {
    pub name: String,
    pub key_id: u32,
    pub signature: Vec<u8>,
}

impl NoteSignature {
    /// The line, `— <name> base64(key id || signature)\n`.
    pub fn line(&self) -> String {
        let mut bytes = self.key_id.to_be_bytes().to_vec();
        bytes.extend_from_slice(&self.signature);
        format!("{DASH}{} {}\n", self.name, STANDARD.encode(bytes))
    }

    /// Reads one line (without its newline).
    pub fn parse_line(line: &str) -> Result<NoteSignature, NoteError> {
        let bad = |why: &str| NoteError::BadNote(why.to_owned());
        let rest = line
            .strip_prefix(DASH)
            .ok_or_else(|| bad("a signature line starts with an em dash and a space"))?;
        let (name, encoded) = rest
            .split_once(' ')
            .ok_or_else(|| bad("a signature line is a key name, a space and base64"))?;
        if !valid_name(name) {
            return Err(NoteError::BadName(name.to_owned()));
        }
        let bytes = STANDARD
            .decode(encoded)
            .map_err(|_| bad("a signature is not base64"))?;
        let (id, signature) = bytes
            .split_first_chunk::<4>()
            .ok_or_else(|| bad("a signature is shorter than its key id"))?;
        Ok(NoteSignature {
            name: name.to_owned(),
            key_id: u32::from_be_bytes(*id),
            signature: signature.to_vec(),
        })
    }
}

/// A signed note: its text (ending in a newline) and its signatures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub text: String,
    pub signatures: Vec<NoteSignature>,
}

/// What a key says of a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verification {
    /// No signature line names the key.
    Absent,
    /// A signature by the key verifies; a cosignature's time (0 for a plain signature).
    Valid(u64),
    /// A line names the key, and it does not verify: the note must be refused.
    Invalid,
}

impl Note {
    /// Reads a signed note: valid UTF-8 without control characters but newlines, the text up
    /// to the last blank line, then one or more signature lines.
    pub fn parse(message: &str) -> Result<Note, NoteError> {
        let bad = |why: &str| NoteError::BadNote(why.to_owned());
        if message.len() > MAX_NOTE_BYTES {
            return Err(bad("it is too long"));
        }
        if message.chars().any(|c| c < ' ' && c != '\n') {
            return Err(bad("it holds control characters"));
        }
        let split = message
            .rfind("\n\n")
            .ok_or_else(|| bad("no blank line separates the text from its signatures"))?;
        let (text, signatures) = (&message[..split + 1], &message[split + 2..]);
        let lines = signatures
            .strip_suffix('\n')
            .ok_or_else(|| bad("it does not end in a newline"))?;
        if lines.is_empty() {
            return Err(bad("it has no signature"));
        }
        let signatures = lines
            .split('\n')
            .map(NoteSignature::parse_line)
            .collect::<Result<Vec<_>, _>>()?;
        if signatures.len() > MAX_SIGNATURES {
            return Err(bad("it has too many signatures"));
        }
        Ok(Note {
            text: text.to_owned(),
            signatures,
        })
    }

    /// The note as sent: the text, a blank line, a line a signature.
    pub fn encode(&self) -> String {
        let mut out = self.text.clone();
        out.push('\n');
        for signature in &self.signatures {
            out.push_str(&signature.line());
        }
        out
    }

    /// What `key` says of this note. A note that several lines claim for the key is valid only
    /// if each of them verifies.
    pub fn verify(&self, key: &VerifierKey) -> Verification {
        let mut result = Verification::Absent;
        for signature in self.signatures.iter().filter(|s| key.names(s)) {
            match key.check(&self.text, signature) {
                Some(time) => result = Verification::Valid(time),
                None => return Verification::Invalid,
            }
        }
        result
    }

    /// Adds a signature, unless one by the same name and key id is there already.
    pub fn add(&mut self, signature: NoteSignature) -> bool {
        if self
            .signatures
            .iter()
            .any(|s| s.name == signature.name && s.key_id == signature.key_id)
        {
            return false;
        }
        self.signatures.push(signature);
        true
    }
}

/// Signs `text` with Ed25519 under `name` (type `0x01`).
pub fn sign(text: &str, name: &str, key: &SigningKey) -> NoteSignature {
    NoteSignature {
        name: name.to_owned(),
        key_id: key_id(name, Algorithm::Ed25519, key.verifying_key().as_bytes()),
        signature: key.sign(text.as_bytes()).to_bytes().to_vec(),
    }
}

/// What a v1 cosignature signs: the header, the time, the checkpoint's text.
fn cosigned_message(text: &str, time: u64) -> Vec<u8> {
    format!("{COSIGNATURE_HEADER}time {time}\n{text}").into_bytes()
}

/// A witness's v1 cosignature of a checkpoint's text under `name` (type `0x04`), made at `time`
/// (Unix seconds).
pub fn cosign(text: &str, name: &str, key: &SigningKey, time: u64) -> NoteSignature {
    let mut signature = time.to_be_bytes().to_vec();
    signature.extend_from_slice(&key.sign(&cosigned_message(text, time)).to_bytes());
    NoteSignature {
        name: name.to_owned(),
        key_id: key_id(
            name,
            Algorithm::CosignatureV1,
            key.verifying_key().as_bytes(),
        ),
        signature,
    }
}

/// A tree head in the tlog-checkpoint form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    /// Which log: the hub's origin (by default its address without the scheme).
    pub origin: String,
    pub size: u64,
    pub root: Hash,
    /// Opaque lines after the root; the hub writes none.
    pub extensions: Vec<String>,
}

impl Checkpoint {
    pub fn new(origin: &str, size: u64, root: Hash) -> Checkpoint {
        Checkpoint {
            origin: origin.to_owned(),
            size,
            root,
            extensions: Vec::new(),
        }
    }

    /// The note text: `<origin>\n<size>\n<base64 root>\n`, then each extension line.
    pub fn text(&self) -> String {
        let mut text = format!(
            "{}\n{}\n{}\n",
            self.origin,
            self.size,
            STANDARD.encode(self.root)
        );
        for line in &self.extensions {
            text.push_str(line);
            text.push('\n');
        }
        text
    }

    /// Reads a note's text as a checkpoint.
    pub fn parse(text: &str) -> Result<Checkpoint, NoteError> {
        let bad = |why: &str| NoteError::BadCheckpoint(why.to_owned());
        let body = text
            .strip_suffix('\n')
            .ok_or_else(|| bad("it does not end in a newline"))?;
        let mut lines = body.split('\n');
        let (Some(origin), Some(size), Some(root)) = (lines.next(), lines.next(), lines.next())
        else {
            return Err(bad("it needs an origin, a size and a root, a line each"));
        };
        if origin.is_empty() {
            return Err(bad("its origin is empty"));
        }
        let canonical = size == "0" || (!size.starts_with('0') && !size.is_empty());
        if !canonical || !size.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("its size is not a decimal without leading zeroes"));
        }
        let size = size.parse().map_err(|_| bad("its size is too large"))?;
        let root: Hash = STANDARD
            .decode(root)
            .ok()
            .and_then(|bytes| bytes.try_into().ok())
            .ok_or_else(|| bad("its root is not the base64 of 32 bytes"))?;
        let extensions: Vec<String> = lines.map(str::to_owned).collect();
        if extensions.iter().any(String::is_empty) {
            return Err(bad("an extension line is empty"));
        }
        Ok(Checkpoint {
            origin: origin.to_owned(),
            size,
            root,
            extensions,
        })
    }

    /// The checkpoint signed by the log's key under its origin: the signed note.
    pub fn sign(&self, key: &SigningKey) -> Note {
        let text = self.text();
        let signature = sign(&text, &self.origin, key);
        Note {
            text,
            signatures: vec![signature],
        }
    }
}

/// Reads a signed checkpoint and checks it is signed by `log` (whose name is its origin): the
/// checkpoint and the note with every signature it carries, checked or not.
pub fn open(message: &str, log: &VerifierKey) -> Result<(Checkpoint, Note), NoteError> {
    let note = Note::parse(message)?;
    let checkpoint = Checkpoint::parse(&note.text)?;
    if checkpoint.origin != log.name() {
        return Err(NoteError::BadCheckpoint(format!(
            "its origin is {:?}, not {:?}",
            checkpoint.origin,
            log.name()
        )));
    }
    match note.verify(log) {
        Verification::Valid(_) => Ok((checkpoint, note)),
        Verification::Absent => Err(NoteError::BadNote(format!("it is not signed by {}", log))),
        Verification::Invalid => Err(NoteError::BadNote(format!(
            "its signature by {} does not verify",
            log
        ))),
    }
}

/// The witnesses among `witnesses` whose cosignatures of `note` verify, each once, with the
/// time it cosigned; and whether any cosignature naming one of them failed.
pub fn cosigners<'a>(
    note: &Note,
    witnesses: &'a [VerifierKey],
) -> (Vec<(&'a VerifierKey, u64)>, bool) {
    let mut valid = Vec::new();
    let mut failed = false;
    for witness in witnesses {
        if valid
            .iter()
            .any(|(w, _): &(&VerifierKey, u64)| w.key == witness.key)
        {
            continue;
        }
        match note.verify(witness) {
            Verification::Valid(time) => valid.push((witness, time)),
            Verification::Invalid => failed = true,
            Verification::Absent => {}
        }
    }
    (valid, failed)
}

/// A witness's request (tlog-witness `add-checkpoint`): the size of the checkpoint it cosigned
/// last for this log, the consistency proof from there, and the new signed checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddCheckpoint {
    pub old_size: u64,
    pub proof: Vec<Hash>,
    /// The signed note, as sent.
    pub checkpoint: String,
}

impl AddCheckpoint {
    /// The request body: `old <size>\n`, a base64 hash a line, a blank line, the checkpoint.
    pub fn encode(&self) -> String {
        let mut out = format!("old {}\n", self.old_size);
        for hash in &self.proof {
            out.push_str(&STANDARD.encode(hash));
            out.push('\n');
        }
        out.push('\n');
        out.push_str(&self.checkpoint);
        out
    }

    pub fn parse(body: &str) -> Result<AddCheckpoint, NoteError> {
        let bad = |why: &str| NoteError::BadRequest(why.to_owned());
        let (head, checkpoint) = body
            .split_once("\n\n")
            .ok_or_else(|| bad("no blank line before the checkpoint"))?;
        let mut lines = head.split('\n');
        let old = lines
            .next()
            .and_then(|line| line.strip_prefix("old "))
            .ok_or_else(|| bad("the first line is not `old <size>`"))?;
        let canonical = old == "0" || (!old.starts_with('0') && !old.is_empty());
        if !canonical || !old.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("the old size is not a decimal without leading zeroes"));
        }
        let old_size = old.parse().map_err(|_| bad("the old size is too large"))?;
        let proof = lines
            .map(|line| {
                STANDARD
                    .decode(line)
                    .ok()
                    .and_then(|bytes| Hash::try_from(bytes).ok())
                    .ok_or_else(|| bad("a proof line is not the base64 of 32 bytes"))
            })
            .collect::<Result<Vec<Hash>, _>>()?;
        if proof.len() > MAX_PROOF_LINES {
            return Err(bad("the proof has more than 63 lines"));
        }
        Ok(AddCheckpoint {
            old_size,
            proof,
            checkpoint: checkpoint.to_owned(),
        })
    }
}

/// What a witness keeps of a log: the latest checkpoint it cosigned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Witnessed {
    pub size: u64,
    pub root: Hash,
}

/// Why a witness does not cosign, with the HTTP status tlog-witness gives each.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// 400.
    #[error("{0}")]
    Malformed(NoteError),
    /// 404: no log of this origin is watched.
    #[error("no log with the origin {0:?} is watched")]
    UnknownLog(String),
    /// 403: no signature by the log's key verifies.
    #[error("the checkpoint is not signed by the log's key")]
    NotSigned,
    /// 400: the old size is larger than the checkpoint's.
    #[error("the old size {old} is larger than the checkpoint's {size}")]
    OldSizeTooLarge { old: u64, size: u64 },
    /// 409 with `text/x.tlog.size`: the caller's old size is not the one last cosigned.
    #[error("the latest cosigned checkpoint has {latest} entries, not {old}")]
    StaleOldSize { old: u64, latest: u64 },
    /// 409: a checkpoint of the size cosigned before, with another root: a fork.
    #[error("a checkpoint of {size} entries with another root was cosigned before: the log forked")]
    Forked { size: u64 },
    /// 422: the proof does not show the new checkpoint extends the old one.
    #[error("the consistency proof from {old} to {size} entries does not verify")]
    Inconsistent { old: u64, size: u64 },
}

impl Refusal {
    /// The HTTP status tlog-witness answers with.
    pub fn status(&self) -> u16 {
        match self {
            Refusal::Malformed(_) | Refusal::OldSizeTooLarge { .. } => 400,
            Refusal::NotSigned => 403,
            Refusal::UnknownLog(_) => 404,
            Refusal::StaleOldSize { .. } | Refusal::Forked { .. } => 409,
            Refusal::Inconsistent { .. } => 422,
        }
    }
}

/// The witness's checks of an add-checkpoint request (tlog-witness, in its order): the log is
/// known by the checkpoint's origin (`logs`), signed by its key, the old size is the one
/// cosigned last (`last`, by origin), and the checkpoint extends that one (the same root at the
/// same size, or a consistency proof that verifies). Gives the checkpoint to cosign; the caller
/// must record it as the log's latest in the same step as the check (atomically).
pub fn check_add_checkpoint(
    request: &AddCheckpoint,
    logs: &[VerifierKey],
    last: impl FnOnce(&str) -> Option<Witnessed>,
) -> Result<(Checkpoint, Note), Refusal> {
    let note = Note::parse(&request.checkpoint).map_err(Refusal::Malformed)?;
    let checkpoint = Checkpoint::parse(&note.text).map_err(Refusal::Malformed)?;
    let keys: Vec<&VerifierKey> = logs
        .iter()
        .filter(|key| key.name() == checkpoint.origin && key.algorithm() == Algorithm::Ed25519)
        .collect();
    if keys.is_empty() {
        return Err(Refusal::UnknownLog(checkpoint.origin));
    }
    let verdicts: Vec<Verification> = keys.iter().map(|key| note.verify(key)).collect();
    if verdicts.contains(&Verification::Invalid)
        || !verdicts.iter().any(|v| matches!(v, Verification::Valid(_)))
    {
        return Err(Refusal::NotSigned);
    }
    if request.old_size > checkpoint.size {
        return Err(Refusal::OldSizeTooLarge {
            old: request.old_size,
            size: checkpoint.size,
        });
    }
    let last = last(&checkpoint.origin);
    let latest = last.as_ref().map_or(0, |w| w.size);
    if request.old_size != latest {
        return Err(Refusal::StaleOldSize {
            old: request.old_size,
            latest,
        });
    }
    if let Some(last) = last {
        if last.size == checkpoint.size {
            if last.root != checkpoint.root {
                return Err(Refusal::Forked { size: last.size });
            }
        } else if !merkle::verify_consistency(
            last.size,
            checkpoint.size,
            &last.root,
            &checkpoint.root,
            &request.proof,
        ) {
            return Err(Refusal::Inconsistent {
                old: last.size,
                size: checkpoint.size,
            });
        }
    } else if !request.proof.is_empty() {
        // From nothing, the proof must be empty.
        return Err(Refusal::Inconsistent {
            old: 0,
            size: checkpoint.size,
        });
    }
    Ok((checkpoint, note))
}

/// The origin a hub gets by default: its base URL without the scheme or a trailing slash
/// (`https://hub.example.org/` gives `hub.example.org`), anything a key name may not hold
/// replaced by `-`.
pub fn origin_of_url(base_url: &str) -> String {
    let rest = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest)
        .trim_end_matches('/');
    let origin: String = rest
        .chars()
        .map(|c| {
            if c.is_whitespace() || c == '+' {
                '-'
            } else {
                c
            }
        })
        .collect();
    if origin.is_empty() {
        "shutaf".to_owned()
    } else {
        origin
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_come_from_the_address() {
        assert_eq!(origin_of_url("https://hub.example.org/"), "hub.example.org");
        assert_eq!(origin_of_url("http://127.0.0.1:8080"), "127.0.0.1:8080");
        assert_eq!(
            origin_of_url("https://city.example/shutaf"),
            "city.example/shutaf"
        );
        assert_eq!(origin_of_url(""), "shutaf");
    }
}

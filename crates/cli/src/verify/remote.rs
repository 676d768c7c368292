//! `shutaf verify --url`: checks ANOTHER hub's decision log through its public endpoints only
//! (`/api/v1/log/...`), trusting nothing it says that can be recomputed.
//!
//! 1. The hub's public key and its signed tree head: the Ed25519 signature must hold over
//!    [`merkle::tree_head_bytes`]; the same head as a C2SP checkpoint, signed under the hub's
//!    origin, must verify with the same key. The key is pinned on first use (the seen-heads
//!    file keeps it): a later run refuses a hub that signs with another, unless `--key` names
//!    the new one (after a rotation the auditor confirmed). With `--witness` keys: the newest
//!    checkpoint that `--quorum` of them cosigned (C2SP tlog-cosignature), found among the
//!    hub's checkpoints; today's log must extend it.
//! 2. Every entry, a page at a time: indexes contiguous from 0, each leaf hash recomputed from
//!    the entry's fields with [`shutaf_domain::decision_log::LogEntry::canonical_bytes`] (a hash or encoding the hub sends
//!    along must agree), and the root over them equal to the signed root.
//! 3. Each head seen before (the shared seen-heads file): today's first entries give its root,
//!    and the hub's consistency proof from it to today's head verifies. Today's head is kept
//!    with the hub's whole signed checkpoint: should the hub later show a log that does not
//!    continue it, the two signed checkpoints prove it to anyone.
//! 4. Inclusion proofs of the first, a middle and the last entry verify against the signed root.
//!
//! What comes over the network is hostile: every answer is bounded in size and time, parsed into
//! the expected shape or refused with the address that gave it, and never indexed unchecked.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, anyhow, bail};
use ed25519_dalek::{Signature, VerifyingKey};
use serde::de::DeserializeOwned;
use shutaf_domain::checkpoint::{self, Algorithm, Checkpoint, Note, VerifierKey};
use shutaf_domain::merkle::{self, Hash};

use super::{Seen, SeenFile, check_seen, parse_hash, read_seen, record_seen};

/// The most entries the hub gives in one `/entries` request (its documented limit).
const PAGE: u64 = 1000;
/// The most bytes of one answer: a page of a thousand entries is far smaller.
const MAX_ANSWER: usize = 32 << 20;
/// The most hashes in a proof: an audit or consistency path of a tree of up to 2^64 leaves is
/// shorter.
const MAX_PROOF: usize = 130;
/// How long one request may take, all told.
const TIMEOUT: Duration = Duration::from_secs(60);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

// The wire shapes are the API's own: one definition for the hub and its verifier.
use shutaf_web::api::log::{
    CheckpointPage, ConsistencyBody, EntryBody, InclusionBody, KeyBody, TreeHeadBody as HeadBody,
};

/// The options from the command line: witness vkeys (type 04), the quorum (all of them by
/// default), the hub's key if given.
pub fn options(
    witnesses: &[String],
    quorum: Option<usize>,
    key: Option<String>,
) -> anyhow::Result<Options> {
    let witnesses = witnesses
        .iter()
        .map(|text| {
            let key = VerifierKey::parse(text).map_err(|e| anyhow!("--witness {text}: {e}"))?;
            if key.algorithm() != Algorithm::CosignatureV1 {
                bail!("--witness {text}: a witness's key is of type 04 (cosignature/v1)");
            }
            Ok(key)
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let quorum = quorum.unwrap_or(witnesses.len());
    if !witnesses.is_empty() && (quorum == 0 || quorum > witnesses.len()) {
        bail!(
            "--quorum must be between 1 and the number of --witness keys ({})",
            witnesses.len()
        );
    }
    if witnesses.is_empty() && quorum > 0 {
        bail!("--quorum needs --witness keys");
    }
    if let Some(key) = &key {
        VerifierKey::parse(key).map_err(|e| anyhow!("--key {key}: {e}"))?;
    }
    Ok(Options {
        witnesses,
        quorum,
        key,
    })
}

/// Pages of cosigned checkpoints looked through at most for one a quorum cosigned.
const MAX_HISTORY_PAGES: usize = 20;

/// What the auditor asks beyond the log itself.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Witnesses whose cosignatures count (vkeys of type 04).
    pub witnesses: Vec<VerifierKey>,
    /// How many of them must have cosigned a checkpoint today's log extends.
    pub quorum: usize,
    /// The hub's key as the auditor knows it (a vkey): checked, and pinned instead of the one
    /// pinned before.
    pub key: Option<String>,
}

/// The seen-heads file used for a hub when `--seen` is not given: one per host and port, so
/// that the heads of different hubs are never compared with each other.
pub fn default_seen_file(url: &str) -> anyhow::Result<PathBuf> {
    let url = parse_url(url)?;
    let host: String = url
        .host_str()
        .unwrap_or("hub")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    Ok(match url.port() {
        Some(port) => PathBuf::from(format!("shutaf-seen-heads-{host}-{port}.txt")),
        None => PathBuf::from(format!("shutaf-seen-heads-{host}.txt")),
    })
}

fn parse_url(url: &str) -> anyhow::Result<reqwest::Url> {
    let parsed = reqwest::Url::parse(url).with_context(|| {
        format!("--url must be a hub's address, such as http://hub.example.org:8080, not {url:?}")
    })?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        bail!("--url must be an http:// or https:// address, not {url:?}");
    }
    Ok(parsed)
}

/// A short, printable excerpt of an answer, for error messages.
pub(crate) fn excerpt(body: &[u8]) -> String {
    let text: String = String::from_utf8_lossy(body)
        .chars()
        .take(200)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    text.trim().to_owned()
}

/// A hub reached over HTTP: every answer bounded in size and time. Also what `shutaf witness`
/// polls hubs with.
pub(crate) struct Hub {
    client: reqwest::Client,
    pub(crate) base: String,
}

impl Hub {
    pub(crate) fn new(url: &str) -> anyhow::Result<Self> {
        parse_url(url)?;
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .connect_timeout(CONNECT_TIMEOUT)
            .redirect(reqwest::redirect::Policy::limited(3))
            .user_agent(concat!("shutaf-verify/", env!("CARGO_PKG_VERSION")))
            .build()
            .context("cannot set up the HTTP client")?;
        Ok(Hub {
            client,
            base: url.trim_end_matches('/').to_owned(),
        })
    }

    /// Sends a request to `path` and reads the answer, bounded in size: its status and body.
    async fn exchange(
        &self,
        request: reqwest::RequestBuilder,
        url: &str,
    ) -> anyhow::Result<(reqwest::StatusCode, Vec<u8>)> {
        let mut response = request
            .send()
            .await
            .with_context(|| format!("cannot reach {url}"))?;
        let status = response.status();
        if response
            .content_length()
            .is_some_and(|length| length > MAX_ANSWER as u64)
        {
            bail!("{url} answers with more than {} MiB", MAX_ANSWER >> 20);
        }
        let mut body = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .with_context(|| format!("the answer of {url} broke off"))?
        {
            if body.len() + chunk.len() > MAX_ANSWER {
                bail!("{url} answers with more than {} MiB", MAX_ANSWER >> 20);
            }
            body.extend_from_slice(&chunk);
        }
        Ok((status, body))
    }

    /// GETs `path` (with its query) and parses the JSON answer, bounded in size.
    pub(crate) async fn get<T: DeserializeOwned>(&self, path: &str) -> anyhow::Result<T> {
        let url = format!("{}{path}", self.base);
        let request = self
            .client
            .get(&url)
            .header(reqwest::header::ACCEPT, "application/json");
        let (status, body) = self.exchange(request, &url).await?;
        if !status.is_success() {
            bail!("{url} answered {status}: {}", excerpt(&body));
        }
        serde_json::from_slice(&body).map_err(|e| {
            anyhow!(
                "{url} did not answer with the expected JSON ({e}): {}",
                excerpt(&body)
            )
        })
    }

    /// GETs `path` as UTF-8 text (a signed note).
    pub(crate) async fn get_text(&self, path: &str) -> anyhow::Result<String> {
        let url = format!("{}{path}", self.base);
        let request = self
            .client
            .get(&url)
            .header(reqwest::header::ACCEPT, "text/plain");
        let (status, body) = self.exchange(request, &url).await?;
        if !status.is_success() {
            bail!("{url} answered {status}: {}", excerpt(&body));
        }
        String::from_utf8(body).map_err(|_| anyhow!("{url} did not answer with UTF-8 text"))
    }

    /// POSTs `body` as text to `path`: the answer's status and text (bounded), whatever it is.
    pub(crate) async fn post_text(
        &self,
        path: &str,
        body: String,
    ) -> anyhow::Result<(reqwest::StatusCode, String)> {
        let url = format!("{}{path}", self.base);
        let request = self
            .client
            .post(&url)
            .header(reqwest::header::CONTENT_TYPE, "text/plain; charset=utf-8")
            .body(body);
        let (status, body) = self.exchange(request, &url).await?;
        Ok((status, String::from_utf8_lossy(&body).into_owned()))
    }
}

/// A hash the hub sends, or a clear error naming what it was.
fn remote_hash(text: &str, what: &str) -> anyhow::Result<Hash> {
    parse_hash(text).with_context(|| format!("{what} from the hub is not 64 hex digits"))
}

/// A proof's hashes, bounded in number.
pub(crate) fn remote_proof(hashes: &[String], what: &str) -> anyhow::Result<Vec<Hash>> {
    if hashes.len() > MAX_PROOF {
        bail!(
            "{what} has {} hashes, more than any tree needs",
            hashes.len()
        );
    }
    hashes.iter().map(|h| remote_hash(h, what)).collect()
}

/// The hub's signed head, its signatures checked.
struct Head {
    key: VerifyingKey,
    size: u64,
    root: Hash,
    /// When the hub signed it.
    at: i64,
    /// The hub's checkpoint key and signed note (with cosignatures), unless the hub predates
    /// checkpoints.
    checkpoint: Option<(VerifierKey, String)>,
}

impl Head {
    /// What the seen-heads file pins: the vkey, or the hex key of a hub without checkpoints.
    fn identity(&self) -> String {
        match &self.checkpoint {
            Some((vkey, _)) => vkey.to_string(),
            None => hex::encode(self.key.to_bytes()),
        }
    }
}

/// The hub's key and signed head, the signatures checked.
async fn signed_head(hub: &Hub) -> anyhow::Result<Head> {
    let key_body: KeyBody = hub.get("/api/v1/log/key").await?;
    let key_bytes: [u8; 32] = hex::decode(key_body.public_key.trim())
        .ok()
        .and_then(|bytes| bytes.try_into().ok())
        .context("the hub's public key is not 64 hex digits")?;
    let key = VerifyingKey::from_bytes(&key_bytes)
        .map_err(|_| anyhow!("the hub's public key is not an Ed25519 key"))?;
    let head: HeadBody = hub
        .get("/api/v1/log/head")
        .await
        .context("THE HUB GIVES NO VALID SIGNED TREE HEAD")?;
    let sent = &head.public_key;
    if !sent.trim().eq_ignore_ascii_case(&hex::encode(key_bytes)) {
        bail!(
            "THE HUB SIGNS WITH ANOTHER KEY THAN IT PUBLISHES: {} at /api/v1/log/key, {sent} with its head",
            hex::encode(key_bytes)
        );
    }
    let root = remote_hash(&head.root, "the signed head's root")?;
    let signature: [u8; 64] = hex::decode(head.signature.trim())
        .ok()
        .and_then(|bytes| bytes.try_into().ok())
        .context("THE TREE HEAD'S SIGNATURE IS NOT VALID: it is not 128 hex digits")?;
    key.verify_strict(
        &merkle::tree_head_bytes(head.size, &root, head.at),
        &Signature::from_bytes(&signature),
    )
    .map_err(|_| {
        anyhow!(
            "THE TREE HEAD'S SIGNATURE IS NOT VALID: the head of {} entries, root {}, is not signed by the hub's key {}",
            head.size,
            head.root,
            hex::encode(key_bytes)
        )
    })?;
    // A hub before checkpoints sends none; one that does must sign it with the same key.
    let checkpoint = if head.checkpoint.is_empty() {
        None
    } else {
        let vkey = VerifierKey::new(&head.origin, Algorithm::Ed25519, key).map_err(|e| {
            anyhow!("THE CHECKPOINT'S SIGNATURE IS NOT VALID: the hub's origin is no key name: {e}")
        })?;
        if !key_body.vkey.is_empty() && key_body.vkey.trim() != vkey.to_string() {
            bail!(
                "THE HUB SIGNS WITH ANOTHER KEY THAN IT PUBLISHES: {} at /api/v1/log/key, {vkey} with its checkpoint",
                key_body.vkey
            );
        }
        let (signed, _) = checkpoint::open(&head.checkpoint, &vkey)
            .map_err(|e| anyhow!("THE CHECKPOINT'S SIGNATURE IS NOT VALID: {e}"))?;
        if signed.size != head.size || signed.root != root {
            bail!(
                "THE HUB'S CHECKPOINT IS NOT ITS SIGNED HEAD: the checkpoint has {} entries, root {}; the head {}, root {}",
                signed.size,
                hex::encode(signed.root),
                head.size,
                head.root
            );
        }
        Some((vkey, head.checkpoint))
    };
    Ok(Head {
        key,
        size: head.size,
        root,
        at: head.at,
        checkpoint,
    })
}

/// The key to pin (trust on first use): the hub's, unless it differs from the one pinned before
/// and the auditor did not name the new one with `--key`.
fn pin(file: &SeenFile, head: &Head, options: &Options, path: &Path) -> anyhow::Result<String> {
    let current = head.identity();
    if let Some(given) = &options.key {
        let given = given.trim();
        if given != current && given != hex::encode(head.key.to_bytes()) {
            bail!(
                "THE HUB DOES NOT SIGN WITH THE KEY GIVEN: --key {given}, the hub signs with {current}"
            );
        }
        return Ok(current);
    }
    let Some(pinned) = &file.key else {
        return Ok(current);
    };
    // A hub pinned before it served checkpoints is pinned by its bare key: the same key is no
    // change.
    if *pinned == current || *pinned == hex::encode(head.key.to_bytes()) {
        return Ok(current);
    }
    bail!(
        "THE HUB'S KEY CHANGED: {} pins {pinned}, the hub now signs with {current}. A hub changes its key only after announcing it (on its /auditors page, and to its witnesses); if you have confirmed the new key independently, run again with --key {current}",
        path.display()
    )
}

/// A checkpoint the witnesses cosigned.
struct Witnessed {
    size: u64,
    root: Hash,
    /// The names of the witnesses that cosigned it, and when (Unix seconds).
    cosigners: Vec<(String, u64)>,
}

/// The cosigners among `options.witnesses` of a signed checkpoint of the hub's origin (none
/// when it is not one).
fn cosigned(
    note: &str,
    origin: &str,
    options: &Options,
) -> Option<(Checkpoint, Vec<(String, u64)>)> {
    let note = Note::parse(note).ok()?;
    let checkpoint = Checkpoint::parse(&note.text).ok()?;
    if checkpoint.origin != origin {
        return None;
    }
    let (valid, _) = checkpoint::cosigners(&note, &options.witnesses);
    let names = valid
        .into_iter()
        .map(|(key, time)| (key.name().to_owned(), time))
        .collect();
    Some((checkpoint, names))
}

/// The newest checkpoint of at most `head.size` entries that a quorum of the witnesses given
/// cosigned: the head's own, or one of the hub's earlier ones (a witness cosigns some time after
/// the hub signs). The witnesses' cosignatures are the trust here: they checked the hub's
/// signature and the log's consistency with what they saw before.
async fn witnessed(hub: &Hub, head: &Head, options: &Options) -> anyhow::Result<Witnessed> {
    let Some((vkey, note)) = &head.checkpoint else {
        bail!("THE HUB SERVES NO CHECKPOINT: no witness can have cosigned its log");
    };
    let origin = vkey.name();
    let enough = |found: Option<(Checkpoint, Vec<(String, u64)>)>| {
        found.filter(|(checkpoint, cosigners)| {
            checkpoint.size <= head.size && cosigners.len() >= options.quorum
        })
    };
    if let Some((checkpoint, cosigners)) = enough(cosigned(note, origin, options)) {
        return Ok(Witnessed {
            size: checkpoint.size,
            root: checkpoint.root,
            cosigners,
        });
    }
    let mut before: Option<u64> = None;
    for _ in 0..MAX_HISTORY_PAGES {
        let path = match before {
            Some(before) => {
                format!("/api/v1/log/checkpoints?cosigned=true&limit=100&before={before}")
            }
            None => "/api/v1/log/checkpoints?cosigned=true&limit=100".to_owned(),
        };
        let page: CheckpointPage = hub.get(&path).await?;
        for body in &page.checkpoints {
            if let Some((checkpoint, cosigners)) =
                enough(cosigned(&body.checkpoint, origin, options))
            {
                return Ok(Witnessed {
                    size: checkpoint.size,
                    root: checkpoint.root,
                    cosigners,
                });
            }
        }
        match page.next_before {
            // Keyset pages go down in size; a hub that says otherwise is not followed.
            Some(next) if before.is_none_or(|b| next < b) => before = Some(next),
            _ => break,
        }
    }
    bail!(
        "NO CHECKPOINT OF THE HUB IS COSIGNED BY {} OF THE {} WITNESS(ES) GIVEN: the log cannot be shown to be the one the witnesses saw (a witness may not have cosigned yet: try again later, or ask its operator)",
        options.quorum,
        options.witnesses.len()
    )
}

/// Every entry's leaf hash, recomputed from its fields, fetched a page at a time.
async fn leaves(
    hub: &Hub,
    size: u64,
    progress: &indicatif::ProgressBar,
) -> anyhow::Result<Vec<Hash>> {
    // The size is the hub's word: the vector grows with what actually arrives.
    let mut leaves = Vec::with_capacity(size.min(PAGE) as usize);
    let mut seals = shutaf_domain::disclosure::Seals::default();
    let mut next = 0u64;
    while next < size {
        let end = size.min(next.saturating_add(PAGE));
        let page: Vec<EntryBody> = hub
            .get(&format!("/api/v1/log/entries?start={next}&end={end}"))
            .await?;
        if page.is_empty() {
            bail!(
                "THE DECISION LOG IS NOT INTACT: the hub has no entry {next}, though its signed head counts {size}"
            );
        }
        if page.len() as u64 > end - next {
            bail!(
                "THE DECISION LOG IS NOT INTACT: asked for entries {next} to {}, the hub sent {}",
                end - 1,
                page.len()
            );
        }
        for sent in page {
            if sent.index != next {
                bail!(
                    "THE DECISION LOG IS NOT INTACT: entry {next} is missing or out of order (the hub sent entry {} in its place)",
                    sent.index
                );
            }
            // Recomputed from the fields; the hash and encoding sent beside them are compared,
            // never trusted.
            let entry = sent.entry();
            // What a call's decision opens, and what is shown beside the entry, match what
            // the entries committed to (verify::tables).
            super::tables::check_sent(&mut seals, &entry, &sent.disclosures)?;
            let canonical = entry.canonical_bytes();
            let leaf = merkle::leaf_hash(&canonical);
            let hash = &sent.leaf_hash;
            if !hash.is_empty() && remote_hash(hash, "an entry's leaf hash")? != leaf {
                bail!(
                    "THE DECISION LOG IS NOT INTACT: entry {next}'s fields do not give the hash the hub sends with it ({} recomputed, {hash} sent)",
                    hex::encode(leaf)
                );
            }
            if !sent.canonical.is_empty() && sent.canonical.as_bytes() != canonical.as_slice() {
                bail!(
                    "THE DECISION LOG IS NOT INTACT: entry {next}'s fields do not give the canonical encoding the hub sends with it"
                );
            }
            leaves.push(leaf);
            next += 1;
        }
        progress.set_position(next);
    }
    Ok(leaves)
}

/// The hub's consistency proof from a head seen before to today's head.
async fn check_consistency(hub: &Hub, old: &Seen, size: u64, root: &Hash) -> anyhow::Result<()> {
    let body: ConsistencyBody = hub
        .get(&format!(
            "/api/v1/log/proof/consistency?first={}&second={size}",
            old.size
        ))
        .await?;
    let fails = |why: &str| {
        anyhow!(
            "THE HUB'S CONSISTENCY PROOF FAILS: from the head of {} entries seen before (root {}) to today's {size} entries: {why}",
            old.size,
            hex::encode(old.root)
        )
    };
    if body.first != old.size || body.second != size {
        return Err(fails(&format!(
            "it is a proof from {} to {} entries",
            body.first, body.second
        )));
    }
    let proof = remote_proof(&body.proof, "the proof").map_err(|e| fails(&e.to_string()))?;
    if !merkle::verify_consistency(old.size, size, &old.root, root, &proof) {
        return Err(fails("it does not verify"));
    }
    Ok(())
}

/// The hub's inclusion proof of entry `index` in today's tree.
async fn check_inclusion(
    hub: &Hub,
    index: u64,
    leaf: &Hash,
    size: u64,
    root: &Hash,
) -> anyhow::Result<()> {
    let body: InclusionBody = hub
        .get(&format!(
            "/api/v1/log/proof/inclusion?index={index}&size={size}"
        ))
        .await?;
    let fails = |why: &str| {
        anyhow!(
            "THE HUB'S INCLUSION PROOF FAILS: entry {index} in the signed tree of {size} entries: {why}"
        )
    };
    if body.index != index || body.size != size {
        return Err(fails(&format!(
            "it is a proof of entry {} in {} entries",
            body.index, body.size
        )));
    }
    if parse_hash(&body.leaf_hash) != Some(*leaf) {
        return Err(fails("it is for another entry than the one the hub lists"));
    }
    let path =
        remote_proof(&body.audit_path, "the audit path").map_err(|e| fails(&e.to_string()))?;
    if !merkle::verify_inclusion(index, size, leaf, &path, root) {
        return Err(fails("it does not verify"));
    }
    Ok(())
}

/// Checks the hub at `url` against the heads in `seen_path` (and its pinned key), and with
/// witnesses against their cosignatures; then records today's head there, with the hub's
/// signed checkpoint.
pub async fn check(url: &str, seen_path: &Path, options: &Options) -> anyhow::Result<()> {
    let file = read_seen(seen_path)?;
    let seen = &file.heads;
    let hub = Hub::new(url)?;
    let head = signed_head(&hub).await?;
    let identity = pin(&file, &head, options, seen_path)?;
    let witnessed = if options.witnesses.is_empty() {
        None
    } else {
        Some(witnessed(&hub, &head, options).await?)
    };
    let (size, root) = (head.size, head.root);

    let progress = indicatif::ProgressBar::new(size);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} entries ({eta})")
    {
        progress.set_style(style.progress_chars("=> "));
    }
    progress.set_message("fetching and rehashing the decision log");
    let outcome = async {
        let leaves = leaves(&hub, size, &progress).await?;
        let computed = merkle::root(&leaves);
        if computed != root {
            bail!(
                "THE DECISION LOG DOES NOT MATCH ITS SIGNED HEAD: its {size} entries give the root {}, the hub signed {}",
                hex::encode(computed),
                hex::encode(root)
            );
        }
        if let Some(witnessed) = &witnessed {
            let then = merkle::root(&leaves[..witnessed.size as usize]);
            if then != witnessed.root {
                bail!(
                    "THE HUB SHOWS ANOTHER LOG THAN ITS WITNESSES COSIGNED: its first {} entries give the root {}, the witnesses cosigned {}",
                    witnessed.size,
                    hex::encode(then),
                    hex::encode(witnessed.root)
                );
            }
        }
        if let Err(divergence) = check_seen(&leaves, seen) {
            bail!(evidence(divergence.message, divergence.seen, &head));
        }
        progress.set_message("checking proofs");
        let mut proved: Vec<&Seen> = Vec::new();
        for old in seen {
            if !proved.iter().any(|p| p.size == old.size && p.root == old.root) {
                check_consistency(&hub, old, size, &root).await?;
                proved.push(old);
            }
        }
        let mut spots = vec![0, size / 2, size.saturating_sub(1)];
        spots.dedup();
        if size == 0 {
            spots.clear();
        }
        for &index in &spots {
            let leaf = leaves
                .get(index as usize)
                .context("an entry to spot-check is missing")?;
            check_inclusion(&hub, index, leaf, size, &root).await?;
        }
        Ok(spots.len())
    }
    .await;
    let inclusions = match outcome {
        Ok(inclusions) => {
            progress.finish_and_clear();
            inclusions
        }
        Err(e) => {
            progress.abandon();
            return Err(e);
        }
    };
    record_seen(
        seen_path,
        &file,
        size,
        &root,
        head.checkpoint.as_ref().map(|(_, note)| note.as_str()),
        Some(&identity),
    )?;
    println!(
        "decision log of {} intact: {size} entries, root {}, signed at {} by {}; consistent with {} head(s) seen before (proofs checked); {inclusions} inclusion proof(s) checked",
        hub.base,
        hex::encode(root),
        head.at,
        identity,
        seen.len()
    );
    if let Some(witnessed) = witnessed {
        let names: Vec<String> = witnessed
            .cosigners
            .iter()
            .map(|(name, time)| format!("{name} at {time}"))
            .collect();
        println!(
            "witnessed: the checkpoint of {} entries is cosigned by {} of the {} witness(es) given ({}), and today's log extends it",
            witnessed.size,
            witnessed.cosigners.len(),
            options.witnesses.len(),
            names.join(", ")
        );
    }
    Ok(())
}

/// A divergence's message, with the two signed checkpoints that prove it when both are at hand:
/// the one kept in the seen-heads file and the one the hub serves today.
fn evidence(message: String, seen: &Seen, head: &Head) -> String {
    match (&seen.checkpoint, &head.checkpoint) {
        (Some(then), Some((_, now))) => format!(
            "{message}\n\nThe hub signed both of these checkpoints, which no append-only log can have signed; keep them as evidence:\n\n{then}\n{now}"
        ),
        _ => message,
    }
}

//! `shutaf verify --url`: checks ANOTHER hub's decision log through its public endpoints only
//! (`/api/v1/log/...`), trusting nothing it says that can be recomputed.
//!
//! 1. The hub's public key and its signed tree head: the Ed25519 signature must hold over
//!    [`merkle::tree_head_bytes`].
//! 2. Every entry, a page at a time: indexes contiguous from 0, each leaf hash recomputed from
//!    the entry's fields with [`shutaf_domain::decision_log::LogEntry::canonical_bytes`] (a hash or encoding the hub sends
//!    along must agree), and the root over them equal to the signed root.
//! 3. Each head seen before (the shared seen-heads file): today's first entries give its root,
//!    and the hub's consistency proof from it to today's head verifies.
//! 4. Inclusion proofs of the first, a middle and the last entry verify against the signed root.
//!
//! What comes over the network is hostile: every answer is bounded in size and time, parsed into
//! the expected shape or refused with the address that gave it, and never indexed unchecked.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, anyhow, bail};
use ed25519_dalek::{Signature, VerifyingKey};
use serde::de::DeserializeOwned;
use shutaf_domain::merkle::{self, Hash};

use super::{Seen, check_seen, parse_hash, read_seen, record_seen};

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
    ConsistencyBody, EntryBody, InclusionBody, KeyBody, TreeHeadBody as HeadBody,
};

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
fn excerpt(body: &[u8]) -> String {
    let text: String = String::from_utf8_lossy(body)
        .chars()
        .take(200)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    text.trim().to_owned()
}

/// The hub being checked.
struct Hub {
    client: reqwest::Client,
    base: String,
}

impl Hub {
    fn new(url: &str) -> anyhow::Result<Self> {
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

    /// GETs `path` (with its query) and parses the JSON answer, bounded in size.
    async fn get<T: DeserializeOwned>(&self, path: &str) -> anyhow::Result<T> {
        let url = format!("{}{path}", self.base);
        let mut response = self
            .client
            .get(&url)
            .header(reqwest::header::ACCEPT, "application/json")
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
}

/// A hash the hub sends, or a clear error naming what it was.
fn remote_hash(text: &str, what: &str) -> anyhow::Result<Hash> {
    parse_hash(text).with_context(|| format!("{what} from the hub is not 64 hex digits"))
}

/// A proof's hashes, bounded in number.
fn remote_proof(hashes: &[String], what: &str) -> anyhow::Result<Vec<Hash>> {
    if hashes.len() > MAX_PROOF {
        bail!(
            "{what} has {} hashes, more than any tree needs",
            hashes.len()
        );
    }
    hashes.iter().map(|h| remote_hash(h, what)).collect()
}

/// The hub's key and signed head, the signature checked.
async fn signed_head(hub: &Hub) -> anyhow::Result<(VerifyingKey, u64, Hash)> {
    let key: KeyBody = hub.get("/api/v1/log/key").await?;
    let key_bytes: [u8; 32] = hex::decode(key.public_key.trim())
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
    Ok((key, head.size, root))
}

/// Every entry's leaf hash, recomputed from its fields, fetched a page at a time.
async fn leaves(
    hub: &Hub,
    size: u64,
    progress: &indicatif::ProgressBar,
) -> anyhow::Result<Vec<Hash>> {
    // The size is the hub's word: the vector grows with what actually arrives.
    let mut leaves = Vec::with_capacity(size.min(PAGE) as usize);
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
            let canonical = sent.entry().canonical_bytes();
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

/// Checks the hub at `url` against the heads in `seen_path`, then records today's head there.
pub async fn check(url: &str, seen_path: &Path) -> anyhow::Result<()> {
    let seen = read_seen(seen_path)?;
    let hub = Hub::new(url)?;
    let (key, size, root) = signed_head(&hub).await?;

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
        check_seen(&leaves, &seen)?;
        progress.set_message("checking proofs");
        let mut proved: Vec<&Seen> = Vec::new();
        for old in &seen {
            if !proved.contains(&old) {
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
    record_seen(seen_path, &seen, size, &root)?;
    println!(
        "decision log of {} intact: {size} entries, root {}, signed by {}; consistent with {} head(s) seen before (proofs checked); {inclusions} inclusion proof(s) checked",
        hub.base,
        hex::encode(root),
        hex::encode(key.to_bytes()),
        seen.len()
    );
    Ok(())
}

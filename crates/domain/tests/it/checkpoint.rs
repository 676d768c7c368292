//! Checkpoints, signed notes, vkeys and cosignatures against vectors: one published with Go's
//! `sumdb/note` (the reference implementation of the signed-note format), and ones computed here
//! from the C2SP specs' own definitions (the key id, the cosigned message) with nothing but
//! SHA-256 and Ed25519. The witness's checks: a consistent checkpoint is cosigned, a rewritten
//! log is refused.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::{Signature, SigningKey, Verifier};
use sha2::{Digest, Sha256};
use shutaf_domain::checkpoint::{
    AddCheckpoint, Algorithm, Checkpoint, Note, Refusal, Verification, VerifierKey, Witnessed,
    check_add_checkpoint, cosign, cosigners, key_id, open, sign,
};
use shutaf_domain::merkle::{self, Hash};

/// The example of Go's `golang.org/x/mod/sumdb/note` (`ExampleSign`, `ExampleOpen`).
const GO_SKEY_SEED: &str = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
const GO_VKEY: &str = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const GO_TEXT: &str = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_SIGNATURE: &str = "\u{2014} PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

fn key(seed: u8) -> SigningKey {
    SigningKey::from_bytes(&[seed; 32])
}

fn leaves(n: u64, salt: &str) -> Vec<Hash> {
    (0..n)
        .map(|i| merkle::leaf_hash(format!("{salt}{i}").as_bytes()))
        .collect()
}

#[test]
fn a_note_signed_here_is_the_one_go_signs() {
    let seed = STANDARD.decode(GO_SKEY_SEED).unwrap();
    assert_eq!(seed[0], 0x01, "an Ed25519 signer key");
    let signer = SigningKey::from_bytes(&seed[1..].try_into().unwrap());
    let vkey = VerifierKey::parse(GO_VKEY).unwrap();
    assert_eq!(vkey.key_id(), 0xc74f20a3);
    assert_eq!(vkey.public_key(), &signer.verifying_key());
    assert_eq!(vkey.to_string(), GO_VKEY, "the vkey encodes back");

    // Ed25519 is deterministic: the same key signs the same text to the same line.
    let signature = sign(GO_TEXT, "PeterNeumann", &signer);
    assert_eq!(signature.line(), GO_SIGNATURE);
    let message = format!("{GO_TEXT}\n{GO_SIGNATURE}");
    let note = Note::parse(&message).unwrap();
    assert_eq!(note.text, GO_TEXT);
    assert_eq!(
        note.encode(),
        message,
        "parsed and encoded again, byte for byte"
    );
    assert_eq!(note.verify(&vkey), Verification::Valid(0));
}

#[test]
fn the_key_id_is_the_one_the_spec_defines() {
    let key = key(3);
    let public = key.verifying_key().to_bytes();
    for (algorithm, byte) in [
        (Algorithm::Ed25519, 0x01u8),
        (Algorithm::CosignatureV1, 0x04),
    ] {
        // SHA-256(key name || 0x0A || type || public key)[:4], big-endian.
        let mut message = b"hub.example.org".to_vec();
        message.push(0x0A);
        message.push(byte);
        message.extend_from_slice(&public);
        let digest = Sha256::digest(&message);
        let expected = u32::from_be_bytes(digest[..4].try_into().unwrap());
        assert_eq!(key_id("hub.example.org", algorithm, &public), expected);
        let vkey = VerifierKey::new("hub.example.org", algorithm, key.verifying_key()).unwrap();
        let text = vkey.to_string();
        let mut key_bytes = vec![byte];
        key_bytes.extend_from_slice(&public);
        assert_eq!(
            text,
            format!(
                "hub.example.org+{expected:08x}+{}",
                STANDARD.encode(&key_bytes)
            )
        );
        assert_eq!(VerifierKey::parse(&text).unwrap(), vkey);
    }
    // A vkey whose id does not match its name and key, or with a bad name, is refused.
    let vkey = VerifierKey::new("hub.example.org", Algorithm::Ed25519, key.verifying_key())
        .unwrap()
        .to_string();
    let renamed = vkey.replacen("hub.example.org", "other.example.org", 1);
    assert!(VerifierKey::parse(&renamed).is_err());
    assert!(VerifierKey::new("a name", Algorithm::Ed25519, key.verifying_key()).is_err());
    assert!(VerifierKey::new("a+b", Algorithm::Ed25519, key.verifying_key()).is_err());
    assert!(VerifierKey::parse("hub+zzzzzzzz+AAAA").is_err());
    assert!(VerifierKey::parse("no-parts").is_err());
}

#[test]
fn a_checkpoint_round_trips_and_its_signature_verifies() {
    let hub = key(7);
    let root = merkle::root(&leaves(5, "entry"));
    let checkpoint = Checkpoint::new("hub.example.org", 5, root);
    let text = checkpoint.text();
    // The tlog-checkpoint text, written out by hand.
    assert_eq!(
        text,
        format!("hub.example.org\n5\n{}\n", STANDARD.encode(root))
    );
    assert_eq!(Checkpoint::parse(&text).unwrap(), checkpoint);

    let note = checkpoint.sign(&hub);
    let message = note.encode();
    // The signature line, computed from the spec: key id, then Ed25519 over the text.
    let id = key_id(
        "hub.example.org",
        Algorithm::Ed25519,
        hub.verifying_key().as_bytes(),
    );
    let line = message.lines().last().unwrap();
    let encoded = line.strip_prefix("\u{2014} hub.example.org ").unwrap();
    let bytes = STANDARD.decode(encoded).unwrap();
    assert_eq!(bytes.len(), 4 + 64);
    assert_eq!(&bytes[..4], &id.to_be_bytes());
    let signature = Signature::from_bytes(&bytes[4..].try_into().unwrap());
    assert!(
        hub.verifying_key()
            .verify(text.as_bytes(), &signature)
            .is_ok()
    );
    assert_eq!(message, format!("{text}\n{line}\n"));

    let vkey =
        VerifierKey::new("hub.example.org", Algorithm::Ed25519, hub.verifying_key()).unwrap();
    let (opened, parsed) = open(&message, &vkey).unwrap();
    assert_eq!(opened, checkpoint);
    assert_eq!(parsed.encode(), message);

    // Any change shows: the size, the root, the signature, another key of the same name.
    let grown = message.replacen("\n5\n", "\n6\n", 1);
    assert!(open(&grown, &vkey).is_err());
    let other_root = message.replacen(&STANDARD.encode(root), &STANDARD.encode([0u8; 32]), 1);
    assert!(open(&other_root, &vkey).is_err());
    let impostor = VerifierKey::new(
        "hub.example.org",
        Algorithm::Ed25519,
        key(8).verifying_key(),
    )
    .unwrap();
    assert!(
        open(&message, &impostor).is_err(),
        "an unknown key is not trusted"
    );
    let other_origin =
        VerifierKey::new("other.example", Algorithm::Ed25519, hub.verifying_key()).unwrap();
    assert!(open(&message, &other_origin).is_err());

    // Malformed checkpoints are refused, never half read.
    for bad in [
        "hub\n05\nAAAA\n",
        "hub\n5\n",
        "\n5\nAAAA\n",
        "hub\n-1\nAAAA\n",
        "hub\n5\nnot base64\n",
        "hub\n5\nAAAA\n",
    ] {
        assert!(Checkpoint::parse(bad).is_err(), "{bad:?}");
    }
    let extended = format!("{text}extension line\n");
    assert_eq!(
        Checkpoint::parse(&extended).unwrap().extensions,
        vec!["extension line".to_owned()]
    );
    assert!(
        Checkpoint::parse(&format!("{text}\n")).is_err(),
        "an empty extension line"
    );
    for bad in [
        text.clone(),
        format!("{text}\n"),
        format!("{text}\n{line}"),
        format!("{text}\n- hub {encoded}\n"),
        format!("{text}\n{line}\n").replace("\n5\n", "\n5\u{7}\n"),
    ] {
        assert!(Note::parse(&bad).is_err(), "{bad:?}");
    }
}

#[test]
fn a_cosignature_is_timestamped_and_verifies() {
    let hub = key(7);
    let witness = key(9);
    let checkpoint = Checkpoint::new("hub.example.org", 5, merkle::root(&leaves(5, "entry")));
    let mut note = checkpoint.sign(&hub);
    let cosignature = cosign(&note.text, "witness.example/w1", &witness, 1_800_000_000);
    // From the spec: 4-byte key id (type 0x04), 8-byte big-endian time, Ed25519 over
    // "cosignature/v1\ntime <t>\n" and the checkpoint text.
    assert_eq!(
        cosignature.key_id,
        key_id(
            "witness.example/w1",
            Algorithm::CosignatureV1,
            witness.verifying_key().as_bytes()
        )
    );
    assert_eq!(cosignature.signature.len(), 72);
    assert_eq!(&cosignature.signature[..8], &1_800_000_000u64.to_be_bytes());
    let message = format!("cosignature/v1\ntime 1800000000\n{}", note.text);
    let signature = Signature::from_bytes(&cosignature.signature[8..].try_into().unwrap());
    assert!(
        witness
            .verifying_key()
            .verify(message.as_bytes(), &signature)
            .is_ok()
    );

    assert!(note.add(cosignature.clone()));
    assert!(!note.add(cosignature), "once per witness key");
    let encoded = note.encode();
    let note = Note::parse(&encoded).unwrap();
    assert_eq!(note.signatures.len(), 2);
    let w1 = VerifierKey::new(
        "witness.example/w1",
        Algorithm::CosignatureV1,
        witness.verifying_key(),
    )
    .unwrap();
    let w2 = VerifierKey::new(
        "witness.example/w2",
        Algorithm::CosignatureV1,
        key(10).verifying_key(),
    )
    .unwrap();
    assert_eq!(note.verify(&w1), Verification::Valid(1_800_000_000));
    assert_eq!(note.verify(&w2), Verification::Absent);
    let witnesses = [w1.clone(), w2.clone()];
    let (valid, failed) = cosigners(&note, &witnesses);
    assert_eq!(valid.len(), 1);
    assert_eq!(valid[0].0, &w1);
    assert!(!failed);
    // The same witness key as a plain Ed25519 key is another key (another id): ignored.
    let plain = VerifierKey::new(
        "witness.example/w1",
        Algorithm::Ed25519,
        witness.verifying_key(),
    )
    .unwrap();
    assert_eq!(note.verify(&plain), Verification::Absent);

    // A cosignature moved to another checkpoint does not verify there.
    let other = Checkpoint::new("hub.example.org", 6, merkle::root(&leaves(6, "entry")));
    let mut moved = other.sign(&hub);
    moved.add(note.signatures[1].clone());
    assert_eq!(moved.verify(&w1), Verification::Invalid);
    assert!(cosigners(&moved, &[w1]).1);
}

#[test]
fn add_checkpoint_requests_round_trip() {
    let hub = key(7);
    let old = leaves(5, "entry");
    let mut new = old.clone();
    new.extend(leaves(3, "later"));
    let proof = merkle::consistency_proof(5, &new).unwrap();
    let note = Checkpoint::new("hub.example.org", 8, merkle::root(&new))
        .sign(&hub)
        .encode();
    let request = AddCheckpoint {
        old_size: 5,
        proof: proof.clone(),
        checkpoint: note.clone(),
    };
    let body = request.encode();
    assert!(body.starts_with("old 5\n"));
    // The old size, the proof, a blank line, then the note: three lines, a blank one, a signature.
    assert_eq!(body.lines().count(), 1 + proof.len() + 1 + 5);
    assert_eq!(AddCheckpoint::parse(&body).unwrap(), request);
    for bad in [
        format!("old 05\n\n{note}"),
        format!("new 5\n\n{note}"),
        format!("old 5\nnot-a-hash\n\n{note}"),
        "old 5\n".to_owned(),
    ] {
        assert!(AddCheckpoint::parse(&bad).is_err(), "{bad:?}");
    }
}

#[test]
fn a_witness_cosigns_a_consistent_checkpoint_and_refuses_a_rewritten_log() {
    let hub = key(7);
    let log = VerifierKey::new("hub.example.org", Algorithm::Ed25519, hub.verifying_key()).unwrap();
    let logs = [log];
    let honest: Vec<Hash> = leaves(8, "entry");
    let signed = |leaves: &[Hash]| {
        Checkpoint::new("hub.example.org", leaves.len() as u64, merkle::root(leaves))
            .sign(&hub)
            .encode()
    };
    let seen = Witnessed {
        size: 5,
        root: merkle::root(&honest[..5]),
    };
    let request = |old_size: u64, proof: Vec<Hash>, checkpoint: String| AddCheckpoint {
        old_size,
        proof,
        checkpoint,
    };

    // First sight: from size 0, no proof.
    let (first, _) =
        check_add_checkpoint(&request(0, vec![], signed(&honest[..5])), &logs, |_| None).unwrap();
    assert_eq!(first.size, 5);
    // Grown honestly: the proof from the size cosigned last verifies.
    let proof = merkle::consistency_proof(5, &honest).unwrap();
    let (grown, _) = check_add_checkpoint(
        &request(5, proof.clone(), signed(&honest)),
        &logs,
        |origin| (origin == "hub.example.org").then(|| seen.clone()),
    )
    .unwrap();
    assert_eq!(grown.size, 8);
    // The same checkpoint again: cosigned again.
    assert!(
        check_add_checkpoint(&request(5, vec![], signed(&honest[..5])), &logs, |_| Some(
            seen.clone()
        ))
        .is_ok()
    );

    // Rewritten at the same size: another root at the size cosigned before.
    let mut rewritten = honest.clone();
    rewritten[2] = merkle::leaf_hash(b"edited");
    assert_eq!(
        check_add_checkpoint(&request(5, vec![], signed(&rewritten[..5])), &logs, |_| {
            Some(seen.clone())
        })
        .unwrap_err(),
        Refusal::Forked { size: 5 }
    );
    // Rewritten and grown: its own consistency proof does not lead from the root cosigned.
    let forged = merkle::consistency_proof(5, &rewritten).unwrap();
    let refusal = check_add_checkpoint(&request(5, forged, signed(&rewritten)), &logs, |_| {
        Some(seen.clone())
    })
    .unwrap_err();
    assert_eq!(refusal, Refusal::Inconsistent { old: 5, size: 8 });
    assert_eq!(refusal.status(), 422);

    // The other answers of tlog-witness.
    let stale = check_add_checkpoint(&request(3, vec![], signed(&honest)), &logs, |_| {
        Some(seen.clone())
    })
    .unwrap_err();
    assert_eq!(stale, Refusal::StaleOldSize { old: 3, latest: 5 });
    assert_eq!(stale.status(), 409);
    let too_large =
        check_add_checkpoint(&request(9, vec![], signed(&honest)), &logs, |_| None).unwrap_err();
    assert_eq!(too_large.status(), 400);
    let stranger = Checkpoint::new("other.example", 8, merkle::root(&honest))
        .sign(&hub)
        .encode();
    assert_eq!(
        check_add_checkpoint(&request(0, vec![], stranger), &logs, |_| None)
            .unwrap_err()
            .status(),
        404
    );
    let unsigned = Checkpoint::new("hub.example.org", 8, merkle::root(&honest))
        .sign(&key(8))
        .encode();
    assert_eq!(
        check_add_checkpoint(&request(0, vec![], unsigned), &logs, |_| None).unwrap_err(),
        Refusal::NotSigned
    );
    assert_eq!(
        check_add_checkpoint(&request(0, vec![], "garbage".into()), &logs, |_| None)
            .unwrap_err()
            .status(),
        400
    );
}

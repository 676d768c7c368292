//! The Merkle tree of the decision log, exactly as RFC 6962 (Certificate Transparency) and its
//! successor RFC 9162 define it: leaf hash `SHA-256(0x00 || entry)`, node hash
//! `SHA-256(0x01 || left || right)`, the tree split at the largest power of two smaller than its
//! size; audit (inclusion) proofs and consistency proofs, and their verification.
//!
//! Anyone holding a tree head (size and root) can check that an entry is in the log, and that a
//! later log contains an earlier one unchanged: so no entry can be edited, removed or reordered
//! without it showing.

use sha2::{Digest, Sha256};

/// A SHA-256 hash.
pub type Hash = [u8; 32];

/// The bytes of a tree head that the hub signs (Ed25519): its size, root and time, one a line.
pub fn tree_head_bytes(size: u64, root: &Hash, at: i64) -> Vec<u8> {
    let root: String = root.iter().map(|b| format!("{b:02x}")).collect();
    format!("shutaf-tree-head/1\nsize:{size}\nroot:{root}\nat:{at}\n").into_bytes()
}

/// The hash of a log entry's canonical bytes.
pub fn leaf_hash(entry: &[u8]) -> Hash {
    let mut hasher = Sha256::new();
    hasher.update([0x00]);
    hasher.update(entry);
    hasher.finalize().into()
}

/// The hash of an interior node.
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut hasher = Sha256::new();
    hasher.update([0x01]);
    hasher.update(left);
    hasher.update(right);
    hasher.finalize().into()
}

/// The root of an empty tree: the hash of the empty string.
pub fn empty_root() -> Hash {
    Sha256::digest([]).into()
}

/// The largest power of two smaller than `n` (n > 1).
fn split(n: usize) -> usize {
    let mut k = 1;
    while k << 1 < n {
        k <<= 1;
    }
    k
}

/// MTH(D[n]): the root over leaf hashes.
pub fn root(leaves: &[Hash]) -> Hash {
    match leaves.len() {
        0 => empty_root(),
        1 => leaves[0],
        n => {
            let k = split(n);
            node_hash(&root(&leaves[..k]), &root(&leaves[k..]))
        }
    }
}

/// PATH(m, D[n]): the audit path of leaf `index` in the tree over `leaves`.
pub fn inclusion_proof(index: usize, leaves: &[Hash]) -> Option<Vec<Hash>> {
    (index < leaves.len()).then(|| path(index, leaves))
}

fn path(m: usize, leaves: &[Hash]) -> Vec<Hash> {
    let n = leaves.len();
    if n <= 1 {
        return Vec::new();
    }
    let k = split(n);
    if m < k {
        let mut proof = path(m, &leaves[..k]);
        proof.push(root(&leaves[k..]));
        proof
    } else {
        let mut proof = path(m - k, &leaves[k..]);
        proof.push(root(&leaves[..k]));
        proof
    }
}

/// PROOF(m, D[n]): the consistency proof between the tree of the first `m` leaves and the
/// tree over all `leaves`.
pub fn consistency_proof(m: usize, leaves: &[Hash]) -> Option<Vec<Hash>> {
    let n = leaves.len();
    (m <= n).then(|| {
        if m == 0 || m == n {
            Vec::new()
        } else {
            subproof(m, leaves, true)
        }
    })
}

fn subproof(m: usize, leaves: &[Hash], complete: bool) -> Vec<Hash> {
    let n = leaves.len();
    if m == n {
        return if complete {
            Vec::new()
        } else {
            vec![root(leaves)]
        };
    }
    let k = split(n);
    if m <= k {
        let mut proof = subproof(m, &leaves[..k], complete);
        proof.push(root(&leaves[k..]));
        proof
    } else {
        let mut proof = subproof(m - k, &leaves[k..], false);
        proof.push(root(&leaves[..k]));
        proof
    }
}

/// Verifies an audit path (RFC 9162, 2.1.3.2).
pub fn verify_inclusion(index: u64, size: u64, leaf: &Hash, proof: &[Hash], root: &Hash) -> bool {
    if index >= size {
        return false;
    }
    let (mut f_n, mut s_n) = (index, size - 1);
    let mut r = *leaf;
    for p in proof {
        if s_n == 0 {
            return false;
        }
        if f_n & 1 == 1 || f_n == s_n {
            r = node_hash(p, &r);
            if f_n & 1 == 0 {
                while f_n & 1 == 0 && f_n != 0 {
                    f_n >>= 1;
                    s_n >>= 1;
                }
            }
        } else {
            r = node_hash(&r, p);
        }
        f_n >>= 1;
        s_n >>= 1;
    }
    s_n == 0 && &r == root
}

/// Verifies a consistency proof between two tree heads (RFC 9162, 2.1.4.2).
pub fn verify_consistency(
    old_size: u64,
    new_size: u64,
    old_root: &Hash,
    new_root: &Hash,
    proof: &[Hash],
) -> bool {
    if old_size > new_size {
        return false;
    }
    if old_size == new_size {
        return proof.is_empty() && old_root == new_root;
    }
    if old_size == 0 {
        // Every tree extends the empty one.
        return proof.is_empty();
    }
    if proof.is_empty() {
        return false;
    }
    // If the old size is a power of two, the old root is the first node of the path.
    let mut path: Vec<Hash> = Vec::with_capacity(proof.len() + 1);
    if old_size.is_power_of_two() {
        path.push(*old_root);
    }
    path.extend_from_slice(proof);
    let (mut f_n, mut s_n) = (old_size - 1, new_size - 1);
    while f_n & 1 == 1 {
        f_n >>= 1;
        s_n >>= 1;
    }
    let (mut f_r, mut s_r) = (path[0], path[0]);
    for c in &path[1..] {
        if s_n == 0 {
            return false;
        }
        if f_n & 1 == 1 || f_n == s_n {
            f_r = node_hash(c, &f_r);
            s_r = node_hash(c, &s_r);
            if f_n & 1 == 0 {
                while f_n & 1 == 0 && f_n != 0 {
                    f_n >>= 1;
                    s_n >>= 1;
                }
            }
        } else {
            s_r = node_hash(&s_r, c);
        }
        f_n >>= 1;
        s_n >>= 1;
    }
    &f_r == old_root && &s_r == new_root && s_n == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &Hash) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn unhex(text: &str) -> Vec<u8> {
        (0..text.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
            .collect()
    }

    /// The test vectors of the Certificate Transparency reference implementation: eight inputs
    /// and the roots of the trees over the first 1 to 8 of them.
    const INPUTS: [&str; 8] = [
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    ];
    const ROOTS: [&str; 8] = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    fn leaves() -> Vec<Hash> {
        INPUTS.iter().map(|i| leaf_hash(&unhex(i))).collect()
    }

    #[test]
    fn roots_match_the_reference_vectors() {
        let leaves = leaves();
        for (n, expected) in ROOTS.iter().enumerate() {
            assert_eq!(
                hex(&root(&leaves[..=n])),
                *expected,
                "tree of {} leaves",
                n + 1
            );
        }
        assert_eq!(
            hex(&empty_root()),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn the_reference_inclusion_and_consistency_proofs() {
        let leaves = leaves();
        // From the reference implementation: the audit path of leaf 0 in the tree of 8.
        let proof = inclusion_proof(0, &leaves).unwrap();
        assert_eq!(
            proof.iter().map(hex).collect::<Vec<_>>(),
            vec![
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ]
        );
        // And the consistency proof between the trees of 6 and of 8 leaves.
        let proof = consistency_proof(6, &leaves).unwrap();
        assert_eq!(
            proof.iter().map(hex).collect::<Vec<_>>(),
            vec![
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]
        );
    }

    #[test]
    fn every_proof_verifies_and_tampering_fails() {
        let many: Vec<Hash> = (0u32..40).map(|i| leaf_hash(&i.to_be_bytes())).collect();
        for n in 1..=many.len() {
            let tree = &many[..n];
            let head = root(tree);
            for m in 0..n {
                let proof = inclusion_proof(m, tree).unwrap();
                assert!(
                    verify_inclusion(m as u64, n as u64, &tree[m], &proof, &head),
                    "inclusion {m} in {n}"
                );
                let other = leaf_hash(b"forged");
                assert!(
                    !verify_inclusion(m as u64, n as u64, &other, &proof, &head),
                    "a changed entry fails"
                );
                if n > 1 {
                    assert!(
                        !verify_inclusion(((m + 1) % n) as u64, n as u64, &tree[m], &proof, &head)
                            || tree[(m + 1) % n] == tree[m]
                    );
                }
            }
            for m in 0..=n {
                let old = root(&tree[..m]);
                let proof = consistency_proof(m, tree).unwrap();
                assert!(
                    verify_consistency(m as u64, n as u64, &old, &head, &proof),
                    "consistency {m} -> {n}"
                );
                if m > 0 && m < n {
                    let mut rewritten = tree.to_vec();
                    rewritten[m - 1] = leaf_hash(b"rewritten history");
                    let forged_old = root(&rewritten[..m]);
                    assert!(
                        !verify_consistency(m as u64, n as u64, &forged_old, &head, &proof),
                        "a rewritten past fails {m} -> {n}"
                    );
                    let mut bad = proof.clone();
                    bad[0][0] ^= 1;
                    assert!(
                        !verify_consistency(m as u64, n as u64, &old, &head, &bad),
                        "a tampered proof fails"
                    );
                }
            }
        }
        assert!(inclusion_proof(5, &many[..5]).is_none());
        assert!(!verify_consistency(5, 4, &empty_root(), &empty_root(), &[]));
    }
}

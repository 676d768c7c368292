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

/// MTH(D[n]): the root over leaf hashes.
pub fn root(leaves: &[Hash]) -> Hash {
    match leaves.len() {
        0 => empty_root(),
        1 => leaves[0],
        n => {
            let k = split(n as u64) as usize;
            node_hash(&root(&leaves[..k]), &root(&leaves[k..]))
        }
    }
}

/// PATH(m, D[n]): the audit path of leaf `index` in the tree over `leaves`.
pub fn inclusion_proof(index: usize, leaves: &[Hash]) -> Option<Vec<Hash>> {
    let ranges = inclusion_ranges(index as u64, leaves.len() as u64)?;
    Some(roots_of(&ranges, leaves))
}

/// PROOF(m, D[n]): the consistency proof between the tree of the first `m` leaves and the
/// tree over all `leaves`.
pub fn consistency_proof(m: usize, leaves: &[Hash]) -> Option<Vec<Hash>> {
    let ranges = consistency_ranges(m as u64, leaves.len() as u64)?;
    Some(roots_of(&ranges, leaves))
}

fn roots_of(ranges: &[Span], leaves: &[Hash]) -> Vec<Hash> {
    ranges
        .iter()
        .map(|span| root(&leaves[span.start as usize..span.end as usize]))
        .collect()
}

/// A run of leaves, `start..end`, whose subtree root is one element of a proof.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: u64,
    pub end: u64,
}

/// The largest power of two smaller than `n` (n > 1).
fn split(n: u64) -> u64 {
    1 << (63 - (n - 1).leading_zeros())
}

/// The leaf runs whose roots make the audit path of leaf `index` in a tree of `size` leaves,
/// from the leaf up (RFC 9162, 2.1.3.1); `None` when the leaf is not in the tree.
pub fn inclusion_ranges(index: u64, size: u64) -> Option<Vec<Span>> {
    if index >= size {
        return None;
    }
    let mut spans = Vec::new();
    path(index, 0, size, &mut spans);
    Some(spans)
}

fn path(m: u64, start: u64, end: u64, out: &mut Vec<Span>) {
    let n = end - start;
    if n <= 1 {
        return;
    }
    let k = split(n);
    if m < k {
        path(m, start, start + k, out);
        out.push(Span {
            start: start + k,
            end,
        });
    } else {
        path(m - k, start + k, end, out);
        out.push(Span {
            start,
            end: start + k,
        });
    }
}

/// The leaf runs whose roots make the consistency proof between the trees of `m` and of `n`
/// leaves (RFC 9162, 2.1.4.1); `None` when `m > n`.
pub fn consistency_ranges(m: u64, n: u64) -> Option<Vec<Span>> {
    if m > n {
        return None;
    }
    let mut spans = Vec::new();
    if m > 0 && m < n {
        subproof(m, 0, n, true, &mut spans);
    }
    Some(spans)
}

fn subproof(m: u64, start: u64, end: u64, complete: bool, out: &mut Vec<Span>) {
    let n = end - start;
    if m == n {
        if !complete {
            out.push(Span { start, end });
        }
        return;
    }
    let k = split(n);
    if m <= k {
        subproof(m, start, start + k, complete, out);
        out.push(Span {
            start: start + k,
            end,
        });
    } else {
        subproof(m - k, start + k, end, false, out);
        out.push(Span {
            start,
            end: start + k,
        });
    }
}

/// A complete subtree of the log's tree: the `2^level` leaves from `index * 2^level`. Every
/// run of leaves in a tree head or a proof is a few of these, so a hub that keeps them (each
/// made once, when its last leaf is appended) answers heads and proofs without rehashing the
/// log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Node {
    pub level: u32,
    pub index: u64,
}

impl Node {
    /// One integer for storage: the level in the top bits, the index below (a log of fewer
    /// than 2^48 entries).
    pub fn key(self) -> i64 {
        ((self.level as i64) << 48) | self.index as i64
    }

    pub fn from_key(key: i64) -> Node {
        Node {
            level: (key >> 48) as u32,
            index: (key & ((1 << 48) - 1)) as u64,
        }
    }

    /// The left child, of a node above the leaves.
    pub fn left(self) -> Node {
        Node {
            level: self.level - 1,
            index: self.index * 2,
        }
    }
}

/// The complete subtrees, largest first, whose roots folded from the right give the root of
/// the leaves `span` (RFC 6962's split makes every run in a head or proof such a row).
pub fn cover(span: Span) -> Vec<Node> {
    let mut nodes = Vec::new();
    let mut at = span.start;
    let n = span.end - span.start;
    for level in (0..64u32).rev() {
        if n & (1 << level) != 0 {
            debug_assert!(
                at.is_multiple_of(1 << level),
                "a run of the tree is aligned"
            );
            nodes.push(Node {
                level,
                index: at >> level,
            });
            at += 1 << level;
        }
    }
    nodes
}

/// The root of a run from the roots of its [`cover`], in that order.
pub fn fold(roots: &[Hash]) -> Hash {
    match roots.split_last() {
        None => empty_root(),
        Some((last, rest)) => rest
            .iter()
            .rev()
            .fold(*last, |right, left| node_hash(left, &right)),
    }
}

/// The subtrees above the leaves that appending leaf `index` completes, lowest first; each
/// one's right child is the leaf or the node before it in this list, its left child is
/// [`Node::left`].
pub fn completed_by(index: u64) -> Vec<Node> {
    let mut nodes = Vec::new();
    let mut level = 1;
    while level < 64 && (index + 1).is_multiple_of(1 << level) {
        nodes.push(Node {
            level,
            index: index >> level,
        });
        level += 1;
    }
    nodes
}

/// Every complete subtree above the leaves of a tree over `leaves`, with its root, level by
/// level: what a hub keeps, built in one pass (to fill or to check the stored ones).
pub fn interior_nodes(leaves: &[Hash]) -> Vec<(Node, Hash)> {
    let mut all = Vec::with_capacity(leaves.len());
    let mut below: Vec<Hash> = leaves.to_vec();
    let mut level = 1;
    while below.len() >= 2 {
        let above: Vec<Hash> = below
            .chunks_exact(2)
            .map(|pair| node_hash(&pair[0], &pair[1]))
            .collect();
        all.extend(above.iter().enumerate().map(|(index, hash)| {
            (
                Node {
                    level,
                    index: index as u64,
                },
                *hash,
            )
        }));
        below = above;
        level += 1;
    }
    all
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

    /// The nodes a hub stores, made leaf by leaf as the log grows, give the same heads and
    /// proofs as the tree over all the leaves.
    #[test]
    fn stored_subtrees_give_the_same_heads_and_proofs() {
        use std::collections::HashMap;
        let many: Vec<Hash> = (0u32..70).map(|i| leaf_hash(&i.to_be_bytes())).collect();
        let mut stored: HashMap<Node, Hash> = HashMap::new();
        for (i, leaf) in many.iter().enumerate() {
            stored.insert(
                Node {
                    level: 0,
                    index: i as u64,
                },
                *leaf,
            );
            let mut right = *leaf;
            for node in completed_by(i as u64) {
                right = node_hash(&stored[&node.left()], &right);
                stored.insert(node, right);
            }
            let n = i + 1;
            // Everything above the leaves, built in one pass, is what was made leaf by leaf.
            let one_pass = interior_nodes(&many[..n]);
            assert_eq!(one_pass.len(), n - n.count_ones() as usize);
            assert!(one_pass.iter().all(|(node, hash)| stored[node] == *hash));
            let root_of = |span: Span| {
                let roots: Vec<Hash> = cover(span).iter().map(|node| stored[node]).collect();
                fold(&roots)
            };
            assert_eq!(
                root_of(Span {
                    start: 0,
                    end: n as u64
                }),
                root(&many[..n])
            );
            for m in 0..n {
                let spans = inclusion_ranges(m as u64, n as u64).unwrap();
                let proof: Vec<Hash> = spans.into_iter().map(root_of).collect();
                assert_eq!(
                    proof,
                    inclusion_proof(m, &many[..n]).unwrap(),
                    "inclusion {m} in {n}"
                );
            }
            for m in 0..=n {
                let spans = consistency_ranges(m as u64, n as u64).unwrap();
                let proof: Vec<Hash> = spans.into_iter().map(root_of).collect();
                assert_eq!(
                    proof,
                    consistency_proof(m, &many[..n]).unwrap(),
                    "consistency {m} -> {n}"
                );
            }
        }
        let node = Node {
            level: 17,
            index: 123_456_789,
        };
        assert_eq!(Node::from_key(node.key()), node);
        assert_eq!(fold(&[]), empty_root());
        assert!(consistency_ranges(5, 4).is_none());
        assert!(inclusion_ranges(4, 4).is_none());
    }
}

//! The Merkle tree's verifiers against proofs made to deceive them: a proof verifies exactly the
//! heads and entries it was made for, and nothing else.

use shutaf_domain::merkle::{
    Hash, Node, completed_by, consistency_proof, empty_root, inclusion_proof, leaf_hash, node_hash,
    root, tree_head_bytes, verify_consistency, verify_inclusion,
};

fn leaves(n: u32) -> Vec<Hash> {
    (0..n).map(|i| leaf_hash(&i.to_be_bytes())).collect()
}

#[test]
fn a_head_is_consistent_with_a_head_of_the_same_size_only_if_the_roots_are_equal() {
    let log = leaves(5);
    let (head, other) = (root(&log), root(&log[..4]));
    assert!(verify_consistency(5, 5, &head, &head, &[]));
    assert!(
        !verify_consistency(5, 5, &head, &other, &[]),
        "two heads of one size with different roots are a fork"
    );
    assert!(
        !verify_consistency(5, 5, &head, &head, &[other]),
        "between equal heads the proof is empty"
    );
}

#[test]
fn every_log_extends_the_empty_one_with_an_empty_proof() {
    let log = leaves(3);
    assert!(verify_consistency(0, 3, &empty_root(), &root(&log), &[]));
    assert!(!verify_consistency(
        0,
        3,
        &empty_root(),
        &root(&log),
        &[log[0]]
    ));
}

#[test]
fn an_older_head_cannot_be_the_larger() {
    // A proof that would verify if the sizes were not checked: an "old" log of 3 entries whose
    // root is the first hash, and a "new" log of 2 made of both.
    let (a, b) = (leaf_hash(b"a"), leaf_hash(b"b"));
    assert!(!verify_consistency(3, 2, &a, &node_hash(&a, &b), &[a, b]));
    assert!(!verify_consistency(5, 4, &empty_root(), &empty_root(), &[]));
}

#[test]
fn a_proof_for_one_size_proves_nothing_for_another() {
    let log = leaves(2);
    let head = root(&log);
    let inclusion = inclusion_proof(0, &log).unwrap();
    assert!(verify_inclusion(0, 2, &log[0], &inclusion, &head));
    assert!(!verify_inclusion(0, 3, &log[0], &inclusion, &head));
    let consistency = consistency_proof(1, &log).unwrap();
    assert!(verify_consistency(1, 2, &log[0], &head, &consistency));
    assert!(!verify_consistency(1, 3, &log[0], &head, &consistency));
}

#[test]
fn a_proof_with_a_hash_too_many_or_too_few_fails() {
    let all = leaves(33);
    for n in 1..=all.len() {
        let log = &all[..n];
        let head = root(log);
        for m in 0..n {
            let proof = inclusion_proof(m, log).unwrap();
            let (m64, n64) = (m as u64, n as u64);
            let mut longer = proof.clone();
            longer.push(head);
            assert!(
                !verify_inclusion(m64, n64, &log[m], &longer, &head),
                "{m} in {n}, longer"
            );
            if let Some((_, shorter)) = proof.split_last() {
                assert!(
                    !verify_inclusion(m64, n64, &log[m], shorter, &head),
                    "{m} in {n}, shorter"
                );
            }
            assert!(
                !verify_inclusion(n64, n64, &log[m], &proof, &head),
                "past the end"
            );
        }
        for m in 1..n {
            let old = root(&log[..m]);
            let proof = consistency_proof(m, log).unwrap();
            let (m64, n64) = (m as u64, n as u64);
            let mut longer = proof.clone();
            longer.push(head);
            assert!(
                !verify_consistency(m64, n64, &old, &head, &longer),
                "{m} -> {n}, longer"
            );
            let (_, shorter) = proof.split_last().unwrap();
            assert!(
                !verify_consistency(m64, n64, &old, &head, shorter),
                "{m} -> {n}, shorter"
            );
            assert!(
                !verify_consistency(m64, n64, &old, &old, &proof),
                "{m} -> {n}, old as new"
            );
        }
    }
}

#[test]
fn the_signed_bytes_of_a_head_are_fixed() {
    let mut root = [0u8; 32];
    root[0] = 0xab;
    root[31] = 0x01;
    assert_eq!(
        String::from_utf8(tree_head_bytes(7, &root, 1_700_000_000)).unwrap(),
        "shutaf-tree-head/1\nsize:7\n\
         root:ab00000000000000000000000000000000000000000000000000000000000001\n\
         at:1700000000\n"
    );
}

#[test]
fn the_last_leaf_of_a_log_of_2_pow_63_completes_63_subtrees() {
    let index = (1u64 << 63) - 1;
    let nodes = completed_by(index);
    assert_eq!(nodes.len(), 63);
    assert_eq!(
        nodes[62],
        Node {
            level: 63,
            index: 0
        }
    );
    assert!(completed_by(0).is_empty());
    assert_eq!(
        completed_by(5),
        vec![Node { level: 1, index: 2 }],
        "leaf 5 completes the pair 4-5 only"
    );
}

#[test]
fn a_node_is_stored_as_its_level_above_its_index() {
    let node = Node {
        level: 3,
        index: (1 << 48) - 1,
    };
    assert_eq!(node.key(), (3 << 48) | ((1 << 48) - 1));
    assert_eq!(Node::from_key(node.key()), node);
    assert_eq!(
        Node { level: 2, index: 6 }.left(),
        Node {
            level: 1,
            index: 12
        }
    );
}

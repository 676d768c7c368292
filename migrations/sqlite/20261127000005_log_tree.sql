-- The decision log's Merkle tree, kept: every complete subtree above the leaves, with its root,
-- written in the same transaction as the entry that completes it. Tree heads and proofs are
-- then a few lookups instead of a rehash of the whole log. The key is the level in the top
-- bits and the index below (shutaf_domain::merkle::Node::key). `shutaf verify` rebuilds the
-- tree from the entries' fields and compares.
CREATE TABLE decision_log_nodes (
    node BIGINT PRIMARY KEY,
    hash BLOB NOT NULL
);

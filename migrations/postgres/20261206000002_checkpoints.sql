-- Signed checkpoints of the decision log (C2SP tlog-checkpoint, signed-note), one per size the
-- log was seen at by the hub's signer: made when the log grows (at most every few seconds),
-- never again for a size already signed. The size is the key, so two servers on one database
-- that sign at once keep the same one: the second insert does nothing and reads the first.
--   root            the Merkle root, hex
--   at              when the hub signed it (Unix seconds)
--   note            the signed note as the hub signed it (its own signature line only)
--   head_signature  hex Ed25519 signature over shutaf-tree-head/1 with this size, root and at:
--                   what GET /api/v1/log/head has always carried, for verifiers before checkpoints
CREATE TABLE log_checkpoints (
    size BIGINT PRIMARY KEY,
    root TEXT NOT NULL,
    at BIGINT NOT NULL,
    note TEXT NOT NULL,
    head_signature TEXT NOT NULL
);
-- Witnesses' cosignatures (C2SP tlog-cosignature, Ed25519 v1) of stored checkpoints, one per
-- checkpoint and witness key, accepted only from the witness keys the hub is configured with.
--   line  the signature line as the witness made it, served after the hub's own
--   at    the time the witness states in it
CREATE TABLE log_cosignatures (
    size BIGINT NOT NULL REFERENCES log_checkpoints (size),
    witness TEXT NOT NULL,
    key_id BIGINT NOT NULL,
    line TEXT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (size, witness, key_id)
);

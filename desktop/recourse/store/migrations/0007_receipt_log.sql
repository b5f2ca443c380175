-- Released: frozen. Never edit this file; add a new migration instead.
--
-- The force's public log of receipts, as this PC has seen it: every signed tree head
-- (`seen_via` is '' for this store's own sync, or the member through whose sync a
-- representative saw it), the inclusion proof last checked for each receipt held, and
-- every alteration found, with all its evidence (heads and proofs, as JSON).
CREATE TABLE log_heads (
    sth TEXT NOT NULL,
    seen_via TEXT NOT NULL DEFAULT '',
    tree_size INTEGER NOT NULL,
    root_hash TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    seen_at INTEGER NOT NULL,
    PRIMARY KEY (sth, seen_via)
);
CREATE INDEX log_heads_by_size ON log_heads (tree_size, seen_at);
CREATE TABLE log_proofs (
    reference TEXT PRIMARY KEY,
    receipt TEXT NOT NULL,
    leaf_index INTEGER NOT NULL,
    tree_size INTEGER NOT NULL,
    sth TEXT NOT NULL,
    audit_path TEXT NOT NULL,
    checked_at INTEGER NOT NULL
);
CREATE TABLE log_alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL,
    evidence TEXT NOT NULL,
    found_at INTEGER NOT NULL,
    seen INTEGER NOT NULL DEFAULT 0
);

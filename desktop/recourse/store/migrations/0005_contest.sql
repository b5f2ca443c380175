-- Released: frozen. Never edit this file; add a new migration instead.
--
-- Contesting: signing keys, the pinned server key, draft files, the outbox with its
-- files, receipts, submission status and SAR responses.
CREATE TABLE contest_keys (
    key_id TEXT PRIMARY KEY,
    public_jwk TEXT NOT NULL,
    device_label TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    officer_id TEXT,
    record TEXT,
    record_body TEXT,
    revoked_at INTEGER,
    active INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE contest_server_key (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    key_id TEXT NOT NULL,
    public_jwk TEXT NOT NULL,
    source TEXT NOT NULL,
    pinned_at INTEGER NOT NULL
);
CREATE TABLE contest_draft_files (
    draft_id TEXT NOT NULL,
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (draft_id, name)
);
CREATE TABLE contest_outbox (
    id TEXT PRIMARY KEY,
    draft_id TEXT,
    kind TEXT NOT NULL,
    officer_id TEXT NOT NULL,
    key_id TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    token TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL CHECK (state IN ('signed', 'received', 'refused')),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    last_error TEXT
);
CREATE INDEX contest_outbox_by_state ON contest_outbox (state, created_at);
CREATE TABLE contest_files (
    submission_id TEXT NOT NULL REFERENCES contest_outbox(id),
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    uploaded INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (submission_id, name)
);
CREATE TABLE contest_receipts (
    submission_id TEXT PRIMARY KEY REFERENCES contest_outbox(id),
    reference TEXT NOT NULL UNIQUE,
    token TEXT NOT NULL,
    server_key_id TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    due_date TEXT NOT NULL
);
CREATE TABLE contest_status (
    reference TEXT PRIMARY KEY, body TEXT NOT NULL, updated_at INTEGER NOT NULL
);
CREATE TABLE contest_sar_responses (
    reference TEXT PRIMARY KEY, package TEXT NOT NULL, fetched_at INTEGER NOT NULL
);

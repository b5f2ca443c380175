-- Released: frozen. Never edit this file; add a new migration instead.
--
-- What the officer writes: drafts (saved as typed), their attachments, and what was sent
-- with the server's signed receipts.
CREATE TABLE drafts (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, body TEXT NOT NULL,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
);
CREATE TABLE attachments (
    id TEXT PRIMARY KEY,
    draft_id TEXT REFERENCES drafts(id) ON DELETE CASCADE,
    name TEXT NOT NULL, media_type TEXT NOT NULL, content BLOB NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE submissions (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, idempotency_key TEXT NOT NULL UNIQUE,
    signed BLOB NOT NULL, state TEXT NOT NULL, created_at INTEGER NOT NULL
);
CREATE TABLE receipts (
    submission_id TEXT PRIMARY KEY REFERENCES submissions(id),
    receipt BLOB NOT NULL, received_at INTEGER NOT NULL
);

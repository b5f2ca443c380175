-- Released: frozen. Never edit this file; add a new migration instead.
--
-- Records: an integer rowid keeps the (category, occurred_at) index small, which is what
-- makes OFFSET paging and counts over 500,000 pings fast. Times are UTC microseconds
-- since the epoch, so they sort as integers. Categories are small integer codes.
CREATE TABLE categories (code INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE records (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    cat INTEGER NOT NULL REFERENCES categories(code),
    occurred_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    summary TEXT,
    data TEXT NOT NULL
);
CREATE INDEX records_by_time ON records (cat, occurred_at);
CREATE TABLE cursors (category TEXT PRIMARY KEY, cursor TEXT NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE me (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), body TEXT NOT NULL);
CREATE TABLE etags (resource TEXT PRIMARY KEY, etag TEXT NOT NULL);
CREATE TABLE sync_status (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    finished_at INTEGER NOT NULL, state TEXT NOT NULL, message TEXT
);
CREATE TABLE secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

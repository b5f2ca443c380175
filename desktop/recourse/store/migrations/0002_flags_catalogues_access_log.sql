-- Released: frozen. Never edit this file; add a new migration instead.
--
-- Flags, the rule and source catalogues, and the access log, as the server sends them.
CREATE TABLE flags (id TEXT PRIMARY KEY, raised_at INTEGER NOT NULL, body TEXT NOT NULL);
CREATE TABLE rules (id TEXT PRIMARY KEY, version INTEGER NOT NULL, body TEXT NOT NULL);
CREATE TABLE sources (category TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE access_log (id TEXT PRIMARY KEY, viewed_at INTEGER NOT NULL, body TEXT NOT NULL);
CREATE INDEX access_log_by_time ON access_log (viewed_at);

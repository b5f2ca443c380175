"""The contest tables, registered on the server's shared metadata.

A submission keeps the exact signed token the officer sent and the exact receipt the
force signed, so that a retry gets the byte-identical receipt and either document can
be re-verified years later.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from ..db import metadata

#: The receipt-signing Ed25519 key (distinct from the OIDC token key): one row.
server_keys = Table(
    "contest_server_keys",
    metadata,
    Column("name", String(40), primary_key=True),
    Column("kid", String(60), nullable=False),
    Column("private_key", Text, nullable=False),  # raw 32 bytes, base64url
    Column("created_at", String(40), nullable=False),
)

#: Each officer's own registrations: a key is looked up only with the officer's id, so
#: whether another officer registered the same public key never shows in any answer.
officer_keys = Table(
    "contest_officer_keys",
    metadata,
    Column("officer_id", String(120), primary_key=True),
    Column("key_id", String(60), primary_key=True),
    Column("public_jwk", Text, nullable=False),
    Column("device_label", String(100), nullable=False),
    Column("registered_at", String(40), nullable=False),
    Column("revoked_at", String(40)),
    Column("record", Text, nullable=False),
)

attachments = Table(
    "contest_attachments",
    metadata,
    Column("officer_id", String(120), primary_key=True),
    Column("sha256", String(64), primary_key=True),
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("uploaded_at", String(40), nullable=False),
)

#: Every nonce of an accepted submission: a second use is a replay.
nonces = Table(
    "contest_nonces",
    metadata,
    Column("nonce", String(40), primary_key=True),
    Column("seen_at", String(40), nullable=False),
)

submissions = Table(
    "contest_submissions",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("reference", String(40), nullable=False, unique=True),
    Column("officer_id", String(120), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("target_flag_id", String(120)),
    Column("officer_key_id", String(60), nullable=False),
    Column("token", Text, nullable=False),  # the exact signed submission
    Column("submission_sha256", String(64), nullable=False, unique=True),
    Column("payload", Text, nullable=False),  # its canonical JSON content
    Column("idempotency_key", String(128), nullable=False),
    Column("request_sha256", String(64), nullable=False),
    Column("receipt", Text, nullable=False),  # the exact signed receipt
    Column("received_at", String(40), nullable=False),
    Column("state", String(40), nullable=False),
    Column("paused_days", Integer, nullable=False, default=0),
    Column("paused_since", String(40)),
    Column("extended", Boolean, nullable=False, default=False),
    Column("extension_reasons", Text),
    Column("clarification_request", Text),
    Column("outcome", String(20)),
    Column("outcome_reasons", Text),
    Column("response_package", Text),
    Column("updated_at", String(40), nullable=False),
    UniqueConstraint("officer_id", "idempotency_key", name="uq_contest_idempotency"),
    Index("ix_contest_submissions_officer", "officer_id", "seq"),
    sqlite_autoincrement=True,
)

events = Table(
    "contest_events",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("reference", String(40), nullable=False, index=True),
    Column("at", String(40), nullable=False),
    Column("state", String(40), nullable=False),
    Column("note", Text),
    sqlite_autoincrement=True,
)

#: Who sent a submission for the member, when it was not the member: the representative
#: and the mandate he acted under (the same are in the signed payload and the receipt).
submission_actors = Table(
    "contest_submission_actors",
    metadata,
    Column("reference", String(40), primary_key=True),
    Column("actor_id", String(120), nullable=False),
    Column("actor_name", String(200), nullable=False),
    Column("mandate", String(40), nullable=False),
)

# ---------------------------------------------------------------- the log of receipts
# Append-only: rows are only ever inserted (`receipt_log`). `contest_log_state` holds the
# log's size in one row, which every append updates first, so appends are serialised by
# the database itself (a row lock on PostgreSQL, the write lock on SQLite) and no two
# receipts are ever given the same index.

log_state = Table(
    "contest_log_state",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("size", Integer, nullable=False),
    #: The hashes of the complete subtrees the tree is made of now, largest first,
    #: space-separated: all an append needs to read (a copy of rows of log_nodes).
    Column("frontier", Text, nullable=False, default=""),
)

log_leaves = Table(
    "contest_log_leaves",
    metadata,
    Column("leaf_index", Integer, primary_key=True, autoincrement=False),
    Column("kind", String(30), nullable=False),
    Column("leaf", Text, nullable=False),  # the exact receipt JWS
    Column("submission_sha256", String(64), nullable=False),
    Column("receipt_sha256", String(64), nullable=False, unique=True),
    Column("logged_at", String(40), nullable=False),
)

#: The hash of every complete subtree: leaves [idx * 2**level, (idx + 1) * 2**level).
#: They never change once made, so any root or proof needs only O(log n) of them.
log_nodes = Table(
    "contest_log_nodes",
    metadata,
    Column("level", Integer, primary_key=True, autoincrement=False),
    Column("idx", Integer, primary_key=True, autoincrement=False),
    Column("hash", String(64), nullable=False),
)

#: The signed tree head of every size the log reached.
log_heads = Table(
    "contest_log_heads",
    metadata,
    Column("tree_size", Integer, primary_key=True, autoincrement=False),
    Column("root_hash", String(64), nullable=False),
    Column("timestamp", String(40), nullable=False),
    Column("sth", Text, nullable=False),
)

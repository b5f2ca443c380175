"""A force that alters its own log of receipts, done to a real server's database the way a
competent insider would: the leaves changed and every hash and tree head recomputed and
re-signed with the force's own receipt key, so the server's answers are self-consistent
and only a client that kept what it saw can tell."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import delete, select, update

from recourse.protocol import merkle
from recourse.protocol import receipt_log as rl
from recourse.protocol.submission import format_utc
from recourse_server import db
from recourse_server.contest import receipt_log, tables
from recourse_server.contest.keys import server_private_key


def leaves(database_url: str) -> list[str]:
    engine = db.make_engine(database_url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(select(tables.log_leaves.c.leaf)
                                     .order_by(tables.log_leaves.c.leaf_index)).scalars())
    finally:
        engine.dispose()


def rewrite(database_url: str, change: Callable[[list[str]], list[str]]) -> None:
    """Replace the log by `change(leaves)`, every hash and head made again and signed."""
    engine = db.make_engine(database_url)
    try:
        private = server_private_key(engine)
        with engine.begin() as conn:
            old = list(conn.execute(select(tables.log_leaves.c.leaf)
                                    .order_by(tables.log_leaves.c.leaf_index)).scalars())
            for table in (tables.log_leaves, tables.log_nodes, tables.log_heads):
                conn.execute(delete(table).where(True))
            conn.execute(update(tables.log_state).values(size=0, frontier=""))
            now = datetime.now(UTC).replace(microsecond=0)
            empty = merkle.root_hash([])
            conn.execute(tables.log_heads.insert(), {
                "tree_size": 0, "root_hash": empty.hex(), "timestamp": format_utc(now),
                "sth": rl.sign_tree_head(0, empty, now, private)})
            for leaf in change(old):
                receipt_log.append(conn, receipt_log.allocate(conn), leaf, kind="sar",
                                   submitted_sha256="0" * 64, now=now, private_key=private)
    finally:
        engine.dispose()


def roll_back(database_url: str, size: int) -> None:
    """Restore the log as it was at `size` (as from an old backup)."""
    rewrite(database_url, lambda old: old[:size])


def resign_newest(database_url: str) -> None:
    """Sign the newest size again over a different root (a fork at the same size)."""
    engine = db.make_engine(database_url)
    try:
        private = server_private_key(engine)
        h = tables.log_heads.c
        with engine.begin() as conn:
            size = conn.execute(select(h.tree_size).order_by(h.tree_size.desc())).scalar()
            assert size is not None
            root = secrets.token_bytes(32)
            sth = rl.sign_tree_head(size, root, datetime.now(UTC), private)
            conn.execute(update(tables.log_heads).where(h.tree_size == size)
                         .values(sth=sth, root_hash=root.hex()))
    finally:
        engine.dispose()

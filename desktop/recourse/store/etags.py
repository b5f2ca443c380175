"""The server's ETag for each resource the store keeps a copy of (flags, catalogues …)."""

from __future__ import annotations

from recourse.store.connection import Connection


def set_etag(db: Connection, resource: str, etag: str | None) -> None:
    """Remember `resource`'s ETag (None: forget it), in the caller's transaction."""
    if etag is None:
        db.execute("DELETE FROM etags WHERE resource = ?", (resource,))
    else:
        db.execute(
            "INSERT INTO etags (resource, etag) VALUES (?, ?) "
            "ON CONFLICT (resource) DO UPDATE SET etag = excluded.etag",
            (resource, etag),
        )


def etag(db: Connection, resource: str) -> str | None:
    row = db.execute("SELECT etag FROM etags WHERE resource = ?", (resource,)).fetchone()
    return None if row is None else str(row[0])

"""Incremental, resumable sync from the force's API into the encrypted store (no Qt)."""

from recourse.sync.engine import (
    FeedNotAdvancing,
    SyncApi,
    SyncEngine,
    SyncProgress,
    SyncResult,
)

__all__ = ["FeedNotAdvancing", "SyncApi", "SyncEngine", "SyncProgress", "SyncResult"]

"""Incremental, resumable sync from the force's API into the encrypted store (no Qt)."""

from recourse.sync.engine import SyncApi, SyncEngine, SyncProgress, SyncResult

__all__ = ["SyncApi", "SyncEngine", "SyncProgress", "SyncResult"]

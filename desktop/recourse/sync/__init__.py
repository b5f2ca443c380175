"""Incremental, resumable sync from the force's API into the encrypted store (no Qt)."""

from recourse.sync.engine import SyncApi, SyncEngine
from recourse.sync.members import CaseloadResult, sync_caseload
from recourse.sync.outcome import FeedNotAdvancing, SyncProgress, SyncResult

__all__ = ["CaseloadResult", "FeedNotAdvancing", "SyncApi", "SyncEngine",
           "SyncProgress", "SyncResult", "sync_caseload"]

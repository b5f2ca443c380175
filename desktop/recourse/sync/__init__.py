"""Incremental, resumable sync from the force's API into the encrypted store (no Qt)."""

from recourse.sync.engine import (
    FeedNotAdvancing,
    SyncApi,
    SyncEngine,
    SyncProgress,
    SyncResult,
)
from recourse.sync.members import CaseloadResult, MemberApi, sync_caseload

__all__ = ["CaseloadResult", "FeedNotAdvancing", "MemberApi", "SyncApi", "SyncEngine",
           "SyncProgress", "SyncResult", "sync_caseload"]

"""What a sync run reports: its progress as it goes, its result, and why it stopped."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from recourse.domain.errors import RecourseError

__all__ = ["FeedNotAdvancing", "SyncCancelled", "SyncProgress", "SyncResult"]


@dataclass(frozen=True)
class SyncProgress:
    #: "me", a category name, "flags", "access_log", "rules", "sources" or "done".
    current: str
    items: int  # changes applied so far in this run
    bytes: int  # response bytes received so far
    elapsed: float
    #: Seconds left for the current category: its changes still to come (counted by the
    #: server when the category began) at the rate this run has applied them so far.
    #: None before the first page of a category or when the server gave no count.
    eta_seconds: float | None
    step: int  # 1-based position of `current` among all steps
    steps: int
    #: Changes of the current category this run will apply: what the server counted
    #: when the category began. None outside the feed or when the server gave no count.
    category_total: int | None = None
    #: Changes of the current category applied so far in this run.
    category_items: int = 0
    #: Changes of the current category still to come (category_total - category_items).
    remaining: int | None = None
    #: Response bytes still to come for the current category, estimated from the bytes
    #: per change so far.
    bytes_remaining: int | None = None

    @property
    def category(self) -> str:
        return self.current

    @property
    def eta(self) -> float | None:
        return self.eta_seconds


@dataclass(frozen=True)
class SyncResult:
    state: Literal["ok", "cancelled", "failed"]
    items: int
    bytes: int
    requests: int
    seconds: float
    #: Changes applied per category or resource in this run.
    changed: dict[str, int] = field(default_factory=dict)
    error: RecourseError | None = None

    @property
    def message(self) -> str | None:
        if self.error is not None:
            return self.error.for_officer()
        if self.state == "cancelled":
            return "Sync was cancelled. What was already downloaded is kept."
        return None


class SyncCancelled(Exception):
    pass


class FeedNotAdvancing(RecourseError):
    """The server kept answering "more to come" without moving through the feed: the
    same or an earlier place again, or more than the count it announced allows."""

    def __init__(self, category: str, reason: str) -> None:
        super().__init__(
            f"Sync stopped: the force's server kept saying there was more "
            f"{category.replace('_', ' ')} to download, but {reason}. What was already "
            "downloaded is kept.",
            "Try again later. If it keeps happening, tell force IT.",
        )
        self.category = category

"""Incremental, resumable sync from the force's API into the encrypted store.

Each feed page is applied with `Store.apply_feed_page`: its changes and the cursor that
follows them in one transaction. A kill at any moment therefore leaves the store at a
page boundary, and the next run carries on from the stored cursor. Flags, the access log
and the catalogues are fetched with If-None-Match, so when nothing changed a sync costs
one small request per category and resource.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, Protocol

from recourse.errors import RecourseError
from recourse.protocol import wire
from recourse.store import Store

log = logging.getLogger(__name__)


class SyncApi(Protocol):
    """What sync needs of `recourse.api.ApiClient`."""

    def me(self) -> wire.Me: ...

    def feed(
        self, officer_id: str, category: wire.Category, cursor: str | None, limit: int | None = None
    ) -> tuple[wire.FeedPage, int]: ...

    def flags(
        self, officer_id: str, etag: str | None = None
    ) -> tuple[wire.FlagList | None, str | None]: ...

    def flag(self, officer_id: str, flag_id: str) -> wire.FlagDetail: ...

    def access_log(
        self, officer_id: str, etag: str | None = None
    ) -> tuple[wire.AccessLog | None, str | None]: ...

    def rules(self, etag: str | None = None) -> tuple[wire.RuleCatalogue | None, str | None]: ...

    def sources(
        self, etag: str | None = None
    ) -> tuple[wire.SourceCatalogue | None, str | None]: ...


@dataclass(frozen=True)
class SyncProgress:
    #: "me", a category name, "flags", "access_log", "rules", "sources" or "done".
    current: str
    items: int  # changes applied so far in this run
    bytes: int  # response bytes received so far
    elapsed: float
    #: Seconds left for the current category, estimated from how far its records have
    #: reached towards today (the feed carries no totals); None when there is no basis.
    eta_seconds: float | None
    step: int  # 1-based position of `current` among all steps
    steps: int


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
            return "Sync was stopped. What was already downloaded is kept."
        return None


class SyncCancelled(Exception):
    pass


_RESOURCES = ("flags", "access_log", "rules", "sources")


class SyncEngine:
    def __init__(
        self,
        api: SyncApi,
        store: Store,
        progress: Callable[[SyncProgress], None] | None = None,
        *,
        page_size: int = wire.MAX_PAGE_SIZE,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._api = api
        self._store = store
        self._progress = progress
        self._page_size = page_size
        self._clock = clock

    def run(self, cancel: threading.Event | None = None) -> SyncResult:
        cancel = cancel or threading.Event()
        run = _Run(self, cancel)
        try:
            run.all()
            state: Literal["ok", "cancelled", "failed"] = "ok"
            error: RecourseError | None = None
        except SyncCancelled:
            state, error = "cancelled", None
        except RecourseError as exc:  # api and store errors alike
            state, error = "failed", exc
            log.warning("sync failed: %s", type(exc).__name__)
        result = SyncResult(
            state=state,
            items=run.items,
            bytes=run.bytes,
            requests=run.requests,
            seconds=time.monotonic() - run.started,
            changed=dict(run.changed),
            error=error,
        )
        try:
            self._store.record_sync(self._clock(), state, result.message)
        except RecourseError:
            pass  # the store itself failed; the result already says what happened
        return result

    def sync_flags(self, officer_id: str) -> None:
        """Bring only the flags up to date (after a challenge changed one's status)."""
        _Run(self, threading.Event()).flags(officer_id)


class _Run:
    def __init__(self, engine: SyncEngine, cancel: threading.Event) -> None:
        self.e = engine
        self.cancel = cancel
        self.items = 0
        self.bytes = 0
        self.requests = 0
        self.changed: dict[str, int] = {}
        self.started = time.monotonic()
        self.steps = 1 + len(wire.CATEGORIES) + len(_RESOURCES)
        self.step = 0

    def check(self) -> None:
        if self.cancel.is_set():
            raise SyncCancelled()

    def report(self, current: str, eta: float | None = None) -> None:
        if self.e._progress is not None:
            self.e._progress(
                SyncProgress(
                    current=current,
                    items=self.items,
                    bytes=self.bytes,
                    elapsed=time.monotonic() - self.started,
                    eta_seconds=eta,
                    step=self.step,
                    steps=self.steps,
                )
            )

    def begin(self, current: str) -> None:
        self.check()
        self.step += 1
        self.report(current)

    def all(self) -> None:
        api, store = self.e._api, self.e._store
        self.begin("me")
        me = api.me()
        self.requests += 1
        if store.me() != me:
            store.put_me(me)
        for category in wire.CATEGORIES:
            self.begin(category)
            self.category(me.officer_id, category)
        self.begin("flags")
        self.flags(me.officer_id)
        self.begin("access_log")
        entries, etag = api.access_log(me.officer_id, store.etag("access_log"))
        self.requests += 1
        if entries is not None:
            store.replace_access_log(entries, etag)
            self.changed["access_log"] = len(entries.entries)
        self.begin("rules")
        rules, rules_etag = api.rules(store.etag("rules"))
        self.requests += 1
        self.begin("sources")
        sources, sources_etag = api.sources(store.etag("sources"))
        self.requests += 1
        if rules is not None or sources is not None:
            store.replace_catalogues(rules, sources, rules_etag, sources_etag)
            if rules is not None:
                self.changed["rules"] = len(rules.rules)
            if sources is not None:
                self.changed["sources"] = len(sources.sources)
        self.step = self.steps
        self.report("done", 0.0)

    def category(self, officer_id: str, category: wire.Category) -> None:
        """Fetch pages until `has_more` is false, applying each as it arrives.

        The next page is fetched on a helper thread while this one is written (network
        and JSON validation overlap with SQLCipher work), but pages are applied strictly
        in order and only after the previous one committed."""
        store = self.e._store
        cursor = store.cursor(category)
        began = time.monotonic()
        first_time: datetime | None = None
        fetcher = _Prefetcher(self.e._api, officer_id, category, self.e._page_size, self.cancel)
        try:
            fetcher.request(cursor)
            while True:
                page, size = fetcher.result()
                self.requests += 1
                self.bytes += size
                if page.has_more:
                    fetcher.request(page.next_cursor)  # fetch ahead while we write
                self.check()
                if page.changes or page.next_cursor != cursor:
                    store.apply_feed_page(page)
                    cursor = page.next_cursor
                n = len(page.changes)
                self.items += n
                if n:
                    self.changed[category] = self.changed.get(category, 0) + n
                eta = None
                if page.has_more and page.changes:
                    first_time, eta = _estimate(page, first_time, began, self.e._clock())
                self.report(category, eta)
                if not page.has_more:
                    return
        finally:
            fetcher.close()

    def flags(self, officer_id: str) -> None:
        api, store = self.e._api, self.e._store
        listed, etag = api.flags(officer_id, store.etag("flags"))
        self.requests += 1
        if listed is None:
            return
        held = {f.id: f for f in store.flags()}
        details: list[wire.FlagDetail] = []
        for summary in listed.flags:
            self.check()
            old = held.get(summary.id)
            if (
                old is not None
                and old.updated_at == summary.updated_at
                and old.status == summary.status
            ):
                details.append(old)
                continue
            details.append(api.flag(officer_id, summary.id))
            self.requests += 1
            self.changed["flags"] = self.changed.get("flags", 0) + 1
        if len(details) != len(held) or self.changed.get("flags"):
            self.changed.setdefault("flags", 0)
        store.replace_flags(details, etag)


def _estimate(
    page: wire.FeedPage, first: datetime | None, began: float, now: datetime
) -> tuple[datetime | None, float | None]:
    times = [c.record.occurred_at for c in page.changes if isinstance(c, wire.Upsert)]
    if not times:
        return first, None
    first = first or min(times)
    reached = max(times)
    span = (now - first).total_seconds()
    done = (reached - first).total_seconds()
    if span <= 0 or done <= 0 or done >= span:
        return first, None
    spent = time.monotonic() - began
    return first, spent * (span - done) / done


class _Prefetcher:
    """Fetches one feed page ahead on a helper thread."""

    def __init__(
        self,
        api: SyncApi,
        officer_id: str,
        category: wire.Category,
        limit: int,
        cancel: threading.Event,
    ) -> None:
        self._api = api
        self._officer_id = officer_id
        self._category = category
        self._limit = limit
        self._cancel = cancel
        self._results: queue.Queue[tuple[bool, Any]] = queue.Queue()
        self._thread: threading.Thread | None = None

    def request(self, cursor: str | None) -> None:
        def fetch() -> None:
            try:
                self._results.put(
                    (True, self._api.feed(self._officer_id, self._category, cursor, self._limit))
                )
            except BaseException as exc:  # handed to the sync thread, raised there
                self._results.put((False, exc))

        self._thread = threading.Thread(target=fetch, name="recourse-sync-fetch", daemon=True)
        self._thread.start()

    def result(self) -> tuple[wire.FeedPage, int]:
        while True:
            try:
                ok, value = self._results.get(timeout=0.1)
                break
            except queue.Empty:
                if self._cancel.is_set():
                    raise SyncCancelled() from None
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]

    def close(self) -> None:
        # A fetch still running finishes on its own (its result is dropped); requests has
        # per-read timeouts, so it cannot hang for long.
        self._thread = None

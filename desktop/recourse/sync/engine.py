"""Incremental, resumable sync from the force's API into the encrypted store.

Each feed page is applied with `Store.apply_feed_page`: its changes and the cursor that
follows them in one transaction. A kill at any moment therefore leaves the store at a
page boundary, and the next run carries on from the stored cursor. Flags, the access log
and the catalogues are fetched with If-None-Match. First, one `changes` request says
which categories have new changes and which ETags moved, so a sync with nothing new is
`/me` and that one request (a caseload asks it once for all members; a server without it
gets the per-category requests).

Cancelling (setting the event given to `run`) interrupts a request in flight: the API
client closes its connection, so `run` returns within a fraction of a second even while
a large page is arriving, and the store stays at the last page boundary.
"""

from __future__ import annotations

import gc
import logging
import queue
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar

from recourse.api.errors import RequestCancelled, ResponseInvalid, ResponseTooLarge
from recourse.domain.errors import RecourseError
from recourse.protocol import changes_wire as chw
from recourse.protocol import wire
from recourse.store import Store, StoredDataUnreadable
from recourse.store.db import PreparedPage
from recourse.sync.known_changes import KnownChanges
from recourse.sync.outcome import FeedNotAdvancing, SyncCancelled, SyncProgress, SyncResult

log = logging.getLogger(__name__)

_F = TypeVar("_F", wire.FlagSummary, wire.FlagDetail)

#: How long `run` waits for a cancelled request's thread to finish before returning.
_CANCEL_GRACE = 0.25


class SyncApi(Protocol):
    """What sync needs of `recourse.api.ApiClient`.

    `cancel`: when the event is set, the call in flight is abandoned (its connection
    closed) and raises `recourse.api.RequestCancelled`."""

    def me(self, *, cancel: threading.Event | None = None) -> wire.Me: ...

    def feed(
        self,
        officer_id: str,
        category: wire.Category,
        cursor: str | None,
        limit: int | None = None,
        *,
        with_remaining: bool = False,
        cancel: threading.Event | None = None,
    ) -> tuple[wire.FeedPage, int]: ...

    def flags(
        self, officer_id: str, etag: str | None = None, *, cancel: threading.Event | None = None
    ) -> tuple[wire.FlagList | None, str | None]: ...

    def flag(
        self, officer_id: str, flag_id: str, *, cancel: threading.Event | None = None
    ) -> wire.FlagDetail: ...

    def access_log(
        self, officer_id: str, etag: str | None = None, *, cancel: threading.Event | None = None
    ) -> tuple[wire.AccessLog | None, str | None]: ...

    def rules(
        self, etag: str | None = None, *, cancel: threading.Event | None = None
    ) -> tuple[wire.RuleCatalogue | None, str | None]: ...

    def sources(
        self, etag: str | None = None, *, cancel: threading.Event | None = None
    ) -> tuple[wire.SourceCatalogue | None, str | None]: ...

    def changes(
        self, officers: list[chw.OfficerCursors], *, cancel: threading.Event | None = None
    ) -> chw.ChangesSummary: ...


if TYPE_CHECKING:
    from recourse.api.client import ApiClient

    def _api_client_is_a_sync_api(api: ApiClient) -> SyncApi:
        """Never called: mypy checks here that `ApiClient` offers what `SyncApi` asks."""
        return api


#: Empty pages that still say "more to come", in a row, before sync gives up on them.
_MAX_EMPTY_PAGES = 3
#: Pages of a category when the server gave no count (a million changes at the least).
_MAX_PAGES_UNCOUNTED = 10_000


class _FeedGuard:
    """Bounds one category's page loop so a server cannot keep it going for ever.

    A cursor must move on (never one already given in this run); pages that bring
    nothing cannot go on; and once the server has counted what follows (first page,
    `remaining`), changes and pages beyond that count plus a margin for what changes
    meanwhile stop the loop."""

    def __init__(self, category: str, first_cursor: str | None, page_size: int) -> None:
        self.category = category
        self.page_size = page_size
        self.seen: set[str] = set() if first_cursor is None else {first_cursor}
        self.pages = 0
        self.items = 0
        self.empty_in_a_row = 0
        self.announced: int | None = None

    def check(self, page: wire.FeedPage) -> None:
        self.pages += 1
        self.items += len(page.changes)
        if self.announced is None and self.pages == 1 and page.remaining is not None:
            self.announced = len(page.changes) + page.remaining
        if not page.has_more:
            return
        if page.next_cursor in self.seen:
            raise FeedNotAdvancing(
                self.category, "it sent Recourse back to a place in the list it had already "
                f"passed (page {self.pages})")
        self.seen.add(page.next_cursor)
        self.empty_in_a_row = 0 if page.changes else self.empty_in_a_row + 1
        if self.empty_in_a_row > _MAX_EMPTY_PAGES:
            raise FeedNotAdvancing(
                self.category, f"its last {self.empty_in_a_row} pages were empty")
        if self.announced is None:
            if self.pages > _MAX_PAGES_UNCOUNTED:
                raise FeedNotAdvancing(
                    self.category, f"it sent {self.pages:,} pages without saying how many")
            return
        # What changes while the sync runs comes on top of the count: a generous margin.
        allowed_items = self.announced + max(self.page_size, self.announced // 10)
        allowed_pages = self.announced + _MAX_EMPTY_PAGES + 10
        if self.items > allowed_items or self.pages > allowed_pages:
            raise FeedNotAdvancing(
                self.category, f"it has sent {self.items:,} changes in {self.pages:,} "
                f"pages where it had announced {self.announced:,}")


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
        changes: chw.ChangesSummary | None = None,
        me: wire.Me | None = None,
    ) -> None:
        """`changes`: the answer to a `changes` request already made for this store's
        officer (a caseload asks once for every member); otherwise the run asks.
        `me`: whom the store is about, when the caller knows (a representative's member,
        as the mandate names them); otherwise the run asks `/me`."""
        self._api = api
        self._changes = changes
        self._me = me
        self._store = store
        self._progress = progress
        self._page_size = page_size
        self._clock = clock

    def run(self, cancel: threading.Event | None = None) -> SyncResult:
        cancel = cancel or threading.Event()
        run = self._run(cancel)
        try:
            run.all()
            state: Literal["ok", "cancelled", "failed"] = "ok"
            error: RecourseError | None = None
        except SyncCancelled:
            state, error = "cancelled", None
        except RecourseError as exc:  # api and store errors alike
            if isinstance(exc, RequestCancelled):
                state, error = "cancelled", None
            else:
                state, error = "failed", exc
                log.warning("sync failed: %s", type(exc).__name__)
        except Exception:
            # A bug, not a condition: it propagates, but the store must not go on saying
            # the last sync was fine.
            try:
                self._store.record_sync(
                    self._clock(), "failed",
                    "Sync stopped because of an unexpected problem. What was already "
                    "downloaded is kept.")
            except RecourseError:
                pass
            raise
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
        self._run(threading.Event()).flags(officer_id)

    def _run(self, cancel: threading.Event) -> _Run:
        return _Run(self._api, self._store, self._progress, self._page_size, cancel,
                    self._changes, self._me)


class _CategoryTally:
    """What progress says about the category being synced."""

    def __init__(self) -> None:
        self.began = time.monotonic()
        self.items = 0
        self.bytes = 0
        self.total: int | None = None

    def add(self, page: wire.FeedPage, size: int) -> None:
        if self.total is None and page.remaining is not None:
            self.total = len(page.changes) + page.remaining  # asked on the first page
        self.items += len(page.changes)
        self.bytes += size
        if not page.has_more:
            self.total = self.items  # what the server had when we got there
        elif self.total is not None and self.items >= self.total:
            self.total = None  # more than counted arrived meanwhile: no basis any more

    def remaining(self) -> int | None:
        return None if self.total is None else max(0, self.total - self.items)

    def eta(self) -> float | None:
        left = self.remaining()
        if left is None or self.items == 0:
            return None
        return (time.monotonic() - self.began) * left / self.items

    def bytes_remaining(self) -> int | None:
        left = self.remaining()
        if left is None or self.items == 0:
            return None
        return round(self.bytes * left / self.items)


class _Run:
    """One sync run: its collaborators, its cancel event and what it has done so far."""

    def __init__(
        self,
        api: SyncApi,
        store: Store,
        progress: Callable[[SyncProgress], None] | None,
        page_size: int,
        cancel: threading.Event,
        changes: chw.ChangesSummary | None = None,
        me: wire.Me | None = None,
    ) -> None:
        self.api = api
        self.summary = changes
        self.given_me = me
        #: What changed for this officer since the stored cursors (`all` asks first).
        self.known = KnownChanges.nothing_known(store)
        self.store = store
        self.progress = progress
        self.page_size = page_size
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

    def report(self, current: str, tally: _CategoryTally | None = None) -> None:
        if self.progress is None:
            return
        extra: dict[str, Any] = {}
        eta: float | None = 0.0 if current == "done" else None
        if tally is not None:
            eta = tally.eta()
            extra = {
                "category_total": tally.total,
                "category_items": tally.items,
                "remaining": tally.remaining(),
                "bytes_remaining": tally.bytes_remaining(),
            }
        self.progress(
            SyncProgress(
                current=current,
                items=self.items,
                bytes=self.bytes,
                elapsed=time.monotonic() - self.started,
                eta_seconds=eta,
                step=self.step,
                steps=self.steps,
                **extra,
            )
        )

    def begin(self, current: str) -> None:
        self.check()
        self.step += 1
        self.report(current)

    def all(self) -> None:
        api, store, cancel = self.api, self.store, self.cancel
        self.begin("me")
        me = self.given_me
        if me is None:
            me = api.me(cancel=cancel)
            self.requests += 1
        try:
            held_me = store.me()
        except StoredDataUnreadable:
            held_me = None  # replaced below: what the server says now
        if held_me != me:
            store.put_me(me)
        known = self.known = self.learn_changes(me.officer_id)
        for category in wire.CATEGORIES:
            self.begin(category)
            if not known.category_unchanged(category):
                self.category(me.officer_id, category)
        self.begin("flags")
        self.flags(me.officer_id)
        self.begin("access_log")
        if not known.resource_unchanged("access_log"):
            entries, etag = api.access_log(me.officer_id, store.etag("access_log"),
                                           cancel=cancel)
            self.requests += 1
            if entries is not None:
                store.replace_access_log(entries, etag)
                self.changed["access_log"] = len(entries.entries)
        self.begin("rules")
        rules, rules_etag = None, store.etag("rules")
        if not known.catalogue_unchanged("rules"):
            rules, rules_etag = api.rules(rules_etag, cancel=cancel)
            self.requests += 1
        self.begin("sources")
        sources, sources_etag = None, store.etag("sources")
        if not known.catalogue_unchanged("sources"):
            sources, sources_etag = api.sources(sources_etag, cancel=cancel)
            self.requests += 1
        self.check()
        if rules is not None or sources is not None:
            store.replace_catalogues(rules, sources, rules_etag, sources_etag)
            if rules is not None:
                self.changed["rules"] = len(rules.rules)
            if sources is not None:
                self.changed["sources"] = len(sources.sources)
        self.step = self.steps
        self.report("done")

    def learn_changes(self, officer_id: str) -> KnownChanges:
        if self.summary is not None:
            return KnownChanges(self.store, self.summary, officer_id)
        known = KnownChanges.ask(self.api, self.store, officer_id, self.cancel)
        self.requests += known.requests
        return known

    def category(self, officer_id: str, category: wire.Category) -> None:
        """Fetch pages until `has_more` is false, applying each as it arrives.

        The next page is fetched on a helper thread while this one is written (network
        and JSON validation overlap with SQLCipher work), but pages are applied strictly
        in order and only after the previous one committed. The first request asks the
        server how many changes follow, which gives progress its total and its ETA."""
        store = self.store
        cursor = store.cursor(category)
        tally = _CategoryTally()
        guard = _FeedGuard(category, cursor, self.page_size)
        fetcher = _Prefetcher(self.api, store, officer_id, category, self.page_size, self.cancel)
        with _CollectorPaused():
            try:
                fetcher.request(cursor, with_remaining=True)
                while True:
                    try:
                        prepared, size = fetcher.result()
                    except ResponseTooLarge:
                        # Larger than a page may be: ask again for half as many changes
                        # (records that are each large still come down, a few at a time).
                        if not fetcher.smaller():
                            raise
                        fetcher.request(cursor, with_remaining=guard.pages == 0)
                        continue
                    page = prepared.page
                    self.requests += 1
                    self.bytes += size
                    guard.check(page)  # before asking for more: the loop must end
                    if page.has_more:
                        fetcher.request(page.next_cursor)  # fetch ahead while we write
                    self.check()
                    if page.changes or page.next_cursor != cursor:
                        store.apply_feed_page(prepared)
                        cursor = page.next_cursor
                    n = len(page.changes)
                    self.items += n
                    if n:
                        self.changed[category] = self.changed.get(category, 0) + n
                    tally.add(page, size)
                    self.report(category, tally)
                    if not page.has_more:
                        return
            finally:
                fetcher.close()

    def flags(self, officer_id: str) -> None:
        api, store, cancel = self.api, self.store, self.cancel
        try:
            held = {f.id: f for f in store.flags()}
            held_etag = store.etag("flags")
        except StoredDataUnreadable:
            # Saved flags that no longer read back (an older version stored them): ask
            # for every flag afresh, without the ETag that would answer "not modified".
            held, held_etag = {}, None
        if held_etag is not None and self.known.resource_unchanged("flags"):
            return
        listed, etag = api.flags(officer_id, held_etag, cancel=cancel)
        self.requests += 1
        if listed is None:
            return
        for summary in listed.flags:
            _own_flag(summary, officer_id)
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
            detail = api.flag(officer_id, summary.id, cancel=cancel)
            if detail.id != summary.id:
                raise ResponseInvalid("a different flag came back from the one asked for")
            details.append(_own_flag(detail, officer_id))
            self.requests += 1
            self.changed["flags"] = self.changed.get("flags", 0) + 1
        if len(details) != len(held) or self.changed.get("flags"):
            self.changed.setdefault("flags", 0)
        self.check()
        store.replace_flags(details, etag)


def _own_flag(flag: _F, officer_id: str) -> _F:
    """A flag about another officer is never stored under this one's name."""
    if flag.officer_id != officer_id:
        raise ResponseInvalid("a flag about another officer came back")
    return flag


class _CollectorPaused:
    """Defers Python's cyclic garbage collector while one category's pages are fetched,
    parsed and written.

    A page of 5,000 records is tens of thousands of short-lived, acyclic objects that
    reference counting frees; with the collector running, their allocation set off
    dozens of collections per page, each scanning them and the rest of the heap again:
    measured at about a quarter of a full first sync. Pauses nest across threads: the
    collector resumes when the last one ends, and only if it was running when the first
    began, so whatever cyclic garbage other threads made meanwhile is collected then."""

    _lock = threading.Lock()
    _depth = 0
    _resume = False

    def __enter__(self) -> None:
        cls = type(self)
        with cls._lock:
            if cls._depth == 0:
                cls._resume = gc.isenabled()
                gc.disable()
            cls._depth += 1

    def __exit__(self, *exc: object) -> None:
        cls = type(self)
        with cls._lock:
            cls._depth -= 1
            if cls._depth == 0 and cls._resume:
                gc.enable()


class _Prefetcher:
    """Fetches one feed page ahead on a helper thread and turns it into rows there."""

    def __init__(
        self,
        api: SyncApi,
        store: Store,
        officer_id: str,
        category: wire.Category,
        limit: int,
        cancel: threading.Event,
    ) -> None:
        self._api = api
        self._store = store
        self._officer_id = officer_id
        self._category = category
        self._limit = limit
        self._cancel = cancel
        #: The prepared page and its size, or what the fetch raised.
        self._results: queue.Queue[tuple[PreparedPage, int] | BaseException] = queue.Queue()
        self._thread: threading.Thread | None = None

    def smaller(self) -> bool:
        """Halve the page size for the requests that follow; False at one change."""
        if self._limit <= 1:
            return False
        self._limit //= 2
        log.info("feed page too large: asking for %d changes at a time", self._limit)
        return True

    def request(self, cursor: str | None, *, with_remaining: bool = False) -> None:
        def fetch() -> None:
            try:
                fetched = self._api.feed(
                    self._officer_id,
                    self._category,
                    cursor,
                    self._limit,
                    with_remaining=with_remaining,
                    cancel=self._cancel,
                )
                page, size = fetched
                self._results.put((self._store.prepare_feed_page(page), size))
            except BaseException as exc:  # handed to the sync thread, raised there
                self._results.put(exc)

        self._thread = threading.Thread(target=fetch, name="recourse-sync-fetch", daemon=True)
        self._thread.start()

    def result(self) -> tuple[PreparedPage, int]:
        while True:
            try:
                value = self._results.get(timeout=0.05)
                break
            except queue.Empty:
                if self._cancel.is_set():
                    raise SyncCancelled() from None
        if isinstance(value, BaseException):
            raise value
        return value

    def close(self) -> None:
        # A cancelled fetch has its connection closed by the API client and ends at
        # once; wait briefly so no request outlives the run. Otherwise (an error on this
        # side) it finishes on its own and its result is dropped.
        thread, self._thread = self._thread, None
        if thread is not None and self._cancel.is_set():
            thread.join(_CANCEL_GRACE)

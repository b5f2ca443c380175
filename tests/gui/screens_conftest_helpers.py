"""Fixtures for the screen tests: a real encrypted store filled from the real server.

`officer_store` signs a demo officer in through the built-in issuer's login form,
then syncs the real reference server's data into a new SQLCipher profile with the
real `SyncEngine`. `pings_store` builds a profile with a year of
one-a-minute location pings (525,600) from synthetic feed pages, for the big table.

Import the fixtures into a test module: ``from tests.gui.screens_conftest_helpers
import officer_store``.
"""

from __future__ import annotations

import atexit
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from recourse.protocol import wire

PASSPHRASE = "correct horse battery staple 42"
#: The senior leader whose attendance flag counted leave and sickness as absence.
ATTENDANCE_OFFICER = "ci.okafor"
PINGS_PER_YEAR = 525_600


class _Bearer:
    """A token provider holding the access token the test obtained by signing in."""

    def __init__(self, token: str) -> None:
        self._token = token

    def access_token(self) -> str:
        return self._token

    def access_token_rejected(self, rejected: str) -> str:
        from recourse.api.errors import SignedOut

        raise SignedOut()


def _password(username: str) -> str:
    from recourse_server.synth import DEMO_ACCOUNTS

    return next(a.password for a in DEMO_ACCOUNTS if a.username == username)


def sync_into(api: Any, store: Any) -> None:
    """Fill `store` from the server with the real sync engine."""
    from recourse.sync import SyncEngine

    SyncEngine(api, store).run()


@pytest.fixture(scope="module")
def officer_store(server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The attendance officer's data, synced from the real server into a real profile."""
    from tests.support.browser import sign_in

    from recourse.api import ApiClient
    from recourse.store import Profile

    tokens = sign_in(server.url, ATTENDANCE_OFFICER, _password(ATTENDANCE_OFFICER))
    store = Profile(tmp_path_factory.mktemp("officer") / "profile").create(PASSPHRASE)
    api = ApiClient(server.url, _Bearer(tokens["access_token"]))
    try:
        sync_into(api, store)
    finally:
        api.close()
    yield store
    store.close()


def ping_pages(
    count: int, start: datetime, page_size: int = wire.MAX_PAGE_SIZE
) -> Iterator[wire.FeedPage]:
    """Synthetic feed pages of one ping a minute (built unvalidated: they are ours)."""
    now = datetime(2026, 11, 1, tzinfo=UTC)
    for first in range(0, count, page_size):
        changes = []
        for n in range(first, min(first + page_size, count)):
            record = wire.Record.model_construct(
                id=f"ping-{n:06d}",
                category="location_pings",
                occurred_at=start + timedelta(minutes=n),
                updated_at=now,
                summary=None,
                data={
                    "lat": 53.74 + (n % 97) / 10_000,
                    "lon": -0.33,
                    "accuracy_m": 15,
                    "device_id": "dev-heavy",
                },
            )
            changes.append(wire.Upsert.model_construct(op="upsert", record=record))
        yield wire.FeedPage.model_construct(
            category="location_pings",
            changes=changes,
            next_cursor=f"c{first + len(changes)}",
            has_more=first + page_size < count,
        )


def roster_page(start: date, days: int) -> wire.FeedPage:
    """Monday-to-Friday 08:00–16:00 shifts and weekend rest days."""
    now = datetime(2026, 11, 1, tzinfo=UTC)
    changes = []
    for offset in range(days):
        day = start + timedelta(days=offset)
        working = day.weekday() < 5
        begin = datetime(day.year, day.month, day.day, 8, tzinfo=UTC)
        record = wire.Record(
            id=f"roster-{day.isoformat()}",
            category="roster_entries",
            occurred_at=begin if working else begin.replace(hour=0),
            updated_at=now,
            summary="Day shift" if working else "Rest day",
            data={
                "duty_date": day.isoformat(),
                "kind": "day" if working else "rest_day",
                "start": begin.isoformat() if working else None,
                "end": (begin + timedelta(hours=8)).isoformat() if working else None,
                "unit": "HQ",
                "work_location": "office",
            },
        )
        changes.append(wire.Upsert(op="upsert", record=record))
    return wire.FeedPage(
        category="roster_entries", changes=changes, next_cursor="r", has_more=False
    )


PINGS_START = datetime(2025, 11, 1, tzinfo=UTC)


_PINGS_STORE: list[Any] = []


@pytest.fixture
def pings_store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A real profile holding a year of one-a-minute pings and a weekday roster.

    Built once per test run (the slowest set-up here) and shared by every module that
    imports this fixture; closed when the run ends.
    """
    if not _PINGS_STORE:
        from recourse.store import Profile

        folder = Path(tmp_path_factory.mktemp("pings")) / "profile"
        store = Profile(folder).create(PASSPHRASE)
        store.apply_feed_page(roster_page(PINGS_START.date(), 365))
        for page in ping_pages(PINGS_PER_YEAR, PINGS_START):
            store.apply_feed_page(page)
        _PINGS_STORE.append(store)
        atexit.register(store.close)
    return _PINGS_STORE[0]

"""Every item model passes pytest-qt's model tester, and the big table stays lazy."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from tests.gui import screens_conftest_helpers as helpers

from recourse.ui.models.access_log_model import AccessLogModel
from recourse.ui.models.block_cache import BlockCache
from recourse.ui.models.evidence_model import EvidenceModel
from recourse.ui.models.flag_table_model import FlagRole, FlagTableModel
from recourse.ui.models.record_table_model import PINGS, OnDutyRole, RecordRole, RecordTableModel

PINGS_PER_YEAR = helpers.PINGS_PER_YEAR
# Fixtures shared by the screen tests (a module-level name makes pytest find them).
officer_store = helpers.officer_store
pings_store = helpers.pings_store


def test_block_cache_keeps_only_the_last_blocks() -> None:
    fetched: list[tuple[int, int]] = []

    def fetch(offset: int, limit: int) -> list[int]:
        fetched.append((offset, limit))
        return list(range(offset, min(offset + limit, 1000)))

    cache = BlockCache(fetch, block_size=100, max_blocks=3)
    assert cache.get(5) == 5
    assert cache.get(99) == 99 and len(fetched) == 1  # same block, no new fetch
    for row in (150, 250, 350):
        assert cache.get(row) == row
    assert cache.cached_blocks == 3
    assert cache.get(5) == 5 and fetched[-1] == (0, 100)  # block 0 was evicted
    assert cache.get(999) == 999 and cache.get(1500) is None


def test_flag_and_access_log_models(qtmodeltester: Any, officer_store: Any) -> None:
    flags = FlagTableModel()
    flags.set_flags(officer_store.flags())
    assert flags.rowCount() == len(officer_store.flags()) > 0
    qtmodeltester.check(flags, force_py=True)
    first = flags.index(0, 0).data(FlagRole)
    assert first is not None and first.status in ("open", "under_review")

    log = AccessLogModel()
    log.set_entries(officer_store.access_log())
    assert log.rowCount() == len(officer_store.access_log()) > 0
    qtmodeltester.check(log, force_py=True)
    times = [log.entry_at(r).viewed_at for r in range(log.rowCount())]
    assert times == sorted(times, reverse=True)
    log.sort(0, Qt.SortOrder.AscendingOrder)  # the tester watches the layout change
    assert [log.entry_at(r).viewed_at for r in range(log.rowCount())] == sorted(times)


@pytest.mark.parametrize("category", ["roster_entries", "absences", "building_access", PINGS])
def test_record_model_over_each_category(
    qtmodeltester: Any, officer_store: Any, category: str
) -> None:
    from recourse.domain.recheck import DutyRoster
    from recourse.store import RecordQuery

    query = RecordQuery()
    if category == PINGS:  # three days of pings: the tester visits every row
        first = officer_store.page(category, query, 0, 1)[0].occurred_at
        query = RecordQuery(since=first, until=first + timedelta(days=3))
    model = RecordTableModel()
    model.set_source(officer_store, category, query)
    assert model.rowCount() == officer_store.count(category, query) > 0
    if category == PINGS:
        model.set_roster(
            DutyRoster.from_entries(r.data for r in officer_store.iter_category("roster_entries"))
        )
        duties = {model.index(r, 0).data(OnDutyRole) for r in range(min(model.rowCount(), 500))}
        assert duties == {True, False}
    qtmodeltester.check(model, force_py=True)
    first = model.index(0, 0).data(RecordRole)
    assert first == officer_store.page(category, query, 0, 1)[0]
    # The tester stays connected and checks the reset signals of sorting and locking.
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert (
        model.index(0, 0).data(RecordRole)
        == officer_store.page(category, replace(query, descending=True), 0, 1)[0]
    )
    model.set_source(None, None, None)
    assert model.rowCount() == 0 and model.columnCount() == 0


def test_evidence_model_over_a_flag(qtmodeltester: Any, officer_store: Any) -> None:
    flag = next(f for f in officer_store.flags() if f.rule.id == "hybrid-attendance")
    ids = list(flag.provenance.input_record_ids)
    model = EvidenceModel()
    model.set_records(officer_store, ids)
    assert model.rowCount() == len(ids)
    qtmodeltester.check(model, force_py=True)
    assert [model.record_id_at(r) for r in range(model.rowCount())] == ids
    assert all(model.record_at(r).id == ids[r] for r in range(model.rowCount()))
    model.highlight(ids[:2])
    assert model.index(0, 2).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(2, 2).data(Qt.ItemDataRole.FontRole) is None


def test_a_year_of_minute_pings_opens_at_once_and_scrolls_lazily(pings_store: Any) -> None:
    from recourse.store import RecordQuery

    model = RecordTableModel()
    started = time.perf_counter()
    model.set_source(pings_store, PINGS, RecordQuery())
    first = model.index(0, 0).data()
    opened = time.perf_counter() - started
    assert model.rowCount() == PINGS_PER_YEAR
    assert first == "2025-11-01 00:00 GMT"
    # Opening reads one block, not the year; the figure is `python -m bench ui`'s
    # (ui.open_pings), so the bound here only leaves a loaded machine a wide margin.
    assert model.cache.cached_blocks == 1
    assert opened < 10.0, f"opening took {opened:.2f}s"

    started = time.perf_counter()
    for row in range(500_000, 500_060):
        model.index(row, 0).data()
    record = model.index(500_000, 0).data(RecordRole)
    scrolled = time.perf_counter() - started
    assert record.id == "ping-500000"
    assert scrolled < 10.0, f"scrolling to row 500,000 took {scrolled:.2f}s"
    # Only the blocks the view touched are held, never the category.
    assert model.cache.cached_blocks <= 2
    assert model.cache.cached_rows <= 2 * model.cache.block_size
    assert not model.index(0, 0).parent().isValid()
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None

"""The representative's caseload screen on the real stack: rep.davies's members after a
caseload sync (the GUI server seeds data for Hughes among them, not Shah or Walsh), one
row each, filterable and sortable from the keyboard, Enter opens the member. Real
server, real profile, real widgets."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from tests.gui import contest_helpers as h
from tests.support.browser import signed_in_client

from recourse.ui.models.caseload_model import NEXT_COLUMN, RowRole

HUGHES, SHAH, WALSH = "off-1042", "off-1517", "off-1290"


@pytest.fixture(scope="module")
def rep(server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from recourse.contest.caseload import refresh_caseload_requests
    from recourse.sync import sync_caseload

    folder = tmp_path_factory.mktemp("rep") / "profile"
    with signed_in_client(folder, server.url, "rep.davies", "demo-davies-2026",
                          h.PASSPHRASE) as (store, api):
        result = sync_caseload(api, store)
        assert result.ok
        refresh_caseload_requests(api, store, list(result.members))
        yield store, api


def test_the_caseload_lists_each_member_with_what_needs_doing(
        qtbot: Any, qtmodeltester: Any, rep: Any) -> None:
    from recourse.store import MemberStores
    from recourse.ui.screens.caseload import CaseloadScreen

    store, api = rep
    screen = CaseloadScreen(h.make_context(store, api))
    qtbot.addWidget(screen)
    screen.resize(1200, 420)
    started = time.perf_counter()
    screen.set_store(store)
    screen.show()
    qtbot.waitExposed(screen)
    screen.repaint()
    painted_ms = (time.perf_counter() - started) * 1000
    qtmodeltester.check(screen.model)
    rows = {screen.model.rows[i].officer_id: screen.model.rows[i]
            for i in range(screen.model.rowCount())}
    assert set(rows) == {HUGHES, SHAH, WALSH}
    hughes = rows[HUGHES]
    assert (hughes.name, hughes.rank, hughes.force_number) == (
        "Rhys Hughes", "Police Constable", "NP4417")
    member = MemberStores(store).open(HUGHES)
    try:
        open_flags = [f for f in member.flags() if f.status not in ("withdrawn", "closed")]
    finally:
        member.close()
    assert hughes.open_flags == len(open_flags) > 0
    assert hughes.mandate.startswith("M-") and hughes.next_step.startswith("Review")
    assert rows[WALSH].open_flags == 0 and rows[WALSH].next_step == "Nothing due"
    assert "3 members" in screen.summary.text()
    # Sorted by what needs doing: the members with something to do come first.
    assert screen.proxy.index(0, 0).data(RowRole).officer_id == HUGHES
    # Filter from the keyboard, then Enter opens the member.
    qtbot.keyClicks(screen.filter, "shah")
    assert screen.proxy.rowCount() == 1
    screen.view.setFocus()
    screen.view.setCurrentIndex(screen.proxy.index(0, 0))
    with qtbot.waitSignal(screen.member_opened) as opened:
        qtbot.keyClick(screen.view, Qt.Key.Key_Return)
    assert opened.args == [SHAH]
    screen.filter.clear()
    screen.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [screen.proxy.index(r, 0).data() for r in range(3)] == [
        "Daniel Walsh", "Priya Shah", "Rhys Hughes"]
    screen.view.sortByColumn(NEXT_COLUMN, Qt.SortOrder.AscendingOrder)
    shots = os.environ.get("RECOURSE_SHOTS")
    if shots:
        screen.grab().save(str(Path(shots) / "caseload.png"))
    print(f"caseload screen opened and painted in {painted_ms:.0f} ms")
    assert painted_ms < 1000

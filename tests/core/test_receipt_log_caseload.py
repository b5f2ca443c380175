"""A representative's client compares the force's log as each member's sync saw it: a
force that shows one member a different log from another (a split view) is caught,
though neither member's own check could see it. Real server, real stores."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.support import log_tamper
from tests.support.browser import signed_in_client

from recourse.contest import ContestService
from recourse.store.receipt_log import LogStore
from recourse.sync import sync_caseload
from recourse.sync.receipt_log import check_caseload_log

HUGHES, SHAH = "off-1042", "off-1517"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from tests.support.server import start_server

    with start_server(tmp_path_factory.mktemp("server"), ping_interval=240,
                      only=["pc.hughes", "ds.shah"]) as running:
        yield running


def test_members_shown_different_logs_are_caught(server: Any, tmp_path: Path) -> None:
    with signed_in_client(tmp_path / "rep", server.url, "rep.davies", "demo-davies-2026",
                          "correct horse battery staple") as (store, api):
        assert sync_caseload(api, store).ok
        ContestService(store, api).pin_server_key()
        honest = check_caseload_log(api, store, [HUGHES])
        assert honest.state == "ok", honest.problems
        assert {h.seen_via for h in LogStore(store).heads()} == {HUGHES}

        # The force now answers Shah's sync with another log of the same size; Shah's own
        # store has seen no other, so only the comparison across members can tell.
        before = log_tamper.leaves(server.database_url)
        log_tamper.resign_newest(server.database_url)
        try:
            shah_alone = check_caseload_log(api, store, [SHAH])
        finally:
            log_tamper.rewrite(server.database_url, lambda _old: before)
        assert shah_alone.state == "altered"
        assert {p.kind for p in shah_alone.problems} == {"forked"}
        split = [a for a in LogStore(store).alerts() if a.kind == "forked"]
        assert split and "different logs" in split[0].detail
        assert split[0].evidence["older"] != split[0].evidence["newer"]
        assert set(split[0].evidence["members"]) == {HUGHES, SHAH}

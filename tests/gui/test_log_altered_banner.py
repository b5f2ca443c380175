"""The officer is told, in the window's banner and in plain words, when the next sync finds
that the force rolled its log of receipts back; the rest of the sync still completes.
Real server, real profile, real window."""

from __future__ import annotations

from pathlib import Path

from tests.gui.conftest import build_window, close_window, first_run_through_ui, sync_now
from tests.support import log_tamper

from recourse.contest import ContestService, Draft
from recourse.protocol.jws import unverified_payload
from recourse.store.receipt_log import LogStore


def test_a_rolled_back_log_is_said_in_the_banner(qtbot, profile, server, tmp_path: Path):
    before = log_tamper.leaves(server.database_url)
    window = build_window(qtbot, profile, server)
    try:
        first_run_through_ui(qtbot, window, server.url)
        store, api = window.context.store, window.context.api
        contest = ContestService(store, api)
        contest.pin_server_key()
        contest.ensure_signing_key()
        draft = Draft(kind="sar")
        contest.save_draft(draft)
        sent = contest.submit(contest.prepare(draft))
        receipt = contest.contest.receipt(sent.id)
        index = unverified_payload(receipt.token)["log_index"]

        assert sync_now(qtbot, window) is True
        assert window.banner.info is None or window.banner.info.kind != "LogAltered"
        assert LogStore(store).proof(receipt.reference) is not None

        log_tamper.roll_back(server.database_url, index)
        assert sync_now(qtbot, window) is True  # the sync itself still succeeds
        info = window.banner.info
        assert window.banner.isVisible() and info is not None and info.kind == "LogAltered"
        text = window.banner.text.text()
        assert "The force's record of what you sent has changed since" in text
        assert "shrank" in text and "kept the proof" in text
        window.grab().save(str(tmp_path / "log-altered.png"))
        assert LogStore(store).alerts() and all(a.seen for a in LogStore(store).alerts())
    finally:
        log_tamper.rewrite(server.database_url, lambda _old: before)
        close_window(window)

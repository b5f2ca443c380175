"""Contesting end to end with the force's side on the command line.

The officer submits a challenge and a SAR from the client (real sign-in, real
encrypted store, real client core); the reviewer acts only through the real
`recourse-server review list|clarify|extend|decide|fulfil` command, run in a subprocess
against the running server's database; the officer's Requests screen (real widgets)
refreshes and shows each step: the question, the signed answer with its verified
receipt, the extension, the outcome with the flag withdrawn, the verified response.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.support.browser import signed_in_client
from tests.support.server import RunningServer, start_server

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt

from recourse.api import ServerConnection
from recourse.contest import ContestService, Draft
from recourse.store import Store
from recourse.sync import SyncEngine

OFFICER = ("pc.hughes", "demo-hughes-2026", "off-1042")
PASSPHRASE = "correct horse battery staple"


def review(server: RunningServer, *args: str) -> str:
    """`recourse-server review ...` in its own process on the server's database."""
    script = shutil.which("recourse-server", path=str(Path(sys.executable).parent))
    command = [script] if script else [sys.executable, "-m", "recourse_server"]
    done = subprocess.run([*command, "review", *args, "--database", server.database_url,
                           "--reviewer", "DS Clarke (PSD)"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def line_of(listing: str, reference: str) -> str:
    return next(line for line in listing.splitlines() if line.startswith(reference))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with start_server(tmp_path_factory.mktemp("server"), only=[OFFICER[0]]) as running:
        yield running


@pytest.fixture
def officer(tmp_path: Path, server: RunningServer) -> Iterator[tuple[Store, ServerConnection]]:
    with signed_in_client(tmp_path / "profile", server.url, OFFICER[0], OFFICER[1],
                          PASSPHRASE) as (store, api):
        SyncEngine(api, store).run()
        yield store, api
    store.close()


def test_the_reviewer_on_the_command_line_and_the_officer_in_the_client(
    qtbot: Any, officer: tuple[Store, ServerConnection], server: RunningServer
) -> None:
    from recourse.ui.app import AppContext
    from recourse.ui.screens.requests import RequestsScreen
    from recourse.ui.settings_registry import Settings

    store, api = officer
    contest = ContestService(store, api)
    contest.ensure_signing_key(device_label="Kirkgate PC")
    flag = next(f for f in store.flags() if f.status == "open")
    challenge = Draft(kind="challenge", flag_id=flag.id, grounds=["context"],
                      statement="I was on an authorised rest day.")
    sar = Draft(kind="sar", sar_items=["copy", "purposes", "categories", "recipients",
                                       "retention", "rights", "complaint", "source",
                                       "automated_logic"])
    for draft in (challenge, sar):
        contest.save_draft(draft)
    challenged = contest.submit(contest.prepare(challenge)).receipt.reference
    asked_for = contest.submit(contest.prepare(sar)).receipt.reference

    listing = review(server, "list")
    assert "challenge" in line_of(listing, challenged)
    assert f"flag {flag.id}" in line_of(listing, challenged)
    assert "sar" in line_of(listing, asked_for) and "submitted" in line_of(listing, asked_for)

    context = AppContext(settings=Settings(policy={}), store=store, api=api)
    screen = RequestsScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    screen.set_store(store)

    def refresh() -> None:
        with qtbot.waitSignal(screen.data_changed, timeout=30_000):
            qtbot.mouseClick(screen.refresh_button, Qt.MouseButton.LeftButton)

    def state_of(reference: str) -> str:
        return str(screen.model.state_text(screen.model.row_of(reference)))

    # The reviewer asks a question; the officer sees it and answers, signed.
    review(server, "clarify", challenged, "--note", "Who authorised the rest day?")
    assert "clarification_requested" in line_of(review(server, "list"), challenged)
    refresh()
    assert state_of(challenged) == "Clarification asked"
    screen.select_reference(challenged)
    panel = screen.clarification
    assert panel.isVisible() and panel.question.text() == "Who authorised the rest day?"
    qtbot.wait(50)  # the panel just appeared: let its layout settle before clicking in it
    panel.answer.setPlainText("Inspector Shah, by email on 3 March.")
    qtbot.mouseClick(panel.review_button, Qt.MouseButton.LeftButton)
    try:
        qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible(),
                        timeout=30_000)
    except Exception as exc:
        raise AssertionError(f"no answer to sign: {panel.status.text()!r}") from exc
    assert json.loads(panel.dialog.bytes.toPlainText())["target"] == challenged
    with qtbot.waitSignal(panel.answered, timeout=30_000) as answered:
        qtbot.mouseClick(panel.dialog.send_button, Qt.MouseButton.LeftButton)
    answer = answered.args[0]
    assert answer.state == "received" and answer.receipt.kind == "clarification"
    listing = review(server, "list")
    assert "acknowledged" in line_of(listing, challenged)  # the clock runs again
    assert answer.receipt.reference not in listing  # an answer is not a case of its own

    # The reviewer extends the SAR, decides the challenge, fulfils the SAR.
    review(server, "extend", asked_for, "--reasons", "Three systems must be searched.")
    review(server, "decide", challenged, "--outcome", "upheld", "--reasons",
           "The rest day was authorised; the flag is withdrawn.")
    refresh()
    assert state_of(asked_for) == "Extended"
    assert state_of(challenged) == "Outcome: upheld"
    assert store.flag(flag.id).status == "withdrawn"  # the flag follows
    screen.select_reference(challenged)
    detail = screen.detail_text()
    assert "Reasons: The rest day was authorised; the flag is withdrawn." in detail
    assert "Inspector Shah, by email on 3 March." in detail
    assert "DS Clarke (PSD)" in detail

    review(server, "fulfil", asked_for)
    listing = review(server, "list")
    assert "fulfilled" in line_of(listing, asked_for)
    refresh()
    assert state_of(asked_for) == "Fulfilled"
    screen.select_reference(asked_for)
    assert screen.response_button.isEnabled()
    qtbot.mouseClick(screen.response_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.response_dialog is not None, timeout=30_000)
    assert "verified" in screen.status.text()
    assert contest.check_completeness(asked_for) == []
    screen.response_dialog.close()
    context.workers.wait_idle(10_000)

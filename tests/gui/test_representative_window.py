"""The representative's window on the real stack: signed in as rep.davies, the first
screen is his caseload; opening a member shows that member's Flags, data, access log and
requests under a banner naming the member and the mandate, and nothing of one member
(Hughes, Shah: both seeded, with different records) ever shows on the other's screens.
A reviewer signing in gets an explanation instead of an error. Real server, real
profile, real widgets."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from tests.gui.conftest import build_window, close_window, first_run_through_ui

HUGHES, SHAH, WALSH = "off-1042", "off-1517", "off-1290"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from tests.support.server import start_server

    with start_server(tmp_path_factory.mktemp("server"), ping_interval=480,
                      only=["pc.hughes", "ds.shah"]) as running:
        yield running


def visible_nav(window: Any) -> list[str]:
    return [window.nav.item(r).data(Qt.ItemDataRole.UserRole) for r in range(window.nav.count())
            if not window.nav.item(r).isHidden()]


def held(window: Any, officer_id: str) -> dict[str, Any]:
    """What the member's own store holds, read through the store API."""
    from recourse.protocol import wire
    from recourse.store import MemberStores, RecordQuery

    member = MemberStores(window.context.store).open(officer_id)
    try:
        ids: set[str] = set()
        counts = {}
        for category in wire.CATEGORIES:
            counts[category] = member.count(category)
            for offset in range(0, counts[category], 5000):
                ids |= {r.id for r in member.page(category, RecordQuery(), offset, 5000)}
        return {"flags": {f.id for f in member.flags()}, "records": ids, "counts": counts,
                "log": {e.id for e in member.access_log()}}
    finally:
        member.close()


def shown(view: Any) -> dict[str, Any]:
    """What the member view's screens show."""
    flags = view.screens["flags"]
    log = view.screens["access-log"]
    data = view.screens["my-data"]
    counts = {}
    for index in range(data.category_box.count()):
        data.category_box.setCurrentIndex(index)
        counts[data.current_category()] = data.model.rowCount()
    return {"flags": {flags.model.flag_at(r).id for r in range(flags.model.rowCount())},
            "log": {log.model.entry_at(r).id for r in range(log.model.rowCount())},
            "counts": counts}


def test_the_representative_opens_each_member_apart(qtbot: Any, profile: Any,
                                                     server: Any) -> None:
    window = build_window(qtbot, profile, server, "rep.davies")
    window.resize(1280, 800)
    try:
        first_run_through_ui(qtbot, window, server.url, timeout=120_000)
        # His first screen is the caseload; he has no data of his own to show.
        assert window.current_screen_key() == "caseload"
        assert visible_nav(window) == ["caseload", "settings"]
        caseload = window.screens["caseload"]
        assert caseload.model.rowCount() == 3
        window.show_screen("flags")  # Ctrl+2 and the like lead to the caseload
        assert window.current_screen_key() == "caseload"

        hughes, shah = held(window, HUGHES), held(window, SHAH)
        assert hughes["flags"] and shah["flags"] and not hughes["flags"] & shah["flags"]
        assert hughes["records"] and not hughes["records"] & shah["records"]
        assert hughes["counts"] != shah["counts"]

        seen: dict[str, dict[str, Any]] = {}
        for officer_id, surname, title in ((HUGHES, "Hughes", "PC R. Hughes"),
                                           (SHAH, "Shah", "DS P. Shah")):
            caseload.filter.setText(surname)
            caseload.view.setFocus()
            caseload.view.setCurrentIndex(caseload.proxy.index(0, 0))
            qtbot.keyClick(caseload.view, Qt.Key.Key_Return)
            assert window.current_screen_key() == "member"
            view = window.screens["member"]
            assert view.member.officer_id == officer_id
            banner = view.banner.title.text()
            assert banner.startswith(f"Acting for {title} under mandate M-"), banner
            # The scope in the words Settings uses for it ("see", not the wire's "read").
            assert "(see, act" in banner and " until " in banner
            assert visible_nav(window) == ["caseload", "member", "settings"]
            # The screens speak of the member, never to "you"; no "Ask for my data".
            requests = view.screens["requests"]
            short = title.split()[0] + " " + surname
            assert requests.ask_button.text() == f"&Ask for {short}'s data…"
            for page in view.screens.values():
                page_text = " ".join(label.text() for label in page.findChildren(
                    type(view.banner.title)) if label.isVisibleTo(view))
                assert " you " not in f" {page_text.lower()} ", (page, page_text)
            assert surname in view.screens["my-data"].findChildren(
                type(view.banner.title))[0].text()
            seen[officer_id] = shown(view)
            if os.environ.get("RECOURSE_SHOTS"):
                window.grab().save(str(Path(os.environ["RECOURSE_SHOTS"])
                                       / f"member-{surname.lower()}.png"))
            # A record of the other member cannot be found from this member's screens.
            other = shah if officer_id == HUGHES else hughes
            assert not view.screens["my-data"].show_record(sorted(other["records"])[0])
            # Back to the caseload from the keyboard.
            qtbot.keyClick(view.tabs.currentWidget(), Qt.Key.Key_Left,
                           Qt.KeyboardModifier.AltModifier)
            assert window.current_screen_key() == "caseload", QKeySequence(
                QKeySequence.StandardKey.Back).toString()
        for officer_id, own in ((HUGHES, hughes), (SHAH, shah)):
            assert seen[officer_id]["flags"] == own["flags"]
            assert seen[officer_id]["log"] == own["log"]
            shown_counts = seen[officer_id]["counts"]
            assert shown_counts == {k: own["counts"][k] for k in shown_counts}
            assert {k for k, v in own["counts"].items() if v} <= set(shown_counts)
        # The back button too, and a sync reads the member afresh without mixing them.
        caseload.filter.clear()
        assert window.open_member(HUGHES)
        qtbot.mouseClick(window.screens["member"].back_button, Qt.MouseButton.LeftButton)
        assert window.current_screen_key() == "caseload"
    finally:
        close_window(window)


def test_a_reviewer_is_told_the_client_is_not_for_reviewing(qtbot: Any, profile: Any,
                                                             server: Any) -> None:
    from tests.gui.conftest import PASSPHRASE

    window = build_window(qtbot, profile, server, "psd.clarke")
    try:
        window.start()
        window.first_run.passphrase.setText(PASSPHRASE)
        window.first_run.confirm.setText(PASSPHRASE)
        window.first_run.server.setText(server.url)
        with qtbot.waitSignal(window.sync_done, timeout=60_000):
            qtbot.mouseClick(window.first_run.create_button, Qt.MouseButton.LeftButton)
        assert window.pages.currentWidget() is window.reviewer
        assert "officers and their representatives" in window.reviewer.heading.text()
        assert "review tools" in window.reviewer.next_step.text()
        assert not window.banner.isVisible()
        if os.environ.get("RECOURSE_SHOTS"):
            window.grab().save(str(Path(os.environ["RECOURSE_SHOTS"]) / "reviewer.png"))
    finally:
        close_window(window)


def test_a_challenge_sent_for_a_member_is_signed_by_the_representative_and_shown_to_the_member(
        qtbot: Any, profile: Any, server: Any, tmp_path: Path) -> None:
    import json

    from tests.gui import contest_helpers as h
    from tests.support.browser import signed_in_client

    from recourse.contest import ContestService
    from recourse.protocol.jws import unverified_payload
    from recourse.ui.screens.requests import RequestsScreen

    window = build_window(qtbot, profile, server, "rep.davies")
    try:
        first_run_through_ui(qtbot, window, server.url, timeout=120_000)
        rep_id = window.context.store.me().officer_id
        assert window.open_member(SHAH)
        view = window.screens["member"]
        mandate = view.member.mandate
        flags = view.screens["flags"]
        assert flags.contest_button.isVisibleTo(flags)  # the mandate has "act"
        flag = flags.model.flag_at(0)
        assert flags.select_flag(flag.id)
        qtbot.mouseClick(flags.contest_button, Qt.MouseButton.LeftButton)
        wizard = flags.wizard
        assert wizard.windowTitle() == f"Contest this flag for DS P. Shah (mandate {mandate})"
        h.trust_server_key(qtbot, wizard)
        wizard.grounds_page.boxes["rectification"].setChecked(True)
        wizard.next()
        wizard.statement_page.editor.setPlainText(
            "The registry match was never confirmed to be DS Shah.")
        while wizard.currentPage() is not wizard.review_page:
            wizard.next()
        review = wizard.review_page
        qtbot.waitUntil(lambda: review.send_button.isEnabled(), timeout=30_000)
        shown = json.loads(review.bytes.toPlainText())
        # What he signs names the member, himself and the mandate.
        assert (shown["officer_id"], shown["actor_id"], shown["mandate"]) == (
            SHAH, rep_id, mandate)
        with qtbot.waitSignal(wizard.received, timeout=30_000) as received:
            qtbot.mouseClick(review.send_button, Qt.MouseButton.LeftButton)
        record = received.args[0]
        reference = record.receipt.reference
        assert unverified_payload(record.token)["actor_id"] == rep_id
        # Signed with HIS key: the key id is one of his store's, never the member's.
        keys = {k.key_id for k in ContestService(window.context.store, None).contest.keys()}
        assert unverified_payload(record.token)["key_id"] in keys
        # Kept with the member's data, not his own: on her Requests screen in his view.
        assert not ContestService(window.context.store, None).contest.entries()
        requests = view.screens["requests"]
        assert requests.model.row_of(reference) is not None
        wizard.accept()

        # A subject-access request for her, the same way.
        requests = view.screens["requests"]
        sar = requests.ask_for_data()
        assert sar.windowTitle() == f"Ask for DS P. Shah's data (mandate {mandate})"
        # Its pages speak of the member, never of "you" as the one the data is about.
        short = view.member.short
        assert short in sar.scope_page.title() and short in sar.scope_page.subTitle()
        assert short in sar.scope_page.everything.text()
        assert "about you" not in sar.scope_page.subTitle()
        assert f"entitles {short}" in sar.items_page.subTitle()
        sar.scope_page.chosen.setChecked(True)
        sar.scope_page.categories["absences"].setChecked(True)
        while sar.currentPage() is not sar.review_page:
            sar.next()
        try:
            qtbot.waitUntil(lambda: sar.review_page.send_button.isEnabled(), timeout=30_000)
        except Exception:
            raise AssertionError(sar.review_page.status.text()) from None
        signed = json.loads(sar.review_page.bytes.toPlainText())
        assert (signed["kind"], signed["officer_id"], signed["actor_id"], signed["mandate"]) == (
            "sar", SHAH, rep_id, mandate)
        with qtbot.waitSignal(sar.received, timeout=30_000) as sent:
            qtbot.mouseClick(sar.review_page.send_button, Qt.MouseButton.LeftButton)
        sar_reference = sent.args[0].receipt.reference
        sar.accept()
        assert requests.model.row_of(sar_reference) is not None
    finally:
        close_window(window)

    # The member sees it on her own Requests screen, sent for her under the mandate.
    with signed_in_client(tmp_path / "shah", server.url, "ds.shah", "demo-shah-2026",
                          h.PASSPHRASE) as (store, api):
        from recourse.sync import SyncEngine

        SyncEngine(api, store).run()
        records = ContestService(store, api).refresh_submissions()
        mine = next(r for r in records if r.reference == reference)
        assert any(r.reference == sar_reference and r.sent_by is not None for r in records)
        assert mine.sent_by is not None and mine.sent_by.mandate == mandate
        context = h.make_context(store, api)
        screen = RequestsScreen(context)
        qtbot.addWidget(screen)
        screen.set_store(store)
        assert screen.select_reference(reference)
        text = screen.detail_text()
        assert (f"Sent for you by your representative {mine.sent_by.name} under mandate "
                f"{mandate}.") in text, text
        assert mine.sent_by.name in screen.model.index(
            screen.model.row_of(reference), 0).data()
        if os.environ.get("RECOURSE_SHOTS"):
            screen.resize(1100, 600)
            screen.grab().save(str(Path(os.environ["RECOURSE_SHOTS"]) / "member-own.png"))
        context.workers.shutdown()
        context.workers.wait_idle(5000)


def test_locking_closes_the_member_and_a_revoked_mandate_takes_them_off_screen(
        qtbot: Any, profile: Any, server: Any, tmp_path: Path) -> None:
    """Last in this module: Walsh revokes his mandate."""
    from tests.gui import contest_helpers as h
    from tests.gui.conftest import sync_now, unlock_through_ui
    from tests.support.browser import signed_in_client

    from recourse.contest import ContestService
    from recourse.store import MemberStores
    from recourse.sync import SyncEngine

    window = build_window(qtbot, profile, server, "rep.davies")
    try:
        first_run_through_ui(qtbot, window, server.url, timeout=120_000)
        assert window.open_member(WALSH)
        view = window.screens["member"]
        member_store = view.member_store
        # Locking closes the member's store with his own; nothing of Walsh stays on screen.
        window.lock()
        assert member_store.closed and view.member is None and not view.screens
        unlock_through_ui(qtbot, window)
        assert window.current_screen_key() == "caseload"
        assert "member" not in visible_nav(window)

        qtbot.waitUntil(lambda: window.sync_job is None, timeout=60_000)  # unlock's sync
        assert window.open_member(WALSH)
        with signed_in_client(tmp_path / "walsh", server.url, "pc.walsh", "demo-walsh-2026",
                              h.PASSPHRASE) as (store, api):
            SyncEngine(api, store).run()
            contest = ContestService(store, api)
            contest.pin_server_key()
            reference = next(m.reference for m in contest.mandates() if m.state == "current")
            contest.revoke_mandate(reference)
        # The force answers 404 for Walsh at once: his data goes from this PC at once.
        from recourse.contest.caseload import refresh_caseload_requests

        assert refresh_caseload_requests(window.context.api, window.context.store,
                                         [WALSH, SHAH]) == [WALSH]
        assert WALSH not in MemberStores(window.context.store).known()
        assert sync_now(qtbot, window), window.banner.text.text()
        # His next sync removes Walsh: off screen, out of the caseload, off this PC.
        assert window.current_screen_key() == "caseload"
        assert window.banner.isVisible() and window.banner.title.text() == "Mandate ended"
        assert "D. Walsh" in window.banner.text.text()
        assert "member" not in visible_nav(window)
        rows = [r.officer_id for r in window.screens["caseload"].model.rows]
        assert WALSH not in rows and sorted(rows) == sorted([HUGHES, SHAH])
        assert WALSH not in MemberStores(window.context.store).known()
    finally:
        close_window(window)

"""Screens that agree: one change in the store, one notification, every screen follows.

A challenge sent from the Flags screen shows on the Requests screen and on the flag
itself, and the flag's new status arrives from the force, with no Refresh pressed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from tests.gui import contest_helpers as h
from tests.gui.conftest import build_window, close_window, first_run_through_ui


def test_a_challenge_sent_from_flags_shows_on_requests_and_on_the_flag(
    qtbot: Any, profile: Any, server: Any
) -> None:
    from recourse.ui.screens.flags import FlagsScreen
    from recourse.ui.screens.requests import RequestsScreen

    window = build_window(qtbot, profile, server, "ci.okafor")
    try:
        first_run_through_ui(qtbot, window, server.url)
        store = window.context.store
        flag = next(f for f in store.flags() if f.rule.id == "hybrid-attendance")
        assert flag.status == "open"
        requests = window.workspace_screen("requests", RequestsScreen)
        flags = window.workspace_screen("flags", FlagsScreen)
        assert requests.model.rowCount() == 0 and requests.empty.isVisibleTo(requests)

        window.show_screen("flags")
        assert flags.select_flag(flag.id)
        assert flags.contest_button.text() == "&Contest this flag…"
        assert not flags.challenged_label.isVisibleTo(flags)
        qtbot.mouseClick(flags.contest_button, Qt.MouseButton.LeftButton)
        wizard = flags.wizard
        h.trust_server_key(qtbot, wizard)
        wizard.grounds_page.boxes["rectification"].setChecked(True)
        wizard.next()
        wizard.statement_page.editor.setPlainText("Leave was counted as absence.")
        while wizard.currentPage() is not wizard.review_page:
            wizard.next()
        qtbot.waitUntil(lambda: wizard.review_page.send_button.isEnabled(), timeout=30_000)
        # The send changes the store once; the window then syncs the flag's new status.
        with qtbot.waitSignal(window.sync_done, timeout=60_000) as synced, \
                qtbot.waitSignal(wizard.received, timeout=30_000) as received:
            qtbot.mouseClick(wizard.review_page.send_button, Qt.MouseButton.LeftButton)
        reference = received.args[0].receipt.reference
        assert synced.args == [True]
        wizard.accept()

        # Requests, never refreshed by hand, lists it.
        assert requests.model.row_of(reference) is not None
        assert not requests.empty.isVisibleTo(requests)
        # The flag says it was challenged, and shows the status the force gave it.
        assert flags.current_flag is not None and flags.current_flag.id == flag.id
        assert flags.challenged_label.isVisibleTo(flags)
        assert reference in flags.challenged_label.text()
        assert flags.contest_button.text() == "Send another &challenge…"
        assert store.flag(flag.id).status == "under_review"
        assert flags.status_label.text().startswith("Under review")
        row = flags.model.row_of(flag.id)
        assert "Under review" in [flags.model.index(row, c).data()
                                  for c in range(flags.model.columnCount())]
    finally:
        close_window(window)

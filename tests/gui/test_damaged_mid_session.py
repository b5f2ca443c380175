"""A store damaged in a page the unlock check did not read, found while a view paints.

The window must switch once, cleanly, to its damaged-store state: no StoreDamaged out of
a model's data(), no message box (let alone one per paint, nested), the store closed and
the unlock page saying what happened.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox
from tests.gui.conftest import PASSPHRASE, close_window, unlock_through_ui

from recourse.protocol import wire

ROWS = 4000


def _store_with_many_records(folder: Path) -> None:
    from recourse.store import MINIMUM_KDF, Profile

    start = datetime(2025, 1, 1, tzinfo=UTC)
    with Profile(folder, kdf=MINIMUM_KDF).create(PASSPHRASE) as store:
        for first in range(0, ROWS, 1000):
            changes = [wire.Upsert(op="upsert", record=wire.Record(
                id=f"login-{i:05d}", category="logins",
                occurred_at=start + timedelta(hours=i), updated_at=start,
                summary=f"Signed in at workstation {i}",
                data={"workstation": f"WS-{i:05d}", "result": "success"}))
                for i in range(first, first + 1000)]
            store.apply_feed_page(wire.FeedPage(category="logins", changes=changes,
                                                next_cursor=f"c{first}", has_more=True))


def _reads_at_open(store: Any) -> None:
    """What unlocking and opening the workspace read (the screens' set_store)."""
    from recourse.store import RecordQuery

    store.category_counts()
    store.count("logins", RecordQuery())
    store.flags(), store.rules(), store.sources(), store.access_log(), store.me()
    store.page("logins", RecordQuery(), 0, 256)
    store.last_sync(), store.drafts()


def _damage_a_page_only_the_newest_rows_use(folder: Path) -> None:
    """Damage one page of the database (a few bytes, so its HMAC fails): one that the
    unlock and the workspace's first reads never touch, but the newest records do.
    Found by trying pages from the end on a copy, as an attacker or a bad disk might."""
    from recourse.store import MINIMUM_KDF, Profile, RecordQuery, StoreDamaged

    database = folder / "recourse.db"
    original = database.read_bytes()
    page = 4096
    for number in range(len(original) // page - 1, 1, -1):
        data = bytearray(original)
        data[number * page + 2000 : number * page + 2008] = b"\xde\xad\xbe\xef" * 2
        database.write_bytes(bytes(data))
        try:
            with Profile(folder, kdf=MINIMUM_KDF).unlock(PASSPHRASE, verify=False) as store:
                _reads_at_open(store)
                try:
                    store.page("logins", RecordQuery(), ROWS - 256, 256)
                except StoreDamaged:
                    database.write_bytes(bytes(data))  # unlock may have rewritten it
                    return
        except StoreDamaged:
            pass
    raise AssertionError("no page found that only the newest records use")


def test_damage_found_while_painting_switches_once_to_the_damaged_state(
        qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from recourse.store import MINIMUM_KDF, Profile
    from recourse.store import profile as profile_module
    from recourse.ui.app import AppContext, Session
    from recourse.ui.main_window import MainWindow
    from recourse.ui.settings_registry import Settings

    folder = tmp_path / "profile"
    _store_with_many_records(folder)
    _damage_a_page_only_the_newest_rows_use(folder)
    # As for a large store: unlock does not read every page.
    monkeypatch.setattr(profile_module, "VERIFY_AT_UNLOCK_MAX_BYTES", 0)
    hooked: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, exc, tb: hooked.append(exc))

    context = AppContext(settings=Settings(policy={}), server_url="", profile_folder=folder)
    window = MainWindow(context, Profile(folder, kdf=MINIMUM_KDF), Session(context))
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    window.start()
    unlock_through_ui(qtbot, window)
    window.show_screen("my-data")
    my_data = window.screens["my-data"]
    my_data.category_box.setCurrentIndex(my_data.category_box.findData("logins"))
    assert my_data.model.rowCount() == ROWS

    # Scroll to the newest records: their pages are damaged.
    my_data.view.scrollToBottom()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.unlock_screen,
                    timeout=10_000)

    assert window.context.store is None
    assert "damaged" in window.unlock_screen.message.text()
    assert hooked == []  # nothing escaped: no traceback, no box
    boxes = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes == []
    assert my_data.model.rowCount() == 0
    qtbot.wait(100)  # let the layout take the message
    window.grab().save(str(tmp_path / "damaged-mid-session.png"))
    close_window(window)

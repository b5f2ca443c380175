"""The shell on the real stack: the reference server on loopback, a real SQCipher profile,
sign-in through the real OIDC flow (the login form posted like a browser would).

First run, unlock with wrong and right passphrases, auto-lock, settings and keyboard
navigation, each through the widgets an officer uses.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from tests.gui.conftest import (
    build_window,
    close_window,
    first_run_through_ui,
    unlock_through_ui,
)

from recourse.api.signin import TOKENS_SECRET
from recourse.ui.main_window import SCREENS

PINGS = "location_pings"


def test_first_run_signs_in_syncs_and_unlock_delays_grow(qtbot, profile, server):
    window = build_window(qtbot, profile, server)
    assert not profile.exists()
    first_run_through_ui(qtbot, window, server.url)
    store = window.context.store
    assert profile.exists()
    assert store.get_secret(TOKENS_SECRET) is not None  # tokens only in the store
    assert sum(store.category_counts().values()) > 1000
    assert window.pages.currentWidget() is window.workspace
    assert window.status.last_sync.text().startswith("Last sync")

    window.lock()
    screen = window.unlock_screen
    assert window.pages.currentWidget() is screen and store.closed
    delays = []
    for attempt in range(3):
        qtbot.waitUntil(lambda: not screen.waiting, timeout=10_000)
        screen.passphrase.setText(f"not my passphrase {attempt}")
        qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
        try:
            qtbot.waitUntil(lambda: "not right" in screen.message.text(), timeout=30_000)
        except Exception:
            w = window.context.workers
            raise AssertionError(str([(j.name, j.state, j.key) for j in w._active])
                                 + str(w._running_keys) + screen.message.text()) from None
        delays.append(profile.retry_delay())
        if delays[-1] > 0:
            assert screen.waiting and not screen.unlock_button.isEnabled()
            assert screen.unlock_button.text().startswith("Wait")
        screen.message.clear()
    assert delays[0] == 0 and 0 < delays[1] < delays[2]  # the delay grows
    unlock_through_ui(qtbot, window)
    assert window.context.store is not None and not window.context.store.closed
    assert window.pages.currentWidget() is window.workspace  # still signed in: no browser
    close_window(window)


def _widget_texts_containing(window, *needles: str) -> list[str]:
    """Names of the text-holding widgets of `window` whose text contains a needle."""
    from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTextEdit

    found = []
    for kind, text_of in ((QLabel, QLabel.text), (QLineEdit, QLineEdit.text),
                          (QPlainTextEdit, QPlainTextEdit.toPlainText),
                          (QTextEdit, QTextEdit.toPlainText)):
        for widget in window.findChildren(kind):
            text = text_of(widget)
            if any(needle and needle in text for needle in needles):
                found.append(f"{type(widget).__name__} {widget.accessibleName()!r}")
    return found


def test_auto_lock_empties_models_closes_store_and_unlock_restores_the_place(
        qtbot, profile, server):
    window = build_window(qtbot, profile, server)
    first_run_through_ui(qtbot, window, server.url)
    window.show_screen("my-data")
    my_data = window.screens["my-data"]
    my_data.category_box.setCurrentIndex(my_data.category_box.findData(PINGS))
    my_data.view.selectRow(7)
    store = window.context.store
    flags = window.screens["flags"]
    flags.list_view.selectRow(0)
    record_id = my_data.model.record_at(7).id
    flag_title = flags.model.index(0, 1).data()
    assert _widget_texts_containing(window, record_id, flag_title)  # the scan can fail

    window.idle.set_timeout_ms(300)  # short idle time for the test
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.unlock_screen,
                    timeout=5000)
    assert window.context.store is None and store.closed
    assert my_data.model.rowCount() == 0
    assert flags.model.rowCount() == 0
    assert not window.status.isVisible()
    # Nothing read from the store stays in any widget, shown or hidden.
    assert _widget_texts_containing(window, record_id, flag_title) == []

    unlock_through_ui(qtbot, window)
    assert window.current_screen_key() == "my-data"
    assert my_data.current_category() == PINGS
    assert my_data.view.currentIndex().row() == 7
    assert my_data.model.rowCount() > 0
    close_window(window)


def test_settings_auto_lock_persisted_sign_out_wipes_tokens_remove_deletes_folder(
        qtbot, profile, server):
    window = build_window(qtbot, profile, server)
    first_run_through_ui(qtbot, window, server.url)
    window.show_screen("settings")
    settings = window.screens["settings"]
    settings.auto_lock.setValue(3)
    assert window.context.store.get_setting("auto_lock_minutes", None) == 3
    assert window.idle._timeout_ms == 3 * 60_000
    window.lock()
    unlock_through_ui(qtbot, window)
    assert settings.auto_lock.value() == 3  # read back from the encrypted store

    assert "Signed in as" in settings.account.text()
    qtbot.mouseClick(settings.sign_out, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.banner.info is not None
                    and window.banner.info.title == "Signed out", timeout=10_000)
    assert window.context.store.get_secret(TOKENS_SECRET) is None
    assert not window.session.signed_in()
    assert settings.account.text() == "Not signed in"
    assert window.banner.action_button.isVisible()  # the next step: sign in again

    folder = profile.folder
    assert folder.exists()
    settings.remove_confirm.setText("REMOVE")
    qtbot.mouseClick(settings.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not folder.exists(), timeout=10_000)
    assert window.pages.currentWidget() is window.first_run
    assert window.context.store is None
    close_window(window)


def test_keyboard_moves_through_the_main_window(qtbot, profile, server):
    window = build_window(qtbot, profile, server)
    first_run_through_ui(qtbot, window, server.url)
    window.activateWindow()
    keys = [key for key, _module, _cls in SCREENS]
    for number, key in enumerate(keys, start=1):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"),
                       Qt.KeyboardModifier.ControlModifier)
        assert window.current_screen_key() == key
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Up)
    assert window.current_screen_key() == keys[-2]
    qtbot.keyClick(window.nav, Qt.Key.Key_Home)
    assert window.current_screen_key() == "overview"
    # Tab leaves the navigation for the screen, and comes back round to it.
    visited = set()
    focus = window.nav
    for _ in range(60):
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
        focus = window.focusWidget() or focus
        visited.add(focus)
        if focus is window.nav:
            break
    assert any(window.screens["overview"].isAncestorOf(w) for w in visited)
    # Ctrl+L locks from anywhere.
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.unlock_screen, timeout=10_000)
    assert window.unlock_screen.passphrase.hasFocus() or not window.isActiveWindow()
    close_window(window)

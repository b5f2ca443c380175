"""GUI test fixtures: Qt warnings fail tests; the real server, profile and store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: Qt warnings that the offscreen platform prints for any window; not ours to fix.
_HARMLESS = ("propagateSizeHints", "This plugin does not support")


@pytest.fixture(autouse=True)
def _fail_on_qt_warnings(request, qtlog):
    yield
    from pytestqt.qt_compat import qt_api

    bad = [r.message for r in qtlog.records
           if r.type in (qt_api.QtCore.QtMsgType.QtWarningMsg,
                         qt_api.QtCore.QtMsgType.QtCriticalMsg)
           and not any(h in r.message for h in _HARMLESS)]
    assert not bad, f"Qt warnings: {bad}"


PASSPHRASE = "correct horse battery staple 42"


@pytest.fixture
def context(qapp):
    from recourse.ui.app import AppContext
    from recourse.ui.settings_registry import Settings

    ctx = AppContext(settings=Settings(policy={}))
    yield ctx
    ctx.workers.shutdown()
    ctx.workers.wait_idle(5000)


@pytest.fixture
def profile(tmp_path: Path):
    from recourse.store import Profile

    return Profile(tmp_path / "profile")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The reference server on loopback with a small dataset (two demo officers)."""
    from tests.support.server import start_server

    handle = start_server(tmp_path_factory.mktemp("server"), only=["ci.okafor", "pc.hughes"],
                          ping_interval=60)
    yield handle
    handle.stop()


# ---- the shell on the real stack -------------------------------------------------------

def demo_password(username: str) -> str:
    from recourse_server.synth.accounts import DEMO_ACCOUNTS

    return next(a.password for a in DEMO_ACCOUNTS if a.username == username)


def form_opener(server, username: str):
    """Plays the browser for `server`: posts the real login form (recourse.ui.demo)."""
    from recourse.ui.demo import DemoAccount, demo_opener

    return demo_opener(server, DemoAccount(username, demo_password(username)))


def build_window(qtbot, profile, server, username: str = "pc.hughes", *,
                 server_url: str | None = None, **session_options):
    """A MainWindow on `profile` for `server`, signing in as `username` via the form."""
    from recourse.ui.app import AppContext, Session
    from recourse.ui.main_window import MainWindow
    from recourse.ui.settings_registry import Settings

    context = AppContext(settings=Settings(policy={}), server_url=server_url or server.url,
                         profile_folder=profile.folder)
    session = Session(context, opener=form_opener(server, username), **session_options)
    window = MainWindow(context, profile, session)
    qtbot.addWidget(window)
    window.show()
    return window


def first_run_through_ui(qtbot, window, server_url: str, passphrase: str = PASSPHRASE,
                         timeout: int = 60_000) -> None:
    """Type a passphrase on the first-run page and wait for sign-in and the first sync."""
    window.start()
    assert window.pages.currentWidget() is window.first_run
    window.first_run.passphrase.setText(passphrase)
    window.first_run.confirm.setText(passphrase)
    window.first_run.server.setText(server_url)
    with qtbot.waitSignal(window.sync_done, timeout=timeout) as blocker:
        qtbot.mouseClick(window.first_run.create_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [True], window.banner.text.text()


def unlock_through_ui(qtbot, window, passphrase: str = PASSPHRASE,
                      timeout: int = 30_000) -> None:
    screen = window.unlock_screen
    qtbot.waitUntil(lambda: not screen.waiting, timeout=timeout)
    screen.passphrase.setText(passphrase)
    try:
        with qtbot.waitSignal(window.workspace_shown, timeout=timeout):
            qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    except Exception as exc:
        raise AssertionError(f"not unlocked: {screen.message.text()!r}") from exc


def sync_now(qtbot, window) -> bool:
    """Start a sync from the window and wait for it; True when it succeeded."""
    with qtbot.waitSignal(window.sync_done, timeout=30_000) as blocker:
        window.start_sync()
    return blocker.args[0]


def close_window(window) -> None:
    window.close()
    window.context.workers.wait_idle(10_000)

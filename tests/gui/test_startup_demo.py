"""`recourse --demo`'s launcher: starts the real reference server, signs in through the
real login form, syncs, and closing the window stops the server and deletes the profile."""

from __future__ import annotations

import os

from recourse.api.signin import TOKENS_SECRET


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_demo_signs_in_syncs_and_closing_stops_the_server(qtbot):
    from recourse.ui.demo import DemoLauncher

    launcher = DemoLauncher("pc.hughes")
    try:
        window = launcher.start()
        qtbot.addWidget(window)
        server = launcher.server
        pid = server.process.pid
        assert server.url.startswith("http://127.0.0.1:")
        with qtbot.waitSignal(window.sync_done, timeout=90_000) as blocker:
            pass
        assert blocker.args == [True], window.banner.text.text()
        store = window.context.store
        assert store.me().username == "pc.hughes"
        assert store.get_secret(TOKENS_SECRET) is not None
        assert store.category_counts().get("location_pings", 0) > 0
        assert window.pages.currentWidget() is window.workspace
        temp = launcher.temp
        assert temp is not None and (temp / "profile").exists()
        window.close()
        assert not _alive(pid) and server.process is None
        assert not temp.exists()
        assert store.closed
    finally:
        launcher.close()


def test_unknown_demo_account_is_refused_with_the_choices():
    import pytest

    from recourse.ui.demo import DemoLauncher, DemoServerError

    with pytest.raises(DemoServerError, match=r"ci\.okafor"):
        DemoLauncher("nobody.here")

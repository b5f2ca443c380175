"""`recourse --demo`'s launcher: starts the real reference server, signs in through the
real login form, syncs, and closing the window stops the server and deletes the profile."""

from __future__ import annotations

import os
import sys

import pytest

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
        # Locking the demo is no dead end: the unlock screen says its passphrase.
        window.lock()
        unlock = window.unlock_screen
        assert window.pages.currentWidget() is unlock and unlock.demo_hint.isVisibleTo(unlock)
        shown = unlock.demo_hint.text().rsplit(": ", 1)[1]
        unlock.passphrase.setText(shown)
        with qtbot.waitSignal(window.workspace_shown, timeout=30_000):
            unlock.submit()
        store = window.context.store
        temp = launcher.temp
        assert temp is not None and (temp / "profile").exists()
        window.close()
        assert not _alive(pid) and server.process is None
        assert not temp.exists()
        assert store.closed
    finally:
        launcher.close()


def test_unknown_demo_account_is_refused_with_the_choices():
    from recourse.ui.demo import DemoLauncher, DemoServerError

    with pytest.raises(DemoServerError, match=r"ci\.okafor"):
        DemoLauncher("nobody.here")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and /proc")
def test_the_demo_server_does_not_outlive_a_killed_client(tmp_path):
    # A client running the real DemoServer is killed outright (no close(), no cleanup):
    # the server it started sees the end of its stdin and stops on its own.
    import json
    import signal
    import subprocess
    import time

    client_code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from recourse.ui.demo import DemoServer\n"
        "server = DemoServer(Path(sys.argv[1]), only=('pc.hughes',))\n"
        "server.start()\n"
        "print(server.process.pid, server.url, flush=True)\n"
        "time.sleep(600)\n")
    client = subprocess.Popen([sys.executable, "-c", client_code, str(tmp_path)],
                              stdout=subprocess.PIPE, text=True)
    server_pid = None
    try:
        line = client.stdout.readline().split()
        assert line, "the client did not start the demo server"
        server_pid = int(line[0])
        ready = json.loads((tmp_path / "server-ready.json").read_text(encoding="utf-8"))
        assert ready["pid"] == server_pid and ready["url"] == line[1]
        assert _alive(server_pid)
        client.send_signal(signal.SIGKILL)
        client.wait(10)
        deadline = time.monotonic() + 20
        while _alive(server_pid) and not _zombie(server_pid):
            assert time.monotonic() < deadline, "the demo server outlived its client"
            time.sleep(0.05)
    finally:
        if client.poll() is None:
            client.kill()
            client.wait()
        client.stdout.close()
        if server_pid is not None and _alive(server_pid) and not _zombie(server_pid):
            os.kill(server_pid, signal.SIGKILL)  # leave nothing behind, even on failure


def _zombie(pid: int) -> bool:
    """An orphan that exited but whose new parent has not reaped it yet."""
    from pathlib import Path

    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return False


def test_the_representatives_demo_seeds_his_members_and_opens_on_the_caseload(
        qtbot, tmp_path):
    from PySide6.QtGui import QImage

    from recourse.ui.demo import DemoLauncher, seeded_accounts
    from recourse.ui.screenshots import capture

    launcher = DemoLauncher("rep.davies")
    # Seeded: his own account and each member the accounts list says he represents.
    assert seeded_accounts(launcher.account, launcher.accounts) == (
        "rep.davies", "pc.hughes", "ds.shah", "pc.walsh")
    try:
        window = launcher.start()
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.sync_done, timeout=120_000) as blocker:
            pass
        assert blocker.args == [True], window.banner.text.text()
        assert window.current_screen_key() == "caseload"
        rows = {r.officer_id: r for r in window.screens["caseload"].model.rows}
        # Each member's records were seeded: every one has flags to show.
        assert sorted(rows) == ["off-1042", "off-1290", "off-1517"]
        assert all(r.open_flags > 0 for r in rows.values()), rows
        saved = {p.name for p in capture(window, tmp_path)}
        assert {"caseload.png", "member-flags.png", "settings.png", "unlock.png"} <= saved
        assert not {"overview.png", "my-data.png"} & saved  # he has no data of his own
        image = QImage(str(tmp_path / "member-flags.png"))
        assert (image.width(), image.height()) == (1280, 800)
        window.close()
    finally:
        launcher.close()

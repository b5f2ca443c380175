"""Nothing readable about the officer lands on disk: canary strings seeded into the
officer's data on the real server are synced by a child process (its TMPDIR pointed at
a folder of the test's), which then signs out; every file under the profile folder and
the temporary folder is scanned for the canaries. Also after a SIGKILL mid-sync."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.support.browser import browser_for
from tests.support.server import RunningServer, start_server

from recourse.api import ServerConnection
from recourse.store import MINIMUM_KDF, Profile
from recourse_server import admin
from recourse_server.synth.accounts import HUGHES

PASS = "correct horse battery staple"
CANARIES = ["CANARY7Qx-summary", "CANARY7Qx-data", "CANARY7Qx-flag", "CANARY7Qx-viewer"]

CHILD = textwrap.dedent(
    """
    import sys, tempfile
    from pathlib import Path
    from recourse.api import ServerConnection
    from recourse.store import MINIMUM_KDF, Profile
    from recourse.sync import SyncEngine
    folder, url, passphrase, page_size = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    assert tempfile.gettempdir().startswith(sys.argv[5])
    store = Profile(Path(folder), kdf=MINIMUM_KDF).unlock(passphrase)
    api = ServerConnection(url, store)
    print("syncing", flush=True)
    said = []
    def progress(p):
        # Once the canary absences are in the store (their page committed, or an
        # earlier run's): the parent may kill from here on.
        past = p.current not in ("me", "roster_entries", "roster_audit")
        if not said and past and (p.current != "absences" or p.category_items > 0):
            said.append(True)
            print("canaries stored", flush=True)
    result = SyncEngine(api, store, progress, page_size=page_size).run()
    assert result.state == "ok", result.message
    api.sign_out()
    store.close()
    print("done", flush=True)
    """
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with start_server(
        tmp_path_factory.mktemp("server"), only=[HUGHES.username], ping_interval=1440
    ) as running:
        officer = HUGHES.officer_id
        for i in range(40):  # spread over several pages
            admin.upsert_record(
                running.database_url,
                officer,
                {
                    "id": f"absence-canary-{i}",
                    "category": "absences",
                    "occurred_at": "2026-01-05T00:00:00Z",
                    "updated_at": "2026-01-06T00:00:00Z",
                    "summary": f"{CANARIES[0]} {i}",
                    "data": {"kind": "sickness", "reason": CANARIES[1]},
                },
            )
        admin.add_access_log_entry(
            running.database_url,
            officer,
            {
                "id": "access-canary",
                "viewed_at": "2026-02-04T10:00:00Z",
                "viewer": CANARIES[3],
                "viewer_role": "analyst",
                "reason": "review",
                "what": "roster",
            },
        )
        yield running


def _signed_in_profile(server: RunningServer, folder: Path) -> None:
    browser = browser_for(HUGHES.username, HUGHES.password)

    with Profile(folder, kdf=MINIMUM_KDF).create(PASS) as store:
        connection = ServerConnection(server.url, store, browser=browser)
        connection.sign_in()
        flag = connection.flags(HUGHES.officer_id)[0]
        assert flag is not None and flag.flags
        detail = connection.flag(HUGHES.officer_id, flag.flags[0].id).model_dump(mode="json")
        detail.update(id="flag-canary", headline=CANARIES[2])
        admin.add_flag(server.database_url, HUGHES.officer_id, detail)
        connection.close()


def _hits(*folders: Path) -> list[str]:
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                found += [f"{path}: {c}" for c in CANARIES if c.encode() in data]
                found += [
                    f"{path}: {c} (utf-16)" for c in CANARIES if c.encode("utf-16-le") in data
                ]
    return found


def _child(server: RunningServer, profile: Path, tmp: Path, page_size: int) -> subprocess.Popen:
    env = {**os.environ, "TMPDIR": str(tmp), "TEMP": str(tmp), "TMP": str(tmp)}
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(profile), server.url, PASS, str(page_size), str(tmp)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_no_canary_on_disk_after_sync_and_sign_out(server: RunningServer, tmp_path: Path) -> None:
    profile, tmp = tmp_path / "profile", tmp_path / "tmp"
    tmp.mkdir()
    _signed_in_profile(server, profile)
    child = _child(server, profile, tmp, page_size=1000)
    out, err = child.communicate(timeout=120)
    assert child.returncode == 0, err
    assert out.splitlines() == ["syncing", "canaries stored", "done"]
    for canary in CANARIES:
        assert canary not in out and canary not in err
    # The canaries really were synced (so the scan below means something).
    with Profile(profile, kdf=MINIMUM_KDF).unlock(PASS) as store:
        assert store.record("absence-canary-3").summary == f"{CANARIES[0]} 3"
        assert store.flag("flag-canary") is not None
        assert "access-canary" in {e.id for e in store.access_log()}
    assert _hits(profile, tmp) == []


def test_no_canary_on_disk_after_a_kill_mid_sync(server: RunningServer, tmp_path: Path) -> None:
    profile, tmp = tmp_path / "profile", tmp_path / "tmp"
    tmp.mkdir()
    _signed_in_profile(server, profile)
    for delay in (0.0, 0.3, 0.8):
        child = _child(server, profile, tmp, page_size=20)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "syncing"
        # Kill only once the canaries are in the store: a kill before would scan a store
        # that never held them, and prove nothing.
        assert child.stdout.readline().strip() == "canaries stored"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL, "the kill must land mid-sync"
        # Left as the kill left it: -wal and -shm included.
        assert _hits(profile, tmp) == []
        # And the store the scan found nothing in did hold the canaries.
        with Profile(profile, kdf=MINIMUM_KDF).unlock(PASS) as store:
            held = [store.record(f"absence-canary-{i}") for i in range(40)]
            assert sum(r is not None for r in held) >= 15, "no canary was stored"
            assert all(r.summary.startswith(CANARIES[0]) for r in held if r is not None)
        assert _hits(profile, tmp) == []

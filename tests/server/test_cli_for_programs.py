"""`recourse-server`'s machine-readable interface, for a program that starts the server
(the desktop client's demo): `accounts --json`, `serve --ready-file` and
`serve --stop-on-stdin-eof`. Real processes on loopback."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

SERVER = [sys.executable, "-m", "recourse_server"]


def _wait_for(path: Path, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert process.poll() is None, f"the server exited with {process.returncode}"
        assert time.monotonic() < deadline, "no ready file"
        time.sleep(0.05)


def _exited(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # An orphan that exited but whose new parent has not reaped it yet is a zombie.
    stat = Path(f"/proc/{pid}/stat")
    with contextlib.suppress(OSError):
        return stat.read_text().rsplit(")", 1)[1].split()[0] == "Z"
    return False


def _gone(pid: int, timeout: float = 20) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _exited(pid):
            return True
        time.sleep(0.05)
    return False


def test_accounts_json_lists_the_demo_accounts_for_a_program() -> None:
    done = subprocess.run([*SERVER, "accounts", "--json"], capture_output=True, text=True,
                          timeout=60, check=True)
    accounts = {entry["username"]: entry for entry in json.loads(done.stdout)}
    assert set(accounts) == {"pc.hughes", "ci.okafor", "ds.shah", "pc.walsh", "ps.bennett",
                             "rep.davies", "psd.clarke", "heavy"}
    okafor = accounts["ci.okafor"]
    assert (okafor["password"], okafor["role"], okafor["officer_id"], okafor["rank"]) == (
        "demo-okafor-2026", "officer", "off-2107", "Chief Inspector")
    assert accounts["psd.clarke"]["role"] == "reviewer"
    davies = accounts["rep.davies"]
    assert davies["role"] == "representative"
    assert davies["represents"] == ["off-1042", "off-1517", "off-1290"]


def test_serve_writes_its_address_once_it_listens_and_stops_at_the_end_of_stdin(
        tmp_path: Path) -> None:
    ready = tmp_path / "ready.json"
    process = subprocess.Popen(
        [*SERVER, "serve", "--host", "127.0.0.1", "--port", "0",
         "--database", f"sqlite:///{tmp_path / 'server.db'}", "--ready-file", str(ready),
         "--stop-on-stdin-eof"],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(ready, process)
        info = json.loads(ready.read_text(encoding="utf-8"))
        assert info["pid"] == process.pid
        assert info["url"].startswith("http://127.0.0.1:")
        assert int(info["url"].rsplit(":", 1)[1]) > 0  # the port actually bound, not 0
        document = requests.get(info["url"] + "/.well-known/openid-configuration",
                                timeout=10).json()
        assert document["issuer"] == info["issuer"] == info["url"]
        assert not (tmp_path / "ready.json.partial").exists()
        assert process.stdin is not None
        process.stdin.close()
        assert process.wait(20) == 0  # a graceful stop, not a kill
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_server_outlives_no_parent_even_a_killed_one(tmp_path: Path) -> None:
    # The parent starts the server with its stdin on a pipe, as the demo does, then is
    # killed outright: no cleanup runs, yet the server sees the pipe's end and stops.
    ready = tmp_path / "ready.json"
    parent_code = (
        "import subprocess, sys, time\n"
        "p = subprocess.Popen([sys.executable, '-m', 'recourse_server', 'serve', '--host',"
        " '127.0.0.1', '--port', '0', '--database', sys.argv[1], '--ready-file', sys.argv[2],"
        " '--stop-on-stdin-eof'], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,"
        " stderr=subprocess.DEVNULL)\n"
        "time.sleep(600)\n")
    parent = subprocess.Popen([sys.executable, "-c", parent_code,
                               f"sqlite:///{tmp_path / 'server.db'}", str(ready)])
    server_pid = None
    try:
        _wait_for(ready, parent)
        server_pid = json.loads(ready.read_text(encoding="utf-8"))["pid"]
        assert not _gone(server_pid, timeout=0.5)  # it is serving while the parent lives
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(10)
        assert _gone(server_pid), "the server kept running after its parent was killed"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        if server_pid is not None and not _exited(server_pid):
            os.kill(server_pid, signal.SIGKILL)  # leave nothing behind, even on failure

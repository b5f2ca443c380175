"""Start the REAL reference server as a subprocess on loopback with a fresh database.

    with start_server(tmp_path, only=["pc.hughes"]) as server:
        requests.get(server.url + "/v1/me", headers=...)

The server seeds the synthetic data on first start (`serve --demo`), picks a free port
(`--port 0`) and prints where it listens; this helper reads that line and then polls the
discovery document until the server answers.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

import requests

_LISTENING = re.compile(r"listening on (http://\S+)")


class ServerDidNotStart(RuntimeError):
    pass


@dataclass
class RunningServer:
    url: str
    database_url: str
    process: subprocess.Popen[str]
    log_path: Path
    output: list[str] = field(default_factory=list)

    @property
    def issuer(self) -> str:
        return self.url

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self.process.stdout is not None:
            self.process.stdout.close()

    def __enter__(self) -> RunningServer:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


def _only_args(only: str | Iterable[str] | None) -> list[str]:
    if only is None:
        return []
    names = [only] if isinstance(only, str) else list(only)
    return [arg for name in names for arg in ("--only", name)]


def start_server(
    tmp_dir: str | os.PathLike[str],
    *,
    seed: int = 2026,
    ping_interval: int = 60,
    only: str | Iterable[str] | None = None,
    extra_args: Sequence[str] = (),
    database_url: str | None = None,
    timeout: float = 180.0,
) -> RunningServer:
    """Start `recourse-server serve --demo --port 0` on a new SQLite database in tmp_dir.

    `only` seeds records for just those usernames (every demo account can still sign
    in); `database_url` points it at another database (e.g. a PostgreSQL schema);
    `extra_args` go to `serve` as they are (e.g. `["--access-token-ttl", "5"]`).
    """
    folder = Path(tmp_dir)
    folder.mkdir(parents=True, exist_ok=True)
    if database_url is None:
        database_url = f"sqlite:///{folder / 'recourse-server.sqlite3'}"
    log_path = folder / "recourse-server.log"
    command = [
        sys.executable, "-m", "recourse_server", "serve", "--demo",
        "--database", database_url, "--seed", str(seed), "--ping-interval", str(ping_interval),
        "--host", "127.0.0.1", "--port", "0", *_only_args(only), *extra_args,
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, text=True,
                                   env=env, encoding="utf-8")
    output: list[str] = []
    found: list[str] = []
    printed = threading.Event()

    def read_stdout() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            output.append(line.rstrip("\n"))
            match = _LISTENING.search(line)
            if match and not found:
                found.append(match.group(1))
                printed.set()
        printed.set()

    threading.Thread(target=read_stdout, daemon=True, name="recourse-server-stdout").start()
    server = RunningServer(url="", database_url=database_url, process=process,
                           log_path=log_path, output=output)
    deadline = time.monotonic() + timeout
    try:
        while not printed.wait(0.1):
            if time.monotonic() > deadline or process.poll() is not None:
                break
        if not found:
            raise ServerDidNotStart(_why(server))
        server.url = found[0]
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise ServerDidNotStart(_why(server))
            try:
                response = requests.get(server.url + "/.well-known/openid-configuration",
                                        timeout=2)
                if response.status_code == 200:
                    return server
            except requests.RequestException:
                pass
            time.sleep(0.05)
        raise ServerDidNotStart(_why(server))
    except BaseException:
        server.stop()
        raise


def _why(server: RunningServer) -> str:
    status = server.process.poll()
    stderr = server.log_path.read_text(encoding="utf-8", errors="replace")[-4000:]
    state = "still running" if status is None else f"exited with {status}"
    return (f"The reference server did not become ready ({state}).\n"
            f"stdout:\n" + "\n".join(server.output[-40:]) + f"\nstderr:\n{stderr}")

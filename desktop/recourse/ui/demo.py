"""Demo mode: start the reference server with demo data and sign in without a browser.

The client never imports the server package: it runs it as a process and reads only its
machine-readable output. `list_accounts` runs ``python -m recourse_server accounts --json``;
`DemoServer` runs ``python -m recourse_server serve --demo`` on loopback (port 0, its
database in a temporary folder) with ``--ready-file``, whose JSON gives the bound URL,
and ``--stop-on-stdin-eof``, so the server exits when the client closes the pipe or
dies. `demo_opener` exists only for a server the client started itself: it plays the
browser in the REAL OIDC flow by posting the built-in login form with the demo
account's username and password.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

#: The account that best shows the product: a Chief Inspector flagged below 80%
#: attendance only because leave and sickness counted as absence, which "check the
#: arithmetic" disputes.
DEFAULT_ACCOUNT = "ci.okafor"
_PREFERRED = ("attendance", "chief inspector", "inspector")


class DemoServerError(RuntimeError):
    pass


@dataclass
class DemoAccount:
    username: str
    password: str
    description: str = ""
    role: str = "officer"
    officer_id: str = ""
    #: For a representative: the officer ids of the members he acts for.
    represents: tuple[str, ...] = ()


def server_command(*args: str) -> list[str]:
    """The reference server's command line, run with this interpreter."""
    return [sys.executable, "-m", "recourse_server", *args]


def list_accounts(timeout: float = 60.0) -> list[DemoAccount]:
    """The demo accounts, from ``recourse-server accounts --json``."""
    try:
        done = subprocess.run(server_command("accounts", "--json"), capture_output=True,
                              text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise DemoServerError(f"the demo server cannot be run: {error}") from None
    if done.returncode != 0:
        if "No module named recourse_server" in done.stderr:
            raise DemoServerError("the reference server is not installed; install "
                                  "recourse[server] to use the demo")
        raise DemoServerError(f"the demo server cannot list its accounts:\n"
                              f"{done.stderr.strip()[-2000:]}")
    try:
        entries = json.loads(done.stdout)
        return [DemoAccount(
            username=str(entry["username"]), password=str(entry["password"]),
            description=" ".join(str(entry.get(key) or "")
                                 for key in ("name", "rank", "role", "unit")),
            role=str(entry.get("role", "officer")),
            officer_id=str(entry.get("officer_id", "")),
            represents=tuple(str(member) for member in entry.get("represents") or ()))
            for entry in entries]
    except (ValueError, TypeError, KeyError) as error:
        raise DemoServerError(f"the demo server listed its accounts in a form this "
                              f"client does not read: {error!r}") from None


@dataclass
class DemoServer:
    folder: Path
    #: Minutes between synthetic location pings: coarse, so the demo starts quickly.
    ping_interval: int = 60
    #: Seed records only for these usernames (every account can still sign in).
    only: tuple[str, ...] = ()
    url: str = ""
    accounts: list[DemoAccount] = field(default_factory=list)
    process: subprocess.Popen[bytes] | None = None

    @property
    def log_path(self) -> Path:
        """The server's stdout and stderr (a file, so a full pipe can never block it)."""
        return self.folder / "server.log"

    def start(self, timeout: float = 60.0) -> str:
        db = self.folder / "server.db"
        ready = self.folder / "server-ready.json"
        ready.unlink(missing_ok=True)
        cmd = server_command(
            "serve", "--demo", "--host", "127.0.0.1", "--port", "0",
            "--database", f"sqlite:///{db}", "--ping-interval", str(self.ping_interval),
            *[arg for name in self.only for arg in ("--only", name)],
            "--ready-file", str(ready), "--stop-on-stdin-eof")
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        with self.log_path.open("wb") as log:
            # stdin stays a pipe that only this process holds: when we close it or die,
            # the server sees its end and stops.
            self.process = subprocess.Popen(
                cmd, stdin=subprocess.PIPE, stdout=log, stderr=subprocess.STDOUT, env=env,
                cwd=self.folder)
        deadline = time.monotonic() + timeout
        while not ready.exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise DemoServerError(f"the demo server did not start:\n{self.log_tail()}")
            time.sleep(0.05)
        try:
            self.url = str(json.loads(ready.read_text(encoding="utf-8"))["url"])
        except (OSError, ValueError, KeyError, TypeError) as error:
            self.stop()
            raise DemoServerError(f"the demo server's ready file is not readable: "
                                  f"{error!r}") from None
        if not self.accounts:
            self.accounts = list_accounts()
        return self.url

    def log_tail(self, lines: int = 15) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def choose(self, name: str | None) -> DemoAccount:
        if not self.accounts:
            raise DemoServerError("the demo server listed no accounts")
        if name:
            for account in self.accounts:
                if account.username == name:
                    return account
            names = ", ".join(a.username for a in self.accounts)
            raise DemoServerError(f"no demo account {name!r}; choose one of: {names}")
        for account in self.accounts:
            if account.username == DEFAULT_ACCOUNT:
                return account
        for word in _PREFERRED:
            for account in self.accounts:
                if word in account.description.lower():
                    return account
        return self.accounts[0]

    def stop(self) -> None:
        """Stop the server and wait for it to exit. Idempotent."""
        if self.process is None:
            return
        if self.process.poll() is None:
            # The end of its stdin asks for the same graceful stop as Ctrl+C; a server
            # that does not stop in time is terminated, then killed.
            if self.process.stdin is not None:
                with contextlib.suppress(OSError):
                    self.process.stdin.close()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.terminate()
                try:
                    self.process.wait(5)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(5)
        elif self.process.stdin is not None:
            self.process.stdin.close()
        self.process = None

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None


def make_demo_profile() -> tuple[Path, str]:
    """A fresh temporary profile folder and a random passphrase held only in memory.

    Short enough to type: the unlock screen shows it, since the demo user never chose
    it, and the profile is deleted when the demo closes."""
    temp = Path(tempfile.mkdtemp(prefix="recourse-demo-"))
    return temp, "demo-" + "-".join(secrets.token_hex(2) for _ in range(3))


def remove_quietly(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.action = ""
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "form" and not self.action:
            self.action = values.get("action", "")
        elif tag == "input" and values.get("type") == "hidden" and values.get("name"):
            self.fields[values["name"]] = values.get("value", "")


def post_login_form(authorize_url: str, username: str, password: str,
                    timeout: float = 15.0) -> None:
    """Play the browser: load the login page, submit it, follow the redirect home."""
    import requests

    with requests.Session() as http:
        page = http.get(authorize_url, timeout=timeout)
        page.raise_for_status()
        parser = _FormParser()
        parser.feed(page.text)
        form = dict(parser.fields, username=username, password=password, action="login")
        target = urljoin(page.url, parser.action or "/oauth/authorize")
        reply = http.post(target, data=form, timeout=timeout, allow_redirects=False)
        location = reply.headers.get("Location")
        if reply.status_code not in (302, 303) or not location:
            raise DemoServerError("the demo sign-in was refused")
        # The redirect goes to the client's own loopback listener, like a browser's would.
        with contextlib.suppress(requests.RequestException):
            http.get(location, timeout=timeout)


def demo_opener(server: DemoServer, account: DemoAccount) -> Callable[[str], bool]:
    """A browser opener for `server` only; refuses any other address."""

    def open_url(url: str) -> bool:
        if not server.url or not url.startswith(server.url + "/"):
            raise DemoServerError("the demo sign-in only works with the demo server")
        # Return at once like a browser; the sign-in code waits for the redirect.
        threading.Thread(target=post_login_form, args=(url, account.username,
                                                       account.password),
                         daemon=True, name="demo-browser").start()
        return True

    return open_url


def choose_account(name: str | None, accounts: list[DemoAccount]) -> DemoAccount:
    """The demo account to sign in as (chosen before the server starts, so that it seeds
    only that officer's records)."""
    return DemoServer(Path("."), accounts=accounts).choose(name)


def seeded_accounts(account: DemoAccount, accounts: list[DemoAccount]) -> tuple[str, ...]:
    """Whose records the demo server seeds: the account's own, and a representative's
    members' too (his caseload is theirs)."""
    members = [a.username for a in accounts
               if a.officer_id and a.officer_id in account.represents]
    return (account.username, *members)


class DemoLauncher:
    """One demo run: server, temporary profile, window. `close()` undoes all of it."""

    def __init__(self, account: str | None = None) -> None:
        self.accounts = list_accounts()
        # DemoServerError for an unknown name, before anything starts.
        self.account = choose_account(account, self.accounts)
        self.temp: Path | None = None
        self.server: DemoServer | None = None
        self.window: Any = None

    def start(self) -> Any:
        """Start the server (blocks until it listens) and show the window signing in."""
        from PySide6.QtCore import QCoreApplication

        from recourse.store import Profile
        from recourse.ui.app import AppContext, Session
        from recourse.ui.main_window import MainWindow
        from recourse.ui.settings_registry import Settings

        # Named context: `window.tr` would look in MainWindow's, where lupdate cannot see.
        translate = QCoreApplication.translate
        self.temp, passphrase = make_demo_profile()
        self.server = DemoServer(self.temp, only=seeded_accounts(self.account, self.accounts),
                                 accounts=self.accounts)
        url = self.server.start()
        chosen = self.server.choose(self.account.username)
        profile = Profile(self.temp / "profile")
        # The demo ignores IT policy: it talks only to the server it started.
        context = AppContext(server_url=url, demo=True, profile_folder=profile.folder,
                             settings=Settings(policy={}))
        session = Session(context, opener=demo_opener(self.server, chosen))
        window = MainWindow(context, profile, session)
        self.window = window
        window.setWindowTitle(translate("window", "Recourse (demo: {name})").format(
            name=chosen.username))
        window.show()
        window.signin.title.setText(translate("window", "Starting the demo…"))
        window.signin.detail.setText(translate(
            "window", "Creating a temporary encrypted profile and signing in as the demo account "
            "{name}. Nothing is kept when you close this window.").format(
                name=chosen.username))
        window.pages.setCurrentWidget(window.signin)
        window.unlock_screen.show_demo_passphrase(passphrase)
        context.run_in_worker(profile.create, passphrase, key="store",
                              on_success=window.open_workspace,
                              on_failure=lambda exc: _fatal(window, exc),
                              name="demo.create")
        del passphrase  # the worker's copy and the unlock screen's hint are left
        window.closed.connect(self.close)  # closing the window ends the demo
        return window

    def close(self) -> None:
        """Close the store, stop the server, delete the temporary profile. Idempotent."""
        if self.window is not None:
            self.window.shutdown()
        if self.server is not None:
            self.server.stop()
        if self.temp is not None:
            remove_quietly(self.temp)
            self.temp = None


def run_demo(app: object, account: str | None = None,
             screenshots: Path | None = None) -> int:
    """Start the demo server and a temporary profile, sign in, sync, show the window.

    Closing the window stops the server and deletes the temporary profile.
    """
    from PySide6.QtWidgets import QApplication

    try:
        launcher = DemoLauncher(account)
    except DemoServerError as exc:
        print(f"recourse: {exc}", file=sys.stderr)
        return 2
    try:
        print("Starting the demo server…", file=sys.stderr)
        try:
            window = launcher.start()
        except DemoServerError as exc:
            print(f"recourse: {exc}", file=sys.stderr)
            return 2
        assert launcher.server is not None
        print(f"Demo server {launcher.server.url}; signing in as "
              f"{launcher.account.username}", file=sys.stderr)
        if screenshots is not None:
            from recourse.ui.screenshots import capture_when_synced

            capture_when_synced(window, screenshots)
        return QApplication.instance().exec()  # type: ignore[union-attr]
    finally:
        launcher.close()


def _fatal(window: object, error: BaseException) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from recourse.ui.messages import describe, log_error

    log_error(error)
    info = describe(error)
    QMessageBox.critical(window, info.title, f"{info.message}\n\n{info.next_step}")  # type: ignore[arg-type]
    QApplication.exit(1)

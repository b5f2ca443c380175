"""Demo mode: start the reference server with demo data and sign in without a browser.

`DemoServer` runs ``python -m recourse_server.cli serve --demo`` on loopback in a child
process with its database in a temporary folder and reads the URL (and the demo
accounts) it prints. `demo_opener` exists only for a server the client started itself:
it plays the browser in the REAL OIDC flow by posting the built-in login form with the
demo account's username and password.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

_URL = re.compile(r"(https?://(?:127\.0\.0\.1|localhost|\[::1\]):\d+)\S*")

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


@dataclass
class DemoServer:
    folder: Path
    #: Minutes between synthetic location pings: coarse, so the demo starts quickly.
    ping_interval: int = 60
    #: Seed records only for these usernames (every account can still sign in).
    only: tuple[str, ...] = ()
    url: str = ""
    accounts: list[DemoAccount] = field(default_factory=list)
    process: subprocess.Popen | None = None
    output: list[str] = field(default_factory=list)

    def start(self, timeout: float = 60.0) -> str:
        db = self.folder / "server.db"
        cmd = [sys.executable, "-m", "recourse_server.cli", "serve", "--demo",
               "--host", "127.0.0.1", "--port", "0", "--database", f"sqlite:///{db}",
               "--ping-interval", str(self.ping_interval),
               *[arg for name in self.only for arg in ("--only", name)]]
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self.process = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
            cwd=self.folder)
        found = threading.Event()
        reader = threading.Thread(target=self._read, args=(found,), daemon=True)
        reader.start()
        deadline = time.monotonic() + timeout
        while not found.wait(0.1):
            if self.process.poll() is not None or time.monotonic() > deadline:
                reader.join(1)
                self.stop()
                tail = "\n".join(self.output[-15:])
                raise DemoServerError(f"the demo server did not start:\n{tail}")
        if not self.accounts:
            self.accounts = _accounts_from_package()
        return self.url

    def _read(self, found: threading.Event) -> None:
        # Output: "... listening on URL", "Demo accounts:", a table whose columns are
        # separated by two or more spaces (username, password, role, story), then
        # "Press Ctrl+C to stop."
        assert self.process is not None and self.process.stdout is not None
        in_table = False
        for line in self.process.stdout:
            line = line.rstrip("\n")
            if len(self.output) < 400:
                self.output.append(line)
            if not self.url and "listening on" in line.lower():
                match = _URL.search(line)
                if match:
                    self.url = match.group(1)
            elif line.strip().lower().startswith("demo accounts"):
                in_table = True
            elif "ctrl+c" in line.lower():
                in_table = False
                if self.url:
                    found.set()
            elif in_table:
                account = _parse_account(line)
                if account is not None:
                    self.accounts.append(account)

    def choose(self, name: str | None) -> DemoAccount:
        if not self.accounts:
            raise DemoServerError("the demo server printed no accounts")
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
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        if self.process.stdout is not None:
            self.process.stdout.close()
        self.process = None

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None


def _parse_account(line: str) -> DemoAccount | None:
    cells = re.split(r"\s{2,}", line.strip())
    if len(cells) < 2 or cells[:2] == ["username", "password"]:
        return None
    return DemoAccount(cells[0], cells[1], " ".join(cells[2:]))


def _accounts_from_package() -> list[DemoAccount]:
    """The demo accounts the server package declares, if it can be imported."""
    try:
        from recourse_server.synth.accounts import DEMO_ACCOUNTS  # type: ignore
    except ImportError:
        return []
    accounts = []
    for entry in DEMO_ACCOUNTS:
        get = entry.get if isinstance(entry, dict) else lambda k, e=entry: getattr(e, k, "")
        description = " ".join(str(get(k) or "") for k in
                               ("name", "rank", "role", "description", "story"))
        accounts.append(DemoAccount(str(get("username")), str(get("password")), description))
    return accounts


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


def choose_account(name: str | None) -> DemoAccount:
    """The demo account to sign in as, from the server package's list (before it starts,
    so the server seeds only that officer's records)."""
    return DemoServer(Path("."), accounts=_accounts_from_package()).choose(name)


class DemoLauncher:
    """One demo run: server, temporary profile, window. `close()` undoes all of it."""

    def __init__(self, account: str | None = None) -> None:
        self.account = choose_account(account)  # DemoServerError for an unknown name
        self.temp: Path | None = None
        self.server: DemoServer | None = None
        self.window: Any = None

    def start(self) -> Any:
        """Start the server (blocks until it listens) and show the window signing in."""
        from recourse.__main__ import make_demo_profile
        from recourse.store import Profile
        from recourse.ui.app import AppContext, Session
        from recourse.ui.main_window import MainWindow
        from recourse.ui.settings_registry import Settings

        self.temp, passphrase = make_demo_profile()
        self.server = DemoServer(self.temp, only=(self.account.username,))
        url = self.server.start()
        chosen = self.server.choose(self.account.username)
        profile = Profile(self.temp / "profile")
        # The demo ignores IT policy: it talks only to the server it started.
        context = AppContext(server_url=url, demo=True, profile_folder=profile.folder,
                             settings=Settings(policy={}))
        session = Session(context, opener=demo_opener(self.server, chosen))
        window = MainWindow(context, profile, session)
        self.window = window
        window.setWindowTitle(window.tr("Recourse (demo: {name})").format(
            name=chosen.username))
        window.show()
        window.signin.title.setText(window.tr("Starting the demo…"))
        window.signin.detail.setText(window.tr(
            "Creating a temporary encrypted profile and signing in as the demo officer "
            "{name}. Nothing is kept when you close this window.").format(
                name=chosen.username))
        window.pages.setCurrentWidget(window.signin)
        context.run_in_worker(profile.create, passphrase, key="store",
                              on_success=window._store_opened,
                              on_failure=lambda exc: _fatal(window, exc),
                              name="demo.create")
        del passphrase  # only the worker's copy is left, until the profile exists
        window.closed.connect(self.close)  # closing the window ends the demo
        return window

    def close(self) -> None:
        """Close the store, stop the server, delete the temporary profile. Idempotent."""
        from recourse.__main__ import remove_quietly

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

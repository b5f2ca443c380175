"""Error paths on the real stack: each ends in a message with the next step, and the
data already saved stays on screen.

* the server stops mid-session (a real server process, terminated);
* the server revoked the tokens (RFC 7009 revocation of the real refresh token, then the
  short-lived access token expires);
* an invalid response: the one fault the reference server cannot produce, so a loopback
  proxy in front of it corrupts `/v1/me` and passes everything else through.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from tests.gui.conftest import (
    build_window,
    close_window,
    first_run_through_ui,
    sync_now,
)

from recourse.api.signin import TOKENS_SECRET

ACCESS_TOKEN_TTL = 4


@pytest.fixture(scope="module")
def short_token_server(tmp_path_factory):
    from tests.support.server import start_server

    handle = start_server(tmp_path_factory.mktemp("server-ttl"), only=["pc.hughes"],
                          ping_interval=240,
                          extra_args=["--access-token-ttl", str(ACCESS_TOKEN_TTL)])
    yield handle
    handle.stop()


def _records_shown(window) -> int:
    my_data = window.screens["my-data"]
    return my_data.model.rowCount()


def test_server_stopped_mid_session(qtbot, profile, tmp_path):
    from tests.support.server import start_server

    server = start_server(tmp_path / "server", only=["pc.hughes"], ping_interval=240)
    try:
        window = build_window(qtbot, profile, server)
        first_run_through_ui(qtbot, window, server.url)
        window.show_screen("my-data")
        shown = _records_shown(window)
        assert shown > 0
    finally:
        server.stop()
    assert server.process.poll() is not None
    assert sync_now(qtbot, window) is False
    info = window.banner.info
    assert window.banner.isVisible() and info.kind == "ServerUnreachable"
    assert info.next_step and "network" in info.next_step.lower()
    assert window.banner.action_button.text().replace("&", "") == "Try again"
    assert _records_shown(window) == shown  # the cached data is still shown
    assert window.context.store is not None
    assert "did not finish" in window.status.progress_text.text()
    close_window(window)


def test_signed_out_when_the_server_revoked_the_tokens(qtbot, profile, short_token_server):
    server = short_token_server
    window = build_window(qtbot, profile, server)
    first_run_through_ui(qtbot, window, server.url)
    tokens = json.loads(window.context.store.get_secret(TOKENS_SECRET))
    reply = requests.post(server.url + "/oauth/revoke", timeout=10, data={
        "token": tokens["refresh_token"], "token_type_hint": "refresh_token",
        "client_id": "recourse-desktop"})
    assert reply.status_code == 200
    qtbot.wait(int(ACCESS_TOKEN_TTL * 1000) + 500)  # the access token runs out
    assert sync_now(qtbot, window) is False
    info = window.banner.info
    assert info.kind == "SignedOut"
    assert "sign in" in info.next_step.lower()
    assert window.banner.action_button.text().replace("&", "") == "Sign in again"
    assert _records_shown(window) > 0
    # The next step works: signing in again through the form, then the sync succeeds.
    with qtbot.waitSignal(window.sync_done, timeout=30_000) as blocker:
        window.banner.action_button.click()
    assert blocker.args == [True]
    close_window(window)


class _CorruptingProxy:
    """Forwards GETs to the real server; answers /v1/me with JSON of the wrong shape."""

    def __init__(self, upstream: str) -> None:
        upstream_url = upstream
        self.me_requests = 0
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path.startswith("/v1/me"):
                    proxy.me_requests += 1
                    body = b'{"officer": 42, "records": "lots"}'
                    status, kind = 200, "application/json"
                else:
                    reply = requests.get(upstream_url + self.path, timeout=10, headers={
                        k: v for k, v in self.headers.items() if k.lower() != "host"})
                    body, status = reply.content, reply.status_code
                    kind = reply.headers.get("Content-Type", "application/json")
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


def test_invalid_response_is_reported_and_changes_nothing(qtbot, profile, short_token_server):
    server = short_token_server
    proxy = _CorruptingProxy(server.url)
    try:
        # The API goes through the proxy; sign-in still talks to the real issuer.
        window = build_window(qtbot, profile, server, server_url=proxy.url,
                              issuer=server.url)
        window.start()
        window.first_run.passphrase.setText("tulip ferry 9 oboe lantern")
        window.first_run.confirm.setText("tulip ferry 9 oboe lantern")
        window.first_run.server.setText(proxy.url)
        with qtbot.waitSignal(window.sync_done, timeout=60_000) as blocker:
            window.first_run.create_button.click()
        assert blocker.args == [False]
        # Asked once and reported at once: a wrong-shaped answer is not retried (with
        # back-off) as if the server were busy, so the officer is not left waiting.
        assert proxy.me_requests == 1
        info = window.banner.info
        assert info.kind == "ResponseInvalid"
        assert info.next_step and "IT" in info.next_step
        assert window.banner.action_button.text().replace("&", "") == "Try again"
        assert window.context.store.me() is None  # nothing half-stored
        assert window.pages.currentWidget() is window.workspace
        close_window(window)
    finally:
        proxy.close()
